"""Correcting the record through the real CLI, on SQLite and PostgreSQL: voiding a case."""

import json

import pytest

from conftest import Xf, add_case


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
        "old": "registered", "new": "voided"}
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
