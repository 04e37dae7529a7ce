"""Units (责任单位): registering one, correcting it, retiring it (closed, or merged into
another that takes its pending cases). Every change is a row of the unit's history."""

import re
from datetime import date

from sqlalchemy import func, select

from xinfang_cli.domain.enums import UnitKind
from xinfang_cli.domain.errors import BadInput
from xinfang_cli.domain.registration import blank, fits, not_after_today
from xinfang_cli.operations.op import Op
from xinfang_cli.store.models import Case, Unit
from xinfang_cli.store.records import UnitHistory
from xinfang_cli.store.repository import find_unit, text_of

_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")


def add_unit(op: Op, code: str, name: str, kind: UnitKind, head: str | None = None,
             leader: str | None = None) -> Unit:
    """Register a responsible unit (责任单位); its code is ASCII, its name Chinese."""
    code, name = code.strip(), name.strip()
    if not _CODE.match(code):
        raise BadInput("err.unit_code", value=code)
    if not name:
        raise BadInput("err.empty", field="NAME")
    fits(code, 40, "CODE")
    fits(name, 200, "NAME")
    fits(head, 100, "--head")
    fits(leader, 100, "--leader")
    for value in (code, name):
        _unique(op, value)
    unit = Unit(code=code, name=name, kind=str(kind), head=blank(head), leader=blank(leader))
    op.session.add(unit)
    op.session.flush()
    record_unit(op, unit, op.today, "add", [(f, None, getattr(unit, f)) for f in (
        "code", "name", "kind", "head", "leader") if getattr(unit, f) is not None])
    return unit


def _unique(op: Op, value: str, but: Unit | None = None) -> None:
    """A code or name names one unit only, whichever way `--unit` is written."""
    clash = op.session.scalar(select(Unit).where(
        (func.lower(Unit.code) == value.lower()) | (Unit.name == value)))
    if clash is not None and clash is not but:
        raise BadInput("err.unit_exists", value=value)


def record_unit(op: Op, unit: Unit, on: date, action: str,
                changes: list[tuple[str, object, object]], reason: str | None = None) -> None:
    """One row of the unit's history per changed field, of this run's command."""
    for field, old, new in changes:
        op.session.add(UnitHistory(unit_id=unit.id, command_id=op.command_id(), on=on,
                                   by=op.by, action=action, field=field, old=text_of(old),
                                   new=text_of(new), reason=reason))


EDITABLE = ("name", "kind", "head", "leader", "email", "webhook")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def edit_unit(op: Op, ref: str, wanted: dict[str, str | None]
              ) -> tuple[Unit, list[tuple[str, object, object]]]:
    """Correct or update a unit (its name, kind, head, leader, contacts); recorded."""
    unit = find_unit(op.session, ref)
    values = {f: blank(v) for f, v in wanted.items()}
    if "name" in values:
        if not values["name"]:
            raise BadInput("err.empty", field="--name")
        _unique(op, str(values["name"]), but=unit)
    for field, limit in (("name", 200), ("head", 100), ("leader", 100), ("email", 200),
                         ("webhook", 500)):
        fits(values.get(field), limit, f"--{field}")
    email, hook = values.get("email"), values.get("webhook")
    if email and not _EMAIL.match(email):
        raise BadInput("err.unit_email", value=email)
    if hook and not hook.startswith(("https://", "http://")):
        raise BadInput("err.unit_webhook", value=hook)
    changes = [(f, getattr(unit, f), v) for f, v in values.items() if getattr(unit, f) != v]
    for field, _old, new in changes:
        setattr(unit, field, new)
    record_unit(op, unit, op.today, "edit", changes)
    return unit, changes


def retire_unit(op: Op, ref: str, on: date, into: str | None) -> tuple[Unit, list[str]]:
    """撤并: a unit closed or merged leaves boards and scorecards after `on`. Its pending
    cases must go somewhere: `into` takes them (each move an `xf assign` of its own)."""
    unit = find_unit(op.session, ref)
    if unit.retired_on is not None:
        raise BadInput("err.unit_retired", unit=unit.code, on=unit.retired_on)
    not_after_today(on, op.today, "--on")
    target = find_unit(op.session, into) if into else None
    if target is not None and (target.id == unit.id or target.retired_on is not None):
        raise BadInput("err.unit_into", unit=unit.code, into=target.code)
    pending = list(op.session.scalars(select(Case.id).where(
        Case.unit_id == unit.id, Case.pending_due.is_not(None)).order_by(Case.year, Case.seq)))
    if pending and target is None:
        raise BadInput("err.unit_pending", unit=unit.code, n=len(pending))
    for case_id in pending:
        from xinfang_cli.operations.cases import assign

        assign(op, case_id, target.code, on)  # type: ignore[union-attr]
    unit.retired_on, unit.merged_into = on, target.id if target else None
    record_unit(op, unit, on, "retire", [("retired_on", None, on)] + (
        [("merged_into", None, target.code)] if target else []))
    return unit, pending
