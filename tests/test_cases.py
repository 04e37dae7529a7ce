"""The case lifecycle through the real CLI, on SQLite and PostgreSQL."""

import pytest

from conftest import Xf, add_case, as_operator


def test_add_prints_sequential_ids_per_year(office: Xf) -> None:
    assert add_case(office) == "2018-0001"
    assert add_case(office, received="2018-06-01") == "2018-0002"
    assert add_case(office, received="2017-12-30") == "2017-0001"


def test_add_json_is_the_case_object(office: Xf) -> None:
    case = office.json("add", "--unit", "大港中专", "--source", "来访", "--received",
                       "2018年5月2日", "--petitioner", "张三丰", "--summary", "要求补发津贴",
                       "--phone", "13812345678", "--id-number", "320703198001011237",
                       "--backlog", "历史遗留", "--people", "6", "--leader", "王局长")
    assert case["id"] == "2018-0001"
    assert case["unit"] == "dagang" and case["unit_name"] == "大港中专"
    assert case["source"] == "visit" and case["backlog"] == "historical"
    assert case["status"] == "registered"
    assert case["received"] == "2018-05-02"
    assert case["accept_due"] == "2018-05-17"  # start day not counted: 05-02 + 15
    assert case["accepted"] is None and case["due"] is None
    assert case["petitioner"] == "张**"
    assert case["phone"] == "138****5678"
    assert case["id_number"] == "320703********1237"
    assert case["people"] == 6 and case["group"] is True
    assert case["leader"] == "王局长" and case["escalation"] is None
    assert case["extended_days"] == 0
    assert case["overdue"] is True  # registered, acceptance was due 05-17


def test_accept_starts_sixty_days(office: Xf) -> None:
    cid = add_case(office)
    result = office.ok("accept", cid, "--on", "2018/5/10")
    assert "handling due 2018-07-09" in result.stderr
    case = office.json("show", cid)
    assert (case["status"], case["accepted"], case["due"]) == ("accepted", "2018-05-10",
                                                                 "2018-07-09")


def test_add_with_accepted_registers_as_accepted(office: Xf) -> None:
    case = office.json("add", "--unit", "dagang", "--source", "letter", "--received",
                       "2018-05-02", "--accepted", "2018-05-03", "--petitioner", "李四",
                       "--summary", "x")
    assert case["status"] == "accepted" and case["due"] == "2018-07-02"


def test_superior_deadline_wins_when_earlier(office: Xf) -> None:
    cid = add_case(office, "--due", "2018-06-15", source="assigned")
    office.ok("accept", cid, "--on", "2018-05-04")
    assert office.json("show", cid)["due"] == "2018-06-15"
    later = add_case(office, "--due", "2018-12-31", source="交办")
    office.ok("accept", later, "--on", "2018-05-04")
    assert office.json("show", later)["due"] == "2018-07-03"


def test_full_lifecycle_with_review_and_rereview(office: Xf) -> None:
    cid = add_case(office)
    office.ok("accept", cid, "--on", "2018-05-10")
    office.ok("extend", cid, "--days", "30", "--reason", "会商")
    assert office.json("show", cid)["due"] == "2018-08-08"
    office.ok("close", cid, "--outcome", "解决到位", "--on", "2018-07-01", "--satisfaction",
              "basic", "--note", "书面答复已送达")
    office.ok("review", cid, "--requested", "2018-07-20")
    case = office.json("show", cid)
    assert (case["status"], case["due"]) == ("reviewing", "2018-08-19")
    office.ok("close", cid, "--outcome", "educated", "--on", "2018-08-10")
    office.ok("rereview", cid, "--requested", "2018-08-20")
    assert office.json("show", cid)["due"] == "2018-09-19"
    office.ok("close", cid, "--outcome", "educated", "--on", "2018-09-10")
    case = office.json("show", cid)
    assert case["status"] == "closed" and case["closed"] == "2018-09-10"
    assert [f["kind"] for f in case["followups"]] == ["reply"]
    # after re-review the matter is not accepted again (不再受理)
    refused = office("rereview", cid, "--requested", "2018-09-15")
    assert refused.exit_code == 2
    assert refused.stderr == f"xf: {cid} is closed: xf rereview is not allowed.\n"
    office.ok("terminate", cid, "--reason", "经复核维持", "--on", "2018-09-20")
    assert office.json("show", cid)["status"] == "terminated"


@pytest.mark.parametrize(("setup", "command"), [
    ([], ["close", "{id}", "--outcome", "resolved"]),  # closing a registered case
    ([["accept", "{id}", "--on", "2018-05-03"]], ["accept", "{id}"]),  # accepting twice
    ([["accept", "{id}", "--on", "2018-05-03"], ["extend", "{id}", "--days", "5", "--reason",
                                                  "r"]],
     ["extend", "{id}", "--days", "5", "--reason", "again"]),  # a second extension
    ([["accept", "{id}", "--on", "2018-05-03"]], ["review", "{id}"]),  # review, never closed
    ([["accept", "{id}", "--on", "2018-05-03"], ["close", "{id}", "--outcome", "resolved",
                                                  "--on", "2018-05-20"]],
     ["rereview", "{id}", "--requested", "2018-05-25"]),  # re-review before a review
    ([["reject", "{id}", "--reason", "r", "--on", "2018-05-03"]],
     ["leader", "{id}", "王"]),  # any change to a rejected case
    ([["accept", "{id}", "--on", "2018-05-03"], ["terminate", "{id}", "--reason", "r",
                                                  "--on", "2018-05-04"]],
     ["escalate", "{id}", "--to", "city", "--reason", "r"]),  # or a terminated one
    ([], ["terminate", "{id}", "--reason", "r"]),  # terminate a registered case
])
def test_transitions_outside_the_table_are_refused(office: Xf, setup, command) -> None:
    cid = add_case(office)
    for step in setup:
        office.ok(*[a.format(id=cid) for a in step])
    before = office.json("show", cid)
    result = office(*[a.format(id=cid) for a in command])
    assert result.exit_code == 2, result.stdout
    assert result.stderr.startswith(f"xf: {cid} ") and result.stderr.count("\n") == 1
    assert office.json("show", cid) == before  # nothing written


def test_follow_works_on_a_terminated_case(office: Xf) -> None:
    cid = add_case(office)
    office.ok("accept", cid, "--on", "2018-05-03")
    office.ok("terminate", cid, "--reason", "r", "--on", "2018-05-04")
    office.ok("follow", cid, "--note", "仍在关注", "--kind", "领导下访", "--on", "2018-06-01")
    followups = office.json("show", cid)["followups"]
    assert followups == [{"on": "2018-06-01", "kind": "field", "note": "仍在关注",
                          "by": "tester", "undone_on": None}]


@pytest.mark.parametrize(("args", "message"), [
    (["--on", "2018-10-13"], "xf: --on: 2018-10-13 lies after today (2018-10-12).\n"),
    (["--on", "2018-05-01"],
     "xf: --on: 2018-05-01 lies before the case was received (2018-05-02).\n"),
    (["--on", "2018-02-30"], "xf: --on: '2018-02-30' is not a real date.\n"),
    (["--on", "soon"], "xf: --on: 'soon' is not a date (use 2018-05-03, 2018/5/3, "
                       "2018年5月3日, today).\n"),
])
def test_bad_event_dates(office: Xf, args, message) -> None:
    cid = add_case(office)
    result = office("accept", cid, *args)
    assert (result.exit_code, result.stderr) == (2, message)
    assert office.json("show", cid)["status"] == "registered"


def test_status_change_may_not_predate_the_last(office: Xf) -> None:
    cid = add_case(office)
    office.ok("accept", cid, "--on", "2018-05-10")
    result = office("close", cid, "--outcome", "resolved", "--on", "2018-05-09")
    assert result.exit_code == 2
    assert result.stderr == ("xf: --on: 2018-05-09 lies before the last status change "
                             "(2018-05-10).\n")


def test_second_extension_says_why(office: Xf) -> None:
    cid = add_case(office)
    office.ok("accept", cid, "--on", "2018-05-10")
    office.ok("extend", cid, "--days", "10", "--reason", "r")
    result = office("extend", cid, "--days", "5", "--reason", "again")
    assert (result.exit_code, result.stderr) == (
        2, f"xf: {cid} was already extended once; the regulation allows one extension only.\n")


def test_implausible_years_and_bad_numbers(office: Xf) -> None:
    result = office("add", "--unit", "dagang", "--source", "visit", "--received", "0001-01-01",
                    "--petitioner", "a", "--summary", "b")
    assert (result.exit_code, result.stderr) == (
        2, "xf: --received: '0001-01-01' — the year must lie between 1950 and 2999.\n")
    result = office("add", "--unit", "dagang", "--source", "visit", "--people", "abc",
                    "--petitioner", "a", "--summary", "b")
    assert (result.exit_code, result.stderr) == (
        2, "xf: invalid value for --people: must be a whole number\n")
    assert office("bogus").stderr == "xf: no such command 'bogus'; see xf --help.\n"
    assert office("show").stderr == "xf: missing option ID.\n"
    assert office("--lang", "fr", "list").stderr == (
        "xf: --lang: unknown language 'fr'; use zh or en.\n")
    result = office("list", "-o", "/nonexistent/dir/x.txt")
    assert (result.exit_code, result.stderr) == (
        2, "xf: cannot use the file /nonexistent/dir/x.txt: No such file or directory.\n")
    assert office.json("list") == []


def test_long_names_never_squeeze_the_case_id(office: Xf) -> None:
    add_case(office, petitioner="原大港中专代课教师王某某、李某某、赵某某、钱某某、"
                                "孙某某等12人的代表")
    out = office.ok("list", "--reveal").stdout.splitlines()
    row = next(line for line in out if "2018-0001" in line)
    assert row.split()[0] == "2018-0001" and "来访" not in row and "visit" in row


def test_extension_limit(office: Xf) -> None:
    cid = add_case(office)
    office.ok("accept", cid, "--on", "2018-05-10")
    result = office("extend", cid, "--days", "31", "--reason", "r")
    assert (result.exit_code, result.stderr) == (
        2, "xf: --days: 31 — an extension is 1 to 30 days.\n")


def test_review_asked_too_late(office: Xf) -> None:
    cid = add_case(office)
    office.ok("accept", cid, "--on", "2018-05-10")
    office.ok("close", cid, "--outcome", "resolved", "--on", "2018-06-01")
    result = office("review", cid, "--requested", "2018-07-02")
    assert result.exit_code == 2
    assert "more than 30 days after the reply of 2018-06-01" in result.stderr


def test_unknown_case_unit_and_enum(office: Xf) -> None:
    assert office("accept", "2018-9999").stderr == "xf: no case '2018-9999'.\n"
    result = office("add", "--unit", "nowhere", "--source", "letter", "--petitioner", "a",
                    "--summary", "b")
    assert result.exit_code == 2 and result.stderr.startswith("xf: no unit 'nowhere'")
    result = office("add", "--unit", "dagang", "--source", "fax", "--petitioner", "a",
                    "--summary", "b")
    assert result.stderr == ("xf: --source: unknown value 'fax'; use one of letter=来信, "
                             "visit=来访, online=网上, phone=来电, assigned=交办, "
                             "transferred=转送.\n")
    assert office.json("list") == []


def test_missing_option_without_terminal_is_exit_2(office: Xf) -> None:
    result = office("add", "--unit", "dagang", "--source", "letter", "--summary", "b")
    assert (result.exit_code, result.stderr) == (2, "xf: missing option --petitioner.\n")


def test_assign_leader_escalate_and_history(office: Xf) -> None:
    cid = add_case(office)
    office.ok("assign", cid, "--unit", "港城实验小学", "--on", "2018-05-05")
    office.ok("leader", cid, "王局长")
    office.ok("escalate", cid, "--to", "区级", "--reason", "涉及多部门")
    case = office.json("show", cid)
    assert (case["unit"], case["leader"], case["escalation"]) == ("gcsx", "王局长", "district")
    changes = [(h["action"], h["field"], h["old"], h["new"], h["by"]) for h in case["history"]]
    assert changes == [
        ("add", "status", None, "registered", "tester"),
        ("add", "unit", None, "dagang", "tester"),
        ("add", "accept_due", None, "2018-05-17", "tester"),
        ("assign", "unit", "dagang", "gcsx", "tester"),
        ("leader", "leader", None, "王局长", "tester"),
        ("escalate", "escalation", None, "district", "tester"),
        ("escalate", "reason", None, "涉及多部门", "tester"),
    ]


def test_operator_from_by_option(office: Xf) -> None:
    """`--by` names the operator in an office's own file; on a server the login itself
    does, and a `--by` naming anyone else is refused."""
    cid = add_case(office)
    if office.backend == "postgres":
        result = office("--by", "小王", "accept", cid, "--on", "2018-05-03")
        assert (result.exit_code, result.stderr) == (
            2, "xf: --by/XF_USER 小王: on a shared server the history names the login itself "
               "(tester); unset XF_USER or log in as 小王.\n")
        as_operator(office, "小王").ok("--by", "小王", "accept", cid, "--on", "2018-05-03")
    else:
        office.ok("--by", "小王", "accept", cid, "--on", "2018-05-03")
    assert office.json("show", cid)["history"][-1]["by"] == "小王"


def test_repeat_of_must_exist(office: Xf) -> None:
    first = add_case(office)
    case = office.json("add", "--unit", "dagang", "--source", "visit", "--petitioner", "张三",
                       "--summary", "again", "--repeat-of", first)
    assert case["repeat_of"] == first
    result = office("add", "--unit", "dagang", "--source", "visit", "--petitioner", "张三",
                    "--summary", "again", "--repeat-of", "2018-0099")
    assert (result.exit_code, result.stderr) == (2, "xf: no case '2018-0099'.\n")


def test_list_filters(office: Xf) -> None:
    a = add_case(office, received="2018-05-02")
    b = add_case(office, "--backlog", "unfounded", unit="gcsx", received="2018-06-01")
    c = add_case(office, received="2018-09-30")
    office.ok("accept", b, "--on", "2018-06-02")
    office.ok("reject", c, "--reason", "r", "--on", "2018-10-01")
    assert [r["id"] for r in office.json("list")] == [a, b, c]
    assert [r["id"] for r in office.json("list", "--unit", "gcsx")] == [b]
    assert [r["id"] for r in office.json("list", "--backlog")] == [b]
    assert [r["id"] for r in office.json("list", "--status", "不予受理")] == [c]
    assert [r["id"] for r in office.json("list", "--open")] == [a, b]
    assert [r["id"] for r in office.json("list", "--overdue")] == [a, b]
    assert [r["id"] for r in office.json("list", "--since", "2018-06-01")] == [b, c]


def test_incident_add(office: Xf) -> None:
    cid = add_case(office)
    office.ok("incident", "add", "--unit", "dagang", "--kind", "越级上访", "--on", "2018-06-01",
              "--case", cid, "--note", "赴市上访")
    units = {u["code"]: u for u in office.json("unit", "list")}
    assert units["dagang"]["incidents"] == 1 and units["gcsx"]["incidents"] == 0
    result = office("incident", "add", "--unit", "dagang", "--kind", "riot", "--note", "x")
    assert result.exit_code == 2


def test_unit_add_rules(office: Xf) -> None:
    assert office("unit", "add", "dagang", "别名", "--kind", "school").stderr == (
        "xf: a unit 'dagang' already exists.\n")
    assert office("unit", "add", "大港", "别名", "--kind", "school").exit_code == 2
    rows = office.json("unit", "list")
    assert [(r["code"], r["name"], r["kind"], r["head"]) for r in rows] == [
        ("dagang", "大港中专", "vocational", "李校长"), ("gcsx", "港城实验小学", "school", None),
        ("renshi", "人事科", "section", None)]


def test_formats_by_chinese_name_and_unknown_format(office: Xf) -> None:
    add_case(office)
    assert "2018-0001" in office.ok("list", "--format", "表格").stdout
    result = office("list", "--format", "pdf")
    assert (result.exit_code, result.stderr) == (
        2, "xf: unknown format 'pdf'; this command writes: table, json.\n")


def test_lengths_ranges_and_unit_name_clashes(office: Xf) -> None:
    result = office("add", "--unit", "dagang", "--source", "letter", "--petitioner", "a" * 101,
                    "--summary", "t")
    assert (result.exit_code, result.stderr) == (
        2, "xf: --petitioner: 101 characters, at most 100.\n")
    result = office("add", "--unit", "dagang", "--source", "letter", "--petitioner", "a",
                    "--summary", "t", "--people", "3000000000")
    assert (result.exit_code, result.stderr) == (
        2, "xf: --people: 3000000000 — from 1 to 100000.\n")
    assert office("unit", "add", "DAGANG", "大港二", "--kind", "school").stderr == (
        "xf: a unit 'DAGANG' already exists.\n")
    assert office("unit", "add", "yy", "dagang", "--kind", "school").stderr == (
        "xf: a unit 'dagang' already exists.\n")
    assert office.json("list") == []


def test_a_cut_short_reveal_is_still_recorded(office: Xf) -> None:
    """The reveal is committed before the first line is printed."""
    cid = add_case(office)
    office.ok("list", "--reveal", "-o", "/dev/null")
    history = office.json("show", cid)["history"]
    assert [h["new"] for h in history if h["action"] == "reveal"] == ["list"]
