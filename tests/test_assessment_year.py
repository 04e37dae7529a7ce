"""The assessment year (考核年度): `xf scorecard --year` and the weekly report's backlog count
the year's cases and the backlog still pending when it began, nothing older.

The dataset spans 2025 and 2026 at dagang (acceptance 15 days, handling 60):
- 0001, received 2025-03-01, closed 2025-06-01: 2025's only;
- 0002, backlog received 2025-10-01, still open on 1 January 2026, closed 2026-02-10:
  2025's and, carried over, 2026's;
- 0003, received 2025-11-01, closed 2025-12-20, reviewed 2026-01-05 and closed again
  2026-01-20: done with when 2026 began, so 2025's only;
- 0004, backlog received 2026-03-01, open: 2026's.
"""

import pytest

from conftest import Xf, add_case

TODAY = "2026-06-30"


@pytest.fixture
def years(office: Xf, monkeypatch: pytest.MonkeyPatch) -> Xf:
    monkeypatch.setenv("XF_TODAY", TODAY)
    xf = office
    add_case(xf, "--accepted", "2025-03-02", received="2025-03-01")
    xf.ok("close", "2025-0001", "--outcome", "resolved", "--on", "2025-06-01")
    add_case(xf, "--backlog", "historical", "--accepted", "2025-10-02", received="2025-10-01")
    xf.ok("close", "2025-0002", "--outcome", "resolved", "--on", "2026-02-10")
    add_case(xf, "--accepted", "2025-11-02", received="2025-11-01")
    xf.ok("close", "2025-0003", "--outcome", "resolved", "--on", "2025-12-20")
    xf.ok("review", "2025-0003", "--requested", "2026-01-05")
    xf.ok("close", "2025-0003", "--outcome", "educated", "--on", "2026-01-20")
    add_case(xf, "--backlog", "excessive", received="2026-03-01")
    xf.ok("follow", "2025-0002", "--kind", "reception", "--note", "局长接访", "--on", "2025-12-01")
    xf.ok("follow", "2025-0002", "--kind", "field", "--note", "上门走访", "--on", "2026-01-15")
    xf.ok("incident", "add", "--unit", "dagang", "--kind", "skip-level", "--on", "2025-08-01",
          "--note", "赴市上访")
    return xf


def dagang(data: dict) -> dict:
    row = next(r for r in data["units"] if r["unit"] == "dagang")
    return {k: row[k] for k in ("cases", "new", "backlog", "backlog_resolved", "receptions",
                                "field_visits", "skip_level")}


def test_the_default_year_is_the_as_of_days_outside_the_campaign(years: Xf) -> None:
    data = years.json("scorecard")
    assert data["period"] == {"from": "2026-01-01", "to": TODAY} and data["year"] == 2026
    # 0002 carried over and 0004; the 2025 reception and incident are last year's
    assert dagang(data) == {"cases": 2, "new": 0, "backlog": 2, "backlog_resolved": 1,
                            "receptions": 0, "field_visits": 1, "skip_level": 0}


def test_a_past_year_is_measured_to_its_end(years: Xf) -> None:
    data = years.json("scorecard", "--year", "2025")
    assert data["period"] == {"from": "2025-01-01", "to": "2025-12-31"}
    assert data["as_of"] == "2025-12-31"
    # 0001, 0002 (still open on 12-31: history tells), 0003 (closed 12-20, reviewed later)
    assert dagang(data) == {"cases": 3, "new": 2, "backlog": 1, "backlog_resolved": 0,
                            "receptions": 1, "field_visits": 0, "skip_level": 1}


def test_a_day_inside_the_year_rebuilds_the_carried_case(years: Xf) -> None:
    """On 2026-01-31 0002 was still open (closed 02-10): rebuilt from its history, it
    counts as the year's backlog, not yet resolved; 0003 never counts in 2026."""
    data = years.json("scorecard", "--year", "2026", "--as-of", "2026-01-31")
    assert data["period"] == {"from": "2026-01-01", "to": "2026-01-31"}
    assert dagang(data) == {"cases": 1, "new": 0, "backlog": 1, "backlog_resolved": 0,
                            "receptions": 0, "field_visits": 1, "skip_level": 0}


def test_the_weekly_report_counts_the_same_years_backlog(years: Xf) -> None:
    data = years.json("report", "--week", "2026-W26")
    assert data["year"] == {"from": "2026-01-01", "to": "2026-06-28"}
    assert {k: data["backlog"][k] for k in ("total", "resolved", "open")} == {
        "total": 2, "resolved": 1, "open": 1}
    row = next(r for r in data["units"] if r["unit"] == "dagang")
    assert (row["backlog"], row["backlog_resolved"]) == (2, 1)
    # on 02-01 0002 was still open (closed 02-10): rebuilt from its history, and carried
    early = years.json("report", "--week", "2026-W05")["backlog"]
    assert {k: early[k] for k in ("total", "resolved", "open")} == {
        "total": 1, "resolved": 0, "open": 1}


def test_a_year_not_begun_is_one_line_exit_2(years: Xf) -> None:
    result = years("scorecard", "--year", "2027")
    assert result.exit_code == 2
    assert result.stderr == "xf: --year 2027: the year has not begun by 2026-06-30.\n"
    result = years("scorecard", "--year", "2026", "--as-of", "2025-12-31")
    assert result.exit_code == 2
    assert result.stderr == "xf: --year 2026: the year has not begun by 2025-12-31.\n"


def test_inside_the_campaign_the_default_is_the_campaigns_year(years: Xf) -> None:
    """The 2018 calendar runs from 04-11 to 12-31: on 2018-06-01 the year is 2018's."""
    data = years.json("scorecard", "--as-of", "2018-06-01")
    assert data["period"] == {"from": "2018-01-01", "to": "2018-06-01"}
    assert dagang(data)["cases"] == 0


def test_a_case_registered_after_new_year_for_a_december_receipt_is_carried(
        years: Xf) -> None:
    """Received 2025-12-28, entered on 2026-01-05 and still open: no status change after
    the eve but its registration, so pending then as now, and 2026's; one entered the same
    way and closed on 01-20 was still pending on the eve too."""
    entered = {"XF_TODAY": "2026-01-05"}
    for extra in ([], ["--accepted", "2025-12-29"]):
        years.ok("add", "--unit", "gcsx", "--source", "visit", "--received", "2025-12-28",
                 "--petitioner", "张三", "--summary", "要求解决待遇问题", *extra, env=entered)
    years.ok("close", "2025-0005", "--outcome", "resolved", "--on", "2026-01-20")
    row = next(r for r in years.json("scorecard")["units"] if r["unit"] == "gcsx")
    assert (row["cases"], row["closed_on_time"], row["close_measured"]) == (2, 1, 1)
    row = next(r for r in years.json("scorecard", "--year", "2025")["units"]
               if r["unit"] == "gcsx")
    assert (row["cases"], row["closed_on_time"], row["close_measured"]) == (2, 0, 0)


def test_many_carried_cases_are_found_in_sql_alike(years: Xf,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Past `LISTED` carried cases (an old ledger imported without its closures) the year's
    carried cases go to the database as a query, not a list of ids: the same figures."""
    from xinfang_cli.views import asof

    by_list = [years.json("scorecard", *args) for args in ([], ["--as-of", "2026-01-31"])]
    report = years.json("report", "--week", "2026-W26")["backlog"]
    monkeypatch.setattr(asof, "LISTED", 0)
    assert [years.json("scorecard", *args) for args in ([], ["--as-of", "2026-01-31"])
            ] == by_list
    assert years.json("report", "--week", "2026-W26")["backlog"] == report
