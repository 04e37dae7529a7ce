"""Revision 0002 (import batches) over a database built, with data, at revision 0001."""

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from conftest import POSTGRES_URL, TESTER, Xf, server_login, server_url
from xinfang_cli.store.db import HEAD

TABLES = ("unit", "case_sequence", "petition_case", "followup", "history", "incident")
AT = "2018-05-02 09:00:00"

ROWS = [
    "INSERT INTO unit (id, code, name, kind, head, created_at) VALUES "
    "(1, 'dagang', '大港中专', 'vocational', '徐文斌', :at), "
    "(2, 'renshi', '人事科', 'section', NULL, :at)",
    "INSERT INTO case_sequence (year, last) VALUES (2018, 2)",
    "INSERT INTO petition_case (id, year, seq, unit_id, source, backlog, status, status_on, "
    "received, accept_due, accepted, extended_days, due, pending_due, petitioner, phone, "
    "people, summary, created_at) VALUES "
    "('2018-0001', 2018, 1, 1, 'visit', 'historical', 'accepted', '2018-05-03', '2018-05-02', "
    "'2018-05-17', '2018-05-03', 0, '2018-07-02', '2018-07-02', '张三', '13812345678', 1, "
    "'要求解决待遇问题', :at), "
    "('2018-0002', 2018, 2, 2, 'letter', NULL, 'registered', '2018-06-01', '2018-06-01', "
    "'2018-06-16', NULL, 0, NULL, '2018-06-16', '李四', NULL, 6, '反映收费', :at)",
    'INSERT INTO followup (case_id, kind, "on", note, by, created_at) VALUES '
    "('2018-0001', 'call', '2018-05-04', '电话回访', 'clerk', :at)",
    'INSERT INTO history (case_id, at, "on", by, action, field, old, new) VALUES '
    "('2018-0001', :at, '2018-05-02', 'clerk', 'add', 'status', NULL, 'registered'), "
    "('2018-0001', :at, '2018-05-03', 'clerk', 'accept', 'status', 'registered', 'accepted'), "
    "('2018-0002', :at, '2018-06-01', 'clerk', 'add', 'status', NULL, 'registered')",
    'INSERT INTO incident (unit_id, kind, "on", case_id, note, by, created_at) VALUES '
    "(1, 'skip-level', '2018-06-02', '2018-0001', '赴市上访', 'clerk', :at)",
    "INSERT INTO alembic_version (version_num) VALUES ('0001_initial_schema') "
    "ON CONFLICT DO NOTHING",
]


def build_at_0001(url: str) -> None:
    """A database at the first revision with rows in every table, written as plain SQL."""
    from xinfang_cli.store.migrate import upgrade

    engine = create_engine(url)
    try:
        upgrade(engine, "0001_initial_schema")
        with engine.begin() as conn:
            for statement in ROWS:
                conn.execute(text(statement), {"at": AT} if ":at" in statement else {})
    finally:
        engine.dispose()


def snapshot(url: str) -> dict[str, object]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            counts = {t: conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar() for t in TABLES}
            case = conn.execute(text(
                "SELECT id, unit_id, status, received, due, petitioner, phone, summary "
                "FROM petition_case WHERE id = '2018-0001'")).one()
            history = conn.execute(text(
                "SELECT id, case_id, action, field, old, new FROM history ORDER BY id")).all()
    finally:
        engine.dispose()
    return {"counts": counts, "case": tuple(str(v) for v in case),
            "history": [tuple(r) for r in history]}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def old_database(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A URL of a new database at revision 0001, with data."""
    yield from new_database(request.param, tmp_path, build_at_0001)


def new_database(backend: str, tmp_path, build) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A URL of a new database on `backend`, built by `build(url)`; a PostgreSQL one is
    dropped afterwards."""
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'old.db'}"
        build(url)
        yield url
        return
    if not POSTGRES_URL:
        pytest.skip("XF_TEST_POSTGRES_URL is not set")
    import psycopg

    name = f"xf_mig_{uuid.uuid4().hex[:10]}"
    plain = POSTGRES_URL.replace("postgresql+psycopg://", "postgresql://")
    server_login(TESTER)
    with psycopg.connect(plain, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = server_url(name)
    try:
        build(url)
        yield url
    finally:
        with psycopg.connect(plain, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def built_at(revision: str):  # type: ignore[no-untyped-def]
    """A builder for `new_database`: the rows of revision 0001, then up to `revision`."""
    def build(url: str) -> None:
        from xinfang_cli.store.migrate import upgrade

        build_at_0001(url)
        engine = create_engine(url)
        try:
            upgrade(engine, revision)
        finally:
            engine.dispose()
    return build


def up_and_down(url: str, revision: str) -> None:
    """Upgrade the database to the newest revision, then downgrade it to `revision`."""
    from alembic import command

    from xinfang_cli.store.migrate import alembic_config, upgrade

    engine = create_engine(url)
    try:
        upgrade(engine)
        with engine.begin() as conn:
            config = alembic_config(url)
            config.attributes["connection"] = conn
            command.downgrade(config, revision)
    finally:
        engine.dispose()


def _xf(url: str) -> Xf:
    return Xf(url.removeprefix("sqlite:///") if url.startswith("sqlite") else url, "any")


def test_a_command_on_the_old_schema_says_to_upgrade(old_database: str) -> None:
    result = _xf(old_database)("list")
    assert result.exit_code == 3
    assert result.stderr.endswith("has an older schema (0001_initial_schema): run xf db "
                                  "upgrade.\n") and result.stderr.count("\n") == 1


def test_upgrade_to_0002_loses_nothing(old_database: str) -> None:
    before = snapshot(old_database)
    xf = _xf(old_database)
    result = xf.ok("db", "upgrade")
    assert result.stderr == f"Schema upgraded: 0001_initial_schema → {HEAD}.\n"
    assert snapshot(old_database) == before
    case = xf.json("show", "2018-0001", "--reveal")
    assert (case["petitioner"], case["due"], case["followups"][0]["note"]) == (
        "张三", "2018-07-02", "电话回访")
    assert xf.ok("add", "--unit", "dagang", "--source", "visit", "--received", "2018-07-01",
                 "--petitioner", "王五", "--summary", "x").stdout.strip() == "2018-0003"
    assert xf.ok("db", "check").exit_code == 0


def test_revisions_list_matches_the_migrations_folder() -> None:
    from xinfang_cli.store.db import HEAD, REVISIONS
    from xinfang_cli.store.migrate import head_revision, migrations_dir

    files = sorted(p.stem for p in (migrations_dir() / "versions").glob("0*.py"))
    assert tuple(files) == REVISIONS and head_revision() == HEAD == REVISIONS[-1]
    assert os.path.exists(migrations_dir() / "versions" / "0002_import_batches.py")
