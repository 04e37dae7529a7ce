"""Revision 0009 (logins on a shared server) over a database with data at revision 0008, on
both backends: SQLite is left as it was; on PostgreSQL the rows stay, the tables belong to
`xf_owner`, row-level security is on and forced on the unit's tables, the installer is the
first office login, and a downgrade takes back only what the revision added."""

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, inspect, text

from test_migrations_0002 import build_at_0001, new_database, snapshot
from test_migrations_0005 import _xf
from xinfang_cli.store.db import HEAD

PROTECTED = ["case_search", "followup", "history", "incident", "notice", "petition_case",
             "supervision"]


def _at_0008(url: str) -> None:
    from xinfang_cli.store.migrate import upgrade

    build_at_0001(url)
    engine = create_engine(url)
    try:
        upgrade(engine, "0008_supervision")
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def at_0008(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A URL of a new database at revision 0008, with rows in every table."""
    yield from new_database(request.param, tmp_path, _at_0008)


def _rules(url: str) -> dict[str, object]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            tables = sorted(inspect(conn).get_table_names())
            if engine.dialect.name != "postgresql":
                return {"tables": tables}
            return {
                "tables": tables,
                "forced": sorted(conn.scalars(text(
                    "SELECT relname FROM pg_class WHERE relrowsecurity AND relforcerowsecurity "
                    "AND relname NOT LIKE 'access%'"))),
                "owners": sorted(set(conn.scalars(text(
                    "SELECT tableowner FROM pg_tables WHERE schemaname = 'public'")))),
                "office": list(conn.execute(text("SELECT login, role FROM access_login"))),
            } if "access_login" in tables else {"tables": tables}
    finally:
        engine.dispose()


def _cases(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.scalar(text("SELECT count(*) FROM petition_case")) or 0)
    finally:
        engine.dispose()


def test_upgrade_to_0009_keeps_the_rows_and_sets_the_rules(at_0008: str) -> None:
    before, tables, cases = snapshot(at_0008), _rules(at_0008)["tables"], _cases(at_0008)
    xf = _xf(at_0008)
    result = xf.ok("db", "upgrade")
    assert result.stderr == f"Schema upgraded: 0008_supervision → {HEAD}.\n"
    assert snapshot(at_0008) == before
    rules = _rules(at_0008)
    if at_0008.startswith("sqlite"):
        assert rules == {"tables": tables}  # SQLite: nothing to do
    else:
        assert rules == {"tables": sorted([*tables, "access_login", "access_unit"]),
                         "forced": sorted([*PROTECTED, "command"]),  # command: 0011
                         "owners": ["xf_owner"],
                         "office": [("tester", "office")]}
    assert xf.json("db", "check")["ok"] is True
    assert len(xf.json("list")) == cases > 0  # read back through the rules, all of them


def test_downgrade_from_0009_takes_back_only_what_it_added(at_0008: str) -> None:
    from alembic import command

    from xinfang_cli.store.migrate import alembic_config, upgrade

    before, rules = snapshot(at_0008), _rules(at_0008)
    engine = create_engine(at_0008)
    try:
        upgrade(engine)
        with engine.begin() as conn:
            config = alembic_config(at_0008)
            config.attributes["connection"] = conn
            command.downgrade(config, "0008_supervision")
    finally:
        engine.dispose()
    assert snapshot(at_0008) == before and _rules(at_0008) == rules
