"""`xf backup` and `xf restore` (SQLite; a server URL is sent to pg_dump / pg_restore)."""

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from conftest import Xf, add_case
from xinfang_cli.store.db import HEAD


@pytest.fixture
def busy(sqlite_xf: Xf) -> Xf:
    sqlite_xf.ok("unit", "add", "dagang", "大港中专", "--kind", "vocational")
    for day in ("2018-05-02", "2018-05-03", "2018-05-04"):
        add_case(sqlite_xf, received=day)
    sqlite_xf.ok("accept", "2018-0001", "--on", "2018-05-05")
    return sqlite_xf


def count(path: Path | str, table: str = "petition_case") -> int:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def integrity(path: Path | str) -> str:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def test_backup_is_a_checked_private_copy(busy: Xf, tmp_path: Path) -> None:
    dest = tmp_path / "nightly.db"
    result = busy.ok("backup", str(dest))
    assert result.stderr == (f"Backup written: {dest} (3 cases, schema {HEAD}, "
                             "integrity ok).\n")
    assert dest.stat().st_mode & 0o777 == 0o600
    assert integrity(dest) == "ok"
    assert count(dest) == 3 and count(dest, "history") == count(busy.db, "history")
    assert not Path(f"{dest}-wal").exists()  # one self-contained file
    copy = Xf(str(dest), "sqlite")
    assert copy.json("show", "2018-0001")["status"] == "accepted"


def test_backup_refuses_the_database_itself_and_a_missing_directory(busy: Xf,
                                                                     tmp_path: Path) -> None:
    same = busy("backup", busy.db)
    assert same.exit_code == 2 and "is the database itself" in same.stderr
    nowhere = busy("backup", str(tmp_path / "no" / "such" / "x.db"))
    assert nowhere.exit_code == 2 and "no directory" in nowhere.stderr


def test_restore_keeps_the_current_database_aside(busy: Xf, tmp_path: Path) -> None:
    busy.ok("backup", str(tmp_path / "b.db"))
    add_case(busy, received="2018-06-01")  # after the backup: 4 cases now
    busy.ok("close", "2018-0001", "--outcome", "resolved", "--on", "2018-06-02")
    result = busy.ok("restore", str(tmp_path / "b.db"))
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"The database as it was is kept at {busy.db}.before-restore-")
    aside = Path(lines[0].split(" kept at ")[1].rstrip("."))
    assert lines[-1] == f"Restored {tmp_path / 'b.db'} into {busy.db}: 3 cases, schema " \
                        f"{HEAD}."
    assert count(busy.db) == 3 and busy.json("show", "2018-0001")["status"] == "accepted"
    assert count(aside) == 4 and integrity(aside) == "ok"
    assert aside.stat().st_mode & 0o777 == 0o600
    assert add_case(busy, received="2018-06-01") == "2018-0004"


@pytest.mark.parametrize("content", [b"not a database at all" * 100, b""])
def test_restore_refuses_a_damaged_or_foreign_file(busy: Xf, tmp_path: Path,
                                                   content: bytes) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    result = busy("restore", str(bad))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "nothing restored" in result.stderr
    assert count(busy.db) == 3
    assert not list(Path(busy.db).parent.glob("*.before-restore-*"))


def test_restore_refuses_a_truncated_backup(busy: Xf, tmp_path: Path) -> None:
    busy.ok("backup", str(tmp_path / "b.db"))
    data = (tmp_path / "b.db").read_bytes()
    (tmp_path / "cut.db").write_bytes(data[: len(data) // 2])
    result = busy("restore", str(tmp_path / "cut.db"))
    assert result.exit_code == 2 and "nothing restored" in result.stderr
    assert count(busy.db) == 3


def test_restore_of_an_older_schema_upgrades_it(busy: Xf, tmp_path: Path) -> None:
    from test_migrations_0002 import build_at_0001

    old = tmp_path / "old.db"
    build_at_0001(f"sqlite:///{old}")
    result = busy.ok("restore", str(old))
    assert f"0001_initial_schema → {HEAD}" in result.stderr
    assert busy.json("show", "2018-0001")["petitioner"] == "张*"


def test_restore_into_a_missing_database_creates_it(busy: Xf, tmp_path: Path) -> None:
    busy.ok("backup", str(tmp_path / "b.db"))
    fresh = Xf(str(tmp_path / "new" / "xf.db"), "sqlite")
    result = fresh.ok("restore", str(tmp_path / "b.db"))
    assert "kept at" not in result.stderr
    assert len(fresh.json("list")) == 3
    assert Path(fresh.db).stat().st_mode & 0o777 == 0o600


@pytest.mark.postgres
def test_postgres_is_sent_to_pg_dump_and_pg_restore(postgres_xf: Xf, tmp_path: Path) -> None:
    dump = postgres_xf("backup", str(tmp_path / "x.db"))
    assert dump.exit_code == 2 and "pg_dump" in dump.stderr and dump.stderr.count("\n") == 1
    back = postgres_xf("restore", str(tmp_path / "x.db"))
    assert back.exit_code == 2 and "pg_restore" in back.stderr
