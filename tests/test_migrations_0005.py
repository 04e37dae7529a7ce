"""Revision 0005 (corrections: commands, reasons, undone follow-ups, voided incidents, unit
history) over a database with data at revision 0004, on both backends."""

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from conftest import Xf
from test_migrations_0002 import build_at_0001, new_database, snapshot
from xinfang_cli.store.db import HEAD


def _at_0004(url: str) -> None:
    from xinfang_cli.store.migrate import upgrade

    build_at_0001(url)
    engine = create_engine(url)
    try:
        upgrade(engine, "0004_followup_unit")
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def at_0004(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A URL of a new database at revision 0004, with rows in every table."""
    yield from new_database(request.param, tmp_path, _at_0004)


def _columns(url: str) -> dict[str, object]:
    """What 0005 adds, as the old rows have it after the upgrade."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {
                "history": conn.execute(text(
                    "SELECT COUNT(*), COUNT(command_id), COUNT(reason) FROM history")).one(),
                "followup": conn.execute(text(
                    "SELECT COUNT(*), COUNT(undone_on), COUNT(unit_id) FROM followup")).one(),
                "incident": conn.execute(text(
                    "SELECT COUNT(*), COUNT(voided_on) FROM incident")).one(),
                "unit": conn.execute(text(
                    "SELECT COUNT(*), COUNT(email), COUNT(retired_on) FROM unit")).one(),
                "command": conn.execute(text("SELECT COUNT(*) FROM command")).scalar(),
                "unit_history": conn.execute(text("SELECT COUNT(*) FROM unit_history")).scalar(),
            }
    finally:
        engine.dispose()


def _xf(url: str) -> Xf:
    return Xf(url.removeprefix("sqlite:///") if url.startswith("sqlite") else url, "any")


def test_upgrade_to_0005_loses_nothing_and_the_new_commands_work(at_0004: str) -> None:
    before = snapshot(at_0004)
    xf = _xf(at_0004)
    result = xf.ok("db", "upgrade")
    assert result.stderr == f"Schema upgraded: 0004_followup_unit → {HEAD}.\n"
    assert snapshot(at_0004) == before
    assert _columns(at_0004) == {
        "history": (3, 0, 0), "followup": (1, 0, 1), "incident": (1, 0), "unit": (2, 0, 0),
        "command": 0, "unit_history": 0}
    # the old rows keep working with the new commands: a case written before is voided
    xf.ok("void", "2018-0002", "--reason", "重复登记")
    assert [c["id"] for c in xf.json("list")] == ["2018-0001"]
    assert [c["id"] for c in xf.json("list", "--status", "voided")] == ["2018-0002"]
    assert xf.json("db", "check")["ok"] is True


def test_downgrade_from_0005_keeps_the_rows(at_0004: str) -> None:
    from xinfang_cli.store.migrate import upgrade

    before = snapshot(at_0004)
    engine = create_engine(at_0004)
    try:
        upgrade(engine)
        from alembic import command

        from xinfang_cli.store.migrate import alembic_config

        with engine.begin() as conn:
            config = alembic_config(at_0004)
            config.attributes["connection"] = conn
            command.downgrade(config, "0004_followup_unit")
    finally:
        engine.dispose()
    assert snapshot(at_0004) == before
