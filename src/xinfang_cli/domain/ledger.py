"""An office's ledger (台账) brought in: what its later columns say became of a case (closed
with an outcome, not accepted, terminated, how it was handled), and the lifecycle rules
those obey, as the commands would have obeyed them one by one.

The import writes the events with the days they happened, so that scorecards of past days
count the ledger's cases as they then stood.
"""

from dataclasses import dataclass
from datetime import date

from xinfang_cli.domain.enums import Outcome, Satisfaction
from xinfang_cli.domain.errors import BadInput, InvalidDate
from xinfang_cli.domain.registration import NewCase, event_day


@dataclass
class Later:
    """The ledger's later columns of one row."""

    closed: date | None = None
    outcome: Outcome | None = None
    satisfaction: Satisfaction | None = None
    rejected: date | None = None
    terminated: date | None = None
    reason: str | None = None
    note: str | None = None

    @property
    def last_day(self) -> date | None:
        """The day of the last event the columns tell."""
        days = [d for d in (self.closed, self.rejected, self.terminated) if d]
        return max(days) if days else None


def check_later(new: NewCase, later: Later, today: date) -> None:
    """The lifecycle's rules for the later columns: no closure without acceptance and an
    outcome, no rejection of an accepted case, no termination before acceptance, a reason
    for a rejection or a termination, every date in order and none after today. Each
    refusal names its column (`field`)."""
    for day, field in ((later.closed, "--closed"), (later.rejected, "--rejected"),
                       (later.terminated, "--terminated")):
        if day is not None:
            event_day(day, new.received, today, field)
    _closure(new, later)
    _rejection(new, later)
    _termination(new, later)
    if later.reason and not (later.rejected or later.terminated):
        raise BadInput("err.ledger_reason_alone", field="--reason")


def _closure(new: NewCase, later: Later) -> None:
    for value, field in ((later.outcome, "--outcome"), (later.satisfaction, "--satisfaction")):
        if value is not None and later.closed is None:
            raise BadInput("err.ledger_needs_closed", field=field)
    if later.closed is None:
        return
    if new.accepted is None:
        raise BadInput("err.ledger_closed_unaccepted", field="--closed")
    if later.closed < new.accepted:
        raise InvalidDate("err.ledger_before", field="--closed", value=later.closed,
                          what="accepted", day=new.accepted)
    if later.outcome is None:
        raise BadInput("err.ledger_needs_outcome", field="--outcome")


def _rejection(new: NewCase, later: Later) -> None:
    if later.rejected is None:
        return
    if new.accepted is not None or later.closed or later.terminated:
        raise BadInput("err.ledger_rejected_handled", field="--rejected")
    if not later.reason:
        raise BadInput("err.ledger_needs_reason", field="--reason")


def _termination(new: NewCase, later: Later) -> None:
    if later.terminated is None:
        return
    if new.accepted is None:
        raise BadInput("err.ledger_terminated_unaccepted", field="--terminated")
    after = later.closed or new.accepted
    if later.terminated < after:
        raise InvalidDate("err.ledger_before", field="--terminated", value=later.terminated,
                          what="closed" if later.closed else "accepted", day=after)
    if not later.reason:
        raise BadInput("err.ledger_needs_reason", field="--reason")
