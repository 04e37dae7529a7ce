"""An office's old ledger (台账) brought in with what became of its cases, on SQLite and
PostgreSQL: the same record, and the same figures on every day, as the commands give."""

import json
from pathlib import Path

import pytest

from conftest import Xf, add_case

HEADER = ["单位", "来源", "收到日期", "信访人", "诉求摘要", "受理日期", "办结日期", "办理结果",
          "满意度", "不予受理日期", "终结日期", "理由", "办理情况"]
# received, accepted, closed, outcome, satisfaction, rejected, terminated, reason, note
LEDGER = [
    ["2018-03-01", "2018-03-05", "2018-04-20", "解决到位", "满意", "", "", "", "已书面答复"],
    ["2018-03-10", "", "", "", "", "2018-03-15", "", "不属于教育系统受理范围", ""],
    ["2018-04-01", "2018-04-03", "2018-05-10", "依法处理", "不满意", "", "2018-06-01",
     "经复查维持原处理意见", ""],
    ["2018-05-02", "2018-05-04", "", "", "", "", "", "", ""],
    ["2018-06-01", "", "", "", "", "", "", "", ""],
]


def write_ledger(path: Path, unit: str, rows: list[list[str]]) -> Path:
    lines = [",".join(HEADER)]
    for n, row in enumerate(rows, start=1):
        received, *rest = row
        lines.append(",".join([unit, "来访", received, f"张{n}", f"诉求{n}", *rest]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def enter_by_hand(xf: Xf, unit: str) -> None:
    """The same five cases, one command at a time."""
    first = add_case(xf, "--accepted", "2018-03-05", unit=unit, received="2018-03-01")
    xf.ok("close", first, "--outcome", "resolved", "--satisfaction", "satisfied", "--on",
          "2018-04-20")
    xf.ok("follow", first, "--note", "已书面答复", "--on", "2018-04-20")
    second = add_case(xf, unit=unit, received="2018-03-10")
    xf.ok("reject", second, "--reason", "不属于教育系统受理范围", "--on", "2018-03-15")
    third = add_case(xf, "--accepted", "2018-04-03", unit=unit, received="2018-04-01")
    xf.ok("close", third, "--outcome", "lawful", "--satisfaction", "unsatisfied", "--on",
          "2018-05-10")
    xf.ok("terminate", third, "--reason", "经复查维持原处理意见", "--on", "2018-06-01")
    add_case(xf, "--accepted", "2018-05-04", unit=unit, received="2018-05-02")
    add_case(xf, unit=unit, received="2018-06-01")


def figures(xf: Xf, *args: str) -> dict[object, dict[str, object]]:
    """Each unit's scorecard row, less its name."""
    return {r["unit"]: {k: v for k, v in r.items() if k not in ("unit", "unit_name", "rank")}
            for r in xf.json("scorecard", *args)["units"]}


def test_a_ledger_gives_the_figures_of_the_same_cases_entered_by_hand(office: Xf,
                                                                      tmp_path: Path) -> None:
    office.ok("import", str(write_ledger(tmp_path / "台账.csv", "dagang", LEDGER)))
    enter_by_hand(office, "gcsx")
    for day in ("2018-03-31", "2018-04-30", "2018-05-31", "2018-06-30", "2018-10-12"):
        rows = figures(office, "--as-of", day)
        assert rows["dagang"] == rows["gcsx"], day
    rows = figures(office)
    assert (rows["dagang"]["cases"], rows["dagang"]["closed_on_time"],
            rows["dagang"]["satisfaction_rate"]) == (5, 2, 0.5)
    statuses = {c["id"]: c["status"] for c in office.json("list")}
    assert [statuses[f"2018-000{n}"] for n in range(1, 6)] == [
        "closed", "rejected", "terminated", "accepted", "registered"]
    first = office.json("show", "2018-0001")
    assert [(h["action"], h["on"], h["field"], h["new"]) for h in first["history"]][3:] == [
        ("accept", "2018-03-05", "status", "accepted"),
        ("accept", "2018-03-05", "accepted", "2018-03-05"),
        ("accept", "2018-03-05", "due", "2018-05-04"),
        ("close", "2018-04-20", "status", "closed"),
        ("close", "2018-04-20", "closed", "2018-04-20"),
        ("close", "2018-04-20", "outcome", "resolved"),
        ("close", "2018-04-20", "satisfaction", "satisfied"),
        ("follow", "2018-04-20", "followup", "note")]
    assert first["followups"][0] | {"by": None} == {
        "on": "2018-04-20", "kind": "note", "note": "已书面答复", "by": None, "undone_on": None}
    week = office.json("report", "--week", "2018-W16")  # 04-16 to 04-22: one closure each
    assert sorted((c["id"], c["unit"]) for c in week["closed"]["cases"]) == [
        ("2018-0001", "dagang"), ("2018-0006", "gcsx")]


@pytest.mark.parametrize(("row", "line"), [
    (["2018-05-02", "", "2018-06-01", "解决到位", "", "", "", "", ""],
     "row 2, column 办结日期: a case is closed only after it was accepted (accepted/受理日期 is "
     "empty)."),
    (["2018-05-02", "2018-05-04", "", "解决到位", "", "", "", "", ""],
     "row 2, column 办理结果: given, but the case has no closing date (closed/办结日期)."),
    (["2018-05-02", "2018-05-04", "2018-05-03", "解决到位", "", "", "", "", ""],
     "row 2, column 办结日期: 2018-05-03 lies before the accepted date (2018-05-04)."),
    (["2018-05-02", "2018-05-04", "2018-06-01", "", "", "", "", "", ""],
     "row 2, column 办理结果: a closed case needs its outcome (resolved, educated, aided or "
     "lawful)."),
    (["2018-05-02", "2018-05-04", "", "", "", "2018-05-05", "", "x", ""],
     "row 2, column 不予受理日期: a case not accepted cannot also be accepted, closed or "
     "terminated."),
    (["2018-05-02", "2018-05-04", "", "", "", "", "2018-06-01", "", ""],
     "row 2, column 理由: a rejected or terminated case needs its reason (reason/理由)."),
    (["2018-05-02", "", "", "", "", "", "", "理由", ""],
     "row 2, column 理由: a reason goes with a rejected or terminated case only."),
    (["2018-05-02", "2018-05-04", "2018-10-13", "解决到位", "", "", "", "", ""],
     "row 2, column 办结日期: 2018-10-13 lies after today (2018-10-12)."),
])
def test_a_ledger_row_against_the_lifecycle_is_refused_naming_its_column(
        office: Xf, tmp_path: Path, row: list[str], line: str) -> None:
    result = office("import", str(write_ledger(tmp_path / "台账.csv", "dagang", [row])))
    assert (result.exit_code, result.stderr.splitlines()) == (
        2, [f"xf: {line}", "xf: 1 bad rows in 台账.csv: nothing imported."])
    assert office.json("list") == []


def test_an_imported_ledger_is_undone_whole(office: Xf, tmp_path: Path) -> None:
    office.ok("import", str(write_ledger(tmp_path / "台账.csv", "dagang", LEDGER)))
    office.ok("undo", "--yes")
    assert office.json("list") == []
    assert json.loads(office("overdue", "--json").stdout)["overdue"] == []
    assert figures(office)["dagang"]["cases"] == 0


def test_the_sample_ledger_comes_in_with_its_closures(tmp_path: Path) -> None:
    """sample_data/ledger-example.csv: three years of an office's ledger (GB18030)."""
    from typer.testing import CliRunner

    from xinfang_cli.cli import app
    from xinfang_cli.operations.sample import sample_dir

    xf = Xf(str(tmp_path / "office.db"), "sqlite")
    assert CliRunner().invoke(app, ["--db", xf.db, "init", "--sample"]).exit_code == 0
    result = xf.ok("import", str(sample_dir() / "ledger-example.csv"))
    assert result.stderr == "20 cases imported from ledger-example.csv (batch 1).\n"
    old = [c for c in xf.json("list") if c["id"] < "2018"]
    assert sorted({c["status"] for c in old}) == ["closed", "rejected", "terminated"]
    assert [sum(1 for c in old if c["status"] == s) for s in ("closed", "rejected",
                                                              "terminated")] == [12, 2, 2]
    # the assessment year: 2016's case (closed 04-28, in time) is 2016's alone; 2017's
    # (received 12-11, handling due in February) still open when 2017 ended
    year_2016 = figures(xf, "--year", "2016")
    assert (year_2016["dagang"]["cases"], year_2016["dagang"]["closed_on_time"]) == (1, 1)
    end_of_2017 = figures(xf, "--as-of", "2017-12-31")
    assert (end_of_2017["dagang"]["cases"], end_of_2017["dagang"]["closed_on_time"]) == (1, 0)
    # 2018 to today (10-12): the five sample cases and 2017's, carried over and closed
    # 02-09 in time, the only one of the six
    year_2018 = figures(xf, "--year", "2018")
    assert (year_2018["dagang"]["cases"], year_2018["dagang"]["closed_on_time"]) == (6, 1)
