"""Units as the office sees them: `xf unit list` with their case counts, and the incidents
recorded against them (the weekly report and the scorecard list and count these)."""

from datetime import date

from sqlalchemy import case as when
from sqlalchemy import func, or_, select
from sqlmodel import Session

from xinfang_cli.domain.enums import CaseStatus
from xinfang_cli.store.models import Case, Incident, Unit
from xinfang_cli.store.repository import find_unit


def unit_rows(session: Session) -> list[dict[str, object]]:
    """`xf unit list`: each unit with its open and total case counts."""
    open_n = func.sum(when((Case.pending_due.is_not(None), 1), else_=0))
    counts = {uid: (total, opened) for uid, total, opened in session.execute(
        select(Case.unit_id, func.count(), open_n)
        .where(Case.status != str(CaseStatus.VOIDED)).group_by(Case.unit_id))}
    incidents = dict(session.execute(
        select(Incident.unit_id, func.count()).where(Incident.voided_on.is_(None))
        .group_by(Incident.unit_id)).all())
    return [
        {"code": u.code, "name": u.name, "kind": u.kind, "head": u.head, "leader": u.leader,
         "cases": counts.get(u.id, (0, 0))[0], "open": counts.get(u.id, (0, 0))[1] or 0,
         "incidents": incidents.get(u.id, 0), "email": u.email, "webhook": u.webhook,
         "retired_on": u.retired_on}
        for u in session.scalars(select(Unit).order_by(Unit.code))]


def standing(session: Session, day: date) -> list[Unit]:
    """The units on boards and scorecards of `day`: a retired one until its day."""
    return list(session.scalars(select(Unit).where(
        or_(Unit.retired_on.is_(None), Unit.retired_on >= day)).order_by(Unit.code)))


def unit_detail(session: Session, ref: str) -> dict[str, object]:
    """`xf unit show`: the unit, its successor if merged, and its history."""
    from xinfang_cli.store.records import UnitHistory

    unit = find_unit(session, ref)
    into = session.get(Unit, unit.merged_into) if unit.merged_into else None
    history = [{"at": h.at.replace(microsecond=0), "on": h.on, "by": h.by, "action": h.action,
                "field": h.field, "old": h.old, "new": h.new, "reason": h.reason}
               for h in session.scalars(select(UnitHistory).where(
                   UnitHistory.unit_id == unit.id).order_by(UnitHistory.id))]
    return {"code": unit.code, "name": unit.name, "kind": unit.kind, "head": unit.head,
            "leader": unit.leader, "email": unit.email, "webhook": unit.webhook,
            "retired_on": unit.retired_on, "merged_into": into.code if into else None,
            "history": history}


def incident_rows(session: Session, start: date | None, end: date) -> list[dict[str, object]]:
    """Incidents on or before `end` (and from `start`), oldest first; one voided by `end`
    (recorded by mistake) is left out, one voided later still stands on the days before."""
    query = (select(Unit.code.label("unit"), Unit.name.label("unit_name"), Incident.kind,
                    Incident.on, Incident.case_id.label("case"), Incident.note)
             .join(Unit, Unit.id == Incident.unit_id)
             .where(Incident.on <= end,
                    or_(Incident.voided_on.is_(None), Incident.voided_on > end))
             .order_by(Incident.on, Incident.id))
    if start is not None:
        query = query.where(Incident.on >= start)
    return [dict(row._mapping) for row in session.execute(query)]


def incident_list(session: Session, unit: int | None = None,
                  since: date | None = None) -> list[dict[str, object]]:
    """`xf incident list`: every incident, voided ones too (marked), oldest first."""
    query = (select(Incident, Unit.code, Unit.name).join(Unit, Unit.id == Incident.unit_id)
             .order_by(Incident.on, Incident.id))
    if unit is not None:
        query = query.where(Incident.unit_id == unit)
    if since is not None:
        query = query.where(Incident.on >= since)
    return [{"id": i.id, "unit": code, "unit_name": name, "kind": i.kind, "on": i.on,
             "case": i.case_id, "note": i.note, "by": i.by, "voided_on": i.voided_on,
             "void_reason": i.void_reason}
            for i, code, name in session.execute(query)]
