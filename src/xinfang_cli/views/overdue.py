"""What is late: `xf overdue` (the cron check), today or as of a past day, and the one
shape of an overdue line that the weekly report shares.

Today's list is one query on the indexed `pending_due` column, streamed (`due_list`): its
counts and what bounds each column's width first, then its lines in batches of row
tuples. A past day's is the same query for the cases whose columns still tell their
state, and the history (`asof`) for the rest.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import case as when_then
from sqlalchemy import func, select
from sqlmodel import Session

from xinfang_cli.domain.enums import CaseStatus
from xinfang_cli.domain.masking import mask_name
from xinfang_cli.domain.timeline import Snapshot
from xinfang_cli.store.models import Case, CaseSequence, Unit
from xinfang_cli.views.asof import CaseIds, rebuilt_on
from xinfang_cli.views.rows import batches, iso_text

Lines = list[tuple[Any, ...]]  # a batch of lines, each its values in the order of LINE_KEYS
LINE_KEYS = ("id", "unit", "unit_name", "status", "deadline", "due", "days_overdue",
             "petitioner", "summary", "leader", "backlog")


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


# --- today's list, streamed -------------------------------------------------------------------


@dataclass
class DueList:
    """`xf overdue` as it is written: how many lines of each kind, and what bounds each
    column's width (the unit names, the leaders, the oldest due date, the longest case
    number), known before the first line is read; then the lines, a batch at a time, each
    the values of `deadline_line` in the order of `keys`."""

    as_of: date
    warn_days: int
    overdue: int
    due_soon: int
    oldest: date | None
    id_width: int
    unit_names: list[str]
    leaders: Callable[[], list[str]]  # read only for a table
    late: Callable[[], Iterator[Lines]]
    soon: Callable[[], Iterator[Lines]]
    keys: tuple[str, ...] = LINE_KEYS

    @classmethod
    def of(cls, data: dict[str, Any], warn_days: int) -> "DueList":
        """A list already read whole (a past day's, rebuilt from the history)."""
        late, soon = ([tuple(e[k] for k in LINE_KEYS) for e in data[key]]
                      for key in ("overdue", "due_soon"))
        everyone = [*data["overdue"], *data["due_soon"]]
        return cls(data["as_of"], warn_days, len(late), len(soon),
                   min((e["due"] for e in everyone), default=None),
                   max((len(e["id"]) for e in everyone), default=9),
                   sorted({e["unit_name"] for e in everyone}),
                   lambda: sorted({e["leader"] for e in everyone if e["leader"]}),
                   lambda: iter([late]), lambda: iter([soon]))


def due_list(session: Session, as_of: date, warn_days: int = 0) -> DueList:
    """Pending cases past their due date, most overdue first, and those due within
    `warn_days` (today's columns: see `overdue_in_past` for a past day)."""
    horizon = as_of + timedelta(days=warn_days)
    pending = (Case.pending_due.is_not(None), Case.pending_due <= horizon)
    late, listed, oldest = session.execute(select(
        func.count(when_then((Case.pending_due < as_of, 1))), func.count(),
        func.min(Case.pending_due)).where(*pending)).one()
    last = session.scalar(select(func.max(CaseSequence.last))) or 0
    units = {row[0]: (row[1], row[2]) for row in session.execute(
        select(Unit.id, Unit.code, Unit.name))}
    soon = listed - late if warn_days > 0 else 0
    return DueList(
        as_of, warn_days, late, soon, oldest, 5 + max(4, len(str(last))),
        [name for _code, name in units.values()],
        lambda: list(session.scalars(  # every case's: a scan of the narrow ix_case_figures
            select(Case.leader).where(Case.leader.is_not(None)).distinct())),
        lambda: _lines(session, units, as_of, Case.pending_due < as_of),
        lambda: _lines(session, units, as_of, Case.pending_due >= as_of, *pending) if soon
        else iter(()))


def _lines(session: Session, units: dict[int, tuple[str, str]], as_of: date, *where: Any
           ) -> Iterator[Lines]:
    """The values of `deadline_line`, from row tuples (dates as ISO text), in batches."""
    query = (select(Case.id, Case.unit_id, Case.status, iso_text(session, Case.pending_due),
                    Case.petitioner, Case.summary, Case.leader, Case.backlog)
             .where(Case.pending_due.is_not(None), *where)
             .order_by(Case.pending_due, Case.year, Case.seq))
    today, registered, days = as_of.toordinal(), str(CaseStatus.REGISTERED), {}
    for batch in batches(session, query):
        lines = []
        for case_id, unit, status, due, petitioner, summary, leader, backlog in batch:
            late = days.get(due)
            if late is None:  # a few hundred distinct due dates among many lines
                late = days[due] = today - date.fromisoformat(due).toordinal()
            code, name = units[unit]
            lines.append((case_id, code, name, status,
                          "accept" if status == registered else "handle", due, late,
                          mask_name(petitioner), summary, leader, backlog))
        yield lines
