"""On a terminal, `xf add` asks for what is missing, showing the choices."""

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
