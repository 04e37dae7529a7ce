"""The case operations: every rule of the lifecycle and the deadlines, applied and recorded.

Each function takes an `Op` (the session of one unit of work, who acts, today and
the deadline rules), checks everything first, then writes the change and its
history. Nothing here knows about Typer or the terminal.
"""

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select, update
from sqlmodel import Session

from . import lifecycle
from .deadlines import Deadlines
from .enums import (
    PENDING,
    Backlog,
    CaseStatus,
    Escalation,
    FollowupKind,
    IncidentKind,
    Outcome,
    Satisfaction,
    Source,
    UnitKind,
)
from .errors import BadInput, InvalidDate, LimitExceeded
from .lifecycle import Action, CaseState
from .models import Case, FollowUp, Incident, Unit
from .repository import allocate_case_numbers, case_id, find_unit, get_case, record


@dataclass
class Op:
    """What every operation needs: one transaction, the operator, today, the rules."""

    session: Session
    by: str
    today: date
    deadlines: Deadlines


# --- units ------------------------------------------------------------------------------

_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")


def add_unit(op: Op, code: str, name: str, kind: UnitKind, head: str | None = None,
             leader: str | None = None) -> Unit:
    """Register a responsible unit (责任单位); its code is ASCII, its name Chinese."""
    code, name = code.strip(), name.strip()
    if not _CODE.match(code):
        raise BadInput("err.unit_code", value=code)
    if not name:
        raise BadInput("err.empty", field="NAME")
    _fits(code, 40, "CODE")
    _fits(name, 200, "NAME")
    _fits(head, 100, "--head")
    _fits(leader, 100, "--leader")
    # a code or name must name one unit only, whichever way `--unit` is written
    for value in (code, name):
        clash = op.session.scalar(select(Unit).where(
            (func.lower(Unit.code) == value.lower()) | (Unit.name == value)))
        if clash is not None:
            raise BadInput("err.unit_exists", value=value)
    unit = Unit(code=code, name=name, kind=str(kind), head=_blank(head), leader=_blank(leader))
    op.session.add(unit)
    op.session.flush()
    return unit


def _blank(text: str | None) -> str | None:
    return text.strip() or None if text else None


# --- registering a case -------------------------------------------------------------------

_PHONE = re.compile(r"^\+?[0-9][0-9 -]{4,19}$")
_ID_NUMBER = re.compile(r"^(\d{17}[\dXx]|\d{15})$")


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_number_valid(number: str) -> bool:
    """A resident ID number: 15 digits (before 1999), or 18 with the GB 11643 check character.

    The check catches a mistyped digit, and a number Excel stored as a float.
    """
    if not _ID_NUMBER.match(number):
        return False
    if len(number) == 15:
        return True
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11] == number[17].upper()


@dataclass
class NewCase:
    """What `xf add` (and an import row) says about a new petition, already parsed."""

    unit: str
    source: Source
    received: date
    petitioner: str
    summary: str
    phone: str | None = None
    id_number: str | None = None
    people: int = 1
    backlog: Backlog | None = None
    topic: str | None = None
    leader: str | None = None
    due: date | None = None
    accepted: date | None = None
    repeat_of: str | None = None


def check_new_case(op: Op, new: NewCase) -> Unit:
    """Every check of `xf add`, without writing; returns the unit."""
    unit = find_unit(op.session, new.unit)
    check_case_fields(op, new)
    if new.repeat_of:
        get_case(op.session, new.repeat_of)
    return unit


def _fits(text: str | None, limit: int, field: str) -> None:
    if text and len(text.strip()) > limit:
        raise BadInput("err.too_long", field=field, n=len(text.strip()), max=limit)


MAX_PEOPLE = 100_000


def check_case_fields(op: Op, new: NewCase) -> None:
    """The checks of `xf add` that need no database lookup (an import runs them per row)."""
    for value, limit, field in ((new.petitioner, 100, "--petitioner"), (new.phone, 40, "--phone"),
                                (new.id_number, 40, "--id-number"), (new.topic, 100, "--topic"),
                                (new.leader, 100, "--leader")):
        _fits(value, limit, field)
    if new.people > MAX_PEOPLE:
        raise BadInput("err.people", value=new.people)
    _not_after_today(op, new.received, "--received")
    for value, field in ((new.petitioner, "--petitioner"), (new.summary, "--summary")):
        if not value or not value.strip():
            raise BadInput("err.empty", field=field)
    if new.phone and not _PHONE.match(new.phone.strip()):
        raise BadInput("err.bad_phone", value=new.phone)
    if new.id_number and not id_number_valid(new.id_number.strip()):
        raise BadInput("err.bad_id_number", value=new.id_number)
    if new.people < 1:
        raise BadInput("err.people", value=new.people)
    if new.due and new.due < new.received:
        raise InvalidDate("err.before_received", field="--due", value=new.due,
                          received=new.received)
    if new.accepted:
        _event_day(new.accepted, new.received, op, "--accepted")


def add_case(op: Op, new: NewCase) -> Case:
    """登记: register a petition; with `accepted`, also accept it that day."""
    unit = check_new_case(op, new)
    year = new.received.year
    seq = allocate_case_numbers(op.session, year)
    case = Case(
        id=case_id(year, seq), year=year, seq=seq, unit_id=unit.id, source=str(new.source),
        backlog=str(new.backlog) if new.backlog else None, status=CaseStatus.REGISTERED,
        status_on=new.received, received=new.received,
        accept_due=op.deadlines.accept_due(new.received), superior_due=new.due,
        petitioner=new.petitioner.strip(), phone=_blank(new.phone),
        id_number=_blank(new.id_number.upper() if new.id_number else None), people=new.people,
        summary=new.summary.strip(), topic=_blank(new.topic), leader=_blank(new.leader),
        repeat_of=new.repeat_of.strip().upper() if new.repeat_of else None)
    _refresh_pending(case)
    op.session.add(case)
    op.session.flush()
    record(op.session, case.id, new.received, op.by, "add",
           [("status", None, case.status), ("unit", None, unit.code),
            ("accept_due", None, case.accept_due)])
    if new.accepted:
        accept(op, case.id, new.accepted)
    return case


# --- status changes -----------------------------------------------------------------------


def accept(op: Op, ref: str, on: date) -> Case:
    """受理: accepted; the 60-day handling period starts (art. 34)."""
    case = _for(op, ref, Action.ACCEPT, on, "--on")
    due = op.deadlines.handling_due(on, case.superior_due)
    _change(op, case, Action.ACCEPT, on, accepted=on, due=due)
    return case


def reject(op: Op, ref: str, reason: str, on: date) -> Case:
    """不予受理: not accepted, with the reason told to the petitioner."""
    case = _for(op, ref, Action.REJECT, on, "--on")
    _change(op, case, Action.REJECT, on, end_reason=_required(reason, "--reason"))
    return case


def close(op: Op, ref: str, outcome: Outcome, on: date, note: str | None = None,
          satisfaction: Satisfaction | None = None) -> Case:
    """办结: closed with one of the four outcomes; the note is kept as the written reply."""
    case = _for(op, ref, Action.CLOSE, on, "--on")
    _change(op, case, Action.CLOSE, on, closed=on, outcome=str(outcome),
            satisfaction=str(satisfaction) if satisfaction else case.satisfaction)
    if note and note.strip():
        _add_followup(op, case, FollowupKind.REPLY, on, note)
    return case


def review(op: Op, ref: str, requested: date) -> Case:
    """复查: the petitioner asked the body above to review the reply (art. 35)."""
    case = _for(op, ref, Action.REVIEW, requested, "--requested")
    _within_request_period(op, case, requested)
    due = op.deadlines.review_due(requested)
    _change(op, case, Action.REVIEW, requested, review_requested=requested, due=due)
    return case


def rereview(op: Op, ref: str, requested: date) -> Case:
    """复核: asked after the review's answer; after it, the matter is not accepted again."""
    case = _for(op, ref, Action.REREVIEW, requested, "--requested")
    _within_request_period(op, case, requested)
    due = op.deadlines.review_due(requested)
    _change(op, case, Action.REREVIEW, requested, rereview_requested=requested, due=due)
    return case


def terminate(op: Op, ref: str, reason: str, on: date) -> Case:
    """终结认定: the demand was met or found unfounded on review, yet the petitioner goes on."""
    case = _for(op, ref, Action.TERMINATE, on, "--on")
    _change(op, case, Action.TERMINATE, on, end_reason=_required(reason, "--reason"))
    return case


# --- changes that keep the status -------------------------------------------------------


def extend(op: Op, ref: str, days: int, reason: str, on: date | None = None) -> Case:
    """延期: once, approved by the head, at most 30 days past the due date (art. 34)."""
    on = on or op.today
    case = _for(op, ref, Action.EXTEND, on, "--on", status_change=False)
    reason = _required(reason, "--reason")
    assert case.due is not None
    if days < 1 or days > op.deadlines.rules.extension_max_days:
        raise LimitExceeded("err.extension_days", days=days,
                            max=op.deadlines.rules.extension_max_days)
    due = op.deadlines.extended_due(case.due, days)
    _set(op, case, Action.EXTEND, on, extended_days=days, extension_reason=reason, due=due)
    return case


def assign(op: Op, ref: str, unit_ref: str, on: date | None = None) -> Case:
    """Move the case to another responsible unit."""
    on = on or op.today
    case = _for(op, ref, Action.ASSIGN, on, "--on", status_change=False)
    unit = find_unit(op.session, unit_ref)
    if unit.id == case.unit_id:
        raise BadInput("err.same_unit", case=case.id, unit=unit.code)
    old = op.session.get(Unit, case.unit_id)
    case.unit_id = unit.id  # type: ignore[assignment]
    op.session.execute(update(FollowUp).where(FollowUp.case_id == case.id)  # type: ignore[arg-type]
                       .values(unit_id=unit.id))
    record(op.session, case.id, on, op.by, "assign", [("unit", old.code if old else None,
                                                      unit.code)])
    return case


def set_leader(op: Op, ref: str, name: str, on: date | None = None) -> Case:
    """包案领导: the leader who takes the case."""
    on = on or op.today
    _fits(name, 100, "NAME")
    case = _for(op, ref, Action.LEADER, on, "--on", status_change=False)
    _set(op, case, Action.LEADER, on, leader=_required(name, "NAME"))
    return case


def escalate(op: Op, ref: str, to: Escalation, reason: str, on: date | None = None) -> Case:
    """提级会办: taken up at district or city level; the case stays open."""
    on = on or op.today
    case = _for(op, ref, Action.ESCALATE, on, "--on", status_change=False)
    reason = _required(reason, "--reason")
    if case.escalation == str(to):
        raise BadInput("err.already_escalated", case=case.id, to=str(to))
    _set(op, case, Action.ESCALATE, on, escalation=str(to))
    record(op.session, case.id, on, op.by, "escalate", [("reason", None, reason)])
    return case


def follow(op: Op, ref: str, note: str, kind: FollowupKind = FollowupKind.NOTE,
           on: date | None = None) -> FollowUp:
    """Append a follow-up; allowed on every case, a terminated one too."""
    on = on or op.today
    case = _for(op, ref, Action.FOLLOW, on, "--on", status_change=False)
    return _add_followup(op, case, kind, on, _required(note, "--note"))


def add_incident(op: Op, unit_ref: str, kind: IncidentKind, on: date, note: str,
                 case_ref: str | None = None) -> Incident:
    """Record a skip-level petition or a breach of the four guarantees (四确保)."""
    unit = find_unit(op.session, unit_ref)
    _not_after_today(op, on, "--on")
    case = None
    if case_ref:
        case = get_case(op.session, case_ref)
        _event_day(on, case.received, op, "--on")
    incident = Incident(unit_id=unit.id, kind=str(kind), on=on,
                        case_id=case.id if case else None, note=_required(note, "--note"),
                        by=op.by)
    op.session.add(incident)
    if case:
        record(op.session, case.id, on, op.by, "incident", [("kind", None, kind)])
    op.session.flush()
    return incident


def recompute_deadlines(op: Op) -> list[tuple[str, str, date | None, date | None]]:
    """Apply the rules now in force to every pending case; each moved date goes to history."""
    moved = []
    query = select(Case).where(Case.status.in_([str(s) for s in PENDING])).order_by(Case.id)
    for case in op.session.scalars(query):
        changes = _recomputed(op.deadlines, case)
        if changes:
            moved += [(case.id, f, getattr(case, f), v) for f, v in changes.items()]
            _set(op, case, "rules", op.today, **changes)
    return moved


def _recomputed(deadlines: Deadlines, case: Case) -> dict[str, date | None]:
    wanted: dict[str, date | None] = {}
    if case.status == CaseStatus.REGISTERED:  # a decided case keeps the date it was judged by
        wanted["accept_due"] = deadlines.accept_due(case.received)
    elif case.status == CaseStatus.REVIEWING and case.review_requested:
        wanted["due"] = deadlines.review_due(case.review_requested)
    elif case.status == CaseStatus.REREVIEWING and case.rereview_requested:
        wanted["due"] = deadlines.review_due(case.rereview_requested)
    elif case.accepted:
        due = deadlines.handling_due(case.accepted, case.superior_due)
        if case.extended_days:
            due = deadlines.extended_due(due, case.extended_days)
        wanted["due"] = due
    return {f: v for f, v in wanted.items() if getattr(case, f) != v}


# --- helpers ----------------------------------------------------------------------------


def state_of(case: Case) -> CaseState:
    return CaseState(status=CaseStatus(case.status), reviewed=case.review_requested is not None,
                     rereviewed=case.rereview_requested is not None,
                     extended=case.extended_days > 0)


def _for(op: Op, ref: str, action: Action, on: date, field: str,
         status_change: bool = True) -> Case:
    """Load the case and check the action and its date before anything is written."""
    case = get_case(op.session, ref, lock=True)
    lifecycle.check(state_of(case), action, case.id)
    _event_day(on, case.received, op, field)
    if status_change and on < case.status_on:
        raise InvalidDate("err.before_last_change", field=field, value=on,
                          last=case.status_on)
    return case


def _event_day(on: date, received: date, op: Op, field: str) -> None:
    """An event date may not lie after today, nor before the case's receipt."""
    _not_after_today(op, on, field)
    if on < received:
        raise InvalidDate("err.before_received", field=field, value=on, received=received)


def _not_after_today(op: Op, on: date, field: str) -> None:
    if on > op.today:
        raise InvalidDate("err.future_date", field=field, value=on, today=op.today)


def _within_request_period(op: Op, case: Case, requested: date) -> None:
    assert case.closed is not None
    until = op.deadlines.review_request_until(case.closed)
    if requested > until:
        raise LimitExceeded("err.review_late", case=case.id, value=requested,
                            replied=case.closed, until=until)


def _required(text: str | None, field: str) -> str:
    if not text or not text.strip():
        raise BadInput("err.empty", field=field)
    return text.strip()


def _change(op: Op, case: Case, action: Action, on: date, **fields: object) -> None:
    """A status change with its fields, recorded field by field."""
    new_status = lifecycle.target(action)
    assert new_status is not None
    _set(op, case, action, on, status=str(new_status), status_on=on, **fields)


def _set(op: Op, case: Case, action: str, on: date, **fields: object) -> None:
    changes = []
    for name, value in fields.items():
        old = getattr(case, name)
        if old != value:
            changes.append((name, old, value))
            setattr(case, name, value)
    _refresh_pending(case)
    record(op.session, case.id, on, op.by, str(action), [c for c in changes
                                                         if c[0] != "status_on"])


def _refresh_pending(case: Case) -> None:
    """The deadline that runs now: acceptance while registered, the handling or review due date
    while accepted or under (re-)review, none once the case has left the office's hands."""
    if case.status == CaseStatus.REGISTERED:
        case.pending_due = case.accept_due
    elif case.status in PENDING:
        case.pending_due = case.due
    else:
        case.pending_due = None


def _add_followup(op: Op, case: Case, kind: FollowupKind, on: date, note: str) -> FollowUp:
    followup = FollowUp(case_id=case.id, unit_id=case.unit_id, kind=str(kind), on=on,
                        note=note.strip(), by=op.by)
    op.session.add(followup)
    record(op.session, case.id, on, op.by, "follow", [("followup", None, kind)])
    op.session.flush()
    return followup
