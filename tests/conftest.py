"""Each test gets its own database (a real SQLite file, or a fresh PostgreSQL database per
session, emptied between tests), a data directory in tmp_path, and a fixed today."""

import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from xinfang_cli.cli import app

TODAY = "2018-10-12"
POSTGRES_URL = os.environ.get("XF_TEST_POSTGRES_URL")
REQUIRE_POSTGRES = os.environ.get("XF_REQUIRE_POSTGRES") == "1"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches a real user's data; today is fixed; messages in English."""
    monkeypatch.setenv("XF_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XF_TODAY", TODAY)
    monkeypatch.setenv("XF_LANG", "en")
    monkeypatch.setenv("XF_USER", "tester")
    for var in ("XF_DB", "XF_CONFIG", "XF_DEBUG"):
        monkeypatch.delenv(var, raising=False)


@dataclass
class Xf:
    """Runs `xf` in-process on one database."""

    db: str
    backend: str
    user: str | None = None  # the operator, where not the suite's `tester` (`as_operator`)

    def __call__(self, *args: str, input: str | None = None,
                 env: dict[str, str] | None = None) -> Result:
        runner = CliRunner()
        if self.user is not None:
            env = {"XF_USER": self.user, **(env or {})}
        return runner.invoke(app, ["--db", self.db, *args], input=input, env=env)

    def ok(self, *args: str, **kw) -> Result:  # type: ignore[no-untyped-def]
        result = self(*args, **kw)
        assert result.exit_code == 0, (result.exit_code, result.stdout, result.stderr)
        return result

    def json(self, *args: str):  # type: ignore[no-untyped-def]
        import json

        return json.loads(self.ok(*args, "--json").stdout)


# --- SQLite: a migrated template copied per test ---------------------------------------

@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "xf.db"
    result = CliRunner().invoke(app, ["--db", str(path), "init"])
    assert result.exit_code == 0, result.stderr
    return path


@pytest.fixture
def sqlite_xf(tmp_path: Path, sqlite_template: Path) -> Xf:
    path = tmp_path / "xf.db"
    shutil.copyfile(sqlite_template, path)
    os.chmod(path, 0o600)
    return Xf(str(path), "sqlite")


# --- PostgreSQL: one fresh database per test session -------------------------------------

def _postgres_unavailable() -> str | None:
    if not POSTGRES_URL:
        return "XF_TEST_POSTGRES_URL is not set"
    try:
        import psycopg

        psycopg.connect(_plain(POSTGRES_URL), connect_timeout=3).close()
    except Exception as exc:  # noqa: BLE001 - any failure means: no server here
        return f"no PostgreSQL server at {POSTGRES_URL}: {exc}"
    return None


def _plain(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


# On a server the history names the login itself (`session_user`), and XF_USER naming anyone
# else is refused: the suite reaches its databases as a login named as XF_USER says,
# `tester`, a superuser like the one in XF_TEST_POSTGRES_URL (and with its password, if it
# has one). A test that needs a second operator gets a login of that name (`as_operator`).
# Made once, kept on the server like the groups of revision 0009: sessions share them.
TESTER = "tester"


def server_login(name: str) -> None:
    """A superuser login `name` on the test server, made unless it is there."""
    import psycopg
    from psycopg import sql
    from sqlalchemy.engine import make_url

    password = make_url(POSTGRES_URL).password  # type: ignore[arg-type]
    with psycopg.connect(_plain(POSTGRES_URL), autocommit=True) as admin:  # type: ignore[arg-type]
        if admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone():
            return
        try:
            admin.execute(sql.SQL("CREATE ROLE {} LOGIN SUPERUSER PASSWORD {}").format(
                sql.Identifier(name), sql.Literal(password)))
        except (psycopg.errors.DuplicateObject, psycopg.errors.UniqueViolation):
            pass  # another session made it meanwhile


def server_url(database: str, login: str = TESTER) -> str:
    """The URL of a database on the test server, reached as `login`."""
    from sqlalchemy.engine import make_url

    url = make_url(POSTGRES_URL).set(drivername="postgresql+psycopg", database=database,  # type: ignore[arg-type]
                                     username=login)
    return url.render_as_string(hide_password=False)


def as_operator(xf: Xf, name: str) -> Xf:
    """The same database with `name` as the operator: XF_USER on SQLite, a login of that
    name on the server."""
    if xf.backend != "postgres":
        return Xf(xf.db, xf.backend, user=name)
    from sqlalchemy.engine import make_url

    server_login(name)
    url = make_url(xf.db).set(username=name).render_as_string(hide_password=False)
    return Xf(url, xf.backend, user=name)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    reason = _postgres_unavailable()
    if reason:
        if REQUIRE_POSTGRES:
            pytest.fail(f"XF_REQUIRE_POSTGRES=1 but {reason}")
        pytest.skip(reason)
    import psycopg

    name = f"xf_test_{uuid.uuid4().hex[:12]}"
    server_login(TESTER)
    admin = psycopg.connect(_plain(POSTGRES_URL), autocommit=True)  # type: ignore[arg-type]
    admin.execute(f'CREATE DATABASE "{name}"')
    rendered = server_url(name)
    result = CliRunner().invoke(app, ["--db", rendered, "init"])
    assert result.exit_code == 0, result.stderr
    try:
        yield rendered
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture
def empty_postgres(postgres_url: str):  # type: ignore[no-untyped-def]
    """A second, empty database on the server, dropped afterwards."""
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"xf_copy_{uuid.uuid4().hex[:10]}"
    admin = psycopg.connect(_plain(POSTGRES_URL), autocommit=True)  # type: ignore[arg-type]
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(postgres_url).set(database=name).render_as_string(hide_password=False)
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


TABLES = ("history, followup, incident, petition_case, import_batch, case_sequence, "
          "unit_history, command, unit, case_search, notice, notice_sequence, supervision")
# (case_search is named: TRUNCATE fires no trigger)


@pytest.fixture
def postgres_xf(postgres_url: str) -> Xf:
    import psycopg

    with psycopg.connect(_plain(postgres_url), autocommit=True) as conn:
        conn.execute(f"TRUNCATE {TABLES} RESTART IDENTITY CASCADE")
    return Xf(postgres_url, "postgres")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def xf(request: pytest.FixtureRequest) -> Xf:
    """The CLI on each backend: every test using it runs on SQLite and on PostgreSQL."""
    return request.getfixturevalue(f"{request.param}_xf")


@pytest.fixture
def office(xf: Xf) -> Xf:
    """Three units, ready for cases."""
    xf.ok("unit", "add", "dagang", "大港中专", "--kind", "vocational", "--head", "李校长")
    xf.ok("unit", "add", "gcsx", "港城实验小学", "--kind", "学校")
    xf.ok("unit", "add", "renshi", "人事科", "--kind", "section")
    return xf


def add_case(xf: Xf, *extra: str, unit: str = "dagang", source: str = "visit",
             received: str = "2018-05-02", petitioner: str = "张三",
             summary: str = "要求解决待遇问题") -> str:
    result = xf.ok("add", "--unit", unit, "--source", source, "--received", received,
                   "--petitioner", petitioner, "--summary", summary, *extra)
    return result.stdout.strip()
