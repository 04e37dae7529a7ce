"""`xf status`: the board of units × statuses, with overdue and due-soon columns, today or
as of a past day (SQL for the cases whose columns tell it; the history for the rest)."""

from collections.abc import Iterable
from datetime import date, timedelta

from sqlalchemy import case as when
from sqlalchemy import func, select
from sqlmodel import Session

from xinfang_cli.domain.enums import COUNTED
from xinfang_cli.store.models import Case, Unit
from xinfang_cli.views.asof import CaseIds, counted, rebuilt_on
from xinfang_cli.views.supervision import under_key_management
from xinfang_cli.views.units import standing

STATUS_ORDER = list(COUNTED)  # a voided case is on no board


def board(session: Session, as_of: date, warn_days: int,
          rebuilt: CaseIds | None = None) -> dict[str, object]:
    """`xf status`: units × status counts, with overdue and due-soon columns, and totals.

    With `rebuilt` (a past day): only the cases received by then whose columns still tell
    their state, all but `rebuilt` (see `board_in_past`)."""
    horizon = as_of + timedelta(days=warn_days)
    pending = Case.pending_due.is_not(None)
    overdue_n = func.sum(when((pending & (Case.pending_due < as_of), 1), else_=0))
    soon_n = func.sum(when((pending & (Case.pending_due >= as_of)
                            & (Case.pending_due <= horizon), 1), else_=0))
    query = (select(Case.unit_id, Case.status, func.count(), overdue_n, soon_n)
             .where(counted(as_of)))
    if rebuilt is not None:
        query = query.where(Case.received <= as_of, ~rebuilt.among(Case.id))
    rows = session.execute(query.group_by(Case.unit_id, Case.status)).all()
    table = {u.id: _empty_row(u) for u in standing(session, as_of)}
    keys = under_key_management(session, as_of)  # 重点管理: marked on the board
    for unit_id, status, count, late, soon in rows:
        row = table.get(unit_id)
        if row is None:  # a unit retired before the day: off the board
            continue
        row[status] += count
        row["total"] += count
        row["overdue"] += late or 0
        row["due_soon"] += soon or 0
    for row in table.values():
        row["key_management"] = row["unit"] in keys
    return {"as_of": as_of, "warn_days": warn_days, "units": list(table.values()),
            "totals": _totals(table.values())}


def _totals(rows: Iterable[dict[str, object]]) -> dict[str, int]:
    rows = list(rows)
    return {k: sum(int(r[k]) for r in rows)  # type: ignore[call-overload]
            for k in [*STATUS_ORDER, "total", "overdue", "due_soon"]}


def _empty_row(unit: Unit) -> dict[str, object]:
    row: dict[str, object] = {"unit": unit.code, "unit_name": unit.name}
    row.update(dict.fromkeys(STATUS_ORDER, 0))
    row.update(total=0, overdue=0, due_soon=0)
    return row


def board_in_past(session: Session, as_of: date, warn_days: int) -> dict[str, object]:
    """`xf status --as-of` a past day: each case's status and deadline as they stood then.
    SQL for the cases whose columns still tell it; the history for the rest (`asof`)."""
    rebuilt, snaps = rebuilt_on(session, as_of)
    data = board(session, as_of, warn_days, rebuilt)
    horizon = as_of + timedelta(days=warn_days)
    table = {row["unit"]: row for row in data["units"]}  # type: ignore[attr-defined]
    for snap in snaps:
        row = table.get(snap.unit)
        if row is None:
            continue
        row[snap.status] += 1
        row["total"] += 1
        due = snap.pending_due
        if due is not None and due < as_of:
            row["overdue"] += 1
        elif due is not None and due <= horizon:
            row["due_soon"] += 1
    data["totals"] = _totals(table.values())
    return data
