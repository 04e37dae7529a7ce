"""Revision 0010 (the weekly report's indexes) over a database with data at revision 0009,
on both backends: the rows stay, the partial index holds the backlog cases alone, the next
year's report counts the backlog it carried over and the week's acceptances through them,
and a downgrade drops only the two indexes."""

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from test_migrations_0002 import built_at, new_database, snapshot, up_and_down
from test_migrations_0005 import _xf
from xinfang_cli.store.db import HEAD


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def at_0009(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A URL of a new database at revision 0009, with rows in every table."""
    yield from new_database(request.param, tmp_path, built_at("0009_access"))


def _indexes(url: str) -> dict[str, str]:
    """How the revision's indexes are defined, as the database tells."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "postgresql":
                return dict(conn.execute(text(
                    "SELECT indexname, indexdef FROM pg_indexes WHERE indexname IN "
                    "('ix_case_backlog', 'ix_case_status_on')")).all())
            return dict(conn.execute(text(
                "SELECT name, sql FROM sqlite_master WHERE name IN "
                "('ix_case_backlog', 'ix_case_status_on')")).all())
    finally:
        engine.dispose()


def _week(xf) -> dict[str, object]:  # type: ignore[no-untyped-def]
    report = xf.json("report", "--week", "2019-W09")
    return {"year": report["year"], "backlog": report["backlog"]["by_kind"]["historical"],
            "accepted": report["accepted"]["total"]}


def test_upgrade_to_0010_counts_the_backlog_carried_into_the_next_year(
        at_0009: str, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(at_0009)
    xf = _xf(at_0009)
    result = xf.ok("db", "upgrade")
    assert result.stderr == f"Schema upgraded: 0009_access → {HEAD}.\n"
    assert snapshot(at_0009) == before
    postgres = at_0009.startswith("postgresql")
    assert _indexes(at_0009) == ({
        "ix_case_backlog": "CREATE INDEX ix_case_backlog ON public.petition_case USING btree "
                           "(received, status_on, status, backlog, unit_id) "
                           "WHERE (backlog IS NOT NULL)",
        "ix_case_status_on": "CREATE INDEX ix_case_status_on ON public.petition_case "
                             "USING btree (status_on)"} if postgres else {
        "ix_case_backlog": "CREATE INDEX ix_case_backlog ON petition_case "
                           "(received, status_on, status, backlog, unit_id) "
                           "WHERE backlog IS NOT NULL",
        "ix_case_status_on": "CREATE INDEX ix_case_status_on ON petition_case (status_on)"})
    # 2018-0001, a historical backlog case accepted in 2018, was pending when 2019 began:
    # untouched since, then closed in 2019 (a change after the eve, read from its history);
    # 2018-0002, registered in 2018, is accepted in the week
    monkeypatch.setenv("XF_TODAY", "2019-03-01")
    assert _week(xf) == {"year": {"from": "2019-01-01", "to": "2019-03-01"},
                         "backlog": {"total": 1, "resolved": 0, "open": 1}, "accepted": 0}
    xf.ok("close", "2018-0001", "--outcome", "resolved", "--on", "2019-02-26")
    xf.ok("accept", "2018-0002", "--on", "2019-02-27")
    assert _week(xf) == {"year": {"from": "2019-01-01", "to": "2019-03-01"},
                         "backlog": {"total": 1, "resolved": 1, "open": 0}, "accepted": 1}
    assert xf.json("db", "check")["ok"] is True


def test_downgrade_from_0010_drops_only_its_indexes(at_0009: str) -> None:
    before = snapshot(at_0009)
    up_and_down(at_0009, "0009_access")
    assert snapshot(at_0009) == before
    assert _indexes(at_0009) == {}
