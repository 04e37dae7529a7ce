"""`xf undo`: take back one command as a whole, by new history rows (action `undo`) that
restore what it changed. Nothing is deleted: a follow-up it added is marked undone, an
incident it recorded voided, a case it registered voided (an import's cases all together,
in a few statements). An undo is a command too: undoing it redoes.

Refused where a later command changed the same case (it must be undone first), and where
the command was already taken back. The plan is read first (`plan`), shown, and applied
(`apply`) in one transaction that reads it again, so what is written is what was shown.
"""

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, insert, literal, select, update
from sqlmodel import Session

from xinfang_cli.domain.enums import CaseStatus
from xinfang_cli.domain.errors import BadInput
from xinfang_cli.operations.op import Op, check_active, refresh_pending
from xinfang_cli.store.models import (
    Case,
    FollowUp,
    History,
    Incident,
    Unit,
    utcnow,
)
from xinfang_cli.store.records import Command, UnitHistory
from xinfang_cli.store.repository import get_case

DATES = frozenset({"accept_due", "accepted", "due", "closed", "review_requested",
                   "rereview_requested", "received", "superior_due", "retired_on"})
NUMBERS = frozenset({"extended_days", "people"})
INFORMATION = frozenset({"reason", "personal_data", "followup", "kind"})
"""History fields that stand for no column: told, restored through their own rows."""


@dataclass
class Change:
    """One field of one case put back."""

    case: str
    field: str
    now: str | None  # as the history writes it
    back: str | None
    correction: bool = False  # it undoes a correction (`edit`): itself true of every day


@dataclass
class Plan:
    """What undoing `command` does."""

    command: Command
    changes: list[Change] = field(default_factory=list)
    registered: int = 0  # cases it registered: voided
    notes: list[FollowUp] = field(default_factory=list)  # its follow-ups: undone
    notes_back: list[FollowUp] = field(default_factory=list)  # follow-ups it undid: back
    incidents: list[Incident] = field(default_factory=list)  # its incidents: voided
    incidents_back: list[Incident] = field(default_factory=list)  # incidents it voided: back
    units: list[UnitHistory] = field(default_factory=list)  # its unit changes: put back
    codes: dict[int, str] = field(default_factory=dict)  # unit id → code, for the plan

    @property
    def empty(self) -> bool:
        return not (self.changes or self.registered or self.notes or self.notes_back
                    or self.incidents or self.incidents_back or self.units)


def target(session: Session, by: str, case_ref: str | None) -> Command:
    """The command to take back: the last one of this operator still in force (not an undo:
    run again, `xf undo` goes further back), or with a case id the last one that changed
    that case, an undo included (which then redoes)."""
    if case_ref is not None:
        case = get_case(session, case_ref)
        last = session.scalar(select(func.max(History.command_id))
                              .where(History.case_id == case.id))
        if last is None:
            raise BadInput("err.undo_nothing_case", case=case.id)
        command = session.get(Command, last)
    else:
        mine = session.scalars(select(Command).where(Command.by == by,
                                                     Command.undo_of.is_(None))
                               .order_by(Command.id.desc()))
        command = next((c for c in mine if _undone_by(session, c) is None), None)
        if command is None:
            raise BadInput("err.undo_nothing", by=by)
    assert command is not None
    return command


def plan(session: Session, command: Command) -> Plan:
    """What undoing `command` will do; BadInput where it may not be undone."""
    _not_undone(session, command)
    _nothing_later(session, command)
    done = Plan(command)
    done.registered = session.scalar(
        select(func.count()).select_from(_registered(command.id).subquery())) or 0
    # the cases it registered are voided whole: their rows and follow-ups stay as they are
    rows = session.execute(
        select(History.case_id, History.field, History.old, History.new, History.action)
        .where(History.command_id == command.id, History.case_id.is_not(None),
               History.case_id.not_in(_registered(command.id)),
               History.field.not_in(list(INFORMATION)))
        .order_by(History.id.desc())).all()
    done.changes = [Change(case, name, new, old, action == "edit")
                    for case, name, old, new, action in rows]
    done.notes = list(session.scalars(select(FollowUp).where(
        FollowUp.command_id == command.id, FollowUp.undone_on.is_(None),
        FollowUp.case_id.not_in(_registered(command.id)))))
    done.notes_back = list(session.scalars(select(FollowUp).where(
        FollowUp.undone_by == command.id)))
    done.incidents = list(session.scalars(select(Incident).where(
        Incident.command_id == command.id, Incident.voided_on.is_(None))))
    done.incidents_back = list(session.scalars(select(Incident).where(
        Incident.voided_by == command.id)))
    done.units = list(session.scalars(select(UnitHistory).where(
        UnitHistory.command_id == command.id).order_by(UnitHistory.id.desc())))
    done.codes = dict(session.execute(select(Unit.id, Unit.code).where(
        Unit.id.in_({row.unit_id for row in done.units}))).all())
    if done.empty:
        raise BadInput("err.undo_empty", command=command.id, name=command.name)
    return done


def _registered(command: int):  # type: ignore[no-untyped-def]
    """Ids of the cases `command` registered (add, import, the sample)."""
    return select(History.case_id).where(History.command_id == command,
                                         History.action == "add", History.field == "status")


def _not_undone(session: Session, command: Command) -> None:
    """Once taken back, a command is taken back again only by undoing the undo (a redo)."""
    undo = _undone_by(session, command)
    if undo is not None:
        raise BadInput("err.undo_already", command=command.id, name=command.name,
                       undo=undo.id, by=undo.by, on=undo.on)


def _undone_by(session: Session, command: Command) -> Command | None:
    """The undo of `command` in force, if any (an undo is in force unless itself undone)."""
    for undo in session.scalars(select(Command).where(Command.undo_of == command.id)
                                .order_by(Command.id.desc())):
        if _undone_by(session, undo) is None:
            return undo
    return None


def _nothing_later(session: Session, command: Command) -> None:
    """No later command that stands changed a case this one changed (a later command taken
    back since, and the undo that took it back, cancel out)."""
    mine = select(History.case_id).where(History.command_id == command.id,
                                         History.case_id.is_not(None))
    later = session.execute(
        select(History.command_id, func.min(History.case_id))
        .where(History.case_id.in_(mine), History.command_id > command.id)
        .group_by(History.command_id).order_by(History.command_id)).all()
    units = select(UnitHistory.unit_id).where(UnitHistory.command_id == command.id)
    later += session.execute(
        select(UnitHistory.command_id, func.min(Unit.code)).join(Unit)
        .where(UnitHistory.unit_id.in_(units), UnitHistory.command_id > command.id)
        .group_by(UnitHistory.command_id).order_by(UnitHistory.command_id)).all()
    for command_id, case in later:
        other = session.get(Command, command_id)
        assert other is not None
        cancelled = (other.undo_of is not None and other.undo_of > command.id) or (
            _undone_by(session, other) is not None)
        if not cancelled:
            raise BadInput("err.undo_later", case=case, command=command.id, name=command.name,
                           later=other.id, later_name=other.name, later_by=other.by,
                           later_on=other.on)


def apply(op: Op, done: Plan) -> None:
    """Write the undo: every change restored, with its history row (action `undo`)."""
    command = done.command
    op.name = "undo"
    undo = op.command_id()
    op.session.execute(update(Command).where(Command.id == undo).values(undo_of=command.id))
    reason = f"xf undo {command.id}: xf {command.name}, {command.on} ({command.by})"
    for row in done.units:  # first: a retired unit back in service takes its cases back
        _restore_unit(op, row, reason)
    if done.registered:
        _void_registered(op, command.id, reason)
    by_case: dict[str, list[Change]] = {}
    for change in done.changes:
        by_case.setdefault(change.case, []).append(change)
    for case_id, changes in by_case.items():
        _restore(op, case_id, changes, command.id, reason)
    for note in done.notes:
        note.undone_on, note.undone_by = op.today, undo
        op.record(note.case_id, op.today, "undo", [("followup", note.kind, None)], reason)
    for note in done.notes_back:
        op.record(note.case_id, op.today, "undo", [("followup", None, note.kind)], reason)
        note.undone_on = note.undone_by = None
    for incident in done.incidents:
        incident.voided_on, incident.voided_by, incident.void_reason = op.today, undo, reason
        if incident.case_id:
            op.record(incident.case_id, op.today, "undo", [("kind", incident.kind, None)], reason)
    for incident in done.incidents_back:
        incident.voided_on = incident.voided_by = incident.void_reason = None
        if incident.case_id:
            op.record(incident.case_id, op.today, "undo", [("kind", None, incident.kind)], reason)
    op.session.flush()


def _restore_unit(op: Op, row: UnitHistory, reason: str) -> None:
    """A unit's field put back; a unit added is retired (a unit is never deleted)."""
    from xinfang_cli.operations.units import _unique, record_unit

    unit = op.session.get(Unit, row.unit_id)
    assert unit is not None
    if row.action == "add":
        pending = op.session.scalar(select(func.count()).where(
            Case.unit_id == unit.id, Case.pending_due.is_not(None)))
        if pending:
            raise BadInput("err.undo_unit_cases", unit=unit.code, n=pending)
        if row.field == "code" and unit.retired_on is None:
            unit.retired_on = op.today
            record_unit(op, unit, op.today, "undo", [("retired_on", None, op.today)], reason)
        return
    if row.field in ("code", "name") and row.old:
        _unique(op, row.old, but=unit)
    if row.field == "merged_into":
        into = op.session.scalar(select(Unit).where(Unit.code == row.old)) if row.old else None
        unit.merged_into = into.id if into else None
    else:
        setattr(unit, row.field or "", _typed(row.field or "", row.old))
    record_unit(op, unit, op.today, "undo", [(row.field, row.new, row.old)], reason)


def _void_registered(op: Op, command: int, reason: str) -> None:
    """The cases `command` registered are voided together: one INSERT … SELECT of their
    history rows and one UPDATE, however many an import brought."""
    mine = Case.id.in_(_registered(command))
    rows = select(Case.id, literal(utcnow()), literal(op.today), literal(op.by),
                  literal("undo"), literal("status"), Case.status,
                  literal(str(CaseStatus.VOIDED)), literal(op.command_id()), literal(reason)
                  ).where(mine)
    op.session.execute(insert(History).from_select(
        ["case_id", "at", "on", "by", "action", "field", "old", "new", "command_id", "reason"],
        rows))
    op.session.execute(update(Case).where(mine).values(
        status=str(CaseStatus.VOIDED), status_on=op.today, pending_due=None))


def _restore(op: Op, case_id: str, changes: list[Change], command: int, reason: str) -> None:
    """One case's fields put back, newest change first, each recorded."""
    case = get_case(op.session, case_id, lock=True)
    written: dict[bool, list[tuple[str, object, object]]] = {False: [], True: []}
    for change in changes:
        if change.field == "unit":
            _move(op, case, change.back)
        else:
            setattr(case, change.field, _typed(change.field, change.back))
        written[change.correction].append((change.field, change.now, change.back))
    if any(c.field == "status" for c in changes) or case.status == CaseStatus.REGISTERED:
        case.status_on = _status_day(op.session, case, command)  # a receipt put back too
    refresh_pending(case)
    op.record(case.id, op.today, "undo", written[False], reason)
    # a correction taken back is a correction too: true of every day, as the edit was
    op.record(case.id, op.today, "edit", written[True], reason)


def _move(op: Op, case: Case, code: str | None) -> None:
    """Back to the unit it was with, its follow-ups along (as `xf assign` moved them)."""
    unit = op.session.scalar(select(Unit).where(Unit.code == code))
    assert unit is not None  # a unit is never deleted
    check_active(unit)  # its cases went to its successor: this one would vanish with it
    case.unit_id = unit.id  # type: ignore[assignment]
    op.session.execute(update(FollowUp).where(FollowUp.case_id == case.id)  # type: ignore[arg-type]
                       .values(unit_id=unit.id))


def _typed(name: str, text: str | None) -> object:
    if text is None:
        return None
    if name in DATES:
        return date.fromisoformat(text)
    return int(text) if name in NUMBERS else text


def _status_day(session: Session, case: Case, command: int) -> date:
    """The day of the status change the case is back to: its receipt while registered,
    else the day of the last command (not an undo) before the one undone that brought it
    into that status."""
    if case.status == CaseStatus.REGISTERED:
        return case.received
    first = select(func.min(History.id)).where(History.case_id == case.id,
                                               History.command_id == command)
    # an undo's row is dated the day of the undo: the day the status was entered is that of
    # the command that first brought the case into it
    day = session.scalar(select(History.on).where(
        History.case_id == case.id, History.field == "status", History.action != "undo",
        History.new == case.status, History.id < first.scalar_subquery())
        .order_by(History.id.desc()).limit(1))
    return day or case.status_on

