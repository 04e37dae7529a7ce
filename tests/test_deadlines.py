"""The deadline rules: hand-checked dates, China's calendar with 调休, and properties."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import Xf, add_case
from xinfang_cli.domain.deadlines import (
    Calendar,
    Counting,
    Deadlines,
    DeadlineSettings,
    YearCalendar,
    add_period,
)
from xinfang_cli.domain.errors import CalendarUnknown, LimitExceeded


def rules(counting: Counting = Counting.CALENDAR, **kw) -> Deadlines:  # type: ignore[no-untyped-def]
    return Deadlines(DeadlineSettings(counting=counting, **kw), Calendar())


def test_calendar_days_start_day_not_counted() -> None:
    d = rules()
    assert d.accept_due(date(2018, 5, 2)) == date(2018, 5, 17)
    assert d.handling_due(date(2018, 5, 10)) == date(2018, 7, 9)
    assert d.extended_due(date(2018, 7, 9), 30) == date(2018, 8, 8)
    assert d.review_due(date(2018, 7, 20)) == date(2018, 8, 19)


def test_superior_deadline_wins_only_when_earlier() -> None:
    d = rules()
    assert d.handling_due(date(2018, 5, 10), date(2018, 6, 1)) == date(2018, 6, 1)
    assert d.handling_due(date(2018, 5, 10), date(2018, 9, 1)) == date(2018, 7, 9)


def test_next_workday_rolls_over_the_national_day_holiday() -> None:
    d = rules(Counting.NEXT_WORKDAY)
    # 2018-10-01 is a holiday (Oct 1-7): the period ends on Monday 10-08
    assert d.accept_due(date(2018, 9, 16)) == date(2018, 10, 8)
    # Sunday 2018-09-30 was a make-up working day (调休): no roll
    assert d.accept_due(date(2018, 9, 15)) == date(2018, 9, 30)
    # an ordinary Saturday rolls to Monday
    assert d.accept_due(date(2018, 5, 4)) == date(2018, 5, 21)


def test_working_days_count_make_up_days() -> None:
    d = rules(Counting.WORKDAYS)
    # Sat 09-29 and Sun 09-30 were working days, Oct 1-7 off
    assert d.accept_due(date(2018, 9, 28)) == date(2018, 10, 24)


def test_unknown_year_is_an_error_never_a_guess() -> None:
    d = rules(Counting.NEXT_WORKDAY)
    with pytest.raises(CalendarUnknown) as caught:
        d.accept_due(date(2027, 3, 1))
    assert caught.value.params == {"year": 2027}
    # calendar counting needs no calendar at all
    assert rules().accept_due(date(2027, 3, 1)) == date(2027, 3, 16)


def test_office_holiday_list_for_a_later_year() -> None:
    calendar = Calendar({2027: YearCalendar(off=[date(2027, 1, 1)], work=[date(2027, 1, 9)])})
    d = Deadlines(DeadlineSettings(counting=Counting.NEXT_WORKDAY), calendar)
    assert d.accept_due(date(2026, 12, 17)) == date(2027, 1, 4)  # Fri 01-01 off, weekend
    assert calendar.is_workday(date(2027, 1, 9))  # a make-up Saturday


def test_extension_limit_is_enforced() -> None:
    with pytest.raises(LimitExceeded):
        rules().extended_due(date(2018, 7, 9), 31)
    with pytest.raises(LimitExceeded):
        rules().extended_due(date(2018, 7, 9), 0)


# 90 working days from the last start stay inside 2026, the last year chinese-calendar knows
DAYS = st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 7, 31))


@given(DAYS, st.integers(1, 90), st.sampled_from(list(Counting)))
def test_a_deadline_never_falls_before_the_plain_count(start, days, counting) -> None:
    end = add_period(start, days, DeadlineSettings(counting=counting), Calendar())
    assert end >= start + timedelta(days=days) > start


@given(DAYS, st.integers(1, 30))
def test_an_extension_never_exceeds_thirty_days(due, days) -> None:
    extended = rules().extended_due(due, days)
    assert due < extended <= due + timedelta(days=30)


def test_config_switch_and_recompute_is_recorded(office: Xf, tmp_path) -> None:
    cid = add_case(office, received="2018-09-16")
    assert office.json("show", cid)["accept_due"] == "2018-10-01"
    config = tmp_path / "home" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('[deadlines]\ncounting = "next-workday"\n', encoding="utf-8")
    result = office.ok("deadlines", "recompute")
    assert result.stdout == f"{cid}: Accept by 2018-10-01 → 2018-10-08\n"
    case = office.json("show", cid)
    assert case["accept_due"] == "2018-10-08"
    assert case["history"][-1] | {"at": None} == {
        "at": None, "on": "2018-10-12", "by": "tester", "action": "rules",
        "field": "accept_due", "old": "2018-10-01", "new": "2018-10-08", "reason": None}
    assert office.ok("deadlines", "recompute").stdout == ""


def test_unknown_year_via_the_cli(office: Xf, tmp_path) -> None:
    config = tmp_path / "home" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('[deadlines]\ncounting = "workdays"\n', encoding="utf-8")
    result = office("add", "--unit", "dagang", "--source", "visit", "--received", "2027-01-05",
                    "--petitioner", "张三", "--summary", "x",
                    env={"XF_TODAY": "2027-01-06"})
    assert result.exit_code == 2
    assert result.stderr.startswith("xf: no official holiday calendar for 2027: add "
                                    "[holidays.2027]")
    assert office.json("list") == []


def test_bad_config_file_is_one_line(office: Xf, tmp_path) -> None:
    config = tmp_path / "home" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('[deadlines]\ncounting = "weekly"\n', encoding="utf-8")
    result = office("list")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"xf: settings file {config}: deadlines.counting: ")
    assert result.stderr.count("\n") == 1
