"""Opening the database: SQLite by default, PostgreSQL by URL; one transaction per operation.

Backend-specific SQL stands in three places only: the SQLite connection setup below,
PostgreSQL's `VACUUM (ANALYZE)` after a bulk load (`refresh_statistics`), and the import's
COPY on PostgreSQL (`store.bulk.insert_many`). Every query is the same on both.
"""

import getpass
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlmodel import Session

from xinfang_cli.domain.errors import BadInput, DatabaseUnusable, NotPermitted

# The Alembic revisions in order; the last is the schema this program needs.
# tests/test_db.py and tests/test_migrations_0002.py check this list against
# migrations/versions.
REVISIONS = ("0001_initial_schema", "0002_import_batches", "0003_report_indexes",
             "0004_followup_unit", "0005_corrections", "0006_search", "0007_notices",
             "0008_supervision", "0009_access", "0010_report_indexes",
             "0011_server_rules")
HEAD = REVISIONS[-1]


@dataclass(frozen=True)
class Target:
    """Where the data is: a SQLite file or a server URL."""

    url: str
    path: Path | None  # the SQLite file, None for a server

    @property
    def label(self) -> str:
        return str(self.path) if self.path else _hide_password(self.url)


def _hide_password(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def resolve(db: str | None) -> Target:
    """`--db`: a file path means SQLite, a URL (`postgresql+psycopg://…`) a server."""
    from xinfang_cli.config.settings import default_db_path

    if db and "://" in db:
        if db.startswith("sqlite:///"):
            return Target(db, Path(db.removeprefix("sqlite:///")))
        for plain in ("postgres://", "postgresql://"):  # psql's spelling: the driver is psycopg 3
            if db.startswith(plain):
                db = "postgresql+psycopg://" + db.removeprefix(plain)
        return Target(db, None)
    path = Path(db).expanduser() if db else default_db_path()
    return Target(f"sqlite:///{path.resolve()}", path.resolve())


def _lower(text: str | None) -> str | None:
    return text.lower() if isinstance(text, str) else text


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        # Let SQLAlchemy's BEGIN below rule transactions, not the driver.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()
        # SQLite's lower() folds ASCII alone; `xf search` folds as Python does (Ä, Ｗ).
        dbapi_conn.create_function("xf_lower", 1, _lower, deterministic=True)

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
        # A writer takes the lock at BEGIN, so a second writer waits (busy timeout)
        # instead of failing when it upgrades a read lock.
        mode = conn.get_execution_options().get("xf_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if mode else "BEGIN")


def make_engine(target: Target, lock_timeout: float = 30.0) -> Engine:
    if target.path is not None:
        engine = create_engine(target.url, connect_args={"timeout": lock_timeout})
        _sqlite_setup(engine)
        return engine
    if not target.url.startswith("postgresql+psycopg://"):
        # the migrations and the case numbering are written and tested for these two
        raise DatabaseUnusable("err.db_unsupported", target=target.label)
    try:
        engine = create_engine(target.url, pool_pre_ping=False,
                               connect_args={"connect_timeout": 10})
        _postgres_setup(engine)
        return engine
    except (ImportError, ModuleNotFoundError) as exc:
        raise DatabaseUnusable("err.db_driver", target=target.label, reason=str(exc)) from None
    except Exception as exc:  # a malformed URL
        raise DatabaseUnusable("err.db_url", target=target.label, reason=str(exc)) from None


# A viewer login reads the cases and their history through the masking views of revision
# 0011 (`xf_masked`, first on its search path), under the tables' own names; any other
# login, or a database before 0011, is left as it is. Decided by the login's own group
# (a direct member of xf_viewer: the office holds that group too, to grant it).
VIEWER_PATH = """
SELECT set_config('search_path', 'xf_masked, public', false)
WHERE to_regnamespace('xf_masked') IS NOT NULL AND EXISTS (
    SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
    JOIN pg_roles r ON r.oid = m.member
    WHERE g.rolname = 'xf_viewer' AND r.rolname = session_user)"""


def _postgres_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        dbapi_conn.execute(VIEWER_PATH)
        dbapi_conn.commit()  # a session's setting made in a transaction rolled back is undone


def create_sqlite_file(path: Path) -> None:
    """Create the database file readable by its owner only (0600): it holds personal data."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def schema_revision(engine: Engine) -> str | None:
    """The Alembic revision the database is at; None when it was never initialised."""
    with engine.connect() as conn:
        try:  # one plain query; the catalogue is read only when it fails (~4 ms saved)
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except DBAPIError:
            conn.rollback()
            from sqlalchemy import inspect

            if inspect(conn).has_table("alembic_version"):
                raise
            return None


def open_database(target: Target, lock_timeout: float = 30.0) -> Engine:
    """An engine on a usable database at the newest schema, or DatabaseUnusable (exit 3)."""
    if target.path is not None and not target.path.exists():
        raise DatabaseUnusable("err.db_missing", target=target.label)
    engine = make_engine(target, lock_timeout)
    try:
        revision = schema_revision(engine)
    except DBAPIError as exc:
        engine.dispose()
        raise (not_permitted(exc, target) or unusable(exc, target)) from None
    if revision != HEAD:  # refused: close the connection before saying why
        engine.dispose()
    if revision is None:
        raise DatabaseUnusable("err.db_not_initialised", target=target.label)
    if revision != HEAD:
        key = "err.db_old" if revision in REVISIONS else "err.db_newer"
        raise DatabaseUnusable(key, target=target.label, revision=revision)
    return engine


def unusable(exc: DBAPIError, target: Target) -> DatabaseUnusable:
    """Explain a driver error: locked, disk full or failing, damaged, foreign file, server
    unreachable."""
    message = str(exc.orig) if exc.orig else str(exc)
    if "locked" in message or "busy" in message:
        return DatabaseUnusable("err.db_locked", target=target.label)
    # SQLite's words, PostgreSQL's disk_full: the failed write was rolled back, so the
    # database is as it was, not damaged
    if "database or disk is full" in message or getattr(exc.orig, "sqlstate", "") == "53100":
        return DatabaseUnusable("err.db_full", target=target.label)
    if "disk I/O error" in message:
        return DatabaseUnusable("err.db_io", target=target.label,
                                reason=message.strip().splitlines()[0])
    if isinstance(exc, OperationalError) and target.path is None:
        return DatabaseUnusable("err.db_connect", target=target.label,
                                reason=message.strip().splitlines()[0])
    return DatabaseUnusable("err.db_damaged", target=target.label,
                            reason=message.strip().splitlines()[0])


def on_server(session: Session) -> None:
    """Logins are PostgreSQL's: on SQLite there are none (the file's permissions)."""
    if session.get_bind().dialect.name != "postgresql":
        raise BadInput("acc.err.sqlite")


def require_office(session: Session, right: str) -> None:
    """What only the office may do though the server's grants cannot tell it (a unit login
    may write its own cases, yet not import a sheet of them; a campaign lives in a file):
    on PostgreSQL, refused (exit 4) for a login that is not an office one (or a superuser).
    `right` is a catalogue key naming it."""
    if session.get_bind().dialect.name != "postgresql":
        return
    login, superuser, role = session.execute(text(
        "SELECT session_user, r.rolsuper, (SELECT a.role FROM access_login a "
        "WHERE a.login = session_user) FROM pg_roles r WHERE r.rolname = session_user")).one()
    if not superuser and role != "office":
        raise NotPermitted("err.office_only", login=login, right=right, role=role or "—")


def not_permitted(exc: DBAPIError, target: Target) -> NotPermitted | None:
    """The server refused the login (SQLSTATE 42501: a privilege it lacks, or a row its
    row-level security does not let it write); None for any other error."""
    if getattr(exc.orig, "sqlstate", None) != "42501":
        return None
    from sqlalchemy.engine import make_url

    message = str(exc.orig).strip().splitlines()[0]
    if "row-level security" in message:
        right = "right.write_unit"
    else:
        statement = (exc.statement or "").lstrip().upper()
        # a read that locks its rows (SELECT … FOR UPDATE) is the start of a write
        read = statement.startswith(("SELECT", "WITH")) and "FOR UPDATE" not in statement
        right = "right.read" if read else "right.write"
    login = make_url(target.url).username or getpass.getuser()
    return NotPermitted(login=login, right=right, detail=message)  # right: a catalogue key


# A bulk load smaller than this leaves the server's statistics to autovacuum.
BULK_ROWS = 1000


def after_bulk_load(engine: Engine, rows: int) -> None:
    """After a large import or copy: fresh planner statistics (see `refresh_statistics`)."""
    if rows >= BULK_ROWS:
        refresh_statistics(engine)


def refresh_statistics(engine: Engine) -> None:
    """PostgreSQL: `VACUUM ANALYZE` of the large tables, as its manual advises after a bulk
    load or a migration that rewrites rows.

    Without fresh statistics and a visibility map the planner cannot use the report indexes
    well (on the benchmark district the scorecard took 0.67 s instead of 0.15 s), and
    autovacuum may be off or late. It runs after the commit, outside any transaction, and
    does not block readers or writers. SQLite needs nothing here. A server that refuses
    costs only the speed-up: the rows are already written.
    """
    if engine.dialect.name != "postgresql":
        return
    try:
        with engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            conn.exec_driver_sql("SET lock_timeout = '10s'")  # never hang behind a long job
            conn.exec_driver_sql(
                "VACUUM (ANALYZE) petition_case, followup, history, incident, case_search")
            conn.exec_driver_sql("RESET lock_timeout")
    except DBAPIError:
        pass


@contextmanager
def unit_of_work(engine: Engine, write: bool = True) -> Iterator[Session]:
    """One operation, one transaction: all of it is written, or none."""
    with engine.connect() as conn:
        conn.execution_options(xf_write=write)
        with Session(bind=conn, expire_on_commit=False) as session, session.begin():
            yield session
