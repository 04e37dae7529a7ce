"""Revision 0007 (the papers to the petitioner) over a database with data at revision 0006,
on both backends: the rows stay as they were, the papers of the cases already there are
owed and can be issued at once, and a downgrade drops only the two new tables."""

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, inspect

from test_migrations_0002 import build_at_0001, new_database, snapshot
from test_migrations_0005 import _xf
from xinfang_cli.store.db import HEAD


def _at_0006(url: str) -> None:
    from xinfang_cli.store.migrate import upgrade

    build_at_0001(url)
    engine = create_engine(url)
    try:
        upgrade(engine, "0006_search")
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def at_0006(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A URL of a new database at revision 0006, with rows in every table."""
    yield from new_database(request.param, tmp_path, _at_0006)


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return set(inspect(conn).get_table_names()) & {"notice", "notice_sequence"}
    finally:
        engine.dispose()


def test_upgrade_to_0007_owes_and_issues_the_papers_of_cases_there(at_0006: str,
                                                                    tmp_path) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(at_0006)
    xf = _xf(at_0006)
    result = xf.ok("db", "upgrade")
    assert result.stderr == f"Schema upgraded: 0006_search → {HEAD}.\n"
    assert snapshot(at_0006) == before
    assert _tables(at_0006) == {"notice", "notice_sequence"}
    owed = xf.json("notice", "list", "--pending")
    assert [(o["case"], o["kind"], o["due"]) for o in owed] == [
        ("2018-0001", "acceptance", "2018-05-17")]
    paper = xf.json("notice", "2018-0001", "acceptance", "-o", str(tmp_path / "a.docx"))
    assert paper["number"] == "连区教信〔2018〕1号"
    assert xf.json("notice", "list", "--pending") == []
    assert xf.json("db", "check")["ok"] is True


def test_downgrade_from_0007_drops_only_what_it_added(at_0006: str) -> None:
    from alembic import command

    from xinfang_cli.store.migrate import alembic_config, upgrade

    before = snapshot(at_0006)
    engine = create_engine(at_0006)
    try:
        upgrade(engine)
        with engine.begin() as conn:
            config = alembic_config(at_0006)
            config.attributes["connection"] = conn
            command.downgrade(config, "0006_search")
    finally:
        engine.dispose()
    assert snapshot(at_0006) == before
    assert _tables(at_0006) == set()
