"""`xf scorecard`: every unit's figures, score, veto and pace at the end of a day.

The figures are defined in `domain.figures` (Python, for the cases rebuilt from their
history) and `asof.scorecard_counts` (SQL, for all the others); the points, the veto and
the ranking in `domain.scoring`, under the office's policy.
"""

from collections import defaultdict
from datetime import date

from sqlalchemy import select
from sqlmodel import Session

from xinfang_cli.domain.campaign import Campaign, phase_on, phase_record, resolution_share
from xinfang_cli.domain.enums import FollowupKind
from xinfang_cli.domain.figures import figures, score_counts
from xinfang_cli.domain.scoring import Policy, pace, rank, score
from xinfang_cli.store.models import Unit
from xinfang_cli.views import asof
from xinfang_cli.views.supervision import measure_counts, under_key_management
from xinfang_cli.views.units import incident_rows, standing


def scorecard(session: Session, day: date, campaign: Campaign, policy: Policy, lang: str,
              since: date, only_unit: str | None = None) -> dict[str, object]:
    """`xf scorecard`: every unit's figures, score, veto and pace at the end of `day`, over
    the assessment year from `since` (1 January): the cases received in it and those still
    pending when it began, and the follow-ups, incidents and measures dated in it."""
    units = session.scalars(select(Unit).order_by(Unit.code)).all()
    year = asof.assessment_year(session, since)
    counts, follow = _score_inputs(session, day, units, year)
    share = resolution_share(campaign, day)
    incidents: dict[str, list[dict[str, object]]] = defaultdict(list)
    for incident in incident_rows(session, since, day):
        incidents[incident["unit"]].append(incident)  # type: ignore[index]
    empty = score_counts([], day)
    measures = measure_counts(session, since, day)
    keys = under_key_management(session, day)
    rows = [_unit_row(u, counts.get(u.code, empty), day, share, follow,
                      incidents.get(u.code, []), policy,
                      {"circulars": 0, "talks": 0, **measures.get(u.code, {}),
                       "key_management": u.code in keys})
            for u in standing(session, day)]
    rank(rows, policy)
    if only_unit is not None:
        rows = [r for r in rows if r["unit"] == only_unit]
    return {"as_of": day, "period": {"from": since, "to": day},
            "year": since.year,
            "phase": phase_record(phase_on(campaign, day), lang),
            "resolution_share": round(share, 4), "policy": policy.name,
            "min_cases": policy.min_cases, "units": rows}


def _score_inputs(session: Session, day: date, units: list[Unit], year: asof.Year
                  ) -> tuple[dict[str, dict[str, int]], dict[str, dict[str, int]]]:
    """Per unit code: the counts of `score_counts`, and receptions and field visits.
    SQL for the cases whose columns tell their state on `day`; timelines for the rest."""
    code = {u.id: u.code for u in units}
    rebuilt, snaps = asof.rebuilt_on(session, day)
    counted = [s for s in snaps if year.has(s.id, s.received)]
    counts: dict[str, dict[str, int]] = {}
    for unit_id, sums in asof.unit_sums(session, day, rebuilt, asof.scorecard_counts(day),
                                        year).items():
        asof.add_counts(counts, code[unit_id], sums)
    for unit_code in {s.unit for s in counted}:
        mine = [s for s in counted if s.unit == unit_code]
        asof.add_counts(counts, unit_code, score_counts(mine, day))
    kinds = {str(FollowupKind.RECEPTION): "receptions", str(FollowupKind.FIELD): "field_visits"}
    per_unit, per_case = asof.followup_sums(session, day, rebuilt, list(kinds), year.start)
    follow: dict[str, dict[str, int]] = {}
    for unit_id, by_kind in per_unit.items():
        asof.add_counts(follow, code[unit_id], {kinds[k]: n for k, n in by_kind.items()})
    for snap in snaps:
        asof.add_counts(follow, snap.unit,
                        {kinds[k]: n for k, n in per_case.get(snap.id, {}).items()})
    return counts, follow


def _unit_row(unit: Unit, counts: dict[str, int], day: date, share: float,
              follow: dict[str, dict[str, int]], incidents: list[dict[str, object]],
              policy: Policy, supervised: dict[str, object]) -> dict[str, object]:
    row: dict[str, object] = {"unit": unit.code, "unit_name": unit.name, **supervised}
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
