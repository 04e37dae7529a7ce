"""`xf report`: the weekly report, what happened in a period and where things stood at its end.

Figures for a day are rebuilt from the case history where today's columns no longer tell
them (`asof`, `domain.timeline`): a case closed after the day was still pending on it.
Counts that do not depend on history (receipts by source, acceptances) run as SQL
aggregates.
"""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, func, select, union
from sqlmodel import Session

from xinfang_cli.domain.campaign import (
    Campaign,
    assessed_year,
    phase_on,
    phase_record,
    resolution_share,
)
from xinfang_cli.domain.enums import CaseStatus, FollowupKind
from xinfang_cli.domain.figures import RESOLVED, rate
from xinfang_cli.domain.scoring import Policy, pace
from xinfang_cli.domain.timeline import Snapshot, Timeline
from xinfang_cli.store.models import Case, FollowUp, Unit
from xinfang_cli.views import asof
from xinfang_cli.views.asof import CaseIds
from xinfang_cli.views.notices import paper_counts
from xinfang_cli.views.overdue import deadline_order, overdue_entries, overdue_rows
from xinfang_cli.views.supervision import measure_list, under_key_management
from xinfang_cli.views.units import incident_rows, standing

BACKLOG_KINDS = ("historical", "excessive", "unfounded")
# what a closure line shows (and whether the case was voided since): its timeline reads these
CLOSURE_FIELDS = ("closed", "outcome", "satisfaction", "unit", "status")


def report(session: Session, start: date, end: date, campaign: Campaign, policy: Policy,
           lang: str, office: str, today: date,
           papers_owed_from: date | None = None) -> dict[str, object]:
    """`xf report`: what happened from `start` to `end` (both included), and where things
    stood at the end of `end` (`as_of`; today, if the period has not ended yet: overdue
    cases are facts, never a forecast); the backlog is the assessment year's (`year`), as
    on the scorecard. Papers are owed for cases received from
    `papers_owed_from` on (`[notices] owed_from`)."""
    day = min(end, today)
    units = session.scalars(select(Unit).order_by(Unit.code)).all()
    names = {u.code: u.name for u in units}
    rebuilt, snaps = asof.rebuilt_on(session, day)
    year = asof.assessment_year(session, date(assessed_year(campaign, day), 1, 1),
                                backlog_only=True)
    counts = _report_counts(session, units, snaps, rebuilt, (start, end, day), year)
    closed = closed_cases(session, start, end, day)
    late = _overdue(session, snaps, names, day, rebuilt)
    share = resolution_share(campaign, day)
    total = summed(counts.values())
    return {
        "office": office, "period": {"from": start, "to": end}, "as_of": day,
        "year": {"from": year.start, "to": day},
        "phase": phase_record(phase_on(campaign, end), lang),
        "campaign": campaign.label(lang), "resolution_share": round(share, 4),
        "received": {"total": total.get("received", 0),
                     "by_source": received_by_source(session, start, end, day),
                     "by_unit": {code: c["received"] for code, c in sorted(counts.items())
                                 if c.get("received")}},
        "accepted": {"total": total.get("accepted", 0),
                     "on_time": total.get("accepted", 0) - total.get("accepted_late", 0),
                     "late": total.get("accepted_late", 0)},
        "rejected": {"total": total.get("rejected", 0)},
        "closed": {"total": len(closed), "by_outcome": count_by(closed, "outcome"),
                   "cases": closed},
        "overdue": late,
        "backlog": _backlog(total),
        "followups": followup_list(session, start, end, day, {s.id: s.unit for s in snaps},
                                   names),
        "incidents": incident_rows(session, start, end),
        "notices": paper_counts(session, start, end, day, papers_owed_from),
        "supervision": measure_list(session, since=start, until=end),
        "units": _report_units(standing(session, day), counts, (closed, late), share,
                               policy, under_key_management(session, day)),
    }


def received_by_source(session: Session, start: date, end: date, day: date) -> dict[str, int]:
    """Receipts in the period by source (来源), in SQL (less the cases voided by `day`)."""
    rows = session.execute(select(Case.source, func.count())
                           .where(Case.received.between(start, end), asof.counted(day))
                           .group_by(Case.source))
    return {str(source): int(n) for source, n in rows}  # noqa: C416


def count_by(items: Iterable[dict[str, object]], key: str) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for item in items:
        counts[str(item[key])] += 1
    return dict(counts)


def closures(timelines: list[Timeline], start: date, end: date, day: date,
             unit_of: dict[str, str]) -> list[dict[str, object]]:
    """Cases closed in the period (counted once), with the outcome of their last closure in it."""
    out = []
    for tl in timelines:
        days = tl.closures(start, end, day)
        if days:
            last = days[-1]
            out.append({"id": tl.case.id, "unit": unit_of.get(tl.case.id, tl.unit), "on": last,
                        "outcome": tl.value("outcome", last),
                        "satisfaction": tl.value("satisfaction", last)})
    return out


def report_unit_counts(snaps: list[Snapshot], start: date, end: date) -> dict[str, int]:
    """One unit's counts for the weekly report (`report_counts` in SQL)."""
    counts = {
        "received": sum(1 for s in snaps if start <= s.received <= end),
        "accepted": sum(1 for s in snaps if s.accepted and start <= s.accepted <= end),
        "accepted_late": sum(1 for s in snaps if s.accepted and start <= s.accepted <= end
                             and s.accepted > s.accept_due),
        "rejected": sum(1 for s in snaps if s.status == CaseStatus.REJECTED and s.decided
                        and start <= s.decided <= end),
    }
    return counts


def report_counts(start: date, end: date) -> dict[str, ColumnElement[Any]]:
    """The weekly report's per-unit counts of the period's events in SQL (`report_unit_counts`
    in Python). Each is true of a case received in the period or with a status change since
    its first day (`events_in`)."""
    counts = {
        "received": asof.count_if(Case.received.between(start, end)),
        "accepted": asof.count_if(Case.accepted.between(start, end)),
        # past the 15-day limit (the report's "accepted late"): from the same scan
        "accepted_late": asof.count_if(Case.accepted.between(start, end),
                                       Case.accepted > Case.accept_due),
        "rejected": asof.count_if(Case.status == str(CaseStatus.REJECTED),
                                  asof.decided().between(start, end)),
    }
    return counts


EVENTS_FEW = 5000  # up to this many cases, a period's events are looked up, not scanned for


def events_in(session: Session, start: date, end: date) -> ColumnElement[bool] | None:
    """The cases a period's events (`report_counts`) can be on, where they are few: those
    received in it, and those whose status changed on or after its first day (an
    acceptance or a rejection is a status change, and `operations.op` dates none before the
    last, so `status_on` is never before `accepted`), found by id through the indexes on
    `received` and `status_on` (revision 0010). The district's week: 873 cases changed,
    its counts in 0.007 s against 0.035 s for a scan of all 100,000. None where more than
    `EVENTS_FEW` changed since (a long period, a year's summary): a scan is cheaper then."""
    changed = session.scalar(select(func.count()).where(Case.status_on >= start)) or 0
    if changed > EVENTS_FEW:
        return None
    return Case.id.in_(union(select(Case.id).where(Case.received.between(start, end)),
                             select(Case.id).where(Case.status_on >= start)))


def backlog_unit_counts(snaps: list[Snapshot]) -> dict[str, int]:
    """One unit's backlog cases by kind, and of them resolved (asof.backlog_counts in SQL)."""
    counts = {}
    for kind in BACKLOG_KINDS:
        mine = [s for s in snaps if s.backlog == kind]
        counts[f"backlog_{kind}"] = len(mine)
        counts[f"resolved_{kind}"] = sum(1 for s in mine if s.status in RESOLVED)
    return counts


def _report_counts(session: Session, units: list[Unit], snaps: list[Snapshot],
                   rebuilt: CaseIds, days: tuple[date, date, date],
                   year: asof.Year) -> dict[str, dict[str, int]]:
    """Per unit code: SQL for the cases whose columns tell their state, timelines for the
    rest. The period's flow counts every case; the backlog, the assessment year's (as the
    scorecard does)."""
    start, end, day = days
    code = {u.id: u.code for u in units}
    counts: dict[str, dict[str, int]] = {u.code: {} for u in units}
    # the flow: the cases of the period's events, looked up where they are few; the backlog:
    # the year's backlog cases alone, from their partial index (the district's week: 0.04 s
    # for one scan of every case for both, 0.007 s and 0.002 s so)
    for unit_id, sums in asof.unit_sums(session, day, rebuilt, report_counts(start, end),
                                        within=events_in(session, start, end)).items():
        asof.add_counts(counts, code[unit_id], sums)
    for unit_id, sums in asof.unit_sums(session, day, rebuilt, asof.backlog_counts(),
                                        year).items():
        asof.add_counts(counts, code[unit_id], sums)
    for unit_code in {s.unit for s in snaps}:
        mine = [s for s in snaps if s.unit == unit_code]
        asof.add_counts(counts, unit_code, report_unit_counts(mine, start, end))
        asof.add_counts(counts, unit_code, backlog_unit_counts(
            [s for s in mine if year.has(s.id, s.received)]))
    return counts


def summed(rows: Iterable[dict[str, int]]) -> dict[str, int]:
    total: dict[str, int] = defaultdict(int)
    for row in rows:
        for name, n in row.items():
            total[name] += n
    return total


def _backlog(c: dict[str, int]) -> dict[str, object]:
    """Backlog cases registered by the day; of them closed or terminated; the rest; by kind."""
    by_kind = {}
    for kind in BACKLOG_KINDS:
        n, done = c.get(f"backlog_{kind}", 0), c.get(f"resolved_{kind}", 0)
        by_kind[kind] = {"total": n, "resolved": done, "open": n - done}
    total = sum(k["total"] for k in by_kind.values())
    resolved = sum(k["resolved"] for k in by_kind.values())
    return {"total": total, "resolved": resolved, "open": total - resolved,
            "rate": rate(resolved, total), "by_kind": by_kind}


def closed_cases(session: Session, start: date, end: date, day: date) -> list[dict[str, object]]:
    """Cases closed in the period, from the timelines of those cases only (and only of the
    fields a closure line shows)."""
    closed = CaseIds.read(session, asof.closed_in(start, end))
    lines = [tl for tl in asof.timelines(session, end, closed, CLOSURE_FIELDS)
             if tl.value("status", day) != CaseStatus.VOIDED]
    return closures(lines, start, end, day, {tl.case.id: tl.value("unit", day) for tl in lines})


def _overdue(session: Session, snaps: list[Snapshot], names: dict[str, str], day: date,
             rebuilt: CaseIds) -> list[dict[str, object]]:
    """Cases pending past their due date at the end of `day`, most overdue first."""
    late = overdue_rows(session, day, rebuilt) + overdue_entries(snaps, names, day)
    late.sort(key=deadline_order)
    return late


def _report_units(units: list[Unit], counts: dict[str, dict[str, int]],
                  listed: tuple[list[dict[str, object]], list[dict[str, object]]],
                  share: float, policy: Policy, keys: set[str]) -> list[dict[str, object]]:
    """One row per unit: the period's flow and the backlog at its end (the chart's data);
    its closed and overdue cases counted from the report's lists of them."""
    shut, late = (count_by(cases, "unit") for cases in listed)
    rows = []
    for u in units:
        c = counts.get(u.code, {})
        backlog = _backlog(c)
        rows.append({
            "unit": u.code, "unit_name": u.name, "received": c.get("received", 0),
            "accepted": c.get("accepted", 0), "closed": shut.get(u.code, 0),
            "overdue": late.get(u.code, 0),
            "backlog": backlog["total"], "backlog_resolved": backlog["resolved"],
            "backlog_rate": backlog["rate"],
            "pace": pace(backlog["rate"], share, policy.pace_tolerance),  # type: ignore[arg-type]
            "key_management": u.code in keys,
        })
    return rows


def followup_list(session: Session, start: date, end: date, day: date,
                  unit_of: dict[str, str], names: dict[str, str]) -> dict[str, object]:
    """Leaders' receptions and field visits in the period, each with its case (and its unit
    on the report's day: `unit_of` for the cases rebuilt from history, else today's); none
    undone by `day`, none of a case voided by then."""
    query = (select(FollowUp.on, FollowUp.kind, FollowUp.case_id, FollowUp.note, Unit.code)
             .join(Unit, Unit.id == FollowUp.unit_id)  # a follow-up carries its case's unit
             .join(Case, Case.id == FollowUp.case_id)
             .where(FollowUp.kind.in_([FollowupKind.RECEPTION, FollowupKind.FIELD]),
                    FollowUp.on.between(start, end), asof.live(day), asof.counted(day))
             .order_by(FollowUp.on, FollowUp.id))
    items = []
    for on, kind, case_id, note, code in session.execute(query):
        unit = unit_of.get(case_id, code)
        items.append({"on": on, "kind": kind, "case": case_id, "unit": unit,
                      "unit_name": names.get(unit, ""), "note": note})
    return {"receptions": sum(1 for i in items if i["kind"] == FollowupKind.RECEPTION),
            "field_visits": sum(1 for i in items if i["kind"] == FollowupKind.FIELD),
            "items": items}
