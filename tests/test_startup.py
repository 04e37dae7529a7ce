"""What `xf` does to start fast, and the plain text it prints off a terminal.

Start-up: only the command named on the line is built (`cli.only`), and the garbage
collector waits until the database is opened (`cli.common.started`). Off a terminal, tables are
laid out without Rich, in the shape Rich gives them, folded to COLUMNS.
"""

import gc
import os
import subprocess
import sys

import pytest
from typer.main import get_command

from conftest import Xf, add_case
from xinfang_cli.cli import app, invoked_command
from xinfang_cli.cli.common import started
from xinfang_cli.render.tables import Column, fold, plain_block


@pytest.mark.parametrize(("argv", "name"), [
    (["show", "2018-0001"], "show"),
    (["--db", "x.db", "--lang", "zh", "--by", "王", "list", "--overdue"], "list"),
    (["--db", "show", "unit", "list"], "unit"),  # an option's value is no command
    (["--version"], None),
    ([], None),
])
def test_the_command_named_on_the_line(argv: list[str], name: str | None) -> None:
    assert invoked_command(argv) == name


def _run(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XF_LANG": lang}
    return subprocess.run([sys.executable, "-m", "xinfang_cli", *args], capture_output=True,
                          text=True, env=env, check=False)


def test_every_command_runs_alone() -> None:
    """Each command, built alone, still answers (here: its help, exit 0)."""
    names = sorted(get_command(app).commands)  # type: ignore[attr-defined]
    assert len(names) == 41
    failed = [n for n in names if _run(n, "--help").returncode != 0]
    assert failed == []


@pytest.mark.parametrize(("lang", "message"), [
    ("en", "xf: no such command 'shwo'; did you mean 'show'? See xf --help.\n"),
    ("zh", "xf: 没有命令 'shwo'；是不是 'show'？见 xf --help。\n"),
])
def test_a_mistyped_command_is_named_with_a_guess(lang: str, message: str) -> None:
    result = _run("shwo", "2018-0001", lang=lang)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", message)


def test_no_plugin_search_at_start(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Pydantic's search for plugins (the metadata of every installed package) is skipped:
    after a command that opens the database, pydantic has never looked."""
    db = str(tmp_path / "x.db")
    code = ("import sys; from xinfang_cli.entry import main\n"
            f"sys.argv = ['xf', '--db', {db!r}, 'list']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "from pydantic.plugin import _loader\n"
            "print(_loader._plugins, file=sys.stderr)")
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    subprocess.run([sys.executable, "-m", "xinfang_cli", "--db", db, "init"], env=env,
                   check=True, capture_output=True)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, check=False)
    assert result.stderr.splitlines()[-1] == "None"
    # the control: with the switch set to "" pydantic searches (a dict of what it found)
    env["PYDANTIC_DISABLE_PLUGINS"] = ""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, check=False)
    assert result.stderr.splitlines()[-1].startswith("{")


def test_the_collector_runs_again_once_started() -> None:
    gc.disable()
    try:
        started()
        assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


# --- plain tables ---------------------------------------------------------------------------


def test_fold_counts_chinese_as_two_cells() -> None:
    assert fold("反映课后服务收费问题", 8) == ["反映课后", "服务收费", "问题"]
    assert fold("ab\ncd", 8) == ["ab", "cd"]


def test_plain_block_gives_way_in_text_columns_only() -> None:
    columns = [Column("Case"), Column("Note", fold=True, max_width=30)]
    lines = plain_block(columns, [["2018-0001", "一二三四五六七八九十"]], fit=26)
    assert lines == [
        " " * 26,
        "  Case        Note        ",  # 26 cells: the note gets 10, five characters
        " " + "─" * 24 + " ",
        "  2018-0001   一二三四五  ",
        "              六七八九十  ",
        " " * 26,
    ]


def test_show_off_a_terminal_folds_to_columns(office: Xf) -> None:
    add_case(office, summary="反映课后服务收费问题，要求公开收费明细并退还多收的费用")
    out = office.ok("show", "2018-0001", env={"COLUMNS": "40"}).stdout.splitlines()
    start = next(i for i, line in enumerate(out) if line.startswith("Summary"))
    assert out[start:start + 3] == [
        "Summary     反映课后服务收费问题，要求公",
        "            开收费明细并退还多收的费用",
        "Overdue     yes",
    ]
    fields = out[:out.index("History")]
    assert max(len(line) for line in fields) == len("Summary     反映课后服务收费问题，要求公")
