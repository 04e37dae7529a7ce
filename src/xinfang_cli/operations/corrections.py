"""Correcting the record (更正): voiding a case entered twice or by mistake, and editing the
fields of its registration. Nothing is erased: each correction is history rows of its
own (who, when, old, new, why).

A correction states what was true from the start: reports and scorecards of past days use
the corrected values (`domain.timeline` applies an edit to every day). A void counts from
its own day: the case leaves the counts of that day and every later one.
"""

from xinfang_cli.domain.enums import CaseStatus
from xinfang_cli.domain.lifecycle import check_void
from xinfang_cli.domain.registration import required
from xinfang_cli.operations.op import Op, set_fields, state_of
from xinfang_cli.store.models import Case
from xinfang_cli.store.repository import get_case


def void(op: Op, ref: str, reason: str) -> Case:
    """作废: the case keeps its number and its history and leaves every count from today."""
    case = get_case(op.session, ref, lock=True)
    check_void(state_of(case), case.id)
    set_fields(op, case, "void", op.today, reason=required(reason, "--reason"),
               status=str(CaseStatus.VOIDED), status_on=op.today)
    return case
