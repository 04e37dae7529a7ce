"""Revision 0011 (the server holds what 0009 left to xf) over a database with data at
revision 0010, on both backends: SQLite is left as it was; on PostgreSQL the rows stay, a
viewer's grants leave out the personal columns and take in the masking views, a unit
login's writes are signed, and a downgrade gives back exactly the grants and policies of
0010."""

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, inspect, text

from test_migrations_0002 import built_at, new_database, snapshot, up_and_down
from test_migrations_0005 import _xf
from xinfang_cli.store.db import HEAD


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def at_0010(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A URL of a new database at revision 0010, with rows in every table."""
    yield from new_database(request.param, tmp_path, built_at("0010_report_indexes"))


def _rules(url: str) -> dict[str, object]:
    """The groups' grants on tables and columns, the policies, and the masking views."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            if engine.dialect.name != "postgresql":
                return {"tables": sorted(inspect(conn).get_table_names())}
            return {
                "tables": sorted(conn.execute(text(
                    "SELECT grantee, table_name, privilege_type "
                    "FROM information_schema.role_table_grants "
                    "WHERE grantee IN ('xf_unit', 'xf_viewer') AND table_schema = 'public'"
                )).all()),
                "columns": sorted(conn.execute(text(
                    "SELECT grantee, table_name, column_name, privilege_type "
                    "FROM information_schema.column_privileges "
                    "WHERE grantee IN ('xf_unit', 'xf_viewer') AND table_schema = 'public' "
                    "AND (table_name, privilege_type) IN (('petition_case', 'SELECT'), "
                    "('history', 'SELECT'), ('followup', 'UPDATE'))")).all()),
                "policies": sorted(conn.execute(text(
                    "SELECT tablename, policyname, cmd, roles::text, qual, with_check "
                    "FROM pg_policies WHERE schemaname = 'public'")).all()),
                "indexes": sorted(conn.scalars(text(
                    "SELECT indexname FROM pg_indexes WHERE tablename = 'petition_case'"))),
                "views": sorted(conn.scalars(text(
                    "SELECT table_schema || '.' || table_name FROM information_schema.views "
                    "WHERE table_schema = 'xf_masked'"))),
            }
    finally:
        engine.dispose()


def test_upgrade_to_0011_keeps_the_rows_and_sets_the_servers_rules(at_0010: str) -> None:
    before, rules = snapshot(at_0010), _rules(at_0010)
    xf = _xf(at_0010)
    result = xf.ok("db", "upgrade")
    assert result.stderr == f"Schema upgraded: 0010_report_indexes → {HEAD}.\n"
    assert snapshot(at_0010) == before
    after = _rules(at_0010)
    if at_0010.startswith("sqlite"):
        assert after == rules  # SQLite: nothing to do
        return
    assert after["views"] == ["xf_masked.history", "xf_masked.petition_case"]
    assert set(after["indexes"]) - set(rules["indexes"]) == {"ix_case_unit_ids"}  # type: ignore[arg-type]
    # the viewer's whole-table reads of the two tables become reads of their other columns
    lost = set(rules["tables"]) - set(after["tables"])  # type: ignore[arg-type]
    assert lost == {("xf_unit", "history", "DELETE"), ("xf_unit", "history", "UPDATE"),
                    ("xf_unit", "followup", "UPDATE"), ("xf_unit", "incident", "UPDATE"),
                    ("xf_unit", "notice", "UPDATE"), ("xf_unit", "command", "UPDATE"),
                    ("xf_viewer", "history", "SELECT"),
                    ("xf_viewer", "petition_case", "SELECT")}
    viewer = {(t, c) for g, t, c, _p in after["columns"] if g == "xf_viewer"}  # type: ignore[union-attr]
    assert {("petition_case", c) for c in ("petitioner", "phone", "id_number")} & viewer == set()
    assert {("history", c) for c in ("old", "new")} & viewer == set()
    assert ("petition_case", "summary") in viewer and ("history", "field") in viewer
    assert ("followup", "by") not in {(t, c) for g, t, c, p in after["columns"]  # type: ignore[union-attr]
                                      if g == "xf_unit" and p == "UPDATE"}
    writes = {(t, w) for t, name, _cmd, _roles, _q, w in after["policies"]  # type: ignore[union-attr]
              if name == "xf_unit_writes"}
    assert {t for t, w in writes if "SESSION_USER" in w} == {
        "history", "followup", "incident", "notice", "command"}
    assert xf.json("db", "check")["ok"] is True
    assert [c["id"] for c in xf.json("list")] == ["2018-0001", "2018-0002"]


def test_downgrade_from_0011_gives_back_the_rules_of_0010(at_0010: str) -> None:
    before, rules = snapshot(at_0010), _rules(at_0010)
    up_and_down(at_0010, "0010_report_indexes")
    assert snapshot(at_0010) == before
    assert _rules(at_0010) == rules
