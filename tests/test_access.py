"""Logins on the shared server (revision 0009): the server's own roles, grants and row-level
security, shown through `xf` and through raw SQL with the same logins.

The test session makes its own logins on the CI server (it connects as a superuser) and
drops them at the end: an office login, a school clerk's for gcsx, one for renshi, and a
leader's (viewer). Their names carry a random suffix, so that parallel sessions on one
server never meet.
"""

import uuid
from collections.abc import Iterator

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import make_url

from conftest import Xf, _plain, add_case
from xinfang_cli.domain.masking import mask_id_number, mask_name, mask_phone

pytestmark = pytest.mark.postgres

SUFFIX = uuid.uuid4().hex[:8]
LOGINS = {"office": f"xf_office_{SUFFIX}", "gcsx": f"xf_gcsx_{SUFFIX}",
          "renshi": f"xf_renshi_{SUFFIX}", "viewer": f"xf_leader_{SUFFIX}"}
# the tables that hold a unit's data, and how a row tells its unit
PROTECTED = {
    "petition_case": "SELECT u.code FROM petition_case t JOIN unit u ON u.id = t.unit_id",
    "followup": "SELECT u.code FROM followup t JOIN unit u ON u.id = t.unit_id",
    "incident": "SELECT u.code FROM incident t JOIN unit u ON u.id = t.unit_id",
    "supervision": "SELECT u.code FROM supervision t JOIN unit u ON u.id = t.unit_id",
    "history": "SELECT c.unit_id::text FROM history t JOIN petition_case c ON c.id = t.case_id",
    "notice": "SELECT c.unit_id::text FROM notice t JOIN petition_case c ON c.id = t.case_id",
    "case_search": "SELECT t.case_id FROM case_search t",
}


@pytest.fixture(scope="session")
def logins(postgres_url: str) -> Iterator[dict[str, str]]:
    """The session's logins, made on the server and dropped at the end."""
    admin = psycopg.connect(_plain(postgres_url), autocommit=True)
    for name in LOGINS.values():
        admin.execute(f"CREATE ROLE {name} LOGIN")
    try:
        yield LOGINS
    finally:
        for name in LOGINS.values():
            admin.execute(f"DELETE FROM access_login WHERE login = '{name}'")
            admin.execute(f"DROP ROLE IF EXISTS {name}")
        admin.close()


def as_login(xf: Xf, login: str) -> Xf:
    """The same database, reached as `login`."""
    url = make_url(xf.db).set(username=login).render_as_string(hide_password=False)
    return Xf(url, "postgres")


def raw(xf: Xf, login: str) -> psycopg.Connection:
    return psycopg.connect(_plain(as_login(xf, login).db), autocommit=True)


@pytest.fixture
def district(postgres_xf: Xf, logins: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Xf:
    """Three units with cases, follow-ups, incidents, a paper and a measure; the logins
    granted by the superuser (the first office login) and then by the office login."""
    monkeypatch.delenv("XF_USER")
    xf = postgres_xf
    monkeypatch.setenv("XF_USER", "tester")  # the login itself (conftest.TESTER)
    xf.ok("unit", "add", "dagang", "大港中专", "--kind", "vocational")
    xf.ok("unit", "add", "gcsx", "港城实验小学", "--kind", "school")
    xf.ok("unit", "add", "renshi", "人事科", "--kind", "section")
    for unit in ("dagang", "gcsx", "gcsx", "renshi"):
        add_case(xf, "--accepted", "2018-05-03", unit=unit)
    xf.ok("follow", "2018-0002", "--kind", "reception", "--note", "校长接访", "--on", "2018-06-01")
    xf.ok("follow", "2018-0001", "--kind", "note", "--note", "电话联系", "--on", "2018-06-02")
    xf.ok("incident", "add", "--unit", "dagang", "--kind", "skip-level", "--on", "2018-07-30",
          "--note", "赴市上访")
    xf.ok("supervise", "add", "--unit", "gcsx", "--kind", "circular", "--on", "2018-08-01",
          "--note", "通报")
    monkeypatch.delenv("XF_USER")
    xf.ok("access", "grant", logins["office"], "--role", "office")
    office = as_login(xf, logins["office"])
    office.ok("access", "grant", logins["gcsx"], "--role", "unit", "--unit", "gcsx")
    office.ok("access", "grant", logins["renshi"], "--role", "unit", "--unit", "人事科")
    office.ok("access", "grant", logins["viewer"], "--role", "viewer")
    return xf


def test_a_school_clerk_reads_only_its_units_rows_by_any_road(district: Xf,
                                                               logins: dict[str, str]) -> None:
    clerk = as_login(district, logins["gcsx"])
    assert [c["id"] for c in clerk.json("list")] == ["2018-0002", "2018-0003"]
    with raw(district, logins["gcsx"]) as conn:
        unit_ids = {str(r[0]) for r in conn.execute(
            "SELECT id FROM unit WHERE code = 'gcsx'")}
        seen = {table: sorted({str(r[0]) for r in conn.execute(sql)})
                for table, sql in PROTECTED.items()}
    assert seen == {"petition_case": ["gcsx"], "followup": ["gcsx"], "incident": [],
                    "supervision": ["gcsx"], "history": sorted(unit_ids), "notice": [],
                    "case_search": ["2018-0002", "2018-0003"]}


def test_an_office_login_sees_all(district: Xf, logins: dict[str, str]) -> None:
    office = as_login(district, logins["office"])
    assert [c["id"] for c in office.json("list")] == [
        "2018-0001", "2018-0002", "2018-0003", "2018-0004"]
    with raw(district, logins["office"]) as conn:
        assert conn.execute("SELECT count(*) FROM incident").fetchone() == (1,)


def test_another_units_case_cannot_be_changed(district: Xf, logins: dict[str, str]) -> None:
    with raw(district, logins["gcsx"]) as conn:
        changed = conn.execute("UPDATE petition_case SET summary = 'x' WHERE id = '2018-0001'")
        assert changed.rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE petition_case SET unit_id = (SELECT min(id) FROM unit) "
                         "WHERE id = '2018-0002'")
    clerk = as_login(district, logins["gcsx"])
    before = district.json("show", "2018-0001")
    result = clerk("close", "2018-0001", "--outcome", "resolved", "--on", "2018-10-10")
    assert result.exit_code == 4
    assert result.stderr == (f"xf: {logins['gcsx']} may not touch case 2018-0001: it belongs "
                             "to a unit not granted to this login.\n")
    assert district.json("show", "2018-0001") == before
    result = clerk("add", "--unit", "dagang", "--source", "visit", "--received", "2018-10-10",
                   "--petitioner", "张三", "--summary", "代外单位登记")
    assert result.exit_code == 4
    assert result.stderr.startswith(f"xf: {logins['gcsx']} may not write for another unit: ")
    assert len(district.json("list")) == 4


def test_a_viewer_writes_nothing(district: Xf, logins: dict[str, str]) -> None:
    leader = as_login(district, logins["viewer"])
    assert len(leader.json("list")) == 4
    result = leader("follow", "2018-0001", "--kind", "note", "--note", "领导批示")
    assert result.exit_code == 4
    assert result.stderr.startswith(f"xf: {logins['viewer']} may not write this: ")
    for command in (["unit", "add", "x1", "新单位", "--kind", "school"],
                    ["access", "grant", logins["renshi"], "--role", "viewer"]):
        assert leader(*command).exit_code == 4


def test_a_viewer_reads_personal_data_masked_by_any_road(district: Xf,
                                                         logins: dict[str, str]) -> None:
    """A leader's login never meets a name, phone or ID number unmasked: not in `xf`, not
    in the tables through psql, not in the history of a corrected name (revision 0011)."""
    district.ok("edit", "2018-0001", "--petitioner", "张三丰", "--phone", "139-0518-1234",
                "--id-number", "320703198001011237", "--reason", "登记时记错")
    leader = as_login(district, logins["viewer"])
    case = leader.json("show", "2018-0001")
    assert (case["petitioner"], case["phone"], case["id_number"]) == (
        "张**", "139****1234", "320703********1237")
    assert [(h["field"], h["old"], h["new"]) for h in case["history"]
            if h["action"] == "edit"] == [("petitioner", "张*", "张**"),
                                          ("phone", None, "139****1234"),
                                          ("id_number", None, "320703********1237")]
    assert [c["petitioner"] for c in leader.json("list")] == ["张**", "张*", "张*", "张*"]
    result = leader("list", "--reveal")
    assert (result.exit_code, result.stdout, result.stderr) == (
        4, "", f"xf: {logins['viewer']} may not write this: permission denied for view history.\n")
    with raw(district, logins["viewer"]) as conn:
        for sql in ("SELECT petitioner FROM petition_case", "SELECT * FROM petition_case",
                    "SELECT phone FROM public.petition_case", "SELECT old FROM history",
                    "SELECT new FROM public.history"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)
        assert conn.execute(
            "SELECT petitioner, phone, id_number, summary FROM xf_masked.petition_case "
            "WHERE id = '2018-0001'").fetchone() == (
            "张**", "139****1234", "320703********1237", "要求解决待遇问题")
    # the office and the case's own unit read them as they are
    with raw(district, logins["office"]) as conn:
        assert conn.execute("SELECT petitioner, phone FROM petition_case WHERE id = '2018-0001'"
                            ).fetchone() == ("张三丰", "139-0518-1234")


def test_the_masking_views_have_the_tables_columns(district: Xf) -> None:
    """A revision adding a column to either table must recreate its view: this says so."""
    with psycopg.connect(_plain(district.db)) as conn:
        for table in ("petition_case", "history"):
            columns = {schema: conn.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = %s AND table_name = %s ORDER BY ordinal_position",
                (schema, table)).fetchall() for schema in ("public", "xf_masked")}
            assert columns["xf_masked"] == columns["public"], table


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=6),
       phone=st.text("0123456789 -+()", max_size=16),
       number=st.text("0123456789Xx", max_size=20))
def test_the_servers_masks_are_xfs(district: Xf, name: str, phone: str, number: str) -> None:
    with psycopg.connect(_plain(district.db)) as conn:
        assert conn.execute(
            "SELECT xf_mask_name(%s), xf_mask_phone(%s), xf_mask_id_number(%s)",
            (name, phone, number)).fetchone() == (
            mask_name(name), mask_phone(phone), mask_id_number(number))


def test_a_unit_login_signs_its_rows_and_keeps_the_history(district: Xf,
                                                           logins: dict[str, str]) -> None:
    """Through psql too, a school clerk's new rows name its own login, a row's writer is
    never changed, and the history is never rewritten (revision 0011)."""
    login = logins["gcsx"]
    insert = ('INSERT INTO history (case_id, at, "on", "by", action) '
              "VALUES ('2018-0002', now(), '2018-10-10', %s, 'note')")
    with raw(district, login) as conn:
        for sql, args in ((insert, ("王老师",)),
                          ("DELETE FROM history WHERE case_id = '2018-0002'", ()),
                          ("UPDATE history SET new = 'closed' WHERE case_id = '2018-0002'", ()),
                          ('UPDATE followup SET "by" = %s', ("王老师",)),
                          ('INSERT INTO command (name, "by", at, "on") '
                           "VALUES ('follow', %s, now(), '2018-10-10')", ("王老师",))):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql, args)
        assert conn.execute(insert, (login,)).rowcount == 1
        assert conn.execute("UPDATE followup SET note = note").rowcount == 1
    clerk = as_login(district, login)
    clerk.ok("follow", "2018-0002", "--kind", "call", "--note", "电话回访")
    clerk.ok("undo", "--yes")
    assert [(h["by"], h["action"]) for h in district.json("show", "2018-0002")["history"][-3:]
            ] == [(login, "note"), (login, "follow"), (login, "undo")]
    with raw(district, logins["office"]) as conn:  # the undo marked its own command row
        assert conn.execute(
            "SELECT u.name, u.undo_of = f.id FROM command u JOIN command f "
            "ON f.by = u.by AND f.name = 'follow' WHERE u.by = %s AND u.name = 'undo'",
            (login,)).fetchall() == [("undo", True)]


def test_the_history_names_the_login(district: Xf, logins: dict[str, str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    clerk = as_login(district, logins["gcsx"])
    monkeypatch.setenv("XF_USER", "王老师")
    result = clerk("follow", "2018-0002", "--kind", "call", "--note", "电话回访")
    assert result.exit_code == 2
    assert result.stderr == (f"xf: --by/XF_USER 王老师: on a shared server the history names "
                             f"the login itself ({logins['gcsx']}); unset XF_USER or log in "
                             "as 王老师.\n")
    monkeypatch.delenv("XF_USER")
    clerk.ok("follow", "2018-0002", "--kind", "call", "--note", "电话回访")
    assert district.json("show", "2018-0002")["history"][-1]["by"] == logins["gcsx"]


def test_access_list_and_revoke(district: Xf, logins: dict[str, str]) -> None:
    office = as_login(district, logins["office"])
    rows = {r["login"]: (r["role"], r["units"]) for r in office.json("access", "list")}
    assert rows[logins["gcsx"]] == ("unit", ["gcsx"])
    assert rows[logins["viewer"]] == ("viewer", [])
    clerk = as_login(district, logins["gcsx"])
    assert [r["login"] for r in clerk.json("access", "list")] == [logins["gcsx"]]
    office.ok("access", "revoke", logins["renshi"])
    renshi = as_login(district, logins["renshi"])
    assert renshi("list").exit_code == 4  # no group: no grant on the tables
    office.ok("access", "grant", logins["renshi"], "--role", "unit", "--unit", "renshi")
    assert [c["id"] for c in renshi.json("list")] == ["2018-0004"]


@pytest.mark.parametrize("args, message", [
    (["--role", "unit"], "xf: {login}: a unit login needs at least one --unit.\n"),
    (["--role", "viewer", "--unit", "gcsx"], "xf: --unit goes with --role unit, not viewer.\n"),
    (["--role", "boss"], None),
])
def test_bad_grants_are_one_line(district: Xf, logins: dict[str, str], args: list[str],
                                 message: str | None) -> None:
    office = as_login(district, logins["office"])
    result = office("access", "grant", logins["renshi"], *args)
    assert result.exit_code == 2
    if message:
        assert result.stderr == message.format(login=logins["renshi"])
    missing = office("access", "grant", "xf_nobody_here", "--role", "viewer")
    assert missing.stderr == ("xf: no login 'xf_nobody_here' on the server: create it first "
                              "(createuser --pwprompt xf_nobody_here).\n")


def test_sqlite_has_no_logins(sqlite_xf: Xf) -> None:
    result = sqlite_xf("access", "list")
    assert (result.exit_code, result.stderr) == (
        2, "xf: logins are a shared server's (PostgreSQL): an SQLite file has none; its "
           "access is the file's permissions.\n")


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cases=st.lists(st.sampled_from(["dagang", "gcsx", "renshi"]), min_size=1, max_size=8),
       mine=st.sets(st.sampled_from(["dagang", "gcsx", "renshi"]), min_size=1))
def test_every_row_a_unit_login_reads_is_its_units(district: Xf, logins: dict[str, str],
                                                   cases: list[str], mine: set[str]) -> None:
    """Cases assigned at random to the units, the clerk's login to a random set of units:
    every row of every protected table it can read belongs to its units."""
    for unit in cases:
        add_case(district, "--accepted", "2018-05-04", unit=unit)
    office = as_login(district, logins["office"])
    office.ok("access", "grant", logins["renshi"], "--role", "unit",
              *[arg for unit in sorted(mine) for arg in ("--unit", unit)])
    with raw(district, logins["office"]) as conn:
        allowed = {str(r[0]) for r in conn.execute(
            "SELECT id FROM unit WHERE code = ANY(%s)", (sorted(mine),))}
        theirs = {str(r[0]) for r in conn.execute(
            "SELECT id FROM petition_case WHERE unit_id = ANY(%s::int[])", (sorted(allowed),))}
    with raw(district, logins["renshi"]) as conn:
        for table in ("petition_case", "followup", "incident", "supervision"):
            units = {str(r[0]) for r in conn.execute(f"SELECT unit_id FROM {table}")}
            assert units <= allowed, table
        for table in ("history", "notice", "case_search"):
            ids = {str(r[0]) for r in conn.execute(
                f"SELECT case_id FROM {table} WHERE case_id IS NOT NULL")}
            assert ids <= theirs, table
        seen = {str(r[0]) for r in conn.execute("SELECT id FROM petition_case")}
    assert seen == theirs


def test_a_copy_to_a_new_server_database_keeps_the_rules(
        district: Xf, logins: dict[str, str], empty_postgres: str) -> None:
    """`xf db copy` builds the copy by the revisions, its rules and all; the logins are
    granted there anew (a copy may go to another server, whose logins are its own)."""
    district.ok("db", "copy", "--to", empty_postgres)
    copy = Xf(empty_postgres, "postgres")
    copy.ok("access", "grant", logins["gcsx"], "--role", "unit", "--unit", "gcsx")
    clerk = as_login(copy, logins["gcsx"])
    assert [c["id"] for c in clerk.json("list")] == ["2018-0002", "2018-0003"]
    with raw(copy, logins["gcsx"]) as conn:
        assert conn.execute("SELECT count(*) FROM history WHERE case_id = '2018-0001'"
                            ).fetchone() == (0,)
    assert clerk("close", "2018-0001", "--outcome", "resolved").exit_code == 4
    copy.ok("access", "grant", logins["viewer"], "--role", "viewer")
    assert as_login(copy, logins["viewer"]).json("show", "2018-0001")["petitioner"] == "张*"
    with raw(copy, logins["viewer"]) as conn, pytest.raises(
            psycopg.errors.InsufficientPrivilege):
        conn.execute("SELECT petitioner FROM petition_case")


def test_the_rules_need_a_login_that_may_make_roles(postgres_url: str,
                                                    empty_postgres: str) -> None:
    """A plain login owning an empty database cannot make the groups: `xf init` says what
    it needs, exit 4, and leaves the database empty."""
    plain = f"xf_plain_{SUFFIX}"
    admin = psycopg.connect(_plain(postgres_url), autocommit=True)
    admin.execute(f"CREATE ROLE {plain} LOGIN")
    name = make_url(empty_postgres).database
    admin.execute(f'ALTER DATABASE "{name}" OWNER TO {plain}')
    try:
        result = Xf(make_url(empty_postgres).set(username=plain).render_as_string(
            hide_password=False), "postgres")("init")
        assert result.exit_code == 4
        assert result.stderr == (
            f"xf: {plain} may not write this: revision 0009 makes the group roles of the "
            "logins: run xf db upgrade as a superuser, or give this login CREATEROLE first "
            "(ALTER ROLE ... CREATEROLE).\n")
        with psycopg.connect(_plain(empty_postgres)) as conn:
            assert conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                                ).fetchone() == (0,)
    finally:
        admin.execute(f'ALTER DATABASE "{name}" OWNER TO CURRENT_USER')
        admin.execute(f"DROP ROLE {plain}")
        admin.close()


def test_what_only_the_office_may_do(district: Xf, logins: dict[str, str],
                                     tmp_path) -> None:  # type: ignore[no-untyped-def]
    clerk = as_login(district, logins["gcsx"])
    sheet = tmp_path / "cases.csv"
    sheet.write_text("unit,source,received,petitioner,summary\n"
                     "gcsx,visit,2018-10-10,张三,反映食堂收费\n", encoding="utf-8")
    result = clerk("import", str(sheet))
    assert (result.exit_code, result.stderr) == (
        4, f"xf: {logins['gcsx']} (group: unit) may not import a sheet of cases (the "
           "office's).\n")
    calendar = tmp_path / "campaign.toml"
    calendar.write_text('name = "x"\nname_en = "x"\n', encoding="utf-8")
    assert clerk("campaign", "load", str(calendar)).exit_code == 4
    # moving a case to another unit is the office's: the clerk's own case cannot leave
    result = clerk("assign", "2018-0002", "--unit", "renshi")
    assert result.exit_code == 4
    office = as_login(district, logins["office"])
    office.ok("assign", "2018-0002", "--unit", "renshi")
    renshi = as_login(district, logins["renshi"])
    assert [c["id"] for c in renshi.json("list")] == ["2018-0002", "2018-0004"]
    whole = office.json("show", "2018-0002")["history"]
    assert renshi.json("show", "2018-0002")["history"] == whole  # its whole history
    assert [h["action"] for h in whole][-1] == "assign"
    assert [c["id"] for c in clerk.json("list")] == ["2018-0003"]


def test_a_unit_logins_board_and_reports_are_its_units_and_say_so(
        district: Xf, logins: dict[str, str]) -> None:
    clerk = as_login(district, logins["gcsx"])
    view = {"login": logins["gcsx"], "role": "unit", "units": ["gcsx"]}
    board = clerk.json("status")
    assert (board["view"], [u["unit"] for u in board["units"]]) == (view, ["gcsx"])
    assert board["totals"]["total"] == 2
    report = clerk.json("report", "--week", "2018-W41")
    assert (report["view"], [u["unit"] for u in report["units"]]) == (view, ["gcsx"])
    score = clerk.json("scorecard", "--year", "2018")
    assert (score["view"], [u["unit"] for u in score["units"]]) == (view, ["gcsx"])
    summary = clerk.json("report", "--campaign")
    assert (summary["view"], [u["unit"] for u in summary["backlog"]["units"]],
            [u["unit"] for u in summary["scorecard"]["units"]],
            sorted(summary["months"][-1]["by_unit"])) == (view, ["gcsx"], ["gcsx"], ["gcsx"])
    line = f"The view of {logins['gcsx']}: its units alone (gcsx)."
    assert line in clerk.ok("report", "--campaign", "-f", "md").stdout
    assert line in clerk.ok("status").stdout
    assert line in clerk.ok("report", "--week", "2018-W41", "-f", "md").stdout
    office = as_login(district, logins["office"])
    assert office.json("status")["view"] is None
    assert len(office.json("status")["units"]) == 3
