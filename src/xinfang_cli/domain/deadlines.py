"""When a case is due: every time limit of the regulations, in one place.

Sources: 信访工作条例 (2022, in force 2022-05-01) and, for 2018, 信访条例 (2005,
State Council order 431); both set the same numbers. "日" means calendar days
and the start day is not counted (received 05-02 + 15 days = 05-17). The office
may instead roll a period that ends on a rest day to the next working day
(民法典 art. 203) or count working days; both need China's official calendar
with its make-up working days (调休): `chinese-calendar` for 2004-2026, the
office's own list in config.toml for any other year, and never a guess.
"""

from datetime import date, timedelta
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from xinfang_cli.domain.errors import CalendarUnknown, LimitExceeded


class Counting(StrEnum):
    CALENDAR = "calendar"  # 信访条例: "日" means calendar days; start day not counted
    # 民法典 art. 203: a period ending on a rest day ends on the next working day
    NEXT_WORKDAY = "next-workday"
    WORKDAYS = "workdays"  # count working days only


class YearCalendar(BaseModel):
    """The State Council's holiday list for one year: days off and make-up working days (调休)."""

    model_config = ConfigDict(extra="forbid")
    off: list[date] = Field(default_factory=list)
    work: list[date] = Field(default_factory=list)


class DeadlineSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    counting: Counting = Counting.CALENDAR
    accept_days: int = Field(15, ge=1, le=60)  # 信访工作条例 art. 22-23 (2005: art. 21-22)
    handle_days: int = Field(60, ge=1, le=180)  # art. 34 (2005: art. 33)
    extension_max_days: int = Field(30, ge=0, le=90)  # art. 34: once, at most 30 days
    review_request_days: int = Field(30, ge=1, le=90)  # art. 35: petitioner asks within 30 days
    review_days: int = Field(30, ge=1, le=90)  # art. 35-36: review / re-review answered in 30 days


class Calendar:
    """Which days are working days, from chinese-calendar or the office's list."""

    def __init__(self, office_years: dict[int, YearCalendar] | None = None) -> None:
        self._office = {
            year: (frozenset(cal.off), frozenset(cal.work))
            for year, cal in (office_years or {}).items()
        }

    def is_workday(self, day: date) -> bool:
        if day.year in self._office:
            off, work = self._office[day.year]
            return day in work or (day.weekday() < 5 and day not in off)
        import chinese_calendar

        try:
            return bool(chinese_calendar.is_workday(day))
        except NotImplementedError:
            raise CalendarUnknown(year=day.year) from None


def add_period(start: date, days: int, rules: DeadlineSettings, calendar: Calendar) -> date:
    """The day a period of `days` starting on `start` ends; the start day is not counted."""
    if rules.counting is Counting.WORKDAYS:
        day, left = start, days
        while left > 0:
            day += timedelta(days=1)
            if calendar.is_workday(day):
                left -= 1
        return day
    end = start + timedelta(days=days)
    if rules.counting is Counting.NEXT_WORKDAY:
        # 民法典 art. 203: a period that ends on a rest day ends on the next working day.
        while not calendar.is_workday(end):
            end += timedelta(days=1)
    return end


class Deadlines:
    """The office's deadline rules, bound to its calendar."""

    def __init__(self, rules: DeadlineSettings, calendar: Calendar) -> None:
        self.rules = rules
        self.calendar = calendar

    def accept_due(self, received: date) -> date:
        """Decide on acceptance and tell the petitioner: 15 days from receipt (art. 22-23)."""
        return add_period(received, self.rules.accept_days, self.rules, self.calendar)

    def handling_due(self, accepted: date, superior_due: date | None = None) -> date:
        """Handle and reply in writing (办结): 60 days from acceptance (art. 34).

        A superior that assigned the case (交办) may set its own, earlier deadline: it wins.
        """
        legal = add_period(accepted, self.rules.handle_days, self.rules, self.calendar)
        return min(legal, superior_due) if superior_due else legal

    def extended_due(self, due: date, days: int) -> date:
        """One extension, approved by the head, of at most 30 days past the due date (art. 34)."""
        if not 1 <= days <= self.rules.extension_max_days:
            raise LimitExceeded("err.extension_days", days=days,
                                max=self.rules.extension_max_days)
        return add_period(due, days, self.rules, self.calendar)

    def review_request_until(self, replied: date) -> date:
        """The petitioner may ask for review (复查) within 30 days of the reply (art. 35)."""
        return replied + timedelta(days=self.rules.review_request_days)

    def review_due(self, requested: date) -> date:
        """A review or re-review (复核) is answered within 30 days of the request (art. 35-36)."""
        return add_period(requested, self.rules.review_days, self.rules, self.calendar)
