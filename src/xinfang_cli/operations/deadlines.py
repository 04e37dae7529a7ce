"""`xf deadlines recompute`: the deadline rules now in force applied to every pending case."""

from datetime import date

from sqlalchemy import select

from xinfang_cli.domain.deadlines import Deadlines
from xinfang_cli.domain.enums import PENDING, CaseStatus
from xinfang_cli.operations.op import Op, set_fields
from xinfang_cli.store.models import Case


def recompute_deadlines(op: Op) -> list[tuple[str, str, date | None, date | None]]:
    """Apply the rules now in force to every pending case; each moved date goes to history."""
    moved = []
    query = select(Case).where(Case.status.in_([str(s) for s in PENDING])).order_by(Case.id)
    for case in op.session.scalars(query):
        changes = _recomputed(op.deadlines, case)
        if changes:
            moved += [(case.id, f, getattr(case, f), v) for f, v in changes.items()]
            set_fields(op, case, "rules", op.today, **changes)
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
