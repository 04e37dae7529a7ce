"""Correcting the record through the real CLI, on SQLite and PostgreSQL: voiding a case."""

import json

import pytest

from conftest import Xf, add_case, as_operator


@pytest.fixture
def voided(office: Xf) -> Xf:
    """Three cases; the first, entered twice by mistake, voided on 2018-08-01.

    2018-0001 dagang, registered 05-02 (its acceptance was due 05-17: overdue);
    2018-0002 dagang, accepted 05-10, closed 06-01 (resolved, satisfied);
    2018-0003 gcsx, backlog, accepted 06-05 (handling due 08-04).
    """
    add_case(office)
    add_case(office, "--accepted", "2018-05-10")
    office.ok("close", "2018-0002", "--outcome", "resolved", "--on", "2018-06-01",
              "--satisfaction", "satisfied")
    add_case(office, "--backlog", "historical", "--accepted", "2018-06-05", unit="gcsx",
             received="2018-06-01")
    result = office("void", "2018-0001", "--reason", "与 2018-0002 重复登记",
                    env={"XF_TODAY": "2018-08-01"})
    assert (result.exit_code, result.stderr) == (
        0, "2018-0001 voided: it stays in the register with its history, and leaves every "
           "count.\n")
    return office


def ids(cases: list[dict[str, object]]) -> list[object]:
    return [c["id"] for c in cases]


def overdue(xf: Xf, *args: str) -> tuple[int, list[object]]:
    """`xf overdue`: its exit code (1: something is overdue) and the overdue cases."""
    result = xf("overdue", *args, "--json")
    return result.exit_code, ids(json.loads(result.stdout)["overdue"])


def test_a_voided_case_is_listed_only_when_asked_for(voided: Xf) -> None:
    assert ids(voided.json("list")) == ["2018-0002", "2018-0003"]
    assert ids(voided.json("list", "--status", "voided")) == ["2018-0001"]
    assert ids(voided.json("list", "--status", "已作废")) == ["2018-0001"]
    case = voided.json("show", "2018-0001")
    assert (case["status"], case["overdue"]) == ("voided", False)
    assert case["history"][-1] | {"at": None} == {
        "at": None, "on": "2018-08-01", "by": "tester", "action": "void", "field": "status",
        "old": "registered", "new": "voided", "reason": "与 2018-0002 重复登记"}
    units = {u["code"]: (u["cases"], u["open"]) for u in voided.json("unit", "list")}
    assert units == {"dagang": (1, 0), "gcsx": (1, 1), "renshi": (0, 0)}


def test_a_voided_case_leaves_the_board_and_the_cron_check_from_its_day(voided: Xf) -> None:
    def board(*args: str) -> dict[str, object]:
        totals = voided.json("status", *args)["totals"]
        return {k: v for k, v in totals.items() if v}

    assert board() == {"accepted": 1, "closed": 1, "total": 2, "overdue": 1}
    # the day before the void: 0001 was still registered, and overdue (0003 due 08-04)
    assert board("--as-of", "2018-07-31") == {
        "registered": 1, "accepted": 1, "closed": 1, "total": 3, "overdue": 1, "due_soon": 1}
    assert board("--as-of", "2018-08-01") == {
        "accepted": 1, "closed": 1, "total": 2, "due_soon": 1}
    assert overdue(voided) == (1, ["2018-0003"])
    assert overdue(voided, "--as-of", "2018-07-31") == (1, ["2018-0001"])
    assert overdue(voided, "--as-of", "2018-08-02") == (0, [])


def test_a_voided_case_leaves_the_scorecard_and_the_report_from_its_day(voided: Xf) -> None:
    def cases(*args: str) -> dict[object, object]:
        return {u["unit"]: u["cases"] for u in voided.json("scorecard", *args)["units"]}

    assert cases() == {"dagang": 1, "gcsx": 1, "renshi": 0}
    assert cases("--as-of", "2018-07-31") == {"dagang": 2, "gcsx": 1, "renshi": 0}
    # the week it was received (as of 05-06, before the void): received twice that week
    week18 = voided.json("report", "--week", "2018-W18")
    assert (week18["received"]["total"], week18["received"]["by_source"]) == (2, {"visit": 2})
    # late July: overdue then; the week of the void: gone from the overdue cases
    assert ids(voided.json("report", "--week", "2018-W30")["overdue"]) == ["2018-0001"]
    assert ids(voided.json("report", "--week", "2018-W31")["overdue"]) == ["2018-0003"]


def test_nothing_more_is_done_to_a_voided_case(voided: Xf) -> None:
    refused = ("xf: 2018-0001 is voided: nothing more can be done to it (xf undo takes the "
               "void back).\n")
    for args in (["accept", "2018-0001", "--on", "2018-08-02"], ["follow", "2018-0001",
                 "--note", "x"], ["void", "2018-0001", "--reason", "again"],
                 ["assign", "2018-0001", "--unit", "gcsx"]):
        result = voided(*args)
        assert (result.exit_code, result.stderr) == (2, refused)


def test_a_void_needs_a_reason_and_writes_nothing_without_one(voided: Xf) -> None:
    before = voided.json("show", "2018-0002")["history"]
    result = voided("void", "2018-0002")
    assert (result.exit_code, result.stderr) == (2, "xf: missing option --reason.\n")
    result = voided("void", "2018-0002", "--reason", "  ")
    assert (result.exit_code, result.stderr) == (2, "xf: --reason may not be empty.\n")
    assert voided.json("show", "2018-0002")["history"] == before


# --- xf edit ---------------------------------------------------------------------------------


def test_an_edit_is_history_masked_unless_revealed(office: Xf) -> None:
    cid = add_case(office, "--phone", "13812345678")
    result = office("edit", cid, "--phone", "13912345678", "--summary", "要求补发津贴",
                    "--reason", "登记时记错")
    assert (result.exit_code, result.stderr) == (0, "  Phone: 138****5678 → 139****5678\n"
                                                    "  Summary: 要求解决待遇问题 → 要求补发津贴\n"
                                                    "2018-0001: 2 field(s) corrected.\n")
    rows = [(h["action"], h["field"], h["old"], h["new"], h["reason"])
            for h in office.json("show", cid)["history"][-2:]]
    assert rows == [("edit", "phone", "138****5678", "139****5678", "登记时记错"),
                    ("edit", "summary", "要求解决待遇问题", "要求补发津贴", "登记时记错")]
    revealed = office.json("show", cid, "--reveal")["history"]
    assert (revealed[-3]["old"], revealed[-3]["new"]) == ("13812345678", "13912345678")
    assert office.json("show", cid)["phone"] == "139****5678"


def test_an_edit_that_changes_nothing_says_so(office: Xf) -> None:
    cid = add_case(office, "--phone", "13812345678")
    result = office("edit", cid, "--phone", "138 1234 5678".replace(" ", ""),
                    "--source", "来访")
    assert (result.exit_code, result.stderr) == (
        0, "2018-0001: nothing to change, every value is already so.\n")
    assert len(office.json("show", cid)["history"]) == 3  # the registration's rows only


@pytest.mark.parametrize(("args", "message"), [
    ([], "name what to correct: xf edit 2018-0001 --phone … (see xf edit --help)."),
    (["--backlog", "historical", "--first-time"],
     "--backlog and --first-time contradict each other: give one."),
    (["--phone", "12a"], "--phone: '12a' is not a phone number."),
    (["--people", "0"], "--people: 0 — from 1 to 100000."),
    (["--petitioner", " "], "--petitioner may not be empty."),
    (["--received", "2018-05-20"], "--received 2018-05-20: the case was already acted on "
                                   "before that day (xf accept on 2018-05-10)."),
    (["--received", "2018-10-13"], "--received: 2018-10-13 lies after today (2018-10-12)."),
    (["--due", "2018-04-01"], "--due: 2018-04-01 lies before the case was received "
                              "(2018-05-02)."),
])
def test_a_bad_edit_is_one_line_and_writes_nothing(office: Xf, args: list[str],
                                                    message: str) -> None:
    cid = add_case(office, "--accepted", "2018-05-10")
    before = office.json("show", cid)
    result = office("edit", cid, *args)
    assert (result.exit_code, result.stderr) == (2, f"xf: {message}\n")
    assert office.json("show", cid) == before


def test_a_corrected_receipt_counts_on_every_past_day(office: Xf) -> None:
    """Both received 05-02 (acceptance due 05-17) and accepted 05-20, late; in truth both
    came on 05-10 (due 05-25), so they were accepted in time. 0001 was closed on 07-10, so
    the scorecard of 06-30 rebuilds it from its history; 0002 stood then as it stands now."""
    for unit in ("dagang", "gcsx"):
        add_case(office, "--accepted", "2018-05-20", unit=unit)
    office.ok("close", "2018-0001", "--outcome", "resolved", "--on", "2018-07-10")

    def on_time() -> dict[object, object]:
        rows = office.json("scorecard", "--as-of", "2018-06-30")["units"]
        return {r["unit"]: r["accepted_on_time_rate"] for r in rows if r["cases"]}

    assert on_time() == {"dagang": 0.0, "gcsx": 0.0}
    for cid in ("2018-0001", "2018-0002"):
        office.ok("edit", cid, "--received", "2018-05-10", "--reason", "收到日期登记错误")
        assert office.json("show", cid)["accept_due"] == "2018-05-25"
    assert on_time() == {"dagang": 1.0, "gcsx": 1.0}
    board = office.json("status", "--as-of", "2018-05-05")["totals"]  # not yet received then
    assert board["total"] == 0


def test_a_superior_deadline_moves_the_handling_due_date_of_every_day(office: Xf) -> None:
    """Accepted 05-10 (due 07-09); the superior's deadline, 06-15, was left out at first."""
    cid = add_case(office, "--accepted", "2018-05-10")
    office.ok("follow", cid, "--note", "电话回访", "--on", "2018-07-01")
    assert office("overdue", "--as-of", "2018-06-20").exit_code == 0
    office.ok("edit", cid, "--due", "2018-06-15")
    case = office.json("show", cid)
    assert (case["due"], case["history"][-1]["field"], case["history"][-1]["new"]) == (
        "2018-06-15", "due", "2018-06-15")
    late = office("overdue", "--as-of", "2018-06-20", "--json")
    assert late.exit_code == 1
    assert [(e["id"], e["due"]) for e in json.loads(late.stdout)["overdue"]] == [
        (cid, "2018-06-15")]


def test_an_extended_case_gets_both_due_dates_corrected(office: Xf) -> None:
    cid = add_case(office, "--accepted", "2018-05-10")
    office.ok("extend", cid, "--days", "10", "--reason", "会商", "--on", "2018-07-01")
    result = office("edit", cid, "--due", "2018-06-15")
    assert result.stderr == ("  Superior's due: — → 2018-06-15\n  Due: 2018-07-09 → 2018-06-15\n"
                             "  Due: 2018-07-19 → 2018-06-25\n2018-0001: 3 field(s) corrected.\n")
    assert office.json("show", cid)["due"] == "2018-06-25"
    late = json.loads(office("overdue", "--as-of", "2018-06-20", "--json").stdout)["overdue"]
    assert [(e["id"], e["due"]) for e in late] == [(cid, "2018-06-15")]


# --- xf undo ---------------------------------------------------------------------------------


def undo(xf: Xf, *args: str) -> tuple[int, str, str]:
    result = xf("undo", *args)
    return result.exit_code, result.stdout, result.stderr


def shown(xf: Xf, cid: str, *keys: str) -> tuple[object, ...]:
    case = xf.json("show", cid)
    return tuple(case[k] for k in keys)


def test_undo_of_a_close_restores_the_case_and_its_reply(office: Xf) -> None:
    cid = add_case(office, "--accepted", "2018-05-10")
    office.ok("close", cid, "--outcome", "resolved", "--on", "2018-06-01", "--note", "已答复",
              "--satisfaction", "satisfied")
    assert undo(office, "--dry-run") == (0, (
        "Command 5: xf close on 2018-10-12 by tester.\n"
        "  2018-0001 Satisfaction: satisfied → —\n"
        "  2018-0001 Outcome: resolved → —\n"
        "  2018-0001 Closed: 2018-06-01 → —\n"
        "  2018-0001 Status: closed → accepted\n"
        "  2018-0001 follow-up reply of 2018-06-01: taken back\n"), "")
    assert shown(office, cid, "status") == ("closed",)  # a dry run writes nothing
    code, _out, err = undo(office, "--yes")
    assert (code, err) == (0, "Command 5 (xf close) taken back.\n")
    case = office.json("show", cid)
    assert (case["status"], case["closed"], case["outcome"], case["satisfaction"],
            case["due"], case["overdue"]) == ("accepted", None, None, None, "2018-07-09", True)
    assert case["followups"][0]["undone_on"] == "2018-10-12"
    assert [(h["action"], h["field"], h["old"], h["new"]) for h in case["history"][-5:]] == [
        ("undo", "satisfaction", "satisfied", None), ("undo", "outcome", "resolved", None),
        ("undo", "closed", "2018-06-01", None), ("undo", "status", "closed", "accepted"),
        ("undo", "followup", "reply", None)]
    # it can be closed again, from the day it was accepted on
    office.ok("close", cid, "--outcome", "educated", "--on", "2018-05-20")


def test_an_undo_is_undone_by_undoing_it(office: Xf) -> None:
    cid = add_case(office, "--accepted", "2018-05-10")
    office.ok("close", cid, "--outcome", "resolved", "--on", "2018-06-01")
    office.ok("undo", "--yes")
    assert shown(office, cid, "status", "closed") == ("accepted", None)
    office.ok("undo", cid, "--yes")  # the last command on the case, the undo: the close is back
    assert shown(office, cid, "status", "closed", "outcome") == ("closed", "2018-06-01",
                                                                   "resolved")
    assert office.json("status", "--as-of", "2018-06-01")["totals"]["closed"] == 1


def test_undo_of_an_assign_moves_the_case_and_its_follow_ups_back(office: Xf) -> None:
    cid = add_case(office, "--accepted", "2018-05-10")
    office.ok("follow", cid, "--note", "领导接访", "--kind", "reception", "--on", "2018-05-12")
    office.ok("assign", cid, "--unit", "gcsx", "--on", "2018-05-15")

    def receptions() -> dict[object, object]:
        rows = office.json("scorecard")["units"]
        return {r["unit"]: r["receptions"] for r in rows if r["receptions"]}

    assert receptions() == {"gcsx": 1}
    assert undo(office, cid, "--yes")[0] == 0
    assert shown(office, cid, "unit") == ("dagang",)
    assert receptions() == {"dagang": 1}


def test_undo_of_a_follow_up_takes_it_out_of_the_counts_from_that_day(office: Xf) -> None:
    cid = add_case(office, "--accepted", "2018-05-10")
    office.ok("follow", cid, "--note", "领导接访", "--kind", "reception", "--on", "2018-05-12")
    result = office("undo", "--yes", env={"XF_TODAY": "2018-06-01"})
    assert result.exit_code == 0, result.stderr

    def receptions(day: str) -> int:
        rows = office.json("scorecard", "--as-of", day)["units"]
        return sum(int(r["receptions"]) for r in rows)

    assert (receptions("2018-05-31"), receptions("2018-06-01"), receptions("2018-10-12")) == (
        1, 0, 0)
    week = office.json("report", "--week", "2018-W19")  # 05-07 to 05-13, as of 05-13
    assert week["followups"]["receptions"] == 1


def test_undo_is_refused_where_a_later_command_changed_the_case(office: Xf) -> None:
    cid = add_case(office, "--accepted", "2018-05-10")
    office.ok("close", cid, "--outcome", "resolved", "--on", "2018-06-01")
    as_operator(office, "小李").ok("follow", cid, "--note", "回访", "--on", "2018-06-02")
    before = office.json("show", cid)
    code, _out, err = undo(office, "--yes")  # tester's last command: the close
    assert (code, err) == (2, "xf: 2018-0001 was changed later by command 6 (xf follow, "
                              "2018-10-12, 小李): undo that first, then command 5 (xf close).\n")
    assert office.json("show", cid) == before
    assert undo(office, cid, "--yes")[0] == 0  # the last command on the case: the follow-up
    assert undo(office, "--yes")[0] == 0  # now the close
    assert shown(office, cid, "status") == ("accepted",)


def test_nothing_to_undo_and_no_answer_off_a_terminal(xf: Xf) -> None:
    assert undo(xf) == (2, "", "xf: nothing to undo: tester has run no command that "
                               "changed the record.\n")
    xf.ok("unit", "add", "dagang", "大港中专", "--kind", "vocational")
    cid = add_case(xf)
    code, out, err = undo(xf)
    assert (code, out.splitlines()[0], err) == (
        2, "Command 2: xf add on 2018-10-12 by tester.",
        "xf: xf undo asks before it writes: give --yes (or --dry-run to see what it would "
        "do).\n")
    assert shown(xf, cid, "status") == ("registered",)


def test_undo_of_an_add_voids_the_case_and_undo_of_a_void_brings_it_back(office: Xf) -> None:
    cid = add_case(office)
    assert undo(office, "--dry-run")[1] == ("Command 4: xf add on 2018-10-12 by tester.\n"
                                            "  1 case(s) it registered: voided\n")
    office.ok("undo", "--yes")
    assert shown(office, cid, "status") == ("voided",)
    assert office.json("list") == []
    office.ok("undo", cid, "--yes")  # the undo undone: registered again
    assert shown(office, cid, "status", "overdue") == ("registered", True)
    office.ok("void", cid, "--reason", "重复")
    office.ok("undo", cid, "--yes")
    assert shown(office, cid, "status") == ("registered",)


def test_undo_of_an_import_voids_all_its_cases_at_once(office: Xf, tmp_path) -> None:
    rows = "\n".join(f"dagang,visit,2018-05-{d:02d},张三,诉求{d}" for d in range(1, 31))
    sheet = tmp_path / "ledger.csv"
    sheet.write_text(f"unit,source,received,petitioner,summary\n{rows}\n", encoding="utf-8")
    office.ok("import", str(sheet))
    as_operator(office, "小李").ok("accept", "2018-0030", "--on", "2018-06-01")
    code, _out, err = undo(office, "--yes")
    assert (code, err) == (2, "xf: 2018-0030 was changed later by command 5 (xf accept, "
                              "2018-10-12, 小李): undo that first, then command 4 (xf import)."
                              "\n")
    office.ok("undo", "2018-0030", "--yes")
    assert undo(office, "--dry-run")[1] == ("Command 4: xf import on 2018-10-12 by tester.\n"
                                            "  30 case(s) it registered: voided\n")
    office.ok("undo", "--yes")
    assert office.json("list") == []
    assert len(office.json("list", "--status", "voided")) == 30
    assert office.json("status", "--as-of", "2018-10-11")["totals"]["total"] == 30
    assert office.json("status")["totals"]["total"] == 0


# --- incidents -------------------------------------------------------------------------------


def test_an_incident_recorded_by_mistake_is_voided_and_leaves_the_scorecard(office: Xf) -> None:
    cid = add_case(office)
    office.ok("incident", "add", "--unit", "dagang", "--kind", "mass-incident", "--on",
              "2018-06-01", "--case", cid, "--note", "误记")
    office.ok("incident", "add", "--unit", "gcsx", "--kind", "skip-level", "--on",
              "2018-07-01", "--note", "赴市上访")

    def vetoed(*args: str) -> dict[object, object]:
        return {r["unit"]: r["veto"] for r in office.json("scorecard", *args)["units"]}

    assert vetoed()["dagang"] is True
    result = office("incident", "void", "1", "--reason", "系来区咨询，非群体性事件",
                    env={"XF_TODAY": "2018-08-01"})
    assert (result.exit_code, result.stderr) == (0, "Incident 1 voided.\n")
    assert (vetoed()["dagang"], vetoed("--as-of", "2018-07-31")["dagang"]) == (False, True)
    listed = office.json("incident", "list")
    assert [(i["id"], i["unit"], i["kind"], i["voided_on"], i["void_reason"])
            for i in listed] == [
        (1, "dagang", "mass-incident", "2018-08-01", "系来区咨询，非群体性事件"),
        (2, "gcsx", "skip-level", None, None)]
    assert [i["id"] for i in office.json("incident", "list", "--unit", "gcsx")] == [2]
    assert [i["id"] for i in office.json("incident", "list", "--since", "2018-06-15")] == [2]
    again = office("incident", "void", "1", "--reason", "x")
    assert (again.exit_code, again.stderr) == (
        2, "xf: incident 1 was already voided on 2018-08-01.\n")
    missing = office("incident", "void", "9", "--reason", "x")
    assert (missing.exit_code, missing.stderr) == (
        2, "xf: no incident 9: xf incident list shows their numbers.\n")
    office.ok("undo", "--yes")  # the void taken back: vetoed again
    assert vetoed()["dagang"] is True


# --- units -----------------------------------------------------------------------------------


def test_a_unit_is_corrected_with_its_history_and_undone(office: Xf) -> None:
    result = office("unit", "edit", "dagang", "--head", "王明", "--email", "xfb@dagang.edu.cn")
    assert (result.exit_code, result.stderr) == (0, "  Head: 李校长 → 王明\n"
                                                    "  Email: — → xfb@dagang.edu.cn\n"
                                                    "Unit dagang: 2 field(s) changed.\n")
    unit = office.json("unit", "show", "dagang")
    assert (unit["head"], unit["email"], unit["retired_on"]) == (
        "王明", "xfb@dagang.edu.cn", None)
    assert [(h["action"], h["field"], h["old"], h["new"]) for h in unit["history"]] == [
        ("add", "code", None, "dagang"), ("add", "name", None, "大港中专"),
        ("add", "kind", None, "vocational"), ("add", "head", None, "李校长"),
        ("edit", "head", "李校长", "王明"), ("edit", "email", None, "xfb@dagang.edu.cn")]
    listed = {u["code"]: u["email"] for u in office.json("unit", "list")}
    assert listed["dagang"] == "xfb@dagang.edu.cn"
    office.ok("undo", "--yes")
    assert office.json("unit", "show", "dagang")["head"] == "李校长"
    for args, line in ((["--email", "x"], "--email: 'x' is not an email address."),
                       (["--webhook", "ftp://x"],
                        "--webhook: 'ftp://x' is not a web address (https://…)."),
                       (["--name", "人事科"], "a unit '人事科' already exists."), ([],
                        "name what to change: xf unit edit dagang --head … (see xf unit edit "
                        "--help).")):
        result = office("unit", "edit", "dagang", *args)
        assert (result.exit_code, result.stderr) == (2, f"xf: {line}\n")


def test_a_retired_unit_hands_over_its_pending_cases_and_leaves_after_its_day(
        office: Xf) -> None:
    pending = add_case(office, "--accepted", "2018-05-10", unit="gcsx")
    done = add_case(office, "--accepted", "2018-05-10", unit="gcsx")
    office.ok("close", done, "--outcome", "resolved", "--on", "2018-06-01")
    refused = office("unit", "retire", "gcsx", "--on", "2018-09-01")
    assert (refused.exit_code, refused.stderr) == (
        2, "xf: unit gcsx still has 1 pending case(s): give --into the unit that takes them.\n")
    result = office("unit", "retire", "gcsx", "--on", "2018-09-01", "--into", "dagang")
    assert (result.exit_code, result.stderr) == (
        0, "1 pending case(s) moved to dagang: 2018-0001.\nUnit gcsx retired on 2018-09-01.\n")
    assert office.json("show", pending)["unit"] == "dagang"

    def units(command: str, *args: str) -> list[object]:
        return [u["unit"] for u in office.json(command, *args)["units"]]

    assert units("status") == ["dagang", "renshi"]
    assert units("status", "--as-of", "2018-09-01") == ["dagang", "gcsx", "renshi"]
    assert units("scorecard") == ["dagang", "renshi"]
    assert units("scorecard", "--as-of", "2018-08-31") == ["dagang", "gcsx", "renshi"]
    late = office("add", "--unit", "gcsx", "--source", "visit", "--received", "2018-10-01",
                  "--petitioner", "李四", "--summary", "x")
    assert (late.exit_code, late.stderr) == (
        2, "xf: unit gcsx was retired on 2018-09-01: the case goes to the unit that took its "
           "work.\n")
    shown = office.json("unit", "show", "gcsx")
    assert (shown["retired_on"], shown["merged_into"]) == ("2018-09-01", "dagang")
    office.ok("undo", "--yes")  # the retirement taken back, the case back with gcsx
    assert (office.json("unit", "show", "gcsx")["retired_on"],
            office.json("show", pending)["unit"]) == (None, "gcsx")


def test_undo_of_an_edit_puts_the_registration_back(office: Xf) -> None:
    cid = add_case(office, "--phone", "13812345678")
    office.ok("edit", cid, "--received", "2018-05-10", "--phone", "13912345678")
    assert shown(office, cid, "received", "accept_due") == ("2018-05-10", "2018-05-25")
    office.ok("undo", "--yes")
    assert shown(office, cid, "received", "accept_due", "phone") == (
        "2018-05-02", "2018-05-17", "138****5678")
    office.ok("accept", cid, "--on", "2018-05-03")  # the receipt is the first day again


def test_an_undone_correction_is_undone_on_every_past_day(office: Xf) -> None:
    """Received 05-02 and accepted 05-20, late; corrected to received 05-10 (in time), then
    the correction taken back: late again, on the past day the case is rebuilt for too."""
    cid = add_case(office, "--accepted", "2018-05-20")
    office.ok("close", cid, "--outcome", "resolved", "--on", "2018-07-10")

    def on_time() -> object:
        rows = office.json("scorecard", "--as-of", "2018-06-30")["units"]
        return next(r["accepted_on_time_rate"] for r in rows if r["unit"] == "dagang")

    office.ok("edit", cid, "--received", "2018-05-10")
    assert on_time() == 1.0
    office.ok("undo", "--yes")
    assert (on_time(), shown(office, cid, "received")) == (0.0, ("2018-05-02",))


def test_a_closure_taken_back_leaves_the_weekly_report(office: Xf) -> None:
    cid = add_case(office, "--accepted", "2018-09-20")
    office.ok("close", cid, "--outcome", "resolved", "--on", "2018-10-08")
    assert office.json("report", "--week", "2018-W41")["closed"]["total"] == 1
    office.ok("undo", "--yes")
    assert office.json("report", "--week", "2018-W41")["closed"]["total"] == 0


def test_a_command_that_changed_nothing_is_no_command_to_undo(office: Xf) -> None:
    cid = add_case(office)
    office.ok("leader", cid, "王局长")
    office.ok("leader", cid, "王局长")  # already so: nothing written, no command
    assert undo(office, "--dry-run")[1].splitlines()[0] == (
        "Command 5: xf leader on 2018-10-12 by tester.")


def test_no_incident_on_a_voided_case(voided: Xf) -> None:
    result = voided("incident", "add", "--unit", "dagang", "--kind", "skip-level", "--on",
                    "2018-08-02", "--case", "2018-0001", "--note", "x")
    assert (result.exit_code, result.stderr) == (
        2, "xf: 2018-0001 is voided: nothing more can be done to it (xf undo takes the void "
           "back).\n")
    assert voided.json("incident", "list") == []
