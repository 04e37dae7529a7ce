"""`xf backup` and `xf restore`: SQLite's online backup API, and checks before and after.

The backup API copies the pages of a consistent snapshot while other clerks go on
writing (WAL: the reader does not block them). A PostgreSQL server has its own tools
(pg_dump / pg_restore), so these commands refuse a server URL.
"""

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from xinfang_cli.domain.errors import BadInput
from xinfang_cli.store.db import HEAD, REVISIONS, Target, create_sqlite_file


@dataclass
class Copied:
    file: Path
    cases: int
    revision: str
    from_revision: str | None = None
    aside: Path | None = None


def _sqlite_path(target: Target, key: str) -> Path:
    if target.path is None:
        raise BadInput(key, target=target.label)
    return target.path


def _temp_beside(path: Path, tag: str) -> Path:
    temp = path.with_name(f".{path.name}.{tag}-{os.getpid()}")
    temp.unlink(missing_ok=True)
    create_sqlite_file(temp)
    return temp


def _inspect(path: Path) -> tuple[list[str], str | None, int]:
    """Integrity problems, schema revision and case count of a database file."""
    with closing(sqlite3.connect(path)) as conn:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [f"foreign key: {r[0]} rowid {r[1]}"
                     for r in conn.execute("PRAGMA foreign_key_check")]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables or "petition_case" not in tables:
            return problems, None, 0
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        cases = conn.execute("SELECT COUNT(*) FROM petition_case").fetchone()[0]
    return problems, revision[0] if revision else None, cases


def _copy(source: Path, dest: Path, timeout: float, read_only: bool = False) -> None:
    """Page by page through the backup API: one consistent snapshot of `source`."""
    uri = f"file:{source}?mode=ro" if read_only else f"file:{source}"
    with closing(sqlite3.connect(uri, uri=True, timeout=timeout)) as src, \
            closing(sqlite3.connect(dest, timeout=timeout)) as dst:
        src.backup(dst)


def backup(target: Target, dest: Path, timeout: float) -> Copied:
    """A consistent copy of the live database to `dest` (owner-only, 0600), checked."""
    from xinfang_cli.store.db import open_database

    live = _sqlite_path(target, "err.backup_postgres")
    open_database(target, timeout).dispose()  # missing, damaged, old: exit 3 as everywhere
    dest = dest.expanduser().resolve()
    if dest == live:
        raise BadInput("err.backup_same", file=str(dest))
    if not dest.parent.is_dir():
        raise BadInput("err.backup_dir", dir=str(dest.parent))
    temp = _temp_beside(dest, "backup")
    try:
        _copy(live, temp, timeout)
        with closing(sqlite3.connect(temp)) as conn:  # one self-contained file, no -wal
            conn.execute("PRAGMA journal_mode=DELETE").fetchall()
        problems, revision, cases = _inspect(temp)
        if problems or revision is None:
            raise BadInput("err.backup_failed", file=str(dest), reason="; ".join(problems[:3]))
        os.replace(temp, dest)
        os.chmod(dest, 0o600)
    finally:
        temp.unlink(missing_ok=True)
    return Copied(dest, cases, revision)


def restore(target: Target, source: Path, timeout: float) -> Copied:
    """Check `source`, keep the current database aside, then put `source`'s data in place."""
    live = _sqlite_path(target, "err.restore_postgres")
    source = source.expanduser().resolve()
    if not source.is_file():
        raise BadInput("err.restore_no_file", file=str(source))
    if source == live:
        raise BadInput("err.backup_same", file=str(source))
    live.parent.mkdir(parents=True, exist_ok=True)
    temp = _temp_beside(live, "restore")
    try:
        before = _checked_copy(source, temp, timeout)
        aside = _set_aside(live, timeout) if live.exists() else None
        _put_in_place(temp, live, timeout)
    finally:
        temp.unlink(missing_ok=True)
    problems, revision, cases = _inspect(live)
    return Copied(source, cases, revision or "?", from_revision=before, aside=aside)


def _checked_copy(source: Path, temp: Path, timeout: float) -> str:
    """The file copied to `temp`, whole and at a schema this xf knows (upgraded if older)."""
    try:
        _copy(source, temp, timeout, read_only=True)
        problems, revision, _cases = _inspect(temp)
    except sqlite3.DatabaseError as exc:
        raise BadInput("err.restore_damaged", file=str(source), reason=str(exc)) from None
    if problems:
        raise BadInput("err.restore_damaged", file=str(source), reason="; ".join(problems[:3]))
    if revision is None:
        raise BadInput("err.restore_not_xf", file=str(source))
    if revision not in REVISIONS:
        raise BadInput("err.restore_newer", file=str(source), revision=revision, head=HEAD)
    if revision != HEAD:
        from xinfang_cli.store.db import make_engine, resolve
        from xinfang_cli.store.migrate import upgrade

        engine = make_engine(resolve(str(temp)), timeout)
        try:
            upgrade(engine)
        finally:
            engine.dispose()
    return revision


def _set_aside(live: Path, timeout: float) -> Path:
    """`xf.db.before-restore-YYYYmmdd-HHMMSS`: a consistent copy of the database as it was."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = live.with_name(f"{live.name}.before-restore-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = live.with_name(f"{live.name}.before-restore-{stamp}-{n}")
    create_sqlite_file(aside)
    try:
        _copy(live, aside, timeout)
    except sqlite3.DatabaseError:  # too damaged to read page by page: keep the files as they are
        import shutil

        for suffix in ("", "-wal"):
            part = live.with_name(live.name + suffix)
            if part.exists():
                shutil.copyfile(part, aside.with_name(aside.name + suffix))
    os.chmod(aside, 0o600)
    return aside


def _put_in_place(temp: Path, live: Path, timeout: float) -> None:
    """Through the backup API when the live file can be written (others then see the restored
    data at once); a damaged or missing file is replaced whole."""
    if live.exists():
        try:
            _copy(temp, live, timeout)
            return
        except sqlite3.DatabaseError:
            pass
        for suffix in ("-wal", "-shm"):
            live.with_name(live.name + suffix).unlink(missing_ok=True)
    os.replace(temp, live)
    os.chmod(live, 0o600)
