"""Correcting the record (更正): voiding a case entered twice or by mistake, and editing the
fields of its registration. Nothing is erased: each correction is history rows of its
own (who, when, old, new, why).

A correction states what was true from the start: reports and scorecards of past days use
the corrected values (`domain.timeline` applies an edit to every day). A void counts from
its own day: the case leaves the counts of that day and every later one.
"""

from datetime import date

from sqlalchemy import select

from xinfang_cli.domain.enums import CaseStatus
from xinfang_cli.domain.errors import BadInput, InvalidDate, TransitionNotAllowed
from xinfang_cli.domain.lifecycle import check_void
from xinfang_cli.domain.registration import check_edit, normalised_edit, required
from xinfang_cli.operations.op import Op, set_fields, state_of
from xinfang_cli.store.models import Case, FollowUp, History, Incident
from xinfang_cli.store.repository import get_case


def void(op: Op, ref: str, reason: str) -> Case:
    """作废: the case keeps its number and its history and leaves every count from today."""
    case = get_case(op.session, ref, lock=True)
    check_void(state_of(case), case.id)
    set_fields(op, case, "void", op.today, reason=required(reason, "--reason"),
               status=str(CaseStatus.VOIDED), status_on=op.today)
    return case


def _check_repeat_of(op: Op, case: Case, earlier: str) -> None:
    """A repeat of a case on record, not of itself."""
    if get_case(op.session, earlier).id == case.id:
        raise BadInput("err.repeat_of_itself", id=case.id)


def edit(op: Op, ref: str, wanted: dict[str, object],
         reason: str | None = None) -> tuple[Case, list[tuple[str, object, object]]]:
    """更正: correct fields of the registration; each changed field is one history row
    (action `edit`, with the reason). A new date of receipt moves the acceptance due date
    (refused where a later event would then predate it); a superior's new deadline moves
    the handling due date of a case being handled. Returns the case and what changed
    (nothing, when every value is already so)."""
    case = get_case(op.session, ref, lock=True)
    if case.status == CaseStatus.VOIDED:
        raise TransitionNotAllowed("err.case_voided", case=case.id)
    values = normalised_edit(wanted)
    received = values.get("received", case.received)
    assert isinstance(received, date)
    check_edit(values, received, op.today)
    if values.get("repeat_of"):
        _check_repeat_of(op, case, str(values["repeat_of"]))
    changes = {f: v for f, v in values.items() if getattr(case, f) != v}
    if not changes:
        return case, []
    if "received" in changes:
        _still_first(op, case, received)
        changes["accept_due"] = op.deadlines.accept_due(received)
        if case.status == CaseStatus.REGISTERED:
            changes["status_on"] = received
    before = _handling_due(op, case) if "superior_due" in changes else None
    shown = [(f, getattr(case, f), v) for f, v in changes.items() if f != "status_on"]
    set_fields(op, case, "edit", op.today, reason=reason, **changes)
    if before is not None:
        shown += _moved_due(op, case, before, reason)
    return case, shown


def _handling_due(op: Op, case: Case) -> date | None:
    """The handling due date the case's superior deadline gives (before an extension)."""
    if case.accepted is None:
        return None
    return op.deadlines.handling_due(case.accepted, case.superior_due)


def _moved_due(op: Op, case: Case, before: date,
               reason: str | None) -> list[tuple[str, object, object]]:
    """A new superior deadline moves the running handling due date (a case under review
    runs on the review's). Both the due date before the extension and after it are
    recorded, so that every past day reads the corrected one."""
    after = _handling_due(op, case)
    if case.status != CaseStatus.ACCEPTED or after is None or after == before:
        return []
    moved = [("due", before, after)]
    if case.extended_days:
        moved.append(("due", case.due, op.deadlines.extended_due(after, case.extended_days)))
    set_fields(op, case, "edit", op.today, reason=reason, due=moved[-1][2])
    if case.extended_days:
        op.record(case.id, op.today, "edit", moved[:1], reason)
    return moved


def _still_first(op: Op, case: Case, received: date) -> None:
    """Nothing that happened to the case may then lie before its receipt."""
    events = [(on, what) for on, what in (
        (case.accepted, "accept"), (case.closed, "close"), (case.review_requested, "review"),
        (case.rereview_requested, "rereview")) if on is not None]
    # what was taken back since (an undone follow-up, a voided incident) happened to no one
    events += [(on, "follow") for on in op.session.scalars(
        select(FollowUp.on).where(FollowUp.case_id == case.id, FollowUp.undone_on.is_(None)))]
    events += [(on, "incident") for on in op.session.scalars(
        select(Incident.on).where(Incident.case_id == case.id, Incident.voided_on.is_(None)))]
    events += op.session.execute(select(History.on, History.action).where(
        History.case_id == case.id,
        History.action.not_in(["add", "edit", "reveal", "undo", "void", "rules"]))).all()
    if events:
        first, what = min(events)
        if first < received:
            raise InvalidDate("err.edit_after_event", value=received, event=f"xf {what}",
                              on=first)
