"""Opening, creating, checking and migrating the database; exit 3 when it cannot be used."""

import gc
import os
import sqlite3
import stat
import warnings
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, closing, contextmanager, nullcontext
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from typer.testing import CliRunner

from conftest import Xf
from xinfang_cli.cli import app
from xinfang_cli.store.db import HEAD, REVISIONS
from xinfang_cli.store.migrate import alembic_config


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args), env=env)


def test_init_creates_an_owner_only_wal_database_and_is_safe_twice(tmp_path: Path) -> None:
    db = tmp_path / "office" / "xf.db"
    first = run("--db", str(db), "init")
    assert first.exit_code == 0
    assert first.stderr == f"Database ready: {db} (schema {HEAD}).\n"
    assert stat.S_IMODE(os.stat(db).st_mode) == 0o600
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    second = run("--db", str(db), "init")
    assert (second.exit_code, second.stderr) == (
        0, f"Database already current: {db} (schema {HEAD}).\n")


def test_default_database_lives_in_the_data_directory(tmp_path: Path) -> None:
    assert run("init").exit_code == 0
    assert (tmp_path / "home" / "xf.db").exists()


def test_missing_database_is_exit_3(tmp_path: Path) -> None:
    db = tmp_path / "none.db"
    result = run("--db", str(db), "list")
    assert (result.exit_code, result.stderr) == (
        3, f"xf: no database at {db}: run xf init first (or give --db).\n")
    assert not db.exists()


def test_foreign_file_is_exit_3_without_traceback(tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_bytes(b"this is a spreadsheet, not a database\n" * 200)
    result = run("--db", str(db), "status")
    assert result.exit_code == 3
    assert result.stderr == (f"xf: {db} is damaged or not an xf database (file is not a "
                             "database).\n")


def test_uninitialised_and_newer_schema_are_exit_3(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    sqlite3.connect(db).close()
    result = run("--db", str(db), "list")
    assert (result.exit_code, result.stderr) == (
        3, f"xf: {db} is not an xf database yet: run xf init.\n")
    assert run("--db", str(db), "init").exit_code == 0
    with closing(sqlite3.connect(db)) as conn, conn:  # closed, and committed before
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    result = run("--db", str(db), "list")
    assert result.exit_code == 3
    assert "has schema 9999_future, newer than this xf: upgrade xf" in result.stderr


def test_locked_past_the_timeout_is_exit_3(sqlite_xf: Xf, tmp_path: Path) -> None:
    config = tmp_path / "home" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("[office]\nlock_timeout = 0.2\n", encoding="utf-8")
    sqlite_xf.ok("unit", "add", "dagang", "大港中专", "--kind", "vocational")
    holder = sqlite3.connect(sqlite_xf.db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = sqlite_xf("unit", "add", "gcsx", "港城实验小学", "--kind", "school")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert (result.exit_code, result.stderr) == (
        3, f"xf: the database {sqlite_xf.db} stayed locked by another user past the timeout; "
           "try again.\n")


def test_db_check_reports_integrity_revision_and_counts(xf: Xf) -> None:
    xf.ok("unit", "add", "dagang", "大港中专", "--kind", "vocational")
    report = xf.json("db", "check")
    assert report["ok"] is True and report["revision"] == HEAD
    assert report["counts"] == {"units": 1, "cases": 0, "followups": 0, "incidents": 0,
                                "history": 0}
    lines = xf.ok("db", "check").stdout.splitlines()
    assert lines[1:] == [f"schema: {HEAD} (this xf needs {HEAD})", "integrity: ok",
                         "1 units, 0 cases, 0 follow-ups, 0 incidents, 0 history rows"]


def test_revisions_list_matches_the_migrations() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    chain = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert tuple(chain) == REVISIONS
    assert script.get_current_head() == HEAD


def test_migrations_build_exactly_the_models(tmp_path: Path) -> None:
    """Upgrade a blank database to head; the schema then matches the SQLModel metadata."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    import xinfang_cli.store.models  # noqa: F401
    import xinfang_cli.store.notices  # noqa: F401
    import xinfang_cli.store.records  # noqa: F401
    import xinfang_cli.store.supervision  # noqa: F401
    from xinfang_cli.store.migrate import modelled, upgrade

    engine = create_engine(f"sqlite:///{tmp_path / 'blank.db'}")
    upgrade(engine)
    with engine.connect() as conn, warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based")
        context = MigrationContext.configure(conn, opts={"include_name": modelled})
        diff = compare_metadata(context, SQLModel.metadata)
    engine.dispose()
    assert diff == []


def test_only_sqlite_and_postgresql() -> None:
    result = run("--db", "mysql://root@localhost/x", "list")
    assert (result.exit_code, result.stderr) == (
        3, "xf: mysql://root@localhost/x: xf works with a SQLite file or a PostgreSQL URL "
           "(postgresql+psycopg://user@host/database).\n")
    from xinfang_cli.store.db import resolve

    assert resolve("postgres://u@h/db").url == "postgresql+psycopg://u@h/db"


# --- nothing left open: every path out of a command closes what it opened ----------------


def _descriptors_on(path: Path) -> int:
    """How many file descriptors this process holds on the database and its -wal, -shm."""
    names = {str(path), f"{path}-wal", f"{path}-shm"}
    held = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            held += os.readlink(f"/proc/self/fd/{fd}") in names
        except OSError:  # closed since it was listed
            pass
    return held


def _config(tmp_path: Path, text: str) -> None:
    config = tmp_path / "home" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(text, encoding="utf-8")


FAILURES = {  # how the command fails: its arguments, its exit code and its message
    "locked": (("unit", "add", "gcsx", "港城实验小学", "--kind", "school"), 3,
               "xf: the database {db} stayed locked by another user past the timeout; "
               "try again.\n"),
    "bad input after opening": (("close", "2018-0999", "--outcome", "resolved"), 2,
                                "xf: no case '2018-0999'.\n"),
    "refused in the transaction": (("unit", "add", "dagang", "大港", "--kind", "school"), 2,
                                   "xf: a unit 'dagang' already exists.\n"),
    "newer schema": (("list",), 3,
                     "xf: the database {db} has schema 9999_future, newer than this xf: "
                     "upgrade xf.\n"),
    "damaged": (("status",), 3,
                "xf: {db} is damaged or not an xf database (file is not a database).\n"),
    # a write refused by the disk (here, the process's file size limit: EFBIG)
    "disk failing": (("import", "{csv}"), 3,
                     "xf: could not write {db} (disk I/O error): nothing was imported; check "
                     "the disk (space, the file size limit, the device) and import again.\n"),
}


@contextmanager
def _file_size_limit(size: int) -> Iterator[None]:
    """Writes past `size` bytes fail with EFBIG, as on a disk that refuses them."""
    import resource
    import signal

    old_limit = resource.getrlimit(resource.RLIMIT_FSIZE)
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, old_limit[1]))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, old_limit)
        signal.signal(signal.SIGXFSZ, old_handler)


def _arrange(failure: str, db: Path) -> sqlite3.Connection | None:
    """Make the next command fail this way; a lock's holder is returned, to be let go."""
    if failure == "locked":
        holder = sqlite3.connect(db, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        return holder
    if failure == "newer schema":
        with closing(sqlite3.connect(db)) as conn, conn:
            conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    elif failure == "damaged":
        db.write_bytes(b"\0not a database\n" * 4096)
        for extra in (Path(f"{db}-wal"), Path(f"{db}-shm")):
            extra.unlink(missing_ok=True)
    return None


def _disk(failure: str, db: Path) -> Callable[[], AbstractContextManager[None]]:
    """For "disk failing": a disk with room for 256 KiB more than the largest file has now,
    the same room every time."""
    if failure != "disk failing":
        return nullcontext
    largest = max(path.stat().st_size for path in (db, Path(f"{db}-wal")) if path.exists())
    return lambda: _file_size_limit(largest + 256 * 1024)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc/self/fd (Linux)")
@pytest.mark.parametrize("failure", list(FAILURES))
def test_a_failed_command_leaves_no_connection_open(sqlite_xf: Xf, tmp_path: Path,
                                                    failure: str) -> None:
    """Run in-process 25 times, each failing after the database was opened, with the
    garbage collector off: a connection the command did not close itself would still hold
    the file afterwards (and Python 3.13 warns of one left for the collector: a
    ResourceWarning, an error under this suite's filterwarnings)."""
    db = Path(sqlite_xf.db)
    _config(tmp_path, "[office]\nlock_timeout = 0.05\n")
    sqlite_xf.ok("unit", "add", "dagang", "大港中专", "--kind", "vocational")
    sheet = tmp_path / "ledger.csv"
    sheet.write_text("unit,source,received,petitioner,summary\n" + "dagang,letter,2018-05-02,"
                     f"张三,{'教师工资' * 60}\n" * 3000, encoding="utf-8")
    holder = _arrange(failure, db)
    disk = _disk(failure, db)
    args, code, message = FAILURES[failure]
    gc.disable()
    try:
        for _ in range(25):
            with disk():
                result = sqlite_xf(*(arg.format(csv=sheet) for arg in args))
            assert (result.exit_code, result.stderr) == (code, message.format(db=db))
            if holder is None:
                assert _descriptors_on(db) == 0
    finally:
        if holder is not None:
            # SQLite keeps a closed connection's file open while another connection of the
            # same process holds a lock on it (closing it would drop that lock): those
            # close when the holder lets go, as long as the connections were closed.
            holder.execute("ROLLBACK")
            holder.close()
        held = _descriptors_on(db)
        gc.enable()
    assert held == 0
    if failure == "disk failing":  # the failed imports left nothing behind
        assert sqlite_xf.json("status")["totals"]["total"] == 0


def test_a_full_disk_is_told_as_such(tmp_path: Path) -> None:
    """SQLite's "database or disk is full" (here from a page limit: a real disk cannot be
    filled in a test) is the full disk's line, not "damaged"."""
    from sqlalchemy.exc import OperationalError

    from xinfang_cli.i18n import t
    from xinfang_cli.store.db import resolve, unusable

    db = tmp_path / "tiny.db"
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("CREATE TABLE t (x TEXT)")
        conn.execute("PRAGMA max_page_count = 3")
        with pytest.raises(sqlite3.OperationalError) as full:
            conn.execute("INSERT INTO t VALUES (?)", ("x" * 100_000,))
    error = unusable(OperationalError("INSERT", None, full.value), resolve(str(db)))
    assert (error.key, error.exit_code) == ("err.db_full", 3)
    assert t(error.key, **error.params) == (
        f"the disk holding {db} is full: nothing was written; free some space and run the "
        "command again.")
