"""What revision 0009 left to xf, held by the server itself. PostgreSQL only; on SQLite
this revision does nothing (one file, one office: there are no logins to tell apart).

- A viewer reads petitioners' names, phones and ID numbers masked, by any road. It may no
  longer read those columns of `petition_case`, nor `old` and `new` of `history` (where a
  corrected name is kept), at all: column grants. It reads both tables through the views
  of the schema `xf_masked`, of the same names and columns, the personal ones masked as
  xf masks them (张*, 138****5678, 320703********1234) by the functions `xf_mask_*`. xf
  puts that schema first on a viewer's search path (`store.db`), so its queries read the
  views unchanged; `psql` reads them as `xf_masked.petition_case`. The views run as their
  owner, `xf_owner`, which reads both tables for them (`xf_owner_reads`) and grants them
  to `xf_viewer` alone. A revision that adds a column to either table recreates its view
  (`tests/test_access.py` checks that the columns agree).
- `ix_case_unit_ids` on the cases' (unit_id, id): the case ids a unit login's policies on
  the rows of a case read, from the index alone.
- The history names who did it. A unit login's new rows in `history`, `followup`,
  `incident`, `notice` and `command` must carry its own login in `by` (the policies'
  WITH CHECK), and it may not change `by` afterwards (column grants). The history is
  append-only for it: no UPDATE or DELETE (xf never changes a history row; an undo adds
  rows). The office's rows are not checked: a restored export keeps its history's
  operators.

Revision ID: 0011_server_rules
Revises: 0010_report_indexes
Create Date: 2026-12-04
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

revision: str = "0011_server_rules"
down_revision: str | None = "0010_report_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# the personal columns and their masks; `history` keeps a corrected value in old and new
MASKED = {"petition_case": {"petitioner": "xf_mask_name({c})", "phone": "xf_mask_phone({c})",
                            "id_number": "xf_mask_id_number({c})"},
          "history": {"old": "xf_mask_field(field, {c})", "new": "xf_mask_field(field, {c})"}}
# the tables whose rows name their writer in `by`, and the rows a unit login may write
SIGNED = {"history": "case_id IN (SELECT c.id FROM petition_case c "
                     "WHERE c.unit_id = ANY (xf_units()))",
          "followup": "unit_id = ANY (xf_units())", "incident": "unit_id = ANY (xf_units())",
          "notice": "case_id IN (SELECT c.id FROM petition_case c "
                    "WHERE c.unit_id = ANY (xf_units()))"}

FUNCTIONS = r"""
CREATE FUNCTION xf_mask_name(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN v IS NULL OR v = '' THEN v
                ELSE left(v, 1) || repeat('*', char_length(v) - 1) END $$;
CREATE FUNCTION xf_mask_phone(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN v IS NULL OR v = '' OR strpos(v, '*') > 0 THEN v
                WHEN char_length(d) < 8 THEN repeat('*', char_length(d))
                ELSE left(d, 3) || repeat('*', char_length(d) - 7) || right(d, 4) END
    FROM (SELECT regexp_replace(v, '[^0-9]', '', 'g') AS d) AS digits $$;
CREATE FUNCTION xf_mask_id_number(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN v IS NULL OR v = '' THEN v
                WHEN char_length(v) < 11 THEN repeat('*', char_length(v))
                ELSE left(v, 6) || repeat('*', char_length(v) - 10) || right(v, 4) END $$;
CREATE FUNCTION xf_mask_field(field text, v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE field WHEN 'petitioner' THEN xf_mask_name(v)
                      WHEN 'phone' THEN xf_mask_phone(v)
                      WHEN 'id_number' THEN xf_mask_id_number(v)
                      ELSE v END $$;
"""


def _columns(table: str) -> dict[str, str]:
    """The table's columns in order, each quoted as SQL needs it (`"by"`, `"on"`), with its
    type."""
    return dict(op.get_bind().execute(text(
        "SELECT quote_ident(attname), format_type(atttypid, atttypmod) FROM pg_attribute "
        "WHERE attrelid = CAST(:t AS regclass) AND attnum > 0 AND NOT attisdropped "
        "ORDER BY attnum"), {"t": f"public.{table}"}).all())


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite: no logins
    op.execute(FUNCTIONS)
    op.execute("CREATE SCHEMA xf_masked AUTHORIZATION xf_owner")
    op.execute("GRANT USAGE ON SCHEMA xf_masked TO xf_viewer")
    op.execute("""
        CREATE FUNCTION xf_masked.read_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
                MESSAGE = format('%s: the masked view is read-only', TG_TABLE_NAME);
        END $$""")
    op.execute("ALTER FUNCTION xf_masked.read_only() OWNER TO xf_owner")
    for table, masks in MASKED.items():
        columns = _columns(table)
        # the names as quote_ident gives them: a keyword comes quoted ("by")
        plain = {c: c.strip('"') for c in columns}
        shown = [c for c in columns if plain[c] not in masks]
        op.execute(f"REVOKE SELECT ON {table} FROM xf_viewer")
        op.execute(f"GRANT SELECT ({', '.join(shown)}) ON {table} TO xf_viewer")
        listed = ", ".join(f"CAST({masks[plain[c]].format(c=c)} AS {kind}) AS {c}"
                           if plain[c] in masks else c for c, kind in columns.items())
        op.execute(f"CREATE VIEW xf_masked.{table} AS SELECT {listed} FROM public.{table}")
        op.execute(f"ALTER VIEW xf_masked.{table} OWNER TO xf_owner")
        op.execute(f"GRANT SELECT ON xf_masked.{table} TO xf_viewer")
        # a write through the view is refused for want of the grant (42501, exit 4), not
        # for a masked column's being computed; and never carried out
        op.execute(f"CREATE TRIGGER xf_read_only INSTEAD OF INSERT OR UPDATE OR DELETE "
                   f"ON xf_masked.{table} FOR EACH ROW EXECUTE FUNCTION xf_masked.read_only()")
    # a unit login's policy on the rows of a case reads its units' case ids once a query:
    # from this index alone (the district's largest unit, 28,534 ids: 3 ms, against 20 ms
    # through the table), for every query on the history, papers and search words
    op.execute("CREATE INDEX ix_case_unit_ids ON petition_case (unit_id, id)")
    op.execute("CREATE POLICY xf_owner_reads ON history FOR SELECT TO xf_owner USING (true)")
    op.execute("REVOKE UPDATE, DELETE ON history FROM xf_unit")
    for table, own in SIGNED.items():
        op.execute(f"DROP POLICY xf_unit_own ON {table}")
        op.execute(f"CREATE POLICY xf_unit_reads ON {table} FOR SELECT TO xf_unit USING ({own})")
        op.execute(f"CREATE POLICY xf_unit_writes ON {table} FOR INSERT TO xf_unit "
                   f"WITH CHECK ({own} AND \"by\" = session_user)")
        if table != "history":
            op.execute(f"CREATE POLICY xf_unit_changes ON {table} FOR UPDATE TO xf_unit "
                       f"USING ({own}) WITH CHECK ({own})")
            op.execute(f"CREATE POLICY xf_unit_deletes ON {table} FOR DELETE TO xf_unit "
                       f"USING ({own})")
            _no_update_of_by(table)
    # the commands (one row per command, for `xf undo`): any login reads them as before;
    # a unit login adds its own alone, and updates its own alone (an undo marks its own row
    # with the command it undid)
    op.execute("ALTER TABLE command ENABLE ROW LEVEL SECURITY")
    op.execute("ALTER TABLE command FORCE ROW LEVEL SECURITY")
    op.execute("CREATE POLICY xf_office_all ON command TO xf_office USING (true) "
               "WITH CHECK (true)")
    op.execute("CREATE POLICY xf_reads ON command FOR SELECT USING (true)")
    op.execute("CREATE POLICY xf_unit_writes ON command FOR INSERT TO xf_unit "
               "WITH CHECK (\"by\" = session_user)")
    op.execute("CREATE POLICY xf_unit_changes ON command FOR UPDATE TO xf_unit "
               "USING (\"by\" = session_user) WITH CHECK (\"by\" = session_user)")
    _no_update_of_by("command")


def _no_update_of_by(table: str) -> None:
    """A unit login updates every column of `table` but `by`."""
    columns = [c for c in _columns(table) if c.strip('"') != "by"]
    op.execute(f"REVOKE UPDATE ON {table} FROM xf_unit")
    op.execute(f"GRANT UPDATE ({', '.join(columns)}) ON {table} TO xf_unit")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for policy in ("xf_office_all", "xf_reads", "xf_unit_writes", "xf_unit_changes"):
        op.execute(f"DROP POLICY {policy} ON command")
    op.execute("ALTER TABLE command NO FORCE ROW LEVEL SECURITY")
    op.execute("ALTER TABLE command DISABLE ROW LEVEL SECURITY")
    op.execute("REVOKE UPDATE ON command FROM xf_unit")
    op.execute("GRANT UPDATE ON command TO xf_unit")
    for table, own in SIGNED.items():
        for policy in ("xf_unit_reads", "xf_unit_writes", "xf_unit_changes",
                       "xf_unit_deletes"):
            op.execute(f"DROP POLICY IF EXISTS {policy} ON {table}")
        op.execute(f"CREATE POLICY xf_unit_own ON {table} TO xf_unit "
                   f"USING ({own}) WITH CHECK ({own})")
        op.execute(f"REVOKE UPDATE ON {table} FROM xf_unit")
        op.execute(f"GRANT UPDATE, DELETE ON {table} TO xf_unit")
    op.execute("DROP POLICY xf_owner_reads ON history")
    op.execute("DROP INDEX ix_case_unit_ids")
    for table in MASKED:
        op.execute(f"DROP VIEW xf_masked.{table}")
        op.execute(f"REVOKE SELECT ON {table} FROM xf_viewer")
        op.execute(f"GRANT SELECT ON {table} TO xf_viewer")
    op.execute("DROP FUNCTION xf_masked.read_only()")
    op.execute("DROP SCHEMA xf_masked")
    op.execute("DROP FUNCTION xf_mask_field(text, text), xf_mask_name(text), "
               "xf_mask_phone(text), xf_mask_id_number(text)")
