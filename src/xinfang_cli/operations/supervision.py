"""`xf supervise add | end`: the office's measures on a unit, and the end of key management.
Each is one row of `supervision`; nothing is deleted."""

from datetime import date

from xinfang_cli.domain.enums import SupervisionKind
from xinfang_cli.domain.errors import BadInput
from xinfang_cli.domain.registration import fits, required
from xinfang_cli.operations.op import Op, check_active
from xinfang_cli.store.repository import find_unit
from xinfang_cli.store.supervision import Supervision


def add_measure(op: Op, unit_ref: str, kind: SupervisionKind, on: date,
                note: str) -> Supervision:
    """Record a measure on `on` (not after today). A unit already under key management is
    not put under it twice."""
    unit = check_active(find_unit(op.session, unit_ref))
    if on > op.today:
        raise BadInput("err.future_date", field="--on", value=on, today=op.today)
    note = required(note, "--note")
    fits(note, 2000, "--note")
    if kind is SupervisionKind.KEY_MANAGEMENT:
        from sqlalchemy import select

        running = op.session.scalar(select(Supervision.id).where(
            Supervision.unit_id == unit.id, Supervision.kind == str(kind),
            Supervision.ended_on.is_(None)))
        if running is not None:
            raise BadInput("err.supervise_running", unit=unit.code, number=running)
    measure = Supervision(unit_id=unit.id, kind=str(kind), on=on, note=note, by=op.by)
    op.session.add(measure)
    op.session.flush()
    return measure


def end_measure(op: Op, number: int, on: date) -> Supervision:
    """End key management on `on`: not before it began, not after today, not twice."""
    measure = op.session.get(Supervision, number, with_for_update=True)
    if measure is None:
        raise BadInput("err.supervise_unknown", number=number)
    if measure.kind != SupervisionKind.KEY_MANAGEMENT:
        raise BadInput("err.supervise_not_lasting", number=number,
                       kind=SupervisionKind(measure.kind))
    if measure.ended_on is not None:
        raise BadInput("err.supervise_ended", number=number, on=measure.ended_on)
    if on < measure.on or on > op.today:
        raise BadInput("err.supervise_end_day", value=on, start=measure.on, today=op.today)
    measure.ended_on, measure.ended_by = on, op.by
    op.session.add(measure)
    op.session.flush()
    return measure
