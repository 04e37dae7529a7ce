from xinfang_cli.entry import main

main()
