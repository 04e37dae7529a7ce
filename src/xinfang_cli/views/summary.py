"""`xf report --campaign`: the year-end summary (总结) of the whole campaign.

Phase by phase what came in and what was done; each unit's backlog (积案) still pending
when the campaign began and when it ended, by kind, and at the end of every month between
(the chart's data); the incidents, the reminders and the office's measures; and the final
scorecard over the campaign's assessment year. Every figure is as of the campaign's last
day (or today, while it runs), rebuilt from the history where the columns no longer tell.
"""

from datetime import date, timedelta

from sqlalchemy import func, select
from sqlmodel import Session

from xinfang_cli.domain.campaign import (
    MEASURE_FIGURES,
    PHASE_FIGURES,
    Campaign,
    phase_on,
    phase_record,
)
from xinfang_cli.domain.enums import PENDING, FollowupKind
from xinfang_cli.domain.figures import RESOLVED
from xinfang_cli.domain.scoring import Policy
from xinfang_cli.domain.timeline import Snapshot
from xinfang_cli.store.models import Case, FollowUp, History, Unit
from xinfang_cli.views import asof
from xinfang_cli.views.report import (
    BACKLOG_KINDS,
    closed_cases,
    report_counts,
    report_unit_counts,
    summed,
)
from xinfang_cli.views.scorecard import scorecard
from xinfang_cli.views.supervision import measure_list
from xinfang_cli.views.units import incident_rows, standing

OPEN = [str(s) for s in PENDING]


def campaign_summary(session: Session, campaign: Campaign, policy: Policy, lang: str,
                     office: str, today: date) -> dict[str, object]:
    """The whole campaign as of its last day, or today while it runs."""
    first, last = campaign.phases[0].start, campaign.phases[-1].end
    day = min(last, today)
    year = date(campaign.year or first.year, 1, 1)
    units = session.scalars(select(Unit).order_by(Unit.code)).all()
    code = {u.id: u.code for u in units}
    eve = first - timedelta(days=1)
    month_ends = _month_ends(first, day)
    rebuilt = asof.rebuilt_on(session, day)  # the last month's end is `day`: read once
    pending = {d: open_backlog(session, d, code, rebuilt if d == day else None)
               for d in [eve, *month_ends]}
    shown = standing(session, day)
    resolved = backlog_resolutions(session, first, day)
    # a phase not begun yet has no figures (null in the JSON, left out of the tables)
    phases = [_phase(session, (p.start, min(p.end, day), day), rebuilt, code)
              | {"backlog_resolved": sum(1 for on in resolved if p.start <= on <= p.end)}
              if p.start <= day else dict.fromkeys(PHASE_FIGURES)
              for p in campaign.phases]
    score = scorecard(session, day, campaign, policy, lang, year)
    return {
        "office": office, "campaign": campaign.label(lang), "year": year.year,
        "period": {"from": first, "to": last}, "as_of": day,
        "phase": phase_record(phase_on(campaign, day), lang),
        "phases": [{**(phase_record(p, lang) or {}), **figures}
                   for p, figures in zip(campaign.phases, phases, strict=True)],
        "backlog": {**_backlog_table(shown, pending[eve], pending[month_ends[-1]], eve, day),
                    "added": _backlog_added(session, first, day),
                    "resolved": len(resolved)},
        "months": [{"month": d.strftime("%Y-%m"), "day": d,
                    "by_unit": {u.code: sum(pending[d].get(u.code, {}).values())
                                for u in shown}}
                   for d in month_ends],
        "incidents": incident_rows(session, first, day),
        "supervision": measure_list(session, since=first, until=day),
        "reminders": _reminders(session, first, day),
        "scorecard": score,
    }


def open_backlog(session: Session, day: date, code: dict[int, str],
                 rebuilt_on: tuple[asof.CaseIds, list[Snapshot]] | None = None
                 ) -> dict[str, dict[str, int]]:
    """Per unit code and backlog kind, the backlog cases pending at the end of `day` (the
    day's rebuild given, or read here)."""
    rebuilt, snaps = rebuilt_on or asof.rebuilt_on(session, day)
    counts = {kind: asof.count_if(Case.backlog == kind, Case.status.in_(OPEN))
              for kind in BACKLOG_KINDS}
    found: dict[str, dict[str, int]] = {}
    for unit_id, sums in asof.unit_sums(session, day, rebuilt, counts).items():
        asof.add_counts(found, code[unit_id], sums)
    for snap in snaps:
        if snap.backlog and snap.status in PENDING:
            asof.add_counts(found, snap.unit, {snap.backlog: 1})
    return found


def _month_ends(first: date, day: date) -> list[date]:
    """The last day of each month from `first`'s to `day`'s; `day` itself for its month."""
    ends = []
    month = date(first.year, first.month, 1)
    while month <= day:
        following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        ends.append(min(following - timedelta(days=1), day))
        month = following
    return ends


def _phase(session: Session, days: tuple[date, date, date],
           rebuilt_on: tuple[asof.CaseIds, list[Snapshot]],
           code: dict[int, str]) -> dict[str, object]:
    """One phase's flow from `start` to `end` as of `day`: receipts, acceptances, closures,
    backlog resolved, the leaders' receptions and visits, incidents, reminders, measures."""
    start, end, day = days
    rebuilt, snaps = rebuilt_on
    counts: dict[str, dict[str, int]] = {}
    for unit_id, sums in asof.unit_sums(session, day, rebuilt,
                                        report_counts(start, end)).items():
        asof.add_counts(counts, code[unit_id], sums)
    for unit_code in {s.unit for s in snaps}:
        asof.add_counts(counts, unit_code, report_unit_counts(
            [s for s in snaps if s.unit == unit_code], start, end))
    total = summed(counts.values())
    measures = [m for m in measure_list(session, since=start, until=end) if m["on"] >= start]
    follow = {kind: int(n) for kind, n in session.execute(
        select(FollowUp.kind, func.count()).join(Case, Case.id == FollowUp.case_id)
        .where(FollowUp.kind.in_([str(FollowupKind.RECEPTION), str(FollowupKind.FIELD)]),
               FollowUp.on.between(start, end), asof.live(day), asof.counted(day))
        .group_by(FollowUp.kind))}
    return {
        "received": total.get("received", 0),
        "accepted": total.get("accepted", 0),
        "closed": len(closed_cases(session, start, end, day)),
        "receptions": follow.get(str(FollowupKind.RECEPTION), 0),
        "field_visits": follow.get(str(FollowupKind.FIELD), 0),
        "incidents": len(incident_rows(session, start, end)),
        "reminders": _reminders(session, start, end)["messages"],
        **{key: sum(1 for m in measures if m["kind"] == kind)
           for kind, key in MEASURE_FIGURES.items()},
    }




def _backlog_added(session: Session, start: date, day: date) -> int:
    """Backlog cases registered from `start` to `day` (found by the screening), not voided."""
    return int(session.scalar(select(func.count()).where(
        Case.backlog.is_not(None), Case.received.between(start, day), asof.counted(day))) or 0)


def backlog_resolutions(session: Session, start: date, day: date) -> list[date]:
    """The day each backlog case was resolved (closed or terminated) from `start` to `day`
    and stood so at the end of `day`: a closure under review again by then, or undone, or a
    case voided since, is no resolution. One date per case, its last status change."""
    last: dict[str, tuple[date, str | None]] = {}
    for case_id, on, new in session.execute(
            select(History.case_id, History.on, History.new)
            .join(Case, Case.id == History.case_id)
            .where(History.field == "status", History.on.between(start, day),
                   History.action != "edit", Case.backlog.is_not(None))
            .order_by(History.id)):
        last[case_id] = (on, new)
    return sorted(on for on, new in last.values() if new in RESOLVED)


def _reminders(session: Session, start: date, end: date) -> dict[str, int]:
    """Reminders sent in the period: the messages (one per unit, channel and day) and the
    case entries they listed."""
    sent = (select(History.on, History.field, History.new)
            .where(History.action == "remind", History.on.between(start, end)))
    messages = session.scalar(select(func.count()).select_from(
        sent.group_by(History.on, History.field, History.new).subquery()))
    entries = session.scalar(select(func.count()).select_from(sent.subquery()))
    return {"messages": int(messages or 0), "cases": int(entries or 0)}


def _backlog_table(units: list[Unit], before: dict[str, dict[str, int]],
                   after: dict[str, dict[str, int]], eve: date,
                   day: date) -> dict[str, object]:
    """Each unit's pending backlog by kind when the campaign began and at its end."""
    rows = []
    for u in units:
        start, end = before.get(u.code, {}), after.get(u.code, {})
        row: dict[str, object] = {"unit": u.code, "unit_name": u.name}
        for kind in BACKLOG_KINDS:
            row[kind] = {"start": start.get(kind, 0), "end": end.get(kind, 0)}
        row["total"] = {"start": sum(start.values()), "end": sum(end.values())}
        rows.append(row)
    totals = {kind: {"start": sum(r[kind]["start"] for r in rows),  # type: ignore[index]
                     "end": sum(r[kind]["end"] for r in rows)}  # type: ignore[index]
              for kind in (*BACKLOG_KINDS, "total")}
    return {"start": eve, "end": day, "units": rows, "totals": totals}
