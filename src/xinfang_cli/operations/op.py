"""What every write operation shares: the `Op` it runs in (one transaction, who acts,
today, the deadline rules), loading a case for an action after checking the lifecycle,
and writing a change field by field into the case and its history.

The rules themselves are in `domain` (`lifecycle`, `deadlines`, `registration`); the
operations in the modules beside this one. Nothing here knows Typer or the terminal,
and nothing commits: the caller's unit of work does.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from xinfang_cli.domain import lifecycle
from xinfang_cli.domain.deadlines import Deadlines
from xinfang_cli.domain.enums import PENDING, CaseStatus, FollowupKind
from xinfang_cli.domain.errors import BadInput, InvalidDate
from xinfang_cli.domain.lifecycle import Action, CaseState
from xinfang_cli.domain.registration import event_day
from xinfang_cli.store.models import Case, FollowUp, Unit
from xinfang_cli.store.records import Command
from xinfang_cli.store.repository import get_case, record
from xinfang_cli.store.search_index import reindex


@dataclass
class Op:
    """What every operation needs: one transaction, the operator, today, the rules, and the
    name of the command that runs (its record: `command_id`)."""

    session: Session
    by: str
    today: date
    deadlines: Deadlines
    name: str = "xf"
    _command: int | None = field(default=None, repr=False)

    def command_id(self) -> int:
        """This run's row in `command`, written with its first change: everything the run
        writes carries it, so that `xf undo` takes it back as one."""
        if self._command is None:
            command = Command(name=self.name[:30], by=self.by, on=self.today)
            self.session.add(command)
            self.session.flush()
            assert command.id is not None
            self._command = command.id
        return self._command

    def record(self, case: str | None, on: date, action: str,
               changes: Iterable[tuple[str | None, object, object]],
               reason: str | None = None) -> None:
        """History rows of this run: one per changed field (none, and no command, if none)."""
        changes = list(changes)
        if changes:
            record(self.session, case, on, self.by, action, changes, self.command_id(), reason)


def check_active(unit: Unit) -> Unit:
    """A retired unit takes no new case (its successor does)."""
    if unit.retired_on is not None:
        raise BadInput("err.unit_retired_use", unit=unit.code, on=unit.retired_on)
    return unit


def state_of(case: Case) -> CaseState:
    return CaseState(status=CaseStatus(case.status), reviewed=case.review_requested is not None,
                     rereviewed=case.rereview_requested is not None,
                     extended=case.extended_days > 0)


def for_action(op: Op, ref: str, action: Action, on: date, field: str,
               status_change: bool = True) -> Case:
    """Load the case and check the action and its date before anything is written."""
    case = get_case(op.session, ref, lock=True)
    lifecycle.check(state_of(case), action, case.id)
    event_day(on, case.received, op.today, field)
    if status_change and on < case.status_on:
        raise InvalidDate("err.before_last_change", field=field, value=on,
                          last=case.status_on)
    return case


def change(op: Op, case: Case, action: Action, on: date, reason: str | None = None,
           **fields: object) -> None:
    """A status change with its fields, recorded field by field (with `reason`, why)."""
    new_status = lifecycle.target(action)
    assert new_status is not None
    set_fields(op, case, action, on, reason, status=str(new_status), status_on=on, **fields)


def set_fields(op: Op, case: Case, action: str, on: date, reason: str | None = None,
               **fields: object) -> None:
    """Set the fields that differ, and record each (`status_on` follows from the history)."""
    changes = []
    for name, value in fields.items():
        old = getattr(case, name)
        if old != value:
            changes.append((name, old, value))
            setattr(case, name, value)
    refresh_pending(case)
    op.record(case.id, on, str(action), [c for c in changes if c[0] != "status_on"], reason)


def refresh_pending(case: Case) -> None:
    """The deadline that runs now: acceptance while registered, the handling or review due date
    while accepted or under (re-)review, none once the case has left the office's hands."""
    if case.status == CaseStatus.REGISTERED:
        case.pending_due = case.accept_due
    elif case.status in PENDING:
        case.pending_due = case.due
    else:
        case.pending_due = None


def add_followup(op: Op, case: Case, kind: FollowupKind, on: date, note: str) -> FollowUp:
    followup = FollowUp(case_id=case.id, unit_id=case.unit_id, kind=str(kind), on=on,
                        note=note.strip(), by=op.by, command_id=op.command_id())
    op.session.add(followup)
    op.record(case.id, on, "follow", [("followup", None, kind)])
    op.session.flush()
    reindex(op.session, case.id)
    return followup
