"""Every clerk their own login on a shared server: roles, grants and row-level security.

PostgreSQL only. SQLite has no logins: one file, one office, its access the file's
permissions; on SQLite this revision does nothing.

- Group roles (the server's, shared by its databases): `xf_office` (everything),
  `xf_unit` (reads and writes the cases of its units), `xf_viewer` (reads, writes
  nothing), and `xf_owner`, which owns the tables and which no clerk logs in as. Each
  clerk's login is a member of one group (`xf access grant`).
- `access_login` (a login, its group, who granted it and when) and `access_unit` (the
  units of a `unit` login): what the policies are keyed on.
- Row-level security, enabled and forced (the owner too), on every table that holds a
  unit's data: the cases, their follow-ups, history, incidents, papers, search words and
  the measures on the units. An office login's policy is `true` (no cost to its queries);
  a viewer's reads `true` and writes nothing; a unit login's rows are those of its units
  (the case's unit, for the rows of a case), read once a query from `access_unit`
  (`xf_units()`) and looked up in the indexes that begin with `unit_id`.
- Whoever runs this revision becomes the first office login and a member of `xf_owner`,
  so that the next revisions can alter the tables. An office login may grant the groups:
  it holds `xf_office` with the admin option, and `xf_office` holds the others so.
  Creating the roles takes a superuser or
  a login with CREATEROLE; without, this revision stops and says so.

Revision ID: 0009_access
Revises: 0008_supervision
Create Date: 2026-12-04
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009_access"
down_revision: str | None = "0008_supervision"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GROUPS = ("xf_office", "xf_unit", "xf_viewer", "xf_owner")

# every table xf keeps, and who may write what (row-level security limits the rows)
TABLES = ("unit", "unit_history", "case_sequence", "petition_case", "import_batch",
          "followup", "incident", "history", "command", "case_search", "notice",
          "notice_sequence", "supervision", "alembic_version", "access_login", "access_unit")
UNIT_WRITES = ("case_sequence", "petition_case", "followup", "incident", "history",
               "command", "case_search", "notice", "notice_sequence")

# the rows a unit login may see and change: its units', or its units' cases'. Its units
# come as one array, read once a query (an init plan), so that the planner can look them
# up in the indexes that begin with unit_id; as an IN (SELECT …) it filtered every row
# (the district's weekly report, 9% slower for a unit login than for the office)
OWN_UNIT = "unit_id = ANY (xf_units())"
OWN_CASE = f"case_id IN (SELECT c.id FROM petition_case c WHERE c.{OWN_UNIT})"
PROTECTED = {"petition_case": OWN_UNIT, "followup": OWN_UNIT, "incident": OWN_UNIT,
             "supervision": OWN_UNIT, "history": OWN_CASE, "notice": OWN_CASE,
             "case_search": OWN_CASE}


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite: no logins; the file's permissions are its access
    op.execute(_ROLES)
    op.execute(_grant("xf_owner", "session_user"))
    op.execute("""
        CREATE TABLE access_login (
            login name PRIMARY KEY,
            role varchar(10) NOT NULL CHECK (role IN ('office', 'unit', 'viewer')),
            granted_by name NOT NULL DEFAULT session_user,
            granted_at timestamptz NOT NULL DEFAULT now())""")
    op.execute("""
        CREATE TABLE access_unit (
            login name NOT NULL REFERENCES access_login (login) ON DELETE CASCADE,
            unit_id integer NOT NULL REFERENCES unit (id),
            PRIMARY KEY (login, unit_id))""")
    op.execute("INSERT INTO access_login (login, role) VALUES (session_user, 'office')")
    op.execute("""
        CREATE FUNCTION xf_units() RETURNS integer[] LANGUAGE sql STABLE
        SET search_path = public, pg_temp
        AS $$ SELECT coalesce(array_agg(unit_id), '{}') FROM access_unit
              WHERE login = session_user $$""")
    # an office login grants the groups in its turn: the admin option, through xf_office
    # (memberships are the server's, shared by its databases: see _ROLES)
    op.execute(_grant("xf_office", "session_user", admin=True))
    op.execute(_grant("xf_unit", "'xf_office'", admin=True))
    op.execute(_grant("xf_viewer", "'xf_office'", admin=True))
    for table in TABLES:
        op.execute(f"ALTER TABLE {table} OWNER TO xf_owner")
        op.execute(f"GRANT ALL ON {table} TO xf_office")
        op.execute(f"GRANT SELECT ON {table} TO xf_unit, xf_viewer")
    for table in UNIT_WRITES:
        op.execute(f"GRANT INSERT, UPDATE, DELETE ON {table} TO xf_unit")
    op.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO xf_office, xf_unit")
    for table, own in PROTECTED.items():
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY xf_office_all ON {table} TO xf_office "
                   "USING (true) WITH CHECK (true)")
        op.execute(f"CREATE POLICY xf_viewer_reads ON {table} FOR SELECT TO xf_viewer "
                   "USING (true)")
        op.execute(f"CREATE POLICY xf_unit_own ON {table} TO xf_unit "
                   f"USING ({own}) WITH CHECK ({own})")
    # whether a case exists, for any login: `xf close` on another unit's case is refused
    # as such (exit 4), not called missing. It runs as the tables' owner, which may read
    # the cases for it and nothing else.
    op.execute("CREATE POLICY xf_owner_reads ON petition_case FOR SELECT TO xf_owner "
               "USING (true)")
    op.execute("""
        CREATE FUNCTION xf_case_exists(wanted text) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
        AS $$ SELECT EXISTS (SELECT 1 FROM petition_case WHERE id = wanted) $$""")
    op.execute("ALTER FUNCTION xf_case_exists(text) OWNER TO xf_owner")
    # the logins: the office sees them all, every other login its own
    for table in ("access_login", "access_unit"):
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY xf_office_all ON {table} TO xf_office "
                   "USING (true) WITH CHECK (true)")
        op.execute(f"CREATE POLICY xf_own ON {table} FOR SELECT USING (login = session_user)")


# The groups and their memberships are the server's: two databases made at once (by one
# login, or a test session's workers) both make them, and the second would fail on the
# first's row in the shared catalogue; each waits for the other and then finds it made.
_ROLES = """
DO $$
DECLARE
    g text;
BEGIN
    IF NOT (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = session_user) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE =
            'revision 0009 makes the group roles of the logins: run xf db upgrade as a '
            'superuser, or give this login CREATEROLE first (ALTER ROLE ... CREATEROLE)';
    END IF;
    FOREACH g IN ARRAY ARRAY['xf_office', 'xf_unit', 'xf_viewer', 'xf_owner'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = g) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', g);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
    END LOOP;
    EXECUTE format('GRANT CREATE ON SCHEMA public TO xf_owner');
END
$$"""


def _grant(group: str, member: str, admin: bool = False) -> str:
    """GRANT `group` TO `member` (an SQL expression for a role's name), unless it is held
    already, and not failing where another database's revision granted it meanwhile."""
    option = " WITH ADMIN OPTION" if admin else ""
    held = (f"SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
            f"JOIN pg_roles r ON r.oid = m.member WHERE g.rolname = '{group}' "
            f"AND r.rolname = {member}" + (" AND m.admin_option" if admin else ""))
    return f"""
DO $$
BEGIN
    IF NOT EXISTS ({held}) THEN
        EXECUTE format('GRANT %I TO %I{option}', '{group}', {member});
    END IF;
EXCEPTION WHEN unique_violation THEN
    NULL;
END
$$"""


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP FUNCTION xf_case_exists(text)")
    op.execute("DROP POLICY xf_owner_reads ON petition_case")
    for table in PROTECTED:
        for policy in ("xf_office_all", "xf_viewer_reads", "xf_unit_own"):
            op.execute(f"DROP POLICY IF EXISTS {policy} ON {table}")
        op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    for table in TABLES:
        if table not in ("access_login", "access_unit"):
            op.execute(f"ALTER TABLE {table} OWNER TO session_user")
    op.execute("DROP FUNCTION xf_units()")
    op.execute("DROP TABLE access_unit")
    op.execute("DROP TABLE access_login")
