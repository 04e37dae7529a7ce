"""`xf report --campaign`: the 2018 campaign's year-end summary on a hand-built office, on
both backends, in every format.

The campaign runs 04-11 to 12-31 (phases 04-11–04-30, 05-01–11-30, 12-01–12-31); today
is 2018-12-31. Acceptance 15 days, handling 60 from acceptance:
- 0001 dagang historical backlog, received 03-01, accepted 03-02 (due 05-01): pending when
  the campaign began; reminded on paper on 06-01 (overdue); closed 06-15;
- 0002 dagang unfounded backlog, received 04-20, accepted 04-21, terminated 12-05;
- 0003 gcsx excessive backlog, received 05-10, accepted 05-11, closed 07-01, review
  requested 07-20: pending again, so no resolution;
- 0004 renshi, received 09-01, accepted 09-02, closed 09-10.
"""

import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import Xf, add_case


@pytest.fixture
def campaign(office: Xf, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Xf:
    monkeypatch.setenv("XF_TODAY", "2018-12-31")
    xf = office
    add_case(xf, "--backlog", "historical", "--accepted", "2018-03-02", received="2018-03-01")
    xf.ok("remind", "--print", str(tmp_path / "slips"), env={"XF_TODAY": "2018-06-01"})
    xf.ok("close", "2018-0001", "--outcome", "resolved", "--on", "2018-06-15")
    add_case(xf, "--backlog", "unfounded", "--accepted", "2018-04-21", received="2018-04-20")
    xf.ok("terminate", "2018-0002", "--reason", "经复核维持", "--on", "2018-12-05")
    add_case(xf, "--backlog", "excessive", "--accepted", "2018-05-11", unit="gcsx",
             received="2018-05-10")
    xf.ok("close", "2018-0003", "--outcome", "educated", "--on", "2018-07-01")
    xf.ok("review", "2018-0003", "--requested", "2018-07-20")
    add_case(xf, "--accepted", "2018-09-02", unit="renshi", received="2018-09-01")
    xf.ok("close", "2018-0004", "--outcome", "resolved", "--on", "2018-09-10")
    xf.ok("follow", "2018-0001", "--kind", "reception", "--note", "局长接访", "--on", "2018-06-01")
    xf.ok("follow", "2018-0002", "--kind", "field", "--note", "上门走访", "--on", "2018-12-02")
    xf.ok("incident", "add", "--unit", "dagang", "--kind", "skip-level", "--on", "2018-08-01",
          "--note", "赴市上访")
    xf.ok("supervise", "add", "--unit", "dagang", "--kind", "circular", "--on", "2018-08-05",
          "--note", "全区通报")
    xf.ok("supervise", "add", "--unit", "gcsx", "--kind", "key-management", "--on",
          "2018-09-01", "--note", "积案化解滞后")
    return xf


FLOW = ("received", "accepted", "closed", "backlog_resolved", "receptions", "field_visits",
        "incidents", "reminders", "inspections", "circulars", "talks", "key_management")


def test_the_summary_phase_by_phase(campaign: Xf) -> None:
    data = campaign.json("report", "--campaign")
    assert (data["year"], data["as_of"], data["period"]) == (
        2018, "2018-12-31", {"from": "2018-04-11", "to": "2018-12-31"})
    assert [[p[k] for k in FLOW] for p in data["phases"]] == [
        [1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],  # 0002 received and accepted
        [2, 2, 3, 1, 1, 0, 1, 1, 0, 1, 0, 1],  # 0003, 0004; 0001, 0003, 0004 closed
        [0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0],  # 0002 terminated
    ]
    b = data["backlog"]
    assert (b["start"], b["end"], b["added"], b["resolved"]) == (
        "2018-04-10", "2018-12-31", 2, 2)
    assert b["totals"] == {"historical": {"start": 1, "end": 0},
                           "excessive": {"start": 0, "end": 1},
                           "unfounded": {"start": 0, "end": 0},
                           "total": {"start": 1, "end": 1}}
    units = {u["unit"]: u["total"] for u in b["units"]}
    assert units == {"dagang": {"start": 1, "end": 0}, "gcsx": {"start": 0, "end": 1},
                     "renshi": {"start": 0, "end": 0}}
    assert [m["month"] for m in data["months"]] == [f"2018-{m:02}" for m in range(4, 13)]
    assert [m["by_unit"]["dagang"] for m in data["months"]] == [2, 2, 1, 1, 1, 1, 1, 1, 0]
    assert [m["by_unit"]["gcsx"] for m in data["months"]] == [0, 1, 1, 1, 1, 1, 1, 1, 1]
    assert data["reminders"] == {"messages": 1, "cases": 1}
    assert [(m["unit"], m["kind"]) for m in data["supervision"]] == [
        ("dagang", "circular"), ("gcsx", "key-management")]
    assert [(i["unit"], i["kind"]) for i in data["incidents"]] == [("dagang", "skip-level")]
    score = {r["unit"]: r for r in data["scorecard"]["units"]}
    assert data["scorecard"]["period"] == {"from": "2018-01-01", "to": "2018-12-31"}
    assert (score["dagang"]["circulars"], score["gcsx"]["key_management"]) == (1, True)
    assert (score["dagang"]["cases"], score["dagang"]["backlog_resolved"]) == (2, 2)


def test_the_summary_in_every_format(campaign: Xf, tmp_path: Path) -> None:
    table = campaign.ok("report", "--campaign", "2018").stdout
    assert table.startswith("Petition Office, Lianyun District Education Bureau: Year of "
                            "Resolving Petition Disputes, summary\n"
                            "Campaign 2018-04-11 to 2018-12-31; figures as of 2018-12-31\n")
    assert "Backlog cases resolved in the campaign" in table
    md = campaign.ok("report", "--campaign", "-f", "md").stdout
    assert "| Backlog resolved | 0 | 1 | 1 | 2 |\n" in md
    csv = campaign.ok("report", "--campaign", "-f", "csv").stdout
    assert "Received,1,2,0,3" in csv.splitlines()
    page = campaign.ok("report", "--campaign", "-f", "html").stdout
    root = ElementTree.fromstring(page.removeprefix("<!DOCTYPE html>\n"))
    svgs = root.findall(".//{http://www.w3.org/2000/svg}svg")
    assert [s.get("aria-label") for s in svgs] == ["大港中专", "港城实验小学"]
    assert "@page { size: A4 portrait;" in page
    out = tmp_path / "summary.xlsx"
    campaign.ok("report", "--campaign", "-f", "xlsx", "-o", str(out))
    assert load_workbook(out).sheetnames == [
        "Overview", "Phases", "Backlog by unit", "By month", "Incidents", "Supervision",
        "Scorecard"]


def test_the_summary_in_chinese(campaign: Xf) -> None:
    table = campaign.ok("report", "--campaign", env={"XF_LANG": "zh"}).stdout
    assert ("信访矛盾化解年活动总结\n"
            "活动期间 2018-04-11 至 2018-12-31；数据截至 2018-12-31\n") in table
    assert "活动中化解积案" in table and "第2阶段 排查化解" in table


@pytest.mark.parametrize("args, message", [
    (["2018"], "xf: 2018: a year goes with --campaign (xf report --campaign 2018).\n"),
    (["--campaign", "2019"], "xf: --campaign 2019: the campaign loaded is 2018's; load that "
                             "year's calendar first (xf campaign load FILE).\n"),
    (["--campaign", "--week", "2018-W20"],
     "xf: give either --campaign or --week/--from/--to, not both.\n"),
])
def test_bad_campaign_options_are_one_line(campaign: Xf, args: list[str], message: str) -> None:
    result = campaign("report", *args)
    assert (result.exit_code, result.stderr) == (2, message)


def test_a_campaign_not_begun_has_no_summary(office: Xf) -> None:
    result = office("report", "--campaign", env={"XF_TODAY": "2018-03-01"})
    assert (result.exit_code, result.stderr) == (
        2, "xf: --campaign: the campaign begins on 2018-04-11; nothing to sum up yet.\n")


def test_a_running_campaign_is_summed_up_to_today(campaign: Xf) -> None:
    """On 2018-06-30, phase 3 has not begun: its figures are null and left out of tables."""
    today = {"XF_TODAY": "2018-06-30"}
    data = json.loads(campaign.ok("report", "--campaign", "--json", env=today).stdout)
    assert data["as_of"] == "2018-06-30" and data["phase"]["number"] == 2
    assert [p["received"] for p in data["phases"]] == [1, 1, None]
    assert [m["by_unit"]["dagang"] for m in data["months"]] == [2, 2, 1]
    assert (data["backlog"]["resolved"], data["backlog"]["totals"]["total"]["end"]) == (1, 2)
    md = campaign.ok("report", "--campaign", "-f", "md", env=today).stdout
    assert "| Item | 1 Mobilisation | 2 Screening and resolution | Total |" in md
