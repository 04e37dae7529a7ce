"""The assessment's figures of a unit (考核指标): rates from its cases as they stood on a day.

Counted here in Python over snapshots (`domain.timeline`) for the few cases rebuilt from
their history; `views.asof.scorecard_counts` counts the same in SQL for all the others,
and the two must agree.
"""

from datetime import date

from xinfang_cli.domain.enums import CaseStatus
from xinfang_cli.domain.timeline import Snapshot

RESOLVED = frozenset({CaseStatus.CLOSED, CaseStatus.TERMINATED})  # 化解: closed or terminated
SATISFIED = frozenset({"satisfied", "basic"})  # 满意 + 基本满意


def rate(part: int, whole: int) -> float | None:
    """part / whole, rounded to 4 places; None when there is nothing to measure."""
    return round(part / whole, 4) if whole else None


def accept_figures(snaps: list[Snapshot], day: date) -> tuple[int, int]:
    """及时受理: (decided within the limit, measured). A case still registered past its
    acceptance due date is measured as late; one still within it is not yet measured."""
    measured = [s for s in snaps if s.decided or (s.status == CaseStatus.REGISTERED
                                                  and s.accept_due < day)]
    return sum(1 for s in measured if s.decided and s.decided <= s.accept_due), len(measured)


def close_figures(snaps: list[Snapshot], day: date) -> tuple[int, int]:
    """按期办结: (closed by the due date running then, measured). An accepted case past its
    handling due date and not closed is measured as late."""
    measured = [s for s in snaps if s.closed or (s.status == CaseStatus.ACCEPTED
                                                 and s.due is not None and s.due < day)]
    on_time = sum(1 for s in measured
                  if s.closed and s.close_due is not None and s.closed <= s.close_due)
    return on_time, len(measured)


def satisfaction_figures(snaps: list[Snapshot]) -> tuple[int, int, int, int]:
    """(closed, rated, satisfied or basically satisfied, unsatisfied): 参评率 and 满意率."""
    closed = [s for s in snaps if s.closed]
    rated = [s for s in closed if s.satisfaction]
    good = sum(1 for s in rated if s.satisfaction in SATISFIED)
    return len(closed), len(rated), good, len(rated) - good


def score_counts(snaps: list[Snapshot], day: date) -> dict[str, int]:
    """The counts behind one unit's figures at the end of `day` (in SQL:
    `views.asof.scorecard_counts`)."""
    backlog = [s for s in snaps if s.backlog]
    led = [s for s in snaps if s.leader]
    acc_ok, acc_n = accept_figures(snaps, day)
    close_ok, close_n = close_figures(snaps, day)
    closed_n, rated_n, good_n, _bad_n = satisfaction_figures(snaps)
    return {
        "cases": len(snaps), "new": sum(1 for s in snaps if not s.backlog),
        "backlog": len(backlog), "backlog_resolved": sum(1 for s in backlog
                                                         if s.status in RESOLVED),
        "accepted_on_time": acc_ok, "accept_measured": acc_n,
        "closed_on_time": close_ok, "close_measured": close_n,
        "closed": closed_n, "rated": rated_n, "satisfied": good_n,
        "overdue": sum(1 for s in snaps if s.pending_due is not None and s.pending_due < day),
        "repeats": sum(1 for s in snaps if s.repeat_of),
        "leader_cases": len(led), "leader_resolved": sum(1 for s in led if s.status in RESOLVED),
    }


def figures(c: dict[str, int]) -> dict[str, object]:
    """One unit's figures from its counts."""
    return {
        "cases": c["cases"], "new": c["new"], "backlog": c["backlog"],
        "backlog_resolved": c["backlog_resolved"],
        "backlog_rate": rate(c["backlog_resolved"], c["backlog"]),
        "accepted_on_time": c["accepted_on_time"], "accept_measured": c["accept_measured"],
        "accepted_on_time_rate": rate(c["accepted_on_time"], c["accept_measured"]),
        "closed_on_time": c["closed_on_time"], "close_measured": c["close_measured"],
        "closed_on_time_rate": rate(c["closed_on_time"], c["close_measured"]),
        "participation_rate": rate(c["rated"], c["closed"]),
        "satisfaction_rate": rate(c["satisfied"], c["rated"]),
        "unsatisfied": c["rated"] - c["satisfied"], "overdue": c["overdue"],
        "repeats": c["repeats"], "leader_cases": c["leader_cases"],
        "leader_rate": rate(c["leader_resolved"], c["leader_cases"]),
    }
