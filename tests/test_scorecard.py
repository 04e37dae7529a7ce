"""`xf scorecard`, `xf calendar`, `xf campaign` and `xf policy` on a hand-built office.

Every expected figure below is worked out by hand from the dataset in `scored`, today
(2018-10-12) and as of a past day (2018-08-31), when several cases still stood open
that are closed now. Limits: acceptance 15 days from receipt, handling 60 from
acceptance, start day not counted.
"""

from pathlib import Path

import pytest

from conftest import Xf, add_case

# --- the dataset -----------------------------------------------------------------------------


def build(xf: Xf) -> Xf:
    """Four units, twelve cases (ids 2018-0001 … 2018-0012 in this order), two follow-ups of
    leaders, three incidents (one a four-guarantees breach: veto)."""
    xf.ok("unit", "add", "tiny", "小小幼儿园", "--kind", "kindergarten")
    # dagang: backlog of each kind, a late acceptance, late closures, a termination, a repeat
    c1 = add_case(xf, "--backlog", "historical", "--accepted", "2018-05-10", "--leader", "王局长",
                  received="2018-05-02")  # accepted in time; handling due 07-09: overdue
    c2 = add_case(xf, "--backlog", "excessive", "--accepted", "2018-05-25", source="letter",
                  received="2018-05-03")  # accept due 05-18: late; handling due 07-24
    xf.ok("close", c2, "--outcome", "educated", "--on", "2018-09-20", "--satisfaction",
          "unsatisfied")  # closed late
    c3 = add_case(xf, "--backlog", "unfounded", "--accepted", "2018-05-05", "--leader", "王局长",
                  received="2018-05-04")  # handling due 07-04
    xf.ok("terminate", c3, "--reason", "经复核维持", "--on", "2018-10-09")
    add_case(xf, "--repeat-of", c2, received="2018-09-20")  # accept due 10-05: overdue
    # gcsx: two backlog cases resolved, one of them late; this week's intake
    add_case(xf, "--backlog", "historical", "--accepted", "2018-05-03", unit="gcsx",
             source="phone", received="2018-05-02")  # 0005, due 07-02
    xf.ok("close", "2018-0005", "--outcome", "resolved", "--on", "2018-06-20", "--satisfaction",
          "satisfied")
    add_case(xf, "--backlog", "excessive", "--accepted", "2018-05-11", unit="gcsx",
             source="letter", received="2018-05-10")  # 0006, due 07-10
    xf.ok("close", "2018-0006", "--outcome", "lawful", "--on", "2018-10-10", "--satisfaction",
          "basic")
    add_case(xf, "--accepted", "2018-10-09", "--leader", "李校长", unit="gcsx", source="online",
             received="2018-10-08")  # 0007, due 12-08
    add_case(xf, unit="gcsx", source="letter", received="2018-10-09")  # 0008
    xf.ok("reject", "2018-0008", "--reason", "不属于受理范围", "--on", "2018-10-11")
    # renshi: a case closed, reviewed and closed again; an old backlog case closed late
    add_case(xf, "--accepted", "2018-06-05", unit="renshi", source="phone",
             received="2018-06-01")  # 0009, due 08-04
    xf.ok("close", "2018-0009", "--outcome", "resolved", "--on", "2018-07-01")
    xf.ok("review", "2018-0009", "--requested", "2018-07-20")  # review due 08-19
    xf.ok("close", "2018-0009", "--outcome", "educated", "--on", "2018-08-10", "--satisfaction",
          "satisfied")
    add_case(xf, unit="renshi", received="2018-10-10")  # 0010, accept due 10-25
    add_case(xf, "--backlog", "unfounded", "--accepted", "2018-04-25", unit="renshi",
             source="letter", received="2018-04-20")  # 0011, due 06-24
    xf.ok("close", "2018-0011", "--outcome", "aided", "--on", "2018-10-11", "--satisfaction",
          "satisfied")
    # tiny: one case, too few to rank
    add_case(xf, "--accepted", "2018-07-02", unit="tiny", source="letter",
             received="2018-07-01")  # 0012, due 08-31
    xf.ok("close", "2018-0012", "--outcome", "resolved", "--on", "2018-07-20", "--satisfaction",
          "satisfied")
    # leaders' receptions (接访) and field visits (下访)
    xf.ok("follow", c1, "--kind", "reception", "--note", "局长接访", "--on", "2018-10-09")
    xf.ok("follow", "2018-0005", "--kind", "field", "--note", "校长下访", "--on", "2018-06-10")
    xf.ok("follow", "2018-0011", "--kind", "reception", "--note", "科长接访", "--on",
          "2018-10-10")
    xf.ok("follow", "2018-0011", "--kind", "field", "--note", "上门走访", "--on", "2018-09-01")
    # incidents: two skip-level petitions and a group skip-level petition (veto)
    xf.ok("incident", "add", "--unit", "dagang", "--kind", "skip-level", "--on", "2018-07-30",
          "--case", c1, "--note", "赴市上访")
    xf.ok("incident", "add", "--unit", "dagang", "--kind", "group-skip-level", "--on",
          "2018-09-18", "--note", "12人赴市集体上访")
    xf.ok("incident", "add", "--unit", "renshi", "--kind", "skip-level", "--on", "2018-10-09",
          "--note", "赴区上访")
    return xf


@pytest.fixture
def scored(office: Xf) -> Xf:
    return build(office)


def rows(data: dict) -> dict[str, dict]:
    return {r["unit"]: r for r in data["units"]}


def figures(row: dict, keys: list[str]) -> dict:
    return {k: row[k] for k in keys}


KEYS = ["cases", "new", "backlog", "backlog_resolved", "backlog_rate", "accepted_on_time_rate",
        "closed_on_time_rate", "participation_rate", "satisfaction_rate", "overdue",
        "repeats", "leader_rate", "skip_level", "receptions", "field_visits", "incidents",
        "pace", "score", "veto", "rank"]


# --- today ---------------------------------------------------------------------------------


def test_scorecard_today(scored: Xf) -> None:
    data = scored.json("scorecard")
    assert data["as_of"] == "2018-10-12"
    assert {k: data["phase"][k] for k in ("number", "name", "start", "end")} == {
        "number": 2, "name": "Screening and resolution", "start": "2018-05-01",
        "end": "2018-11-30"}
    assert data["resolution_share"] == 0.7710  # (10-12 − 05-01 + 1) / 214 = 165/214
    units = rows(data)
    # dagang: acceptance 2 of 4 in time (0002 late; 0004 still registered past 10-05);
    # closure 0 of 2 on time (0001 open past 07-09, 0002 closed 09-20 after 07-24; 0003 was
    # terminated, not closed); backlog 2 of 3 resolved (closed 0002, terminated 0003):
    # 0.6667 < 0.771 − 0.10 → behind. Score before veto: 70 + 0.5×5 + 0×10 + 0×10 + 1×5
    # − 2 overdue×2 − 1 skip-level×5 − 1 repeat − 1 (leader cases 1/2 < 85%) + 0.5 reception
    # = 67; the group skip-level petition of 09-18 vetoes it.
    assert figures(units["dagang"], KEYS) == {
        "cases": 4, "new": 1, "backlog": 3, "backlog_resolved": 2, "backlog_rate": 0.6667,
        "accepted_on_time_rate": 0.5, "closed_on_time_rate": 0.0, "participation_rate": 1.0,
        "satisfaction_rate": 0.0, "overdue": 2, "repeats": 1, "leader_rate": 0.5,
        "skip_level": 1, "receptions": 1, "field_visits": 0, "incidents": 2,
        "pace": "behind", "score": 0.0, "veto": True, "rank": 3}
    assert units["dagang"]["veto_reason"] == [
        {"kind": "group-skip-level", "on": "2018-09-18", "case": None}]
    assert units["dagang"]["points"] == {"base": 70.0, "rates": 7.5, "deductions": -10.0,
                                         "floors": -1.0, "bonuses": 0.5}
    # gcsx: all four decided in time; 0005 closed in time, 0006 late (0007 not yet due);
    # 70 + 5 + 5 + 10 + 5 − 1 (leader case 0007 open: 0% < 85%) + 3 ahead + 0.5 field visit
    assert figures(units["gcsx"], KEYS) == {
        "cases": 4, "new": 2, "backlog": 2, "backlog_resolved": 2, "backlog_rate": 1.0,
        "accepted_on_time_rate": 1.0, "closed_on_time_rate": 0.5, "participation_rate": 1.0,
        "satisfaction_rate": 1.0, "overdue": 0, "repeats": 0, "leader_rate": 0.0,
        "skip_level": 0, "receptions": 0, "field_visits": 1, "incidents": 0,
        "pace": "ahead", "score": 97.5, "veto": False, "rank": 1}
    # renshi: 0010 not yet due for acceptance (not measured); 0009's last closure 08-10 is
    # within its review due date 08-19; 0011 closed 10-11 after 06-24.
    # 70 + 5 + 5 + 10 + 5 − 5 skip-level + 3 ahead + 0.5 + 0.5
    assert figures(units["renshi"], KEYS) == {
        "cases": 3, "new": 2, "backlog": 1, "backlog_resolved": 1, "backlog_rate": 1.0,
        "accepted_on_time_rate": 1.0, "closed_on_time_rate": 0.5, "participation_rate": 1.0,
        "satisfaction_rate": 1.0, "overdue": 0, "repeats": 0, "leader_rate": None,
        "skip_level": 1, "receptions": 1, "field_visits": 1, "incidents": 1,
        "pace": "ahead", "score": 94.0, "veto": False, "rank": 2}
    # tiny: one case, below min_cases 3: figures shown, not ranked; no backlog: rate null
    assert figures(units["tiny"], KEYS) == {
        "cases": 1, "new": 1, "backlog": 0, "backlog_resolved": 0, "backlog_rate": None,
        "accepted_on_time_rate": 1.0, "closed_on_time_rate": 1.0, "participation_rate": 1.0,
        "satisfaction_rate": 1.0, "overdue": 0, "repeats": 0, "leader_rate": None,
        "skip_level": 0, "receptions": 0, "field_visits": 0, "incidents": 0,
        "pace": None, "score": 100.0, "veto": False, "rank": None}


# --- the past, rebuilt from history -------------------------------------------------------


def test_scorecard_as_of_a_past_day_is_rebuilt_from_history(scored: Xf) -> None:
    data = scored.json("scorecard", "--as-of", "2018-08-31")
    assert data["as_of"] == "2018-08-31" and data["phase"]["number"] == 2
    assert data["resolution_share"] == 0.5748  # 123/214
    units = rows(data)
    # dagang on 08-31: 0004 not yet received; 0002 and 0003 still accepted (closed 09-20,
    # terminated 10-09): nothing resolved, all three past their handling due date; no
    # veto yet (09-18); the reception of 10-09 not yet. Satisfaction: nothing closed, so
    # null, scored as 1.0 (unmeasured_rate). 70 + 0.6667×5 + 0 + 10 + 5 − 3×2 − 5 − 1 = 76.33
    assert figures(units["dagang"], KEYS) == {
        "cases": 3, "new": 0, "backlog": 3, "backlog_resolved": 0, "backlog_rate": 0.0,
        "accepted_on_time_rate": 0.6667, "closed_on_time_rate": 0.0,
        "participation_rate": None, "satisfaction_rate": None, "overdue": 3, "repeats": 0,
        "leader_rate": 0.0, "skip_level": 1, "receptions": 0, "field_visits": 0,
        "incidents": 1, "pace": "behind", "score": 76.33, "veto": False, "rank": 1}
    # gcsx on 08-31: 0006 still open past 07-10; 1 of 2 backlog resolved, 0.5 against 0.5748:
    # on track. Two cases: not ranked. 70 + 5 + 5 + 10 + 5 − 2 + 0.5 = 93.5
    assert figures(units["gcsx"], KEYS) == {
        "cases": 2, "new": 0, "backlog": 2, "backlog_resolved": 1, "backlog_rate": 0.5,
        "accepted_on_time_rate": 1.0, "closed_on_time_rate": 0.5, "participation_rate": 1.0,
        "satisfaction_rate": 1.0, "overdue": 1, "repeats": 0, "leader_rate": None,
        "skip_level": 0, "receptions": 0, "field_visits": 1, "incidents": 0,
        "pace": "on-track", "score": 93.5, "veto": False, "rank": None}
    # renshi on 08-31: 0011 open past 06-24; 0009 closed (again) 08-10, satisfied.
    assert figures(units["renshi"], KEYS) == {
        "cases": 2, "new": 1, "backlog": 1, "backlog_resolved": 0, "backlog_rate": 0.0,
        "accepted_on_time_rate": 1.0, "closed_on_time_rate": 0.5, "participation_rate": 1.0,
        "satisfaction_rate": 1.0, "overdue": 1, "repeats": 0, "leader_rate": None,
        "skip_level": 0, "receptions": 0, "field_visits": 0, "incidents": 0,
        "pace": "behind", "score": 93.0, "veto": False, "rank": None}


def test_follow_ups_count_for_the_unit_that_holds_the_case(scored: Xf) -> None:
    """`xf assign` moves a case's follow-ups with it; a day before the move, they still
    count for the unit that held the case then."""
    scored.ok("assign", "2018-0001", "--unit", "gcsx", "--on", "2018-10-12")
    follow = ["receptions", "field_visits"]
    today = rows(scored.json("scorecard"))
    assert {u: figures(today[u], follow) for u in ("dagang", "gcsx", "renshi")} == {
        "dagang": {"receptions": 0, "field_visits": 0},
        "gcsx": {"receptions": 1, "field_visits": 1},
        "renshi": {"receptions": 1, "field_visits": 1}}
    before = rows(scored.json("scorecard", "--as-of", "2018-10-11"))
    assert {u: figures(before[u], follow) for u in ("dagang", "gcsx", "renshi")} == {
        "dagang": {"receptions": 1, "field_visits": 0},
        "gcsx": {"receptions": 0, "field_visits": 1},
        "renshi": {"receptions": 1, "field_visits": 1}}
    # a follow-up written after the move carries the new unit
    scored.ok("follow", "2018-0001", "--kind", "field", "--note", "再次下访", "--on",
              "2018-10-12")
    assert figures(rows(scored.json("scorecard"))["gcsx"], follow) == {
        "receptions": 1, "field_visits": 2}


def test_scorecard_between_closure_and_review(scored: Xf) -> None:
    """0009 on 07-25: closed 07-01 without a rating, review asked 07-20 (due 08-19)."""
    renshi = rows(scored.json("scorecard", "--as-of", "2018-07-25", "--unit", "人事科"))
    assert list(renshi) == ["renshi"]
    assert figures(renshi["renshi"], ["cases", "participation_rate", "satisfaction_rate",
                                      "closed_on_time_rate", "overdue"]) == {
        "cases": 2, "participation_rate": 0.0, "satisfaction_rate": None,
        "closed_on_time_rate": 0.5, "overdue": 1}


def test_scorecard_before_any_case(scored: Xf) -> None:
    data = scored.json("scorecard", "--as-of", "2018-03-01")
    assert data["phase"] is None and data["resolution_share"] == 0.0
    assert all(r["cases"] == 0 and r["rank"] is None and r["backlog_rate"] is None
               and r["accepted_on_time_rate"] is None for r in data["units"])


def test_scorecard_one_unit_keeps_its_rank(scored: Xf) -> None:
    data = scored.json("scorecard", "--unit", "dagang")
    assert [(r["unit"], r["rank"], r["veto"]) for r in data["units"]] == [("dagang", 3, True)]
    result = scored("scorecard", "--unit", "nowhere")
    assert result.exit_code == 2 and result.stderr.startswith("xf: no unit 'nowhere'")


def test_scorecard_table_csv_md_agree_with_json(scored: Xf) -> None:
    import csv
    import io

    table = scored.ok("scorecard", env={"COLUMNS": "100"}).stdout
    assert all(len(line) <= 100 for line in table.splitlines())
    assert "veto: group-skip-level on 2018-09-18" in table
    assert "97.5" in table and "Units with fewer than 3 cases" in table
    parsed = list(csv.reader(io.StringIO(scored.ok("scorecard", "-f", "csv").stdout)))
    header = parsed[1]
    body = {r[header.index("Unit")]: r for r in parsed[2:] if len(r) == len(header)}
    assert body["港城实验小学"][header.index("Score")] == "97.5"
    assert body["港城实验小学"][header.index("Rank")] == "1"
    assert body["大港中专"][header.index("Backlog")] == "3"
    assert body["小小幼儿园"][header.index("Rank")] == ""
    md = scored.ok("scorecard", "-f", "md").stdout
    assert "| 1 | 港城实验小学 | 4 | 2 | 2 | 2 | 100.0% | ahead |" in md


def test_scorecard_in_chinese(scored: Xf) -> None:
    table = scored.ok("--lang", "zh", "scorecard").stdout
    assert "一票否决：群体性越级上访（2018-09-18）" in table
    assert "超前" in table and "滞后" in table


# --- the policy -----------------------------------------------------------------------------


def test_policy_show_prints_the_default_that_scores(scored: Xf, tmp_path: Path) -> None:
    import tomllib

    text = scored.ok("policy", "show").stdout
    policy = tomllib.loads(text)
    assert policy["base"] == 70.0 and sum(policy["rates"].values()) == 30
    assert policy["veto"]["kinds"] == ["mass-incident", "group-skip-level", "extreme-act",
                                       "media-hype"]
    path = tmp_path / "policy.toml"
    path.write_text(text, encoding="utf-8")
    assert scored.json("scorecard", "--policy", str(path)) == scored.json("scorecard")


def test_shangyu_policy_start_at_100_deduct_capped(scored: Xf, tmp_path: Path) -> None:
    """上虞 shape: start at 100, deduct per item with caps; no rates; veto by mass incident only."""
    path = tmp_path / "shangyu.toml"
    path.write_text("""
name = "上虞"
base = 100
min_cases = 4
[deductions]
overdue = { points = 3, cap = 5 }
skip_level = { points = 10 }
unsatisfied = { points = 2, cap = 2 }
[veto]
kinds = ["mass-incident"]
""", encoding="utf-8")
    units = rows(scored.json("scorecard", "--policy", str(path)))
    # dagang: 100 − min(2×3, 5) − 10 − 2 = 83; the group skip-level petition no longer vetoes
    assert (units["dagang"]["score"], units["dagang"]["veto"], units["dagang"]["rank"]) == (
        83.0, False, 2)
    assert (units["gcsx"]["score"], units["gcsx"]["rank"]) == (100.0, 1)
    assert (units["renshi"]["score"], units["renshi"]["rank"]) == (90.0, None)  # 3 < 4 cases


@pytest.mark.parametrize(("text", "reason"), [
    ("base = [", "policy file {path}: "),
    ("bonus = 3", "policy file {path}: bonus: unknown key\n"),
    ("[deductions]\noverdue = { points = -1 }",
     "policy file {path}: deductions.overdue.points: must be at least 0\n"),
    ("[veto]\nkinds = [\"riot\"]", "policy file {path}: veto.kinds.0: must be one of "),
])
def test_malformed_policy_is_exit_2_naming_the_file(scored: Xf, tmp_path: Path, text: str,
                                                    reason: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    result = scored("scorecard", "--policy", str(path))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("xf: " + reason.format(path=path))
    assert result.stderr.count("\n") == 1


def test_missing_policy_file(scored: Xf, tmp_path: Path) -> None:
    result = scored("scorecard", "--policy", str(tmp_path / "none.toml"))
    assert result.exit_code == 2
    assert result.stderr == f"xf: policy file {tmp_path / 'none.toml'}: No such file or directory\n"


# --- the campaign calendar ---------------------------------------------------------------


@pytest.mark.parametrize(("day", "number", "elapsed", "left", "share"), [
    ("2018-04-11", 1, 1, 19, 0.0),
    ("2018-05-01", 2, 1, 213, 0.0047),
    ("2018-10-12", 2, 165, 49, 0.771),
    ("2018-11-30", 2, 214, 0, 1.0),
    ("2018-12-31", 3, 31, 0, 1.0),
])
def test_calendar_phases(xf: Xf, day: str, number: int, elapsed: int, left: int,
                         share: float) -> None:
    view = xf.json("calendar", "--as-of", day)
    assert (view["phase"]["number"], view["elapsed"], view["left"],
            view["resolution_share"]) == (number, elapsed, left, share)
    assert [(p["number"], p["start"], p["end"], p["days"]) for p in view["phases"]] == [
        (1, "2018-04-11", "2018-04-30", 20), (2, "2018-05-01", "2018-11-30", 214),
        (3, "2018-12-01", "2018-12-31", 31)]


def test_calendar_outside_the_campaign(xf: Xf) -> None:
    view = xf.json("calendar", "--as-of", "2018-04-01")
    assert view["phase"] is None and view["elapsed"] is None
    assert [p["state"] for p in view["phases"]] == ["upcoming"] * 3
    table = xf.ok("calendar").stdout
    assert "Now in phase 2, Screening and resolution: day 165, 49 days left." in table
    assert "77.1%" in table


CAMPAIGN_2019 = """
name = "信访积案化解攻坚年"
name_en = "Backlog push 2019"
year = 2019
[[phase]]
number = 1
name = "动员部署"
name_en = "Mobilisation"
start = 2019-03-01
end = 2019-03-31
[[phase]]
number = 2
name = "攻坚化解"
name_en = "Resolution"
start = "2019-04-01"
end = "2019-10-31"
"""


def test_campaign_load_and_show(xf: Xf, tmp_path: Path) -> None:
    assert xf.json("campaign", "show")["file"] is None
    path = tmp_path / "c2019.toml"
    path.write_text(CAMPAIGN_2019, encoding="utf-8")
    result = xf.ok("campaign", "load", str(path))
    assert result.stderr.startswith("Campaign Backlog push 2019 loaded (2 phases), kept in ")
    shown = xf.json("campaign", "show")
    assert shown["name"] == "Backlog push 2019" and shown["file"].endswith("campaign.toml")
    assert [p["end"] for p in shown["phases"]] == ["2019-03-31", "2019-10-31"]
    view = xf.json("calendar", "--as-of", "2019-04-10")
    assert (view["phase"]["name"], view["elapsed"], view["resolution_share"]) == (
        "Resolution", 10, round(10 / 214, 4))
    assert xf.json("scorecard", "--as-of", "2019-04-10")["phase"]["number"] == 2


@pytest.mark.parametrize(("text", "reason"), [
    ("name = ", "campaign file {path}: "),
    ("name = 'x'\nname_en = 'x'\n[[phase]]\nnumber = 1\nname = 'a'\nname_en = 'a'\n"
     "start = 2019-05-01\nend = 2019-04-01",
     "campaign file {path}: phase.0: phase 1: end 2019-04-01 before start 2019-05-01\n"),
    ("name = 'x'\nname_en = 'x'\nphase = []",
     "campaign file {path}: phase: List should have at least 1 item after validation, not 0\n"),
    ("name = 'x'\nname_en = 'x'\n[[phase]]\nnumber = 2\nname = 'a'\nname_en = 'a'\n"
     "start = 2019-03-01\nend = 2019-04-01",
     "campaign file {path}: phases must be numbered 1, 2, 3 … in order (got [2])\n"),
])
def test_malformed_campaign_is_refused_and_nothing_kept(xf: Xf, tmp_path: Path, text: str,
                                                        reason: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    result = xf("campaign", "load", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith("xf: " + reason.format(path=path))
    assert result.stderr.count("\n") == 1
    assert xf.json("campaign", "show")["file"] is None


def test_report_catalogues_have_the_same_keys() -> None:
    from xinfang_cli.i18n import en_reports, zh_reports

    assert set(en_reports.MESSAGES) == set(zh_reports.MESSAGES)
    assert all(k.startswith("rpt.") for k in en_reports.MESSAGES)


def test_reports_commands_have_help(xf: Xf) -> None:
    for command in (["report"], ["scorecard"], ["calendar"], ["campaign", "load"],
                    ["campaign", "show"], ["policy", "show"]):
        result = xf.ok(*command, "--help")
        assert "Usage" in result.stdout
