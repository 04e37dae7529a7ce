"""Two languages: the same keys in both catalogues, help for every command, Chinese errors."""

import os
import shutil
import subprocess
import sys
from string import Formatter

import pytest
from typer.main import get_command

from conftest import Xf, add_case
from xinfang_cli.cli import app
from xinfang_cli.i18n import CATALOGUES


def test_every_key_exists_in_both_languages() -> None:
    assert sorted(set(CATALOGUES["zh"]) ^ set(CATALOGUES["en"])) == []


def test_placeholders_agree() -> None:
    def fields(text: str) -> set[str]:
        return {f for _, f, _, _ in Formatter().parse(text) if f}

    assert [k for k in CATALOGUES["en"]
            if fields(CATALOGUES["en"][k]) != fields(CATALOGUES["zh"][k])] == []


def _commands(group, prefix=()):  # type: ignore[no-untyped-def]
    for name, command in group.commands.items():
        path = (*prefix, name)
        yield path, command
        if hasattr(command, "commands"):
            yield from _commands(command, path)


def test_every_command_has_help() -> None:
    missing = [" ".join(path) for path, command in _commands(get_command(app))
               if not (command.help or "").strip()]
    assert missing == []


def _xf() -> list[str]:
    found = shutil.which("xf")
    return [found] if found else [sys.executable, "-m", "xinfang_cli"]


@pytest.mark.parametrize(("lang", "expected"), [
    ("zh", "登记一件信访事项，输出新事项编号。"),
    ("en", "Register a petition; prints the new case id."),
])
def test_help_in_the_chosen_language(lang: str, expected: str) -> None:
    env = {**os.environ, "XF_LANG": lang, "COLUMNS": "200"}
    result = subprocess.run([*_xf(), "add", "--help"], capture_output=True, text=True,
                            env=env, check=False)
    assert result.returncode == 0
    assert expected in result.stdout


@pytest.mark.parametrize(("lang", "help_line", "default", "envvar", "options"), [
    ("zh", "显示本帮助并退出。", "[默认：1]", "[环境变量：XF_DB]", "─ 选项 ─"),
    ("en", "Show this help and exit.", "[default: 1]", "[env var: XF_DB]", "─ Options ─"),
])
def test_help_says_everything_in_the_chosen_language(
        lang: str, help_line: str, default: str, envvar: str, options: str) -> None:
    """Click's and Typer's own words too: the help option, defaults, environment variables,
    the headings; in a command, a command group's command, the top level, and a command
    group named alone (its help is the answer)."""
    from typer.testing import CliRunner

    from xinfang_cli.i18n import lang as current
    from xinfang_cli.i18n import set_lang

    before = current()
    set_lang(lang)  # as `detect` does from XF_LANG at start-up, before the options are read
    try:
        outputs = [CliRunner().invoke(app, args, env={"COLUMNS": "200", "XF_LANG": lang}).stdout
                   for args in (["add", "--help"], ["db", "upgrade", "-h"], ["--help"],
                                ["unit"])]
    finally:
        set_lang(before)
    for out in outputs:
        help_row = next(line for line in out.splitlines() if "--help" in line)
        assert help_row.split() == ["│", "--help", "-h", *help_line.split(), "│"]
        assert "Show this message" not in out
        assert options in out
    assert default in outputs[0]
    assert envvar in outputs[2]


def test_errors_in_chinese(office: Xf) -> None:
    result = office("--lang", "zh", "accept", "2018-0042")
    assert (result.exit_code, result.stderr) == (2, "xf: 没有事项 '2018-0042'。\n")
    cid = add_case(office)
    office.ok("reject", cid, "--reason", "r", "--on", "2018-05-03")
    result = office("accept", cid, env={"XF_LANG": "zh"})
    assert result.stderr == f"xf: {cid} 当前状态为“不予受理”，不允许 xf accept。\n"


def test_chinese_table_labels_and_alignment(office: Xf) -> None:
    add_case(office, "--backlog", "excessive")
    out = office.ok("--lang", "zh", "list").stdout.splitlines()
    header = next(line for line in out if "编号" in line)
    row = next(line for line in out if "2018-0001" in line)
    assert "诉求过高" in row and "来访" in row and "已登记" in row
    from rich.cells import cell_len

    # the status column starts at the same screen column in header and row
    assert cell_len(header[:header.index("状态")]) == cell_len(row[:row.index("已登记")])


def test_no_command_shows_help_and_exits_0() -> None:
    from typer.testing import CliRunner

    for args in ([], ["unit"]):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0 and result.stderr == ""
        assert "Usage: " in result.stdout
