"""What is late: `xf overdue` (the cron check), today or as of a past day, and the one
shape of an overdue line that the weekly report shares.

Today's list is one query on the indexed `pending_due` column; a past day's is the same
query for the cases whose columns still tell their state, and the history (`asof`) for
the rest.
"""

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from xinfang_cli.domain.enums import CaseStatus
from xinfang_cli.domain.masking import mask_name
from xinfang_cli.domain.timeline import Snapshot
from xinfang_cli.store.models import Case, Unit
from xinfang_cli.views.asof import CaseIds, rebuilt_on


def deadline_line(case_id: str, unit: str, unit_name: str, status: str, due: date,
                  as_of: date, petitioner: str, summary: str, leader: str | None,
                  backlog: str | None) -> dict[str, object]:
    """An overdue or due-soon line: which deadline runs, its date, days past it (the one
    shape of `xf overdue`, the report's overdue section and their past-date rebuilds)."""
    return {
        "id": case_id, "unit": unit, "unit_name": unit_name, "status": status,
        "deadline": "accept" if status == CaseStatus.REGISTERED else "handle",
        "due": due, "days_overdue": (as_of - due).days, "petitioner": mask_name(petitioner),
        "summary": summary, "leader": leader, "backlog": backlog,
    }


def deadline_entry(case: Case, unit: Unit, as_of: date) -> dict[str, object]:
    assert case.pending_due is not None
    return deadline_line(case.id, unit.code, unit.name, case.status, case.pending_due, as_of,
                         case.petitioner, case.summary, case.leader, case.backlog)


def snapshot_line(s: Snapshot, unit_name: str, day: date) -> dict[str, object]:
    """An overdue line as in `xf overdue`, for a case as it stood on `day`."""
    assert s.pending_due is not None
    return deadline_line(s.id, s.unit, unit_name, s.status, s.pending_due, day, s.petitioner,
                         s.summary, s.leader, s.backlog)


def deadline_order(entry: dict[str, object]) -> tuple[object, int, int]:
    """Most overdue first, then by case number (2018-9999 before 2018-10000)."""
    year, seq = str(entry["id"]).split("-")
    return entry["due"], int(year), int(seq)


def overdue(session: Session, as_of: date, warn_days: int = 0,
            rebuilt: CaseIds | None = None) -> dict[str, object]:
    """Pending cases past their due date, most overdue first, and those due within `warn_days`.

    With `rebuilt` (a past day): only the cases received by then whose columns still tell
    their state, all but `rebuilt` (see `overdue_in_past`)."""
    horizon = as_of + timedelta(days=warn_days)
    query = (select(Case, Unit).join(Unit, Unit.id == Case.unit_id)
             .where(Case.pending_due.is_not(None), Case.pending_due <= horizon)
             .order_by(Case.pending_due, Case.year, Case.seq))
    if rebuilt is not None:
        query = query.where(Case.received <= as_of, ~rebuilt.among(Case.id))
    late, soon = [], []
    for case, unit in session.execute(query):
        entry = deadline_entry(case, unit, as_of)
        if case.pending_due < as_of:
            late.append(entry)
        elif warn_days > 0:
            soon.append(entry)
    return {"as_of": as_of, "overdue": late, "due_soon": soon}


def overdue_in_past(session: Session, as_of: date, warn_days: int = 0) -> dict[str, object]:
    """`xf overdue --as-of` a past day: what was overdue and due soon then.
    SQL for the cases whose columns still tell it; the history for the rest (`asof`)."""
    rebuilt, snaps = rebuilt_on(session, as_of)
    data = overdue(session, as_of, warn_days, rebuilt)
    names = dict(session.execute(select(Unit.code, Unit.name)).all())
    horizon = as_of + timedelta(days=warn_days)
    late, soon = list(data["overdue"]), list(data["due_soon"])  # type: ignore[call-overload]
    for snap in snaps:
        due = snap.pending_due
        if due is not None and due < as_of:
            late.append(snapshot_line(snap, names[snap.unit], as_of))
        elif due is not None and due <= horizon and warn_days > 0:
            soon.append(snapshot_line(snap, names[snap.unit], as_of))
    for entries in (late, soon):
        entries.sort(key=deadline_order)
    return {"as_of": as_of, "overdue": late, "due_soon": soon}


def overdue_rows(session: Session, day: date, exclude: CaseIds) -> list[dict[str, Any]]:
    """Cases pending past their due date at the end of `day`, from the columns."""
    query = (select(Case.id, Unit.code, Unit.name, Case.status, Case.pending_due,
                    Case.petitioner, Case.summary, Case.leader, Case.backlog)
             .join(Unit, Unit.id == Case.unit_id)
             .where(Case.pending_due.is_not(None), Case.pending_due < day,
                    Case.received <= day, ~exclude.among(Case.id)))
    return [deadline_line(*row[:5], day, *row[5:]) for row in session.execute(query)]


def overdue_entries(snaps: list[Snapshot], names: dict[str, str],
                    day: date) -> list[dict[str, object]]:
    """Cases pending past their due date at the end of `day`, most overdue first."""
    late = [s for s in snaps if s.pending_due is not None and s.pending_due < day]
    late.sort(key=lambda s: (s.pending_due, s.id))
    return [snapshot_line(s, names.get(s.unit, s.unit), day) for s in late]
