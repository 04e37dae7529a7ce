"""Reading the office's measures on the units: `xf supervise list`, the units under key
management on a day (marked on the board, the scorecard and the report), and each unit's
circulars and talks in a period (which the scoring policy may deduct for).

Read through a light table, not the model class: the board, the scorecard and the report
read these, and their start-up is budgeted."""

from datetime import date
from typing import Any

from sqlalchemy import Date, column, func, or_, select, table
from sqlmodel import Session

from xinfang_cli.domain.enums import SupervisionKind
from xinfang_cli.store.models import Unit

# the dates typed, so that both backends give dates (SQLite keeps them as text)
SUPERVISION = table("supervision", column("id"), column("unit_id"), column("kind"),
                    column("on", Date), column("note"), column("by"), column("ended_on", Date),
                    column("ended_by"))
S = SUPERVISION.c
KEY = str(SupervisionKind.KEY_MANAGEMENT)


def measure_list(session: Session, unit: int | None = None, since: date | None = None,
                 until: date | None = None) -> list[dict[str, Any]]:
    """The measures in the order they were taken; of one unit; from `since` to `until`
    (key management that ran into the period counts: it lasts)."""
    query = (select(S.id, Unit.code, Unit.name, S.kind, S.on, S.note, S.by, S.ended_on,
                    S.ended_by).join(Unit, Unit.id == S.unit_id).order_by(S.on, S.id))
    if unit is not None:
        query = query.where(S.unit_id == unit)
    if since is not None:
        query = query.where(or_(S.on >= since, (S.kind == KEY) & (
            S.ended_on.is_(None) | (S.ended_on >= since))))
    if until is not None:
        query = query.where(S.on <= until)
    return [{"id": r.id, "unit": r.code, "unit_name": r.name, "kind": r.kind, "on": r.on,
             "note": r.note, "by": r.by, "ended": r.ended_on, "ended_by": r.ended_by,
             "active": r.kind == KEY and (r.ended_on is None)}
            for r in session.execute(query)]


def under_key_management(session: Session, day: date) -> set[str]:
    """The codes of the units under key management at the end of `day`."""
    query = (select(Unit.code).join(SUPERVISION, S.unit_id == Unit.id)
             .where(S.kind == KEY, S.on <= day, or_(S.ended_on.is_(None), S.ended_on > day)))
    return set(session.scalars(query))


def measure_counts(session: Session, start: date | None, end: date) -> dict[str, dict[str, int]]:
    """Per unit code, the circulars and admonition talks from `start` (or ever) to `end`."""
    query = (select(Unit.code, S.kind, func.count()).join(SUPERVISION, S.unit_id == Unit.id)
             .where(S.on <= end, S.kind.in_([str(SupervisionKind.CIRCULAR),
                                             str(SupervisionKind.TALK)]))
             .group_by(Unit.code, S.kind))
    if start is not None:
        query = query.where(S.on >= start)
    counts: dict[str, dict[str, int]] = {}
    for code, kind, n in session.execute(query):
        key = "circulars" if kind == SupervisionKind.CIRCULAR else "talks"
        counts.setdefault(code, {})[key] = int(n)
    return counts
