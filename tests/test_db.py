"""Opening, creating, checking and migrating the database; exit 3 when it cannot be used."""

import os
import sqlite3
import stat
from pathlib import Path

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
    with sqlite3.connect(db) as conn:
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
    with sqlite3.connect(db) as conn:
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
    from xinfang_cli.store.migrate import upgrade

    engine = create_engine(f"sqlite:///{tmp_path / 'blank.db'}")
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    engine.dispose()
    assert diff == []


def test_only_sqlite_and_postgresql() -> None:
    result = run("--db", "mysql://root@localhost/x", "list")
    assert (result.exit_code, result.stderr) == (
        3, "xf: mysql://root@localhost/x: xf works with a SQLite file or a PostgreSQL URL "
           "(postgresql+psycopg://user@host/database).\n")
    from xinfang_cli.store.db import resolve

    assert resolve("postgres://u@h/db").url == "postgresql+psycopg://u@h/db"
