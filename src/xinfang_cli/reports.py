"""The weekly report and the per-unit scorecards, as of any day.

Figures for a day are rebuilt from the case history (`History.on`, the day a
change took effect), never read from today's columns: a case closed after the
day was still pending on it. History holds one row per changed field; a field's
value at the end of a day is the `new` of its last row on or before that day,
else the `old` of its first later row, else (never changed) the current column.
Counts that do not depend on history (receipts by source, acceptances) run as
SQL aggregates.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session

from . import asof
from .campaign import Campaign, phase_on, phase_record, resolution_share
from .enums import PENDING, CaseStatus, FollowupKind
from .models import Case, FollowUp, Incident, Unit
from .scoring import Policy, pace, rank, score

TRACKED = ("status", "unit", "accept_due", "accepted", "due", "closed", "outcome",
           "satisfaction", "leader")
DATE_FIELDS = frozenset({"accept_due", "accepted", "due", "closed"})
RESOLVED = frozenset({CaseStatus.CLOSED, CaseStatus.TERMINATED})  # 化解: closed or terminated
SATISFIED = frozenset({"satisfied", "basic"})  # 满意 + 基本满意


def _value(field_name: str, text: str | None) -> object:
    if text is None:
        return None
    return date.fromisoformat(text) if field_name in DATE_FIELDS else text


# What a timeline reads of its case: plain rows cost a third of loading Case objects.
CASE_COLUMNS = (Case.id, Case.received, Case.source, Case.backlog, Case.repeat_of, Case.summary,
                Case.petitioner, Case.status, Case.status_on, Case.accept_due, Case.accepted,
                Case.due, Case.closed, Case.outcome, Case.satisfaction, Case.leader)


@dataclass
class Timeline:
    """One case (a row of `CASE_COLUMNS`) with its tracked history rows, in the order they
    were written."""

    case: Any
    unit: str  # today's unit code
    rows: dict[str, list[tuple[date, str | None, str | None]]] = field(
        default_factory=lambda: defaultdict(list))

    def value(self, name: str, day: date) -> object:
        """The field's value at the end of `day`."""
        rows = self.rows.get(name)
        if not rows:
            return self.unit if name == "unit" else getattr(self.case, name)
        before = [new for on, _old, new in rows if on <= day]
        return _value(name, before[-1] if before else next(
            old for on, old, _new in rows if on > day))

    def decided(self, day: date) -> date | None:
        """The day the case left `registered` (accepted or not accepted), if by `day`."""
        rows = self.rows.get("status")
        if not rows:  # no history: fall back on the columns
            if self.case.accepted:
                return self.case.accepted
            return self.case.status_on if self.case.status != CaseStatus.REGISTERED else None
        return next((on for on, old, _n in rows if old == CaseStatus.REGISTERED and on <= day),
                    None)

    def closures(self, start: date, end: date) -> list[date]:
        """Days in [start, end] on which the case was closed (办结)."""
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
    """The case at the end of `day`; None if it was not yet received."""
    if tl.case.received > day:
        return None
    v = {name: tl.value(name, day) for name in TRACKED}
    if v["status"] is None:
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


def rebuilt_on(session: Session, day: date) -> tuple[asof.CaseIds, list[Snapshot]]:
    """The cases whose state at the end of `day` only their history tells (`asof`), and
    their snapshots; every other case stood then as its columns say now."""
    rebuilt = asof.CaseIds.read(session, asof.rebuilt_ids(day, TRACKED))
    return rebuilt, snapshots(asof.timelines(session, day, rebuilt, TRACKED), day)


# --- per-unit figures (the scorecard) ----------------------------------------------------


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
    """The counts behind one unit's figures at the end of `day` (asof.scorecard_counts in SQL)."""
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


def unit_figures(snaps: list[Snapshot], day: date) -> dict[str, object]:
    """Every figure of one unit's cases at the end of `day`."""
    return figures(score_counts(snaps, day))


def add_counts(into: dict[str, dict[str, int]], code: str, counts: dict[str, int]) -> None:
    mine = into.setdefault(code, {})
    for name, n in counts.items():
        mine[name] = mine.get(name, 0) + n


def incident_rows(session: Session, start: date | None, end: date) -> list[dict[str, object]]:
    """Incidents on or before `end` (and from `start`), oldest first."""
    query = (select(Unit.code.label("unit"), Unit.name.label("unit_name"), Incident.kind,
                    Incident.on, Incident.case_id.label("case"), Incident.note)
             .join(Unit, Unit.id == Incident.unit_id)
             .where(Incident.on <= end).order_by(Incident.on, Incident.id))
    if start is not None:
        query = query.where(Incident.on >= start)
    return [dict(row._mapping) for row in session.execute(query)]


def scorecard(session: Session, day: date, campaign: Campaign, policy: Policy, lang: str,
              only_unit: str | None = None) -> dict[str, object]:
    """`xf scorecard`: every unit's figures, score, veto and pace at the end of `day`."""
    units = session.scalars(select(Unit).order_by(Unit.code)).all()
    counts, follow = _score_inputs(session, day, units)
    share = resolution_share(campaign, day)
    incidents: dict[str, list[dict[str, object]]] = defaultdict(list)
    for incident in incident_rows(session, None, day):
        incidents[incident["unit"]].append(incident)  # type: ignore[index]
    empty = score_counts([], day)
    rows = [_unit_row(u, counts.get(u.code, empty), day, share, follow,
                      incidents.get(u.code, []), policy)
            for u in units]
    rank(rows, policy)
    if only_unit is not None:
        rows = [r for r in rows if r["unit"] == only_unit]
    return {"as_of": day, "phase": phase_record(phase_on(campaign, day), lang),
            "resolution_share": round(share, 4), "policy": policy.name,
            "min_cases": policy.min_cases, "units": rows}


def _score_inputs(session: Session, day: date, units: list[Unit]
                  ) -> tuple[dict[str, dict[str, int]], dict[str, dict[str, int]]]:
    """Per unit code: the counts of `score_counts`, and receptions and field visits.
    SQL for the cases whose columns tell their state on `day`; timelines for the rest."""
    code = {u.id: u.code for u in units}
    rebuilt, snaps = rebuilt_on(session, day)
    counts: dict[str, dict[str, int]] = {}
    for unit_id, sums in asof.unit_sums(session, day, rebuilt,
                                        asof.scorecard_counts(day)).items():
        add_counts(counts, code[unit_id], sums)
    for unit_code in {s.unit for s in snaps}:
        add_counts(counts, unit_code, score_counts([s for s in snaps if s.unit == unit_code], day))
    kinds = {str(FollowupKind.RECEPTION): "receptions", str(FollowupKind.FIELD): "field_visits"}
    per_unit, per_case = asof.followup_sums(session, day, rebuilt, list(kinds))
    follow: dict[str, dict[str, int]] = {}
    for unit_id, by_kind in per_unit.items():
        add_counts(follow, code[unit_id], {kinds[k]: n for k, n in by_kind.items()})
    for snap in snaps:
        add_counts(follow, snap.unit, {kinds[k]: n for k, n in per_case.get(snap.id, {}).items()})
    return counts, follow


def _unit_row(unit: Unit, counts: dict[str, int], day: date, share: float,
              follow: dict[str, dict[str, int]], incidents: list[dict[str, object]],
              policy: Policy) -> dict[str, object]:
    row: dict[str, object] = {"unit": unit.code, "unit_name": unit.name}
    row.update(figures(counts))
    row.update({"receptions": 0, "field_visits": 0, **follow.get(unit.code, {})})
    row.update(skip_level=sum(1 for i in incidents if i["kind"] == "skip-level"),
               incidents=len(incidents))
    row["pace"] = pace(row["backlog_rate"], share, policy.pace_tolerance)  # type: ignore[arg-type]
    result = score(row, incidents, policy)
    row.update(score=result.total, points=result.parts,
               score_before_veto=round(sum(result.parts.values()), 2), veto=result.veto,
               veto_reason=[{"kind": i["kind"], "on": i["on"], "case": i["case"]}
                            for i in result.veto_incidents] or None)
    return row


# --- the weekly report --------------------------------------------------------------------


def deadline_entry(s: Snapshot, unit_name: str, day: date) -> dict[str, object]:
    """An overdue line as in `xf overdue`, for a case as it stood on `day`."""
    from .queries import deadline_line

    assert s.pending_due is not None
    return deadline_line(s.id, s.unit, unit_name, s.status, s.pending_due, day, s.petitioner,
                         s.summary, s.leader, s.backlog)


def overdue_entries(snaps: list[Snapshot], names: dict[str, str],
                    day: date) -> list[dict[str, object]]:
    """Cases pending past their due date at the end of `day`, most overdue first."""
    late = [s for s in snaps if s.pending_due is not None and s.pending_due < day]
    late.sort(key=lambda s: (s.pending_due, s.id))
    return [deadline_entry(s, names.get(s.unit, s.unit), day) for s in late]


def received_by_source(session: Session, start: date, end: date) -> dict[str, int]:
    """Receipts in the period by source (来源), in SQL."""
    rows = session.execute(select(Case.source, func.count())
                           .where(Case.received.between(start, end)).group_by(Case.source))
    return {str(source): int(n) for source, n in rows}  # noqa: C416


def closures(timelines: list[Timeline], start: date, end: date,
             unit_of: dict[str, str]) -> list[dict[str, object]]:
    """Cases closed in the period (counted once), with the outcome of their last closure in it."""
    out = []
    for tl in timelines:
        days = tl.closures(start, end)
        if days:
            last = days[-1]
            out.append({"id": tl.case.id, "unit": unit_of.get(tl.case.id, tl.unit), "on": last,
                        "outcome": tl.value("outcome", last),
                        "satisfaction": tl.value("satisfaction", last)})
    return out


def backlog_figures(snaps: list[Snapshot]) -> dict[str, object]:
    """Backlog cases registered by the day; of them closed or terminated; the rest; by kind."""
    backlog = [s for s in snaps if s.backlog]
    resolved = [s for s in backlog if s.status in RESOLVED]
    by_kind = {}
    for kind in ("historical", "excessive", "unfounded"):
        total = sum(1 for s in backlog if s.backlog == kind)
        done = sum(1 for s in resolved if s.backlog == kind)
        by_kind[kind] = {"total": total, "resolved": done, "open": total - done}
    return {"total": len(backlog), "resolved": len(resolved),
            "open": len(backlog) - len(resolved), "rate": rate(len(resolved), len(backlog)),
            "by_kind": by_kind}


def count_by(items: Iterable[dict[str, object]], key: str) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for item in items:
        counts[str(item[key])] += 1
    return dict(counts)


def report(session: Session, start: date, end: date, campaign: Campaign, policy: Policy,
           lang: str, office: str, today: date) -> dict[str, object]:
    """`xf report`: what happened from `start` to `end` (both included), and where things
    stood at the end of `end` (`as_of`; today, if the period has not ended yet: overdue
    cases are facts, never a forecast)."""
    day = min(end, today)
    units = session.scalars(select(Unit).order_by(Unit.code)).all()
    names = {u.code: u.name for u in units}
    rebuilt, snaps = rebuilt_on(session, day)
    counts = _report_counts(session, units, snaps, rebuilt, (start, end, day))
    closed = _closures(session, start, end, day)
    share = resolution_share(campaign, day)
    total = _summed(counts.values())
    return {
        "office": office, "period": {"from": start, "to": end}, "as_of": day,
        "phase": phase_record(phase_on(campaign, end), lang),
        "campaign": campaign.label(lang), "resolution_share": round(share, 4),
        "received": {"total": total.get("received", 0),
                     "by_source": received_by_source(session, start, end),
                     "by_unit": {code: c["received"] for code, c in sorted(counts.items())
                                 if c.get("received")}},
        "accepted": {"total": total.get("accepted", 0),
                     "on_time": total.get("accepted", 0) - total.get("accepted_late", 0),
                     "late": total.get("accepted_late", 0)},
        "rejected": {"total": total.get("rejected", 0)},
        "closed": {"total": len(closed), "by_outcome": count_by(closed, "outcome"),
                   "cases": closed},
        "overdue": _overdue(session, snaps, names, day, rebuilt),
        "backlog": _backlog(total),
        "followups": followup_list(session, start, end, {s.id: s.unit for s in snaps}, names),
        "incidents": incident_rows(session, start, end),
        "units": _report_units(units, counts, closed, share, policy),
    }


def report_unit_counts(snaps: list[Snapshot], start: date, end: date,
                       day: date) -> dict[str, int]:
    """One unit's counts for the weekly report (asof.report_counts in SQL)."""
    counts = {
        "received": sum(1 for s in snaps if start <= s.received <= end),
        "accepted": sum(1 for s in snaps if s.accepted and start <= s.accepted <= end),
        "accepted_late": sum(1 for s in snaps if s.accepted and start <= s.accepted <= end
                             and s.accepted > s.accept_due),
        "rejected": sum(1 for s in snaps if s.status == CaseStatus.REJECTED and s.decided
                        and start <= s.decided <= end),
        "overdue": sum(1 for s in snaps if s.pending_due and s.pending_due < day),
    }
    for kind in BACKLOG_KINDS:
        mine = [s for s in snaps if s.backlog == kind]
        counts[f"backlog_{kind}"] = len(mine)
        counts[f"resolved_{kind}"] = sum(1 for s in mine if s.status in RESOLVED)
    return counts


BACKLOG_KINDS = ("historical", "excessive", "unfounded")


def _report_counts(session: Session, units: list[Unit], snaps: list[Snapshot],
                   rebuilt: asof.CaseIds,
                   days: tuple[date, date, date]) -> dict[str, dict[str, int]]:
    """Per unit code: SQL for the cases whose columns tell their state, timelines for the rest."""
    start, end, day = days
    code = {u.id: u.code for u in units}
    counts: dict[str, dict[str, int]] = {u.code: {} for u in units}
    for unit_id, sums in asof.unit_sums(session, day, rebuilt,
                                        asof.report_counts(start, end, day)).items():
        add_counts(counts, code[unit_id], sums)
    for unit_code in {s.unit for s in snaps}:
        add_counts(counts, unit_code, report_unit_counts(
            [s for s in snaps if s.unit == unit_code], start, end, day))
    return counts


def _summed(rows: Iterable[dict[str, int]]) -> dict[str, int]:
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


CLOSURE_FIELDS = ("closed", "outcome", "satisfaction", "unit")


def _closures(session: Session, start: date, end: date, day: date) -> list[dict[str, object]]:
    """Cases closed in the period, from the timelines of those cases only (and only of the
    fields a closure line shows)."""
    closed = asof.CaseIds.read(session, asof.closed_in(start, end))
    lines = asof.timelines(session, end, closed, CLOSURE_FIELDS)
    return closures(lines, start, end, {tl.case.id: tl.value("unit", day) for tl in lines})


def _overdue(session: Session, snaps: list[Snapshot], names: dict[str, str], day: date,
             rebuilt: asof.CaseIds) -> list[dict[str, object]]:
    """Cases pending past their due date at the end of `day`, most overdue first."""
    from .queries import deadline_order

    late = asof.overdue_rows(session, day, rebuilt) + overdue_entries(snaps, names, day)
    late.sort(key=deadline_order)
    return late


def _report_units(units: list[Unit], counts: dict[str, dict[str, int]],
                  closed: list[dict[str, object]], share: float,
                  policy: Policy) -> list[dict[str, object]]:
    """One row per unit: the period's flow and the backlog at its end (the chart's data)."""
    shut = count_by(closed, "unit")
    rows = []
    for u in units:
        c = counts.get(u.code, {})
        backlog = _backlog(c)
        rows.append({
            "unit": u.code, "unit_name": u.name, "received": c.get("received", 0),
            "accepted": c.get("accepted", 0), "closed": shut.get(u.code, 0),
            "overdue": c.get("overdue", 0),
            "backlog": backlog["total"], "backlog_resolved": backlog["resolved"],
            "backlog_rate": backlog["rate"],
            "pace": pace(backlog["rate"], share, policy.pace_tolerance),  # type: ignore[arg-type]
        })
    return rows


def followup_list(session: Session, start: date, end: date, unit_of: dict[str, str],
                  names: dict[str, str]) -> dict[str, object]:
    """Leaders' receptions and field visits in the period, each with its case (and its unit
    on the report's day: `unit_of` for the cases rebuilt from history, else today's)."""
    query = (select(FollowUp.on, FollowUp.kind, FollowUp.case_id, FollowUp.note, Unit.code)
             .join(Unit, Unit.id == FollowUp.unit_id)  # a follow-up carries its case's unit
             .where(FollowUp.kind.in_([FollowupKind.RECEPTION, FollowupKind.FIELD]),
                    FollowUp.on.between(start, end))
             .order_by(FollowUp.on, FollowUp.id))
    items = []
    for on, kind, case_id, note, code in session.execute(query):
        unit = unit_of.get(case_id, code)
        items.append({"on": on, "kind": kind, "case": case_id, "unit": unit,
                      "unit_name": names.get(unit, ""), "note": note})
    return {"receptions": sum(1 for i in items if i["kind"] == FollowupKind.RECEPTION),
            "field_visits": sum(1 for i in items if i["kind"] == FollowupKind.FIELD),
            "items": items}
