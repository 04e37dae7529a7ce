"""The installed `xf`, as a real process."""

import shutil
import subprocess
import sys

from xinfang_cli import __version__


def _xf() -> list[str]:
    found = shutil.which("xf")
    return [found] if found else [sys.executable, "-m", "xinfang_cli"]


def test_help_and_version_as_a_subprocess(tmp_path) -> None:
    env = {"PATH": "/usr/bin:/bin", "XF_HOME": str(tmp_path), "XF_LANG": "en"}
    result = subprocess.run([*_xf(), "--help"], capture_output=True, text=True, env=env,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert "Usage: xf" in result.stdout and "overdue" in result.stdout
    version = subprocess.run([*_xf(), "--version"], capture_output=True, text=True, env=env,
                             check=False)
    assert version.stdout == f"xf {__version__}\n"


def test_help_imports_no_sqlalchemy() -> None:
    code = ("import sys; sys.argv=['xf','--help']\n"
            "from xinfang_cli.cli import app\n"
            "assert 'sqlalchemy' not in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_python_dash_m_runs_the_same_cli(tmp_path) -> None:
    db = tmp_path / "x.db"
    result = subprocess.run([sys.executable, "-m", "xinfang_cli", "--db", str(db), "init"],
                            capture_output=True, text=True, check=False,
                            env={"XF_LANG": "en", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0 and db.exists()


def test_help_is_rendered_once_then_read_from_the_cache(tmp_path) -> None:
    env = {"PATH": "/usr/bin:/bin", "XF_HOME": str(tmp_path), "XF_LANG": "en"}
    first = subprocess.run([*_xf(), "--help"], capture_output=True, text=True, env=env,
                           check=True)
    cached = list((tmp_path / "cache").glob("help-*.txt"))
    assert len(cached) == 1 and cached[0].read_text(encoding="utf-8") == first.stdout
    again = subprocess.run([*_xf(), "--help"], capture_output=True, text=True, env=env,
                           check=True)
    assert again.stdout == first.stdout and "Usage: xf" in again.stdout
    chinese = subprocess.run([*_xf(), "--help"], capture_output=True, text=True,
                             env={**env, "XF_LANG": "zh"}, check=True)
    assert "登记" in chinese.stdout  # another language, another cache entry
    assert len(list((tmp_path / "cache").glob("help-*.txt"))) == 2


def test_a_damaged_help_cache_is_rendered_anew(tmp_path) -> None:
    env = {"PATH": "/usr/bin:/bin", "XF_HOME": str(tmp_path), "XF_LANG": "en"}
    first = subprocess.run([*_xf(), "--help"], capture_output=True, text=True, env=env,
                           check=True)
    (cached,) = (tmp_path / "cache").glob("help-*.txt")
    cached.write_bytes(b"\xe4\xb8")  # cut in the middle of a character
    again = subprocess.run([*_xf(), "--help"], capture_output=True, text=True, env=env,
                           check=False)
    assert (again.returncode, again.stdout) == (0, first.stdout)
    cached.write_text("", encoding="utf-8")
    assert subprocess.run([*_xf(), "--help"], capture_output=True, text=True, env=env,
                          check=True).stdout == first.stdout
