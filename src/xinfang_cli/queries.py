"""Reading cases: the case object of the contract, listings, the cron check and the board.

Aggregates run in SQL on the indexed `pending_due` column; listings stream.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import case as when
from sqlalchemy import func, select
from sqlmodel import Session

from .enums import CaseStatus
from .masking import mask_id_number, mask_name, mask_phone
from .models import Case, FollowUp, History, Incident, Unit
from .repository import get_case, record

if TYPE_CHECKING:
    from .asof import CaseIds


def case_record(case: Case, unit: Unit, today: date, reveal: bool = False,
                group_threshold: int = 5) -> dict[str, object]:
    """The contract's case object (JSON keys fixed; tables show the same values)."""
    return {
        "id": case.id, "unit": unit.code, "unit_name": unit.name, "source": case.source,
        "backlog": case.backlog, "status": case.status, "received": case.received,
        "accepted": case.accepted, "accept_due": case.accept_due, "due": case.due,
        "extended_days": case.extended_days, "closed": case.closed, "outcome": case.outcome,
        "satisfaction": case.satisfaction,
        "petitioner": case.petitioner if reveal else mask_name(case.petitioner),
        "phone": case.phone if reveal else mask_phone(case.phone),
        "id_number": case.id_number if reveal else mask_id_number(case.id_number),
        "people": case.people, "group": case.people >= group_threshold,
        "summary": case.summary, "topic": case.topic, "leader": case.leader,
        "escalation": case.escalation, "repeat_of": case.repeat_of,
        "review_requested": case.review_requested,
        "rereview_requested": case.rereview_requested, "reason": case.end_reason,
        "extension_reason": case.extension_reason,
        "overdue": case.pending_due is not None and case.pending_due < today,
    }


def case_detail(session: Session, ref: str, today: date, reveal: bool, by: str,
                group_threshold: int = 5) -> dict[str, object]:
    """`xf show`: the case with its follow-ups and history; a reveal is recorded."""
    case = get_case(session, ref)
    unit = session.get(Unit, case.unit_id)
    assert unit is not None
    if reveal:
        record(session, case.id, today, by, "reveal", [("personal_data", None, "show")])
        session.flush()
    detail = case_record(case, unit, today, reveal, group_threshold)
    detail["followups"] = [
        {"on": f.on, "kind": f.kind, "note": f.note, "by": f.by}
        for f in session.scalars(select(FollowUp).where(FollowUp.case_id == case.id)
                                 .order_by(FollowUp.on, FollowUp.id))]
    detail["history"] = [
        {"at": h.at.replace(microsecond=0), "on": h.on, "by": h.by, "action": h.action,
         "field": h.field, "old": h.old, "new": h.new}
        for h in session.scalars(select(History).where(History.case_id == case.id)
                                 .order_by(History.id))]
    return detail


@dataclass
class CaseFilter:
    unit: int | None = None
    statuses: list[str] = field(default_factory=list)
    backlog_only: bool = False
    overdue_on: date | None = None
    since: date | None = None
    open_only: bool = False


def _filtered(query, flt: CaseFilter):  # type: ignore[no-untyped-def]
    if flt.unit is not None:
        query = query.where(Case.unit_id == flt.unit)
    if flt.statuses:
        query = query.where(Case.status.in_(flt.statuses))
    if flt.backlog_only:
        query = query.where(Case.backlog.is_not(None))
    if flt.overdue_on is not None:
        query = query.where(Case.pending_due.is_not(None), Case.pending_due < flt.overdue_on)
    if flt.open_only:
        query = query.where(Case.pending_due.is_not(None))
    if flt.since is not None:
        query = query.where(Case.received >= flt.since)
    return query


def list_cases(session: Session, flt: CaseFilter) -> Iterator[tuple[Case, Unit]]:
    """Every case matching the filter, whatever its status unless narrowed; streamed."""
    query = _filtered(select(Case, Unit).join(Unit, Unit.id == Case.unit_id), flt)
    query = query.order_by(Case.year, Case.seq).execution_options(yield_per=500)
    for row in session.execute(query):
        yield row[0], row[1]


def reveal_matching(session: Session, flt: CaseFilter, today: date, by: str,
                    command: str) -> None:
    """Record a reveal on every case the filter matches, before any of it is shown:
    one INSERT … SELECT, so even a listing cut short has left its record."""
    from sqlalchemy import Date, DateTime, String, insert, literal

    from .models import utcnow

    rows = _filtered(select(Case.id, literal(utcnow(), DateTime(timezone=True)),
                            literal(today, Date), literal(by, String),
                            literal("reveal", String), literal("personal_data", String),
                            literal(command, String)), flt)
    session.execute(insert(History.__table__).from_select(
        ["case_id", "at", "on", "by", "action", "field", "new"], rows))


# --- the cron check ------------------------------------------------------------------------


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


def overdue(session: Session, as_of: date, warn_days: int = 0,
            rebuilt: "CaseIds | None" = None) -> dict[str, object]:
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


# --- the board -------------------------------------------------------------------------------

STATUS_ORDER = [str(s) for s in CaseStatus]


def board(session: Session, as_of: date, warn_days: int,
          rebuilt: "CaseIds | None" = None) -> dict[str, object]:
    """`xf status`: units × status counts, with overdue and due-soon columns, and totals.

    With `rebuilt` (a past day): only the cases received by then whose columns still tell
    their state, all but `rebuilt` (see `board_in_past`)."""
    horizon = as_of + timedelta(days=warn_days)
    pending = Case.pending_due.is_not(None)
    overdue_n = func.sum(when((pending & (Case.pending_due < as_of), 1), else_=0))
    soon_n = func.sum(when((pending & (Case.pending_due >= as_of)
                            & (Case.pending_due <= horizon), 1), else_=0))
    query = select(Case.unit_id, Case.status, func.count(), overdue_n, soon_n)
    if rebuilt is not None:
        query = query.where(Case.received <= as_of, ~rebuilt.among(Case.id))
    rows = session.execute(query.group_by(Case.unit_id, Case.status)).all()
    units = session.scalars(select(Unit).order_by(Unit.code)).all()
    table = {u.id: _empty_row(u) for u in units}
    for unit_id, status, count, late, soon in rows:
        row = table[unit_id]
        row[status] += count
        row["total"] += count
        row["overdue"] += late or 0
        row["due_soon"] += soon or 0
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


def unit_rows(session: Session) -> list[dict[str, object]]:
    """`xf unit list`: each unit with its open and total case counts."""
    open_n = func.sum(when((Case.pending_due.is_not(None), 1), else_=0))
    counts = {uid: (total, opened) for uid, total, opened in session.execute(
        select(Case.unit_id, func.count(), open_n).group_by(Case.unit_id))}
    incidents = dict(session.execute(
        select(Incident.unit_id, func.count()).group_by(Incident.unit_id)).all())
    return [
        {"code": u.code, "name": u.name, "kind": u.kind, "head": u.head, "leader": u.leader,
         "cases": counts.get(u.id, (0, 0))[0], "open": counts.get(u.id, (0, 0))[1] or 0,
         "incidents": incidents.get(u.id, 0)}
        for u in session.scalars(select(Unit).order_by(Unit.code))]


# --- the same, as of a past day: rebuilt from the case history ------------------------------


def changed_after(session: Session, day: date) -> bool:
    """Has anything happened after `day`? Then today's columns are not the state on `day`."""
    from sqlalchemy import exists

    return bool(session.scalar(select(exists().where(History.on > day))))


def board_in_past(session: Session, as_of: date, warn_days: int) -> dict[str, object]:
    """`xf status --as-of` a past day: each case's status and deadline as they stood then.
    SQL for the cases whose columns still tell it; the history for the rest (`asof`)."""
    from .reports import rebuilt_on

    rebuilt, snaps = rebuilt_on(session, as_of)
    data = board(session, as_of, warn_days, rebuilt)
    horizon = as_of + timedelta(days=warn_days)
    table = {row["unit"]: row for row in data["units"]}  # type: ignore[attr-defined]
    for snap in snaps:
        row = table[snap.unit]
        row[snap.status] += 1
        row["total"] += 1
        due = snap.pending_due
        if due is not None and due < as_of:
            row["overdue"] += 1
        elif due is not None and due <= horizon:
            row["due_soon"] += 1
    data["totals"] = _totals(table.values())
    return data


def overdue_in_past(session: Session, as_of: date, warn_days: int = 0) -> dict[str, object]:
    """`xf overdue --as-of` a past day: what was overdue and due soon then.
    SQL for the cases whose columns still tell it; the history for the rest (`asof`)."""
    from .reports import deadline_entry as entry
    from .reports import rebuilt_on

    rebuilt, snaps = rebuilt_on(session, as_of)
    data = overdue(session, as_of, warn_days, rebuilt)
    names = dict(session.execute(select(Unit.code, Unit.name)).all())
    horizon = as_of + timedelta(days=warn_days)
    late, soon = list(data["overdue"]), list(data["due_soon"])  # type: ignore[call-overload]
    for snap in snaps:
        due = snap.pending_due
        if due is not None and due < as_of:
            late.append(entry(snap, names[snap.unit], as_of))
        elif due is not None and due <= horizon and warn_days > 0:
            soon.append(entry(snap, names[snap.unit], as_of))
    for entries in (late, soon):
        entries.sort(key=deadline_order)
    return {"as_of": as_of, "overdue": late, "due_soon": soon}


def deadline_order(entry: dict[str, object]) -> tuple[object, int, int]:
    """Most overdue first, then by case number (2018-9999 before 2018-10000)."""
    year, seq = str(entry["id"]).split("-")
    return entry["due"], int(year), int(seq)
