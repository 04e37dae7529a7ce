"""Incidents against a unit: a skip-level petition or a breach of the four guarantees
(四确保), which the scorecard deducts or vetoes; one recorded by mistake is voided."""

from datetime import date

from xinfang_cli.domain.enums import CaseStatus, IncidentKind
from xinfang_cli.domain.errors import BadInput, TransitionNotAllowed
from xinfang_cli.domain.registration import event_day, not_after_today, required
from xinfang_cli.operations.op import Op
from xinfang_cli.store.models import Incident
from xinfang_cli.store.repository import find_unit, get_case


def add_incident(op: Op, unit_ref: str, kind: IncidentKind, on: date, note: str,
                 case_ref: str | None = None) -> Incident:
    """Record a skip-level petition or a breach of the four guarantees (四确保)."""
    unit = find_unit(op.session, unit_ref)
    not_after_today(on, op.today, "--on")
    case = None
    if case_ref:
        case = get_case(op.session, case_ref)
        if case.status == CaseStatus.VOIDED:
            raise TransitionNotAllowed("err.case_voided", case=case.id)
        event_day(on, case.received, op.today, "--on")
    incident = Incident(unit_id=unit.id, kind=str(kind), on=on,
                        case_id=case.id if case else None, note=required(note, "--note"),
                        by=op.by, command_id=op.command_id())
    op.session.add(incident)
    if case:
        op.record(case.id, on, "incident", [("kind", None, kind)])
    op.session.flush()
    return incident


def void_incident(op: Op, number: int, reason: str) -> Incident:
    """An incident recorded by mistake leaves the counts from today; it stays, with why."""
    incident = op.session.get(Incident, number)
    if incident is None:
        raise BadInput("err.incident_not_found", value=number)
    if incident.voided_on is not None:
        raise BadInput("err.incident_voided", id=number, on=incident.voided_on)
    incident.void_reason = required(reason, "--reason")
    incident.voided_on, incident.voided_by = op.today, op.command_id()
    if incident.case_id:
        op.record(incident.case_id, op.today, "void", [("kind", incident.kind, None)],
                  incident.void_reason)
    op.session.flush()
    return incident
