"""The case operations: registering a petition, every status change of the lifecycle and
the changes that keep the status, each checked first, then written with its history.

Each function takes an `Op` (`operations.op`); what may follow what is
`domain.lifecycle`, when a case is due `domain.deadlines`, what a registration must hold
`domain.registration`.
"""

from datetime import date

from sqlalchemy import select, update

from xinfang_cli.domain.enums import (
    CaseStatus,
    Escalation,
    FollowupKind,
    NoticeKind,
    Outcome,
    Satisfaction,
)
from xinfang_cli.domain.errors import BadInput, LimitExceeded
from xinfang_cli.domain.lifecycle import Action
from xinfang_cli.domain.registration import NewCase, blank, check_case_fields, fits, required
from xinfang_cli.operations.op import (
    Op,
    add_followup,
    change,
    check_active,
    for_action,
    refresh_pending,
    set_fields,
)
from xinfang_cli.store.models import Case, FollowUp, Unit
from xinfang_cli.store.repository import allocate_case_numbers, case_id, find_unit, get_case
from xinfang_cli.store.search_index import reindex


def check_new_case(op: Op, new: NewCase) -> Unit:
    """Every check of `xf add`, without writing; returns the unit."""
    unit = check_active(find_unit(op.session, new.unit))
    check_case_fields(new, op.today)
    if new.repeat_of:
        get_case(op.session, new.repeat_of)
    return unit


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
        petitioner=new.petitioner.strip(), phone=blank(new.phone),
        id_number=blank(new.id_number.upper() if new.id_number else None), people=new.people,
        summary=new.summary.strip(), topic=blank(new.topic), leader=blank(new.leader),
        repeat_of=new.repeat_of.strip().upper() if new.repeat_of else None)
    refresh_pending(case)
    op.session.add(case)
    op.session.flush()
    op.record(case.id, new.received, "add",
              [("status", None, case.status), ("unit", None, unit.code),
               ("accept_due", None, case.accept_due)])
    reindex(op.session, case.id)
    if new.accepted:
        accept(op, case.id, new.accepted)
    return case


# --- status changes -----------------------------------------------------------------------


def accept(op: Op, ref: str, on: date) -> Case:
    """受理: accepted; the 60-day handling period starts (art. 34)."""
    case = for_action(op, ref, Action.ACCEPT, on, "--on")
    due = op.deadlines.handling_due(on, case.superior_due)
    change(op, case, Action.ACCEPT, on, accepted=on, due=due)
    return case


def reject(op: Op, ref: str, reason: str, on: date) -> Case:
    """不予受理: not accepted, with the reason told to the petitioner."""
    case = for_action(op, ref, Action.REJECT, on, "--on")
    change(op, case, Action.REJECT, on, end_reason=required(reason, "--reason"))
    return case


def close(op: Op, ref: str, outcome: Outcome, on: date, note: str | None = None,
          satisfaction: Satisfaction | None = None) -> Case:
    """办结: closed with one of the four outcomes; the note is kept as the written reply."""
    case = for_action(op, ref, Action.CLOSE, on, "--on")
    change(op, case, Action.CLOSE, on, closed=on, outcome=str(outcome),
           satisfaction=str(satisfaction) if satisfaction else case.satisfaction)
    if note and note.strip():
        add_followup(op, case, FollowupKind.REPLY, on, note)
    return case


def review(op: Op, ref: str, requested: date, late_reason: str | None = None) -> Case:
    """复查: the petitioner asked the body above to review the reply (art. 35)."""
    case = for_action(op, ref, Action.REVIEW, requested, "--requested")
    late = _within_request_period(op, case, requested, NoticeKind.REPLY, late_reason)
    due = op.deadlines.review_due(requested)
    change(op, case, Action.REVIEW, requested, reason=late, review_requested=requested, due=due)
    return case


def rereview(op: Op, ref: str, requested: date, late_reason: str | None = None) -> Case:
    """复核: asked after the review's answer; after it, the matter is not accepted again."""
    case = for_action(op, ref, Action.REREVIEW, requested, "--requested")
    late = _within_request_period(op, case, requested, NoticeKind.REVIEW, late_reason)
    due = op.deadlines.review_due(requested)
    change(op, case, Action.REREVIEW, requested, reason=late, rereview_requested=requested,
           due=due)
    return case


def terminate(op: Op, ref: str, reason: str, on: date) -> Case:
    """终结认定: the demand was met or found unfounded on review, yet the petitioner goes on."""
    case = for_action(op, ref, Action.TERMINATE, on, "--on")
    change(op, case, Action.TERMINATE, on, end_reason=required(reason, "--reason"))
    return case


# --- changes that keep the status -------------------------------------------------------


def extend(op: Op, ref: str, days: int, reason: str, on: date | None = None) -> Case:
    """延期: once, approved by the head, at most 30 days past the due date (art. 34)."""
    on = on or op.today
    case = for_action(op, ref, Action.EXTEND, on, "--on", status_change=False)
    reason = required(reason, "--reason")
    assert case.due is not None
    if days < 1 or days > op.deadlines.rules.extension_max_days:
        raise LimitExceeded("err.extension_days", days=days,
                            max=op.deadlines.rules.extension_max_days)
    due = op.deadlines.extended_due(case.due, days)
    set_fields(op, case, Action.EXTEND, on, extended_days=days, extension_reason=reason, due=due)
    return case


def assign(op: Op, ref: str, unit_ref: str, on: date | None = None) -> Case:
    """Move the case to another responsible unit."""
    on = on or op.today
    case = for_action(op, ref, Action.ASSIGN, on, "--on", status_change=False)
    unit = check_active(find_unit(op.session, unit_ref))
    if unit.id == case.unit_id:
        raise BadInput("err.same_unit", case=case.id, unit=unit.code)
    old = op.session.get(Unit, case.unit_id)
    case.unit_id = unit.id  # type: ignore[assignment]
    op.session.execute(update(FollowUp).where(FollowUp.case_id == case.id)  # type: ignore[arg-type]
                       .values(unit_id=unit.id))
    op.record(case.id, on, "assign", [("unit", old.code if old else None, unit.code)])
    return case


def set_leader(op: Op, ref: str, name: str, on: date | None = None) -> Case:
    """包案领导: the leader who takes the case."""
    on = on or op.today
    fits(name, 100, "NAME")
    case = for_action(op, ref, Action.LEADER, on, "--on", status_change=False)
    set_fields(op, case, Action.LEADER, on, leader=required(name, "NAME"))
    return case


def escalate(op: Op, ref: str, to: Escalation, reason: str, on: date | None = None) -> Case:
    """提级会办: taken up at district or city level; the case stays open."""
    on = on or op.today
    case = for_action(op, ref, Action.ESCALATE, on, "--on", status_change=False)
    reason = required(reason, "--reason")
    if case.escalation == str(to):
        raise BadInput("err.already_escalated", case=case.id, to=str(to))
    set_fields(op, case, Action.ESCALATE, on, escalation=str(to))
    op.record(case.id, on, "escalate", [("reason", None, reason)])
    op.session.flush()
    reindex(op.session, case.id)  # the reason is in the history: searched with the case
    return case


def follow(op: Op, ref: str, note: str, kind: FollowupKind = FollowupKind.NOTE,
           on: date | None = None) -> FollowUp:
    """Append a follow-up; allowed on every case, a terminated one too."""
    on = on or op.today
    case = for_action(op, ref, Action.FOLLOW, on, "--on", status_change=False)
    return add_followup(op, case, kind, on, required(note, "--note"))


def _within_request_period(op: Op, case: Case, requested: date, answer: NoticeKind,
                           late_reason: str | None) -> str | None:
    """A review is asked within 30 days of receiving the reply (a re-review, of the review's
    answer): counted from the answer's delivery where `xf deliver` recorded it, else from the
    day it was issued (the petitioner cannot have had it before), else from the day the
    case was closed. Later only with the reason the law allows for (`--late-reason`), which
    is returned for the history."""
    from xinfang_cli.store.notices import Notice

    assert case.closed is not None
    paper = op.session.execute(select(Notice.delivered_on, Notice.issued).where(
        Notice.case_id == case.id, Notice.kind == str(answer))).first()
    delivered = paper.delivered_on if paper else None
    start = delivered or max(case.closed, paper.issued if paper else case.closed)
    until = op.deadlines.review_request_until(start)
    late_reason = (late_reason or "").strip() or None
    if requested > until and late_reason is None:
        if delivered is not None:
            raise LimitExceeded("err.review_late_delivered", case=case.id, value=requested,
                                delivered=delivered, until=until)
        raise LimitExceeded("err.review_late", case=case.id, value=requested,
                            replied=start, until=until)
    return late_reason if requested > until else None
