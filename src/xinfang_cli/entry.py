"""The console script's first step: answer `--version` and a repeated `--help` at once.

Importing Typer alone costs several times a bare Python start, and help is asked for
often. `xf --version` needs nothing but the version; `xf --help` is rendered once per
version, language, width and kind of output (terminal or not), kept in the data
directory's cache, and printed from there afterwards. Everything else goes to the CLI.
"""

import gc
import hashlib
import os
import sys
from pathlib import Path

from xinfang_cli import __version__

_PACKAGE = Path(__file__).resolve().parent


def main() -> None:
    # Start-up imports SQLAlchemy, pydantic and Typer: some hundred thousand objects, few
    # of them garbage, which the cyclic collector would walk again and again (6% of a bare
    # `import typer, sqlmodel` here; more with xf's own models). It waits until
    # `cli.common.started()`, once the database is open.
    gc.disable()
    # Pydantic looks for plugins in every installed package's metadata when it builds its
    # first model (~25 ms at each start); xf uses none. Set to "" to let them load.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    argv = sys.argv[1:]
    if argv == ["--version"]:
        sys.stdout.write(f"xf {__version__}\n")
        return
    if argv in (["--help"], ["-h"]):
        _help()
        return
    from xinfang_cli.cli import main as run

    run()


def _help() -> None:
    terminal = sys.stdout.isatty()
    width = _width(terminal)
    cache = _cache_file(terminal, width)
    try:
        text = cache.read_text(encoding="utf-8")
    except (OSError, ValueError):  # missing, unreadable or not UTF-8: render anew
        text = ""
    if "Usage" in text:
        sys.stdout.write(text)
        return
    text = _render_help(terminal, width)
    sys.stdout.write(text)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, cache)  # never a half-written file for the next reader
    except OSError:
        pass  # a read-only home: help still works, only slower


def _width(terminal: bool) -> int:
    """The width Rich would use: the terminal's, else COLUMNS, else 80."""
    if terminal:
        try:
            return os.get_terminal_size(sys.stdout.fileno()).columns
        except OSError:
            pass
    try:
        return int(os.environ.get("COLUMNS", "") or 80)
    except ValueError:
        return 80


def _cache_file(terminal: bool, width: int) -> Path:
    """One file per version, language, width and output kind, and per state of the code."""
    from xinfang_cli.config.paths import data_dir
    from xinfang_cli.i18n import detect

    stamp = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*.py")):  # a changed help text renders anew
        info = path.stat()
        stamp.update(f"{path.name}{info.st_mtime_ns}{info.st_size}".encode())
    stamp.update(f"{__version__}{detect()}{width}{terminal}{os.environ.get('NO_COLOR')}".encode())
    return data_dir() / "cache" / f"help-{stamp.hexdigest()[:20]}.txt"


def _render_help(terminal: bool, width: int) -> str:
    """Run the real `xf --help` into a string, in the colours and width it would have had."""
    import io

    if terminal:
        os.environ.setdefault("FORCE_COLOR", "1")
    os.environ.setdefault("TERMINAL_WIDTH", str(width))
    captured, real = io.StringIO(), sys.stdout
    sys.stdout = captured
    try:
        from xinfang_cli.cli import main as run

        run()
    except SystemExit:
        pass
    finally:
        sys.stdout = real
    return captured.getvalue()
