"""On a terminal, `xf add` asks for what is missing, showing the choices."""

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from xinfang_cli.cli import app


def _read_until(fd: int, wanted: str, timeout: float = 20.0) -> str:
    seen, deadline = b"", time.monotonic() + timeout
    while wanted.encode() not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                seen += os.read(fd, 4096)
            except OSError:
                break
    return seen.decode(errors="replace")


def test_add_asks_on_a_terminal(tmp_path: Path) -> None:
    db = tmp_path / "xf.db"
    runner = CliRunner()
    assert runner.invoke(app, ["--db", str(db), "init"]).exit_code == 0
    assert runner.invoke(app, ["--db", str(db), "unit", "add", "dagang", "大港中专", "--kind",
                               "vocational"]).exit_code == 0
    main, child = pty.openpty()
    env = {**os.environ, "XF_LANG": "en", "XF_TODAY": "2018-10-12"}
    proc = subprocess.Popen([sys.executable, "-m", "xinfang_cli", "--db", str(db), "add",
                             "--received", "2018-10-01"],
                            stdin=child, stdout=child, stderr=child, env=env)
    os.close(child)
    try:
        assert "Unit (code or name):" in _read_until(main, "name):")
        os.write(main, "大港中专\n".encode())
        assert "Source (letter=来信, visit=来访" in _read_until(main, "转送):")
        os.write(main, "传真\n".encode())  # not a source: explained, asked again
        assert "unknown value '传真'" in _read_until(main, "转送):")
        os.write(main, "来访\n".encode())
        _read_until(main, "Petitioner:")
        os.write(main, "张三\n".encode())
        _read_until(main, "Summary:")
        os.write(main, "要求解决\n".encode())
        output = _read_until(main, "2018-0001")
        assert proc.wait(timeout=20) == 0
    finally:
        os.close(main)
        if proc.poll() is None:
            proc.kill()
    assert "2018-0001" in output


EDITOR_SCRIPT = '''
import os, pathlib, re, sys
form = pathlib.Path(sys.argv[1])
text = form.read_text(encoding="utf-8")
seen = pathlib.Path(os.environ["XF_TEST_SEEN"])
seen.write_text(seen.read_text(encoding="utf-8") + text + "=====\\n", encoding="utf-8")
phone = '"13912345678"' if "NOT SAVED" in text else '"12a"'  # a typo first, then right
text = re.sub(r"^phone = .*$", "phone = " + phone, text, flags=re.M)
text = re.sub(r"^reason = .*$", 'reason = "登记时电话记错"', text, flags=re.M)
form.write_text(text, encoding="utf-8")
'''


def test_edit_opens_the_form_in_the_editor_and_asks_before_writing(tmp_path: Path) -> None:
    """`xf edit ID` on a terminal: the form in $EDITOR (here a script), a typo in it shown
    again with its fault, the change shown and confirmed, then written."""
    db = tmp_path / "xf.db"
    runner = CliRunner()
    env = {"XF_LANG": "en", "XF_TODAY": "2018-10-12"}
    assert runner.invoke(app, ["--db", str(db), "init"], env=env).exit_code == 0
    assert runner.invoke(app, ["--db", str(db), "unit", "add", "dagang", "大港中专", "--kind",
                               "vocational"], env=env).exit_code == 0
    assert runner.invoke(app, ["--db", str(db), "add", "--unit", "dagang", "--source", "visit",
                               "--received", "2018-10-01", "--petitioner", "张三", "--summary",
                               "要求解决", "--phone", "13812345678"], env=env).exit_code == 0
    script, seen = tmp_path / "editor.py", tmp_path / "seen.txt"
    script.write_text(EDITOR_SCRIPT, encoding="utf-8")
    seen.write_text("", encoding="utf-8")
    main, child = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "xinfang_cli", "--db", str(db), "edit", "2018-0001"],
        stdin=child, stdout=child, stderr=child,
        env={**os.environ, **env, "EDITOR": f"{sys.executable} {script}",
             "XF_TEST_SEEN": str(seen), "VISUAL": ""})
    os.close(child)
    try:
        shown = _read_until(main, "Write these corrections?")
        os.write(main, b"y\n")
        shown += _read_until(main, "corrected.")
        assert proc.wait(timeout=20) == 0
    finally:
        os.close(main)
        if proc.poll() is None:
            proc.kill()
    assert "  Phone: 138****5678 → 139****5678" in shown
    assert "2018-0001: 1 field(s) corrected." in shown
    rounds = seen.read_text(encoding="utf-8").split("=====\n")[:-1]
    assert len(rounds) == 2
    assert 'phone = "13812345678"' in rounds[0] and "NOT SAVED" not in rounds[0]
    assert rounds[1].splitlines()[0] == "# NOT SAVED: --phone: '12a' is not a phone number."
    case = json.loads(runner.invoke(app, ["--db", str(db), "show", "2018-0001", "--json",
                                          "--reveal"], env=env).stdout)
    assert case["phone"] == "13912345678"
    assert [(h["action"], h["field"], h["new"], h["reason"]) for h in case["history"]
            if h["action"] != "reveal"][-1] == ("edit", "phone", "13912345678", "登记时电话记错")
    assert [h["new"] for h in case["history"] if h["action"] == "reveal"][0] == "edit"
