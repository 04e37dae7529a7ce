"""A case's history replayed: the value of each tracked field at the end of any day.

History holds one row per changed field (`History.on`, the day a change took effect);
a field's value at the end of a day is the `new` of its last row on or before that day,
else the `old` of its first later row, else (never changed) the current column. A case
closed after the day was still pending on it. Pure Python: the rows are read by
`views.asof`, which decides which cases need replaying at all.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from xinfang_cli.domain.enums import PENDING, CaseStatus

TRACKED = ("status", "unit", "accept_due", "accepted", "due", "closed", "outcome",
           "satisfaction", "leader")
DATE_FIELDS = frozenset({"accept_due", "accepted", "due", "closed"})


def _value(field_name: str, text: str | None) -> object:
    if text is None:
        return None
    return date.fromisoformat(text) if field_name in DATE_FIELDS else text


@dataclass
class Timeline:
    """One case (a row of `views.asof.CASE_COLUMNS`) with its tracked history rows, in the
    order they were written."""

    case: Any
    unit: str  # today's unit code
    rows: dict[str, list[tuple[date, str | None, str | None]]] = field(
        default_factory=lambda: defaultdict(list))
    # corrections (`xf edit`): (old, new) in the order written, true of every day
    edits: dict[str, list[tuple[str | None, str | None]]] = field(
        default_factory=lambda: defaultdict(list))

    def add(self, on: date, action: str, name: str, old: str | None, new: str | None) -> None:
        """One history row, in the order written. A registration's rows count from the
        receipt (corrected or not); a correction is no event of a day but true of them all."""
        if action == "edit":
            self.edits[name].append((old, new))
        else:
            self.rows[name].append((self.case.received if action == "add" else on, old, new))

    def value(self, name: str, day: date) -> object:
        """The field's value at the end of `day` (the column's, where no row tells)."""
        rows = self.rows.get(name)
        if not rows:
            return self.unit if name == "unit" else getattr(self.case, name)
        before = [new for on, _old, new in rows if on <= day]
        text = before[-1] if before else next(old for on, old, _new in rows if on > day)
        for old, new in self.edits.get(name, ()):
            if text == old:
                text = new
        return _value(name, text)

    def decided(self, day: date) -> date | None:
        """The day the case left `registered` (accepted or not accepted), if by `day` and not
        taken back by then (an undo puts a case back to `registered`)."""
        rows = self.rows.get("status")
        if not rows:  # no history: fall back on the columns
            if self.case.accepted:
                return self.case.accepted
            return self.case.status_on if self.case.status != CaseStatus.REGISTERED else None
        decided = None
        for on, old, new in rows:
            if on > day:
                continue
            if old == CaseStatus.REGISTERED and new != CaseStatus.REGISTERED:
                decided = decided or on
            elif new == CaseStatus.REGISTERED:
                decided = None
        return decided

    def closures(self, start: date, end: date, day: date) -> list[date]:
        """Days in [start, end] on which the case was closed (办结), while it stood closed
        (or later reviewed) at the end of `day`: a closure taken back by then is none."""
        if self.value("closed", day) is None:
            return []
        return [on for on, _old, new in self.rows.get("closed", []) if start <= on <= end and new]


@dataclass(frozen=True)
class Snapshot:
    """A case as it stood at the end of one day."""

    id: str
    unit: str
    source: str
    backlog: str | None
    received: date
    status: str
    accept_due: date
    accepted: date | None
    decided: date | None
    due: date | None
    close_due: date | None  # the due date that ran when it was last closed
    closed: date | None
    outcome: str | None
    satisfaction: str | None
    leader: str | None
    repeat_of: str | None
    summary: str
    petitioner: str

    @property
    def pending_due(self) -> date | None:
        """The deadline running: acceptance while registered, handling or review after."""
        if self.status == CaseStatus.REGISTERED:
            return self.accept_due
        return self.due if self.status in PENDING else None


def snapshot(tl: Timeline, day: date) -> Snapshot | None:
    """The case at the end of `day`; None if it was not yet received, or voided by then."""
    if tl.case.received > day:
        return None
    v = {name: tl.value(name, day) for name in TRACKED}
    if v["status"] is None or v["status"] == CaseStatus.VOIDED:  # not yet, or voided by then
        return None
    closed = v["closed"]
    return Snapshot(
        id=tl.case.id, unit=str(v["unit"]), source=tl.case.source, backlog=tl.case.backlog,
        received=tl.case.received, status=str(v["status"]), accept_due=v["accept_due"],  # type: ignore[arg-type]
        accepted=v["accepted"], decided=tl.decided(day), due=v["due"],  # type: ignore[arg-type]
        close_due=tl.value("due", closed) if closed else None,  # type: ignore[arg-type]
        closed=closed, outcome=v["outcome"], satisfaction=v["satisfaction"],  # type: ignore[arg-type]
        leader=v["leader"], repeat_of=tl.case.repeat_of, summary=tl.case.summary,
        petitioner=tl.case.petitioner)  # type: ignore[arg-type]


def snapshots(timelines: Iterable[Timeline], day: date) -> list[Snapshot]:
    return [s for s in (snapshot(tl, day) for tl in timelines) if s is not None]
