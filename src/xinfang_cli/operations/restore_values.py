"""Reading the values of a full export (`operations.restore`): each one checked, a fault
named by where it stands in the file (`cases[12].history[3].on`)."""

from collections.abc import Callable
from datetime import date, datetime
from typing import Any


class Bad(Exception):
    """A value that does not fit: where it is and why."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(where, reason)
        self.where, self.reason = where, reason


def items(doc: Any, key: str) -> list[Any]:
    value = doc.get(key, []) if hasattr(doc, "get") else None
    if not isinstance(value, list):
        raise Bad(key, "not a list")
    return value


def get(item: Any, key: str, where: str) -> Any:
    if not isinstance(item, dict):
        raise Bad(where, "not an object")
    return item.get(key)


def need(value: Any, where: str, key: str) -> Any:
    if value is None:
        raise Bad(f"{where}.{key}", "missing")
    return value


def text(item: Any, key: str, where: str) -> str:
    value = get(item, key, where)
    if not isinstance(value, str) or not value:
        raise Bad(f"{where}.{key}", "missing or not text")
    return value


def opt_text(item: Any, key: str, where: str) -> str | None:
    value = get(item, key, where)
    if value is not None and not isinstance(value, str):
        raise Bad(f"{where}.{key}", "not text")
    return value


def whole(item: Any, key: str, where: str) -> int:
    value = get(item, key, where)
    if not isinstance(value, int) or isinstance(value, bool):
        raise Bad(f"{where}.{key}", "missing or not a whole number")
    return value


def parsed(item: Any, key: str, where: str, parse: Callable[[str], Any]) -> Any:
    value = get(item, key, where)
    if value is None:
        return None
    try:
        return parse(value)
    except (TypeError, ValueError):
        raise Bad(f"{where}.{key}", f"{value!r} is not an ISO date") from None


def day(item: Any, key: str, where: str) -> date | None:
    return parsed(item, key, where, date.fromisoformat)


def moment(item: Any, key: str, where: str) -> datetime | None:
    return parsed(item, key, where, datetime.fromisoformat)


def member(enum: Any, item: Any, key: str, where: str) -> str:
    value = opt_member(enum, item, key, where)
    if value is None:
        raise Bad(f"{where}.{key}", "missing")
    return value


def opt_member(enum: Any, item: Any, key: str, where: str) -> str | None:
    value = get(item, key, where)
    if value is None:
        return None
    try:
        return str(enum(value))
    except ValueError:
        raise Bad(f"{where}.{key}", f"unknown value {value!r}") from None


def opt_whole(item: Any, key: str, where: str) -> int | None:
    value = get(item, key, where)
    if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
        raise Bad(f"{where}.{key}", "not a whole number")
    return value  # type: ignore[no-any-return]


def numbering(session: Any, counter: Any, items: list[Any], years: dict[int, int],
              name: str) -> None:
    """A per-year counter (`case_sequence`, `notice_sequence`) as the file has it, never
    below the highest number restored (`years`: year → that number)."""
    from sqlalchemy import insert, select, update

    for i, item in enumerate(items):
        where = f"{name}[{i}]"
        year, last = whole(item, "year", where), whole(item, "last", where)
        years[year] = max(years.get(year, 0), last)
    table = counter.__table__
    for year, last in sorted(years.items()):
        current = session.scalar(select(table.c.last).where(table.c.year == year))
        if current is None:
            session.execute(insert(table).values(year=year, last=last))
        elif current < last:
            session.execute(update(table).where(table.c.year == year).values(last=last))
