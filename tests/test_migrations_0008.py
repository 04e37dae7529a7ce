"""Revision 0008 (the office's measures on the units) over a database with data at revision
0007, on both backends: the rows stay as they were, measures can be recorded at once, and a
downgrade drops only the new table."""

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, inspect

from test_migrations_0002 import build_at_0001, new_database, snapshot
from test_migrations_0005 import _xf
from xinfang_cli.store.db import HEAD


def _at_0007(url: str) -> None:
    from xinfang_cli.store.migrate import upgrade

    build_at_0001(url)
    engine = create_engine(url)
    try:
        upgrade(engine, "0007_notices")
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def at_0007(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A URL of a new database at revision 0007, with rows in every table."""
    yield from new_database(request.param, tmp_path, _at_0007)


def _has_table(url: str) -> bool:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return "supervision" in inspect(conn).get_table_names()
    finally:
        engine.dispose()


def test_upgrade_to_0008_keeps_the_rows_and_takes_measures(at_0007: str) -> None:
    before = snapshot(at_0007)
    xf = _xf(at_0007)
    result = xf.ok("db", "upgrade")
    assert result.stderr == f"Schema upgraded: 0007_notices → {HEAD}.\n"
    assert snapshot(at_0007) == before and _has_table(at_0007)
    code = xf.json("unit", "list")[0]["code"]
    xf.ok("supervise", "add", "--unit", code, "--kind", "key-management", "--on",
          "2018-09-01", "--note", "进度滞后")
    marks = {u["unit"]: u["key_management"] for u in xf.json("status")["units"]}
    assert marks[code] is True
    assert xf.json("db", "check")["ok"] is True


def test_downgrade_from_0008_drops_only_what_it_added(at_0007: str) -> None:
    from alembic import command

    from xinfang_cli.store.migrate import alembic_config, upgrade

    before = snapshot(at_0007)
    engine = create_engine(at_0007)
    try:
        upgrade(engine)
        with engine.begin() as conn:
            config = alembic_config(at_0007)
            config.attributes["connection"] = conn
            command.downgrade(config, "0007_notices")
    finally:
        engine.dispose()
    assert snapshot(at_0007) == before and not _has_table(at_0007)
