from xinfang_cli.cli import main

main()
