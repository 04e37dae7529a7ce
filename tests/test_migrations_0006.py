"""Revision 0006 (the search index and the petitioner's keys) over a database with data at
revision 0005, on both backends: the cases already there are found at once, and a
downgrade leaves every row as it was."""

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, inspect, text

from test_migrations_0002 import build_at_0001, new_database, snapshot
from test_migrations_0005 import _xf
from xinfang_cli.store.db import HEAD


def _at_0005(url: str) -> None:
    from xinfang_cli.store.migrate import upgrade

    build_at_0001(url)
    engine = create_engine(url)
    try:
        upgrade(engine, "0005_corrections")
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def at_0005(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A URL of a new database at revision 0005, with rows in every table."""
    yield from new_database(request.param, tmp_path, _at_0005)


def _search_objects(url: str) -> tuple[bool, set[str]]:
    """Whether `case_search` exists, and the case indexes 0006 adds that are there."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            tables = inspect(conn).get_table_names()
            names = {r[0] for r in conn.execute(text(
                "SELECT name FROM sqlite_master WHERE type = 'index'" if url.startswith("sqlite")
                else "SELECT indexname FROM pg_indexes WHERE tablename = 'petition_case'"))}
    finally:
        engine.dispose()
    return "case_search" in tables, names & {"ix_case_phone", "ix_case_id_number",
                                             "ix_case_unit_petitioner"}


def test_upgrade_to_0006_indexes_the_cases_already_there(at_0005: str) -> None:
    before = snapshot(at_0005)
    xf = _xf(at_0005)
    result = xf.ok("db", "upgrade")
    assert result.stderr == f"Schema upgraded: 0005_corrections → {HEAD}.\n"
    assert snapshot(at_0005) == before
    assert _search_objects(at_0005) == (True, {"ix_case_phone", "ix_case_id_number",
                                               "ix_case_unit_petitioner"})
    found = xf.json("search", "待遇问题")  # a summary written before the revision
    assert [(c["id"], c["matched"]) for c in found] == [("2018-0001", ["summary"])]
    assert [c["id"] for c in xf.json("search", "电话回访")] == ["2018-0001"]  # its note
    assert [c["id"] for c in xf.json("petitioner", "--phone", "138-1234-5678")] == ["2018-0001"]
    # and the triggers keep it in step from now on
    xf.ok("follow", "2018-0002", "--note", "约谈校长了解收费情况", "--on", "2018-06-02")
    assert [c["id"] for c in xf.json("search", "收费情况")] == ["2018-0002"]
    assert xf.json("db", "check")["ok"] is True


def test_downgrade_from_0006_drops_only_what_it_added(at_0005: str) -> None:
    from alembic import command

    from xinfang_cli.store.migrate import alembic_config, upgrade

    before = snapshot(at_0005)
    engine = create_engine(at_0005)
    try:
        upgrade(engine)
        with engine.begin() as conn:
            config = alembic_config(at_0005)
            config.attributes["connection"] = conn
            command.downgrade(config, "0005_corrections")
    finally:
        engine.dispose()
    assert snapshot(at_0005) == before
    assert _search_objects(at_0005) == (False, set())
