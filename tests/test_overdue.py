"""`xf overdue`, the cron check: silent on a quiet day, exit 1 when anything is overdue."""

import json

import pytest

from conftest import Xf, add_case


def test_quiet_day_prints_nothing_and_exits_0(office: Xf) -> None:
    cid = add_case(office, received="2018-10-01")  # acceptance due 10-16
    result = office("overdue")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    office.ok("accept", cid, "--on", "2018-10-02")
    assert office("overdue").stdout == ""


def test_overdue_cases_exit_1_most_overdue_first(office: Xf) -> None:
    late = add_case(office, received="2018-09-20")  # acceptance due 10-05: 7 days late
    later = add_case(office, received="2018-05-02")
    office.ok("accept", later, "--on", "2018-05-10")  # handling due 07-09: 95 days late
    add_case(office, received="2018-10-10")  # due 10-25: not yet
    result = office("overdue", "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["as_of"] == "2018-10-12" and data["due_soon"] == []
    assert [(e["id"], e["unit"], e["status"], e["deadline"], e["due"], e["days_overdue"])
            for e in data["overdue"]] == [
        (later, "dagang", "accepted", "handle", "2018-07-09", 95),
        (late, "dagang", "registered", "accept", "2018-10-05", 7)]
    table = office("overdue")
    assert table.exit_code == 1
    lines = table.stdout.splitlines()
    assert lines[0].strip() == "2 overdue as of 2018-10-12"
    assert later in lines[4] and "95 d late" in lines[4]
    assert late in lines[5] and "7 d late" in lines[5]


def test_due_soon_alone_exits_0(office: Xf) -> None:
    cid = add_case(office, received="2018-09-29")  # acceptance due 10-14
    assert office("overdue").stdout == ""
    result = office("overdue", "--warn-days", "3", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["due_soon"] == [{
        "id": cid, "unit": "dagang", "unit_name": "大港中专", "status": "registered",
        "deadline": "accept", "due": "2018-10-14", "days_overdue": -2, "petitioner": "张*",
        "summary": "要求解决待遇问题", "leader": None, "backlog": None}]
    assert office("overdue", "--warn-days", "1").stdout == ""


def test_as_of_and_review_deadline(office: Xf) -> None:
    cid = add_case(office, received="2018-05-02")
    office.ok("accept", cid, "--on", "2018-05-03")
    office.ok("close", cid, "--outcome", "resolved", "--on", "2018-06-01")
    office.ok("review", cid, "--requested", "2018-06-20")  # review due 07-20
    result = office("overdue", "--as-of", "2018-07-21", "--json")
    assert result.exit_code == 1
    entry = json.loads(result.stdout)["overdue"][0]
    assert (entry["status"], entry["deadline"], entry["due"], entry["days_overdue"]) == (
        "reviewing", "handle", "2018-07-20", 1)
    assert office("overdue", "--as-of", "2018-07-20").exit_code == 0


def test_closed_rejected_and_terminated_are_never_overdue(office: Xf) -> None:
    for action in (["reject", "--reason", "r"], ["accept"]):
        cid = add_case(office, received="2018-05-02")
        office.ok(action[0], cid, *action[1:], "--on", "2018-05-03")
        if action[0] == "accept":
            office.ok("close", cid, "--outcome", "lawful", "--on", "2018-05-04")
    assert office("overdue").exit_code == 0


def test_status_board_counts(office: Xf) -> None:
    a = add_case(office, received="2018-05-02")
    b = add_case(office, unit="gcsx", received="2018-10-05")  # due 10-20: within 7 days? no
    c = add_case(office, unit="gcsx", received="2018-09-25")  # due 10-10: overdue
    office.ok("accept", a, "--on", "2018-08-20")  # due 10-19: due soon
    board = office.json("status")
    rows = {r["unit"]: r for r in board["units"]}
    assert rows["dagang"] | {} == {
        "unit": "dagang", "unit_name": "大港中专", "registered": 0, "accepted": 1,
        "rejected": 0, "closed": 0, "reviewing": 0, "rereviewing": 0, "terminated": 0,
        "total": 1, "overdue": 0, "due_soon": 1, "key_management": False}
    assert (rows["gcsx"]["registered"], rows["gcsx"]["overdue"], rows["gcsx"]["due_soon"]) == (
        2, 1, 0)
    assert rows["renshi"]["total"] == 0
    assert board["totals"]["total"] == 3 and board["totals"]["overdue"] == 1
    assert board["warn_days"] == 7 and (b, c)
    table = office.ok("status").stdout
    assert "大港中专" in table and "Total" in table


@pytest.mark.parametrize("width", ["80", "60"])
def test_the_board_keeps_every_column_on_a_narrow_screen(office: Xf, width: str) -> None:
    """The headings fold; none is cut off (a minimum width on the unit column made Rich
    drop the last one), and the totals line has all ten counts."""
    add_case(office, unit="gcsx", received="2018-09-25")  # overdue
    from rich.cells import cell_len

    lines = office.ok("status", env={"COLUMNS": width}).stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= int(width)  # a Chinese character: 2
    # overdue, due soon, all, then the seven statuses (registered … terminated)
    assert lines[-2].split() == ["Total", "1", "0", "1", "1", "0", "0", "0", "0", "0", "0"]


def test_a_past_day_is_rebuilt_from_history(office: Xf) -> None:
    cid = add_case(office, received="2018-05-02")
    office.ok("accept", cid, "--on", "2018-05-10")  # handling due 07-09
    office.ok("close", cid, "--outcome", "resolved", "--on", "2018-08-01")
    assert office("overdue").exit_code == 0  # closed now
    result = office("overdue", "--as-of", "2018-07-20", "--json")
    assert result.exit_code == 1  # but on 07-20 it was 11 days late
    entry = json.loads(result.stdout)["overdue"][0]
    assert (entry["id"], entry["status"], entry["due"], entry["days_overdue"]) == (
        cid, "accepted", "2018-07-09", 11)
    live = json.loads(office("overdue", "--as-of", "2018-10-12", "--json").stdout)
    assert live["overdue"] == []  # closed since; a past line has the live shape:
    assert sorted(entry) == ["backlog", "days_overdue", "deadline", "due", "id", "leader",
                             "petitioner", "status", "summary", "unit", "unit_name"]
    assert entry["petitioner"] == "张*"
    board = office.json("status", "--as-of", "2018-07-20")
    dagang = next(r for r in board["units"] if r["unit"] == "dagang")
    assert (dagang["accepted"], dagang["closed"], dagang["overdue"]) == (1, 0, 1)
    before = office.json("status", "--as-of", "2018-05-01")
    assert before["totals"]["total"] == 0  # not yet received
