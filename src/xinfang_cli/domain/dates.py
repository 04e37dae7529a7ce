"""Dates as clerks write them, and "today" (fixed by XF_TODAY for tests and reruns)."""

import os
import re
from datetime import date, timedelta

from xinfang_cli.domain.errors import InvalidDate

_NUMERIC = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
# Case ids are YYYY-NNNN: a four-digit year, and no petition office predates 1950.
FIRST_YEAR, LAST_YEAR = 1950, 2999

_RELATIVE = {"today": 0, "今天": 0, "今日": 0, "yesterday": -1, "昨天": -1, "昨日": -1}


def today() -> date:
    """Today, or the date XF_TODAY fixes."""
    fixed = os.environ.get("XF_TODAY")
    if fixed:
        return parse_date(fixed, "XF_TODAY", relative_to=date.today())
    return date.today()


def parse_date(text: str, field: str, relative_to: date | None = None) -> date:
    """Read `2018-05-03`, `2018/5/3`, `2018.5.3`, `2018年5月3日`, `20180503`, today, 昨天 …

    An impossible date (2018-02-30) is an error, never a guess.
    """
    cleaned = text.strip().lower()
    if cleaned in _RELATIVE:
        base = relative_to if relative_to is not None else today()
        return base + timedelta(days=_RELATIVE[cleaned])
    match = _NUMERIC.match(cleaned) or _COMPACT.match(cleaned)
    if not match:
        raise InvalidDate(field=field, value=text)
    year, month, day = (int(g) for g in match.groups())
    try:
        parsed = date(year, month, day)
    except ValueError:
        raise InvalidDate("err.impossible_date", field=field, value=text) from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidDate("err.year_range", field=field, value=text, first=FIRST_YEAR,
                          last=LAST_YEAR)
    return parsed


def parse_week(text: str) -> tuple[date, date]:
    """`2018-W26` (or `2018W26`, `2018-26`) as Monday to Sunday."""
    match = re.match(r"^\s*(\d{4})-?[Ww]?(\d{1,2})\s*$", text)
    if not match:
        raise InvalidDate("err.bad_week", value=text)
    try:
        if not FIRST_YEAR <= int(match[1]) <= LAST_YEAR:
            raise ValueError(match[1])
        monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        raise InvalidDate("err.bad_week", value=text) from None
    return monday, monday + timedelta(days=6)
