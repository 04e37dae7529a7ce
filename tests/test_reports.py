"""`xf report`: the weekly printout, in every format, on the hand-built office of
test_scorecard.py; expected figures worked out by hand, this week and a past week."""

import csv
import io
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import Xf
from test_scorecard import build


@pytest.fixture
def scored(office: Xf) -> Xf:
    return build(office)


# --- this week: 2018-W41, Monday 10-08 to Sunday 10-14; today is Friday 10-12 ---------------


def test_report_this_week_json(scored: Xf) -> None:
    data = scored.json("report", "--week", "2018-W41")
    assert data["period"] == {"from": "2018-10-08", "to": "2018-10-14"}
    assert data["as_of"] == "2018-10-12"  # the week has not ended: overdue as of today
    assert data["phase"]["number"] == 2
    # received 0007 (online 10-08), 0008 (letter 10-09), 0010 (visit 10-10)
    assert data["received"]["total"] == 3
    assert data["received"]["by_source"] == {"online": 1, "letter": 1, "visit": 1}
    assert data["received"]["by_unit"] == {"gcsx": 2, "renshi": 1}
    assert data["accepted"] == {"total": 1, "on_time": 1, "late": 0}  # 0007 on 10-09
    assert data["rejected"] == {"total": 1}  # 0008 on 10-11
    # closed 0006 (10-10, lawful) and 0011 (10-11, aided); 0003's termination is no closure
    assert data["closed"]["total"] == 2
    assert data["closed"]["by_outcome"] == {"lawful": 1, "aided": 1}
    assert [(e["id"], e["unit"], e["status"], e["deadline"], e["due"], e["days_overdue"])
            for e in data["overdue"]] == [
        ("2018-0001", "dagang", "accepted", "handle", "2018-07-09", 95),
        ("2018-0004", "dagang", "registered", "accept", "2018-10-05", 7)]
    # backlog: 0001 0002 0003 0005 0006 0011; all but 0001 closed or terminated
    assert data["backlog"] == {
        "total": 6, "resolved": 5, "open": 1, "rate": 0.8333,
        "by_kind": {"historical": {"total": 2, "resolved": 1, "open": 1},
                    "excessive": {"total": 2, "resolved": 2, "open": 0},
                    "unfounded": {"total": 2, "resolved": 2, "open": 0}}}
    assert (data["followups"]["receptions"], data["followups"]["field_visits"]) == (2, 0)
    assert [(i["on"], i["kind"], i["case"]) for i in data["followups"]["items"]] == [
        ("2018-10-09", "reception", "2018-0001"), ("2018-10-10", "reception", "2018-0011")]
    assert data["incidents"] == [{"unit": "renshi", "unit_name": "人事科", "kind": "skip-level",
                                  "on": "2018-10-09", "case": None, "note": "赴区上访"}]


def test_report_defaults_to_the_week_containing_today(scored: Xf) -> None:
    assert scored.json("report") == scored.json("report", "--week", "2018-W41")


def test_report_agrees_with_the_scorecard(scored: Xf) -> None:
    for week, day in (("2018-W41", "2018-10-12"), ("2018-W35", "2018-09-02")):
        data = scored.json("report", "--week", week)
        units = scored.json("scorecard", "--as-of", day)["units"]
        assert data["backlog"]["total"] == sum(u["backlog"] for u in units)
        assert data["backlog"]["resolved"] == sum(u["backlog_resolved"] for u in units)
        assert len(data["overdue"]) == sum(u["overdue"] for u in units)
        assert {u["unit"]: (u["backlog"], u["backlog_resolved"], u["backlog_rate"], u["pace"],
                            u["overdue"]) for u in data["units"]} == {
            u["unit"]: (u["backlog"], u["backlog_resolved"], u["backlog_rate"], u["pace"],
                        u["overdue"]) for u in units}


# --- a past week, rebuilt from history --------------------------------------------------------


def test_report_past_week_is_rebuilt_from_history(scored: Xf) -> None:
    data = scored.json("report", "--week", "2018-W35")  # 08-27 to 09-02
    assert data["period"] == {"from": "2018-08-27", "to": "2018-09-02"}
    assert data["as_of"] == "2018-09-02"
    assert (data["received"]["total"], data["accepted"]["total"], data["closed"]["total"]) == (
        0, 0, 0)
    # on 09-02 0002 (closed 09-20), 0003 (terminated 10-09), 0006 (closed 10-10) and 0011
    # (closed 10-11) were still pending past their handling due dates
    assert [(e["id"], e["due"], e["days_overdue"]) for e in data["overdue"]] == [
        ("2018-0011", "2018-06-24", 70), ("2018-0003", "2018-07-04", 60),
        ("2018-0001", "2018-07-09", 55), ("2018-0006", "2018-07-10", 54),
        ("2018-0002", "2018-07-24", 40)]
    assert {k: data["backlog"][k] for k in ("total", "resolved", "open")} == {
        "total": 6, "resolved": 1, "open": 5}  # only 0005 (closed 06-20)
    assert (data["followups"]["receptions"], data["followups"]["field_visits"]) == (0, 1)
    assert data["incidents"] == []


@pytest.mark.parametrize("args", [
    ["report", "--week", "2018-W41"], ["report", "--week", "2018-W35"],
    ["scorecard"], ["scorecard", "--as-of", "2018-08-31"],
    ["status", "--as-of", "2018-08-31", "--warn-days", "30"],
    ["overdue", "--as-of", "2018-08-31", "--warn-days", "30"]])
def test_rebuilt_cases_sent_as_a_list_or_as_a_query_agree(
        scored: Xf, monkeypatch: pytest.MonkeyPatch, args: list[str]) -> None:
    """A few case ids go back to the database as a list, many as the query that chose them
    (asof.LISTED); both must give the same figures, closures and follow-ups."""
    from xinfang_cli.views import asof

    listed = scored(*args, "--json")
    monkeypatch.setattr(asof, "LISTED", 0)
    queried = scored(*args, "--json")
    assert (queried.exit_code, json.loads(queried.stdout)) == (
        listed.exit_code, json.loads(listed.stdout))


@pytest.mark.parametrize("week, accepted, rejected", [
    ("2018-W41", 1, 1), ("2018-W19", 2, 0), ("2018-W23", 1, 0)])
def test_a_weeks_events_looked_up_or_scanned_for_agree(
        scored: Xf, monkeypatch: pytest.MonkeyPatch, week: str, accepted: int,
        rejected: int) -> None:
    """The period's acceptances and rejections are looked up among the cases received in it
    or changed since it began where those are few (views.report.events_in), else counted by a scan
    of every case: both give the same report."""
    from xinfang_cli.views import report

    looked_up = scored.json("report", "--week", week)
    monkeypatch.setattr(report, "EVENTS_FEW", -1)
    assert scored.json("report", "--week", week) == looked_up
    assert (looked_up["accepted"]["total"], looked_up["rejected"]["total"]) == (
        accepted, rejected)
    assert sum(u["accepted"] for u in looked_up["units"]) == accepted


def test_status_and_overdue_on_a_past_day(scored: Xf) -> None:
    """On 09-02 (as in the report of that week): the columns for the cases untouched since,
    the history for the rest; overdue most overdue first."""
    late = json.loads(scored("overdue", "--as-of", "2018-09-02", "--json").stdout)["overdue"]
    assert [(e["id"], e["status"], e["due"]) for e in late] == [
        ("2018-0011", "accepted", "2018-06-24"), ("2018-0003", "accepted", "2018-07-04"),
        ("2018-0001", "accepted", "2018-07-09"), ("2018-0006", "accepted", "2018-07-10"),
        ("2018-0002", "accepted", "2018-07-24")]
    board = scored.json("status", "--as-of", "2018-09-02")
    # received by then: 0001-0003, 0005, 0006, 0009, 0011, 0012; closed: 0005, 0009, 0012
    assert {k: v for k, v in board["totals"].items() if v} == {
        "accepted": 5, "closed": 3, "total": 8, "overdue": 5}
    rows = {r["unit"]: r for r in board["units"]}
    assert (rows["dagang"]["accepted"], rows["dagang"]["overdue"]) == (3, 3)
    assert (rows["renshi"]["closed"], rows["renshi"]["accepted"]) == (1, 1)  # 0009, 0011


def test_overdue_lists_go_by_case_number() -> None:
    from datetime import date

    from xinfang_cli.views.overdue import deadline_order

    due = date(2018, 7, 1)
    entries = [{"id": i, "due": due} for i in ("2018-10000", "2018-9999", "2017-12000")]
    assert [e["id"] for e in sorted(entries, key=deadline_order)] == [
        "2017-12000", "2018-9999", "2018-10000"]


def test_report_from_to(scored: Xf) -> None:
    data = scored.json("report", "--from", "2018-05-01", "--to", "2018/5/31")
    assert data["period"] == {"from": "2018-05-01", "to": "2018-05-31"}
    # received in May: 0001 0003 (visit), 0002 0006 (letter), 0005 (phone); 0011 came 04-20
    assert data["received"]["by_source"] == {"visit": 2, "letter": 2, "phone": 1}
    # accepted in May: 0001 0003 0005 0006 in time, 0002 late (05-25 after 05-18)
    assert data["accepted"] == {"total": 5, "on_time": 4, "late": 1}
    assert data["closed"]["total"] == 0
    assert [e["id"] for e in data["overdue"]] == []  # 0011 due 06-24: not yet on 05-31


@pytest.mark.parametrize(("args", "message"), [
    (["--week", "2018-W60"], "xf: --week: '2018-W60' is not an ISO week (use 2018-W26).\n"),
    (["--week", "2018-W41", "--from", "2018-10-01"],
     "xf: give either --week or --from/--to, not both.\n"),
    (["--from", "2018-10-01"], "xf: missing option --to.\n"),
    (["--from", "2018-10-09", "--to", "2018-10-01"],
     "xf: --to 2018-10-01 lies before --from 2018-10-09.\n"),
    (["--format", "pdf"], "xf: unknown format 'pdf'; this command writes: table, md, csv, "
                          "html, json, xlsx.\n"),
    (["--format", "xlsx"], "xf: --format xlsx writes a file: add -o FILE.xlsx.\n"),
])
def test_report_bad_usage(xf: Xf, args: list[str], message: str) -> None:
    result = xf("report", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)


# --- every format, parsed back --------------------------------------------------------------


def test_report_table_fits_100_columns(scored: Xf) -> None:
    out = scored.ok("report", "--week", "2018-W41", env={"COLUMNS": "100"}).stdout
    assert all(len(line) <= 100 for line in out.splitlines())
    assert "Period 2018-10-08 to 2018-10-14 (week 2018-W41)" in out
    assert "Overdue cases as of 2018-10-12" in out
    zh = scored.ok("--lang", "zh", "report", "--week", "2018-W41",
                   env={"COLUMNS": "100"}).stdout
    assert "信访工作周报" in zh and "超期件（截至 2018-10-12）" in zh and "诉求过高" in zh


def csv_sections(text: str) -> dict[str, list[list[str]]]:
    """Split the report CSV into its sections: title row, header row, rows, blank row."""
    sections, current = {}, None
    for row in csv.reader(io.StringIO(text)):
        if not row:
            current = None
        elif current is None:
            current = sections.setdefault(row[0], [])
        else:
            current.append(row)
    return sections


def test_report_csv(scored: Xf) -> None:
    sections = csv_sections(scored.ok("report", "--week", "2018-W41", "-f", "csv").stdout)
    assert list(sections) == ["Summary", "Intake by source", "By unit", "Closures by outcome",
                              "Overdue cases as of 2018-10-12", "Backlog progress",
                              "Leaders' receptions and field visits", "Incidents",
                              "Papers to petitioners (issued in the period; owed on 2018-10-12)",
                              "Supervision measures (★ under key management)"]
    summary = dict(sections["Summary"][1:])
    assert (summary["Petitions received"], summary["Accepted"], summary["Closed"],
            summary["Overdue on 2018-10-12"]) == ("3", "1", "2", "2")
    assert summary["Backlog resolution rate"] == "0.8333"
    assert sections["Intake by source"][1:] == [["letter", "1"], ["visit", "1"], ["online", "1"],
                                                ["phone", "0"], ["assigned", "0"],
                                                ["transferred", "0"]]
    overdue = sections["Overdue cases as of 2018-10-12"]
    assert overdue[0][:6] == ["Case", "Unit", "Status", "Deadline", "Due", "Days late"]
    assert [r[:6] for r in overdue[1:]] == [
        ["2018-0001", "大港中专", "accepted", "handling", "2018-07-09", "95"],
        ["2018-0004", "大港中专", "registered", "acceptance", "2018-10-05", "7"]]
    units = {r[0]: r for r in sections["By unit"][1:]}
    assert units["港城实验小学"][1:] == ["2", "1", "1", "0", "2", "2", "1.0", "ahead"]


def test_report_csv_makes_formulas_inert(office: Xf) -> None:
    from conftest import add_case

    add_case(office, "--accepted", "2018-05-03", received="2018-05-02",
             summary="=HYPERLINK(\"x\")")
    sections = csv_sections(office.ok("report", "--week", "2018-W41", "-f", "csv").stdout)
    assert sections["Overdue cases as of 2018-10-12"][1][7] == "'=HYPERLINK(\"x\")"


def test_report_markdown(scored: Xf) -> None:
    md = scored.ok("report", "--week", "2018-W41", "-f", "md").stdout
    assert md.startswith("# Weekly petition report — Petition Office, Lianyun District "
                         "Education Bureau\n")
    assert "## Overdue cases as of 2018-10-12\n" in md
    assert "| 2018-0001 | 大港中专 | accepted | handling | 2018-07-09 | 95 | 王局长 |" in md
    assert "| Total | 6 | 5 | 1 | 83.3% |" in md
    tables = [line for line in md.splitlines() if line.startswith("|")]
    widths = {line.count("|") - line.count("\\|") for line in tables}
    assert widths <= {3, 4, 6, 9, 10, 11}  # every row has its table's number of cells


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:  # type: ignore[no-untyped-def]
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_report_html_is_one_self_contained_well_formed_page(scored: Xf, tmp_path: Path) -> None:
    path = tmp_path / "week.html"
    scored.ok("--lang", "zh", "report", "--week", "2018-W41", "-f", "html", "-o", str(path))
    html = path.read_text(encoding="utf-8")
    root = ET.fromstring(html.split("\n", 1)[1])  # after <!DOCTYPE html>: well-formed XML
    assert root.tag == "html" and root.get("lang") == "zh-CN"
    parser = _Collector()
    parser.feed(html)
    assert "script" not in parser.tags and "link" not in parser.tags and "img" not in parser.tags
    assert "src=" not in html and "http://" not in html.replace(
        'xmlns="http://www.w3.org/2000/svg"', "")
    assert "@page { size: A4" in html and "Noto Sans CJK SC" in html
    text = "".join(parser.text)
    for expected in ("信访工作周报", "统计期：2018-10-08 至 2018-10-14", "第2阶段 排查化解",
                     "超期件（截至 2018-10-12）", "领导接访和下访", "越级上访及四确保事件",
                     "各单位积案化解率与排查化解阶段时间进度对照", "时间进度 77.1%"):
        assert expected in text, expected
    svg = root.find(".//{http://www.w3.org/2000/svg}svg")
    assert svg is not None
    bars = [r for r in svg.iter("{http://www.w3.org/2000/svg}rect") if r.get("fill") != "#f1f1f1"]
    # units with backlog: dagang 2/3, gcsx 2/2, renshi 1/1 (tiny has none)
    assert [round(float(b.get("width")) / 360, 4) for b in bars] == [0.6667, 1.0, 1.0]


def test_report_xlsx(scored: Xf, tmp_path: Path) -> None:
    from datetime import datetime

    from openpyxl import load_workbook

    path = tmp_path / "week.xlsx"
    result = scored.ok("report", "--week", "2018-W41", "-f", "xlsx", "-o", str(path))
    assert result.stdout == ""
    book = load_workbook(path)
    assert book.sheetnames == ["Summary", "By source", "By unit", "By outcome", "Overdue",
                               "Backlog", "Receptions", "Incidents", "Papers", "Supervision"]
    sheet = book["Overdue"]
    header = [c.value for c in sheet[4]]
    assert header[:6] == ["Case", "Unit", "Status", "Deadline", "Due", "Days late"]
    assert all(c.font.bold for c in sheet[4])
    first = [c.value for c in sheet[5]]
    assert first[:6] == ["2018-0001", "大港中专", "accepted", "handling",
                         datetime(2018, 7, 9), 95]
    assert sheet.cell(row=5, column=5).number_format == "yyyy-mm-dd"
    summary = {r[0]: r[1] for r in book["Summary"].iter_rows(min_row=5, values_only=True)}
    assert summary["Petitions received"] == 3 and summary["Backlog resolution rate"] == 0.8333
    units = book["By unit"]
    assert units.column_dimensions["A"].width >= 12  # 港城实验小学: 6 wide characters + margin
    assert units.cell(row=5, column=8).number_format == "0.0%"


def test_report_outputs_agree(scored: Xf, tmp_path: Path) -> None:
    """The same figure in JSON, CSV and XLSX: the overdue list and the totals."""
    from openpyxl import load_workbook

    data = scored.json("report", "--week", "2018-W35")
    sections = csv_sections(scored.ok("report", "--week", "2018-W35", "-f", "csv").stdout)
    path = tmp_path / "w35.xlsx"
    scored.ok("report", "--week", "2018-W35", "-f", "xlsx", "-o", str(path))
    sheet = load_workbook(path)["Overdue"]
    ids_json = [e["id"] for e in data["overdue"]]
    ids_csv = [r[0] for r in sections["Overdue cases as of 2018-09-02"][1:]]
    ids_xlsx = [r[0] for r in sheet.iter_rows(min_row=5, values_only=True)]
    assert ids_json == ids_csv == ids_xlsx and len(ids_json) == 5


def test_report_json_to_file(scored: Xf, tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    result = scored.ok("report", "--json", "-o", str(path))
    assert result.stdout == ""
    assert json.loads(path.read_text(encoding="utf-8"))["received"]["total"] == 3


def test_empty_office_report(xf: Xf) -> None:
    data = xf.json("report", "--week", "2018-W01")
    assert data["phase"] is None and data["overdue"] == [] and data["backlog"]["rate"] is None
    assert "none" in xf.ok("report", "--week", "2018-W01").stdout
