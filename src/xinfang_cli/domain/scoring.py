"""The scoring policy (考核评分办法): the office's own, kept as an editable TOML file.

The notice names no point values. Two published shapes are supported, and the
default combines them:
- 达川区: each measured rate times its points (timely acceptance × 5, on-time reply
  × 10, satisfaction × 10, participation × 5), −1 per repeat petition, −1 where
  leader-owned cases fall below 85% resolved;
- 上虞 (education bureau): each school starts at 100 and loses points per item,
  each item capped.
With `base = 70` and rate points adding up to 30, a unit with every rate at 100%
and nothing to deduct scores exactly 100 (the 上虞 start), and each rate missed
costs (1 − rate) × points (the 达川 rate × points). A veto (一票否决) overrides any
score and is shown with its reason.
"""

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from xinfang_cli.domain.enums import IncidentKind

RateName = Literal["accepted_on_time_rate", "closed_on_time_rate", "satisfaction_rate",
                   "participation_rate", "backlog_rate", "leader_rate"]
CountName = Literal["overdue", "skip_level", "repeats", "incidents", "unsatisfied",
                    "circulars", "talks"]
BonusName = Literal["ahead_of_pace", "receptions", "field_visits", "backlog_resolved"]

DEFAULT_POLICY_TOML = """\
# xf scoring policy (考核评分办法). Start yours from this file:
#   xf policy show > policy.toml      (edit it)
#   xf scorecard --policy policy.toml
#
#   score = base
#         + Σ rate × points                 [rates]       达川区: rate × points
#         − Σ min(count × points, cap)      [deductions]  上虞: deduct per item, capped
#         − points of each floor missed     [[floors]]    达川区: leader cases < 85% resolved
#         + Σ min(count × points, cap)      [bonuses]
#   A veto (一票否决) overrides the score: the unit gets veto.score, ranked last.
#
# With base 70 and rate points adding up to 30, a unit with every rate at 100% and
# nothing deducted scores 100 (the 上虞 start at 100); each rate missed costs
# (1 − rate) × points (the 达川 rate × points). For the pure 上虞 shape set
# base = 100 and leave [rates] empty; for the pure 达川 shape set base = 0.
#
# Rates (0–1): accepted_on_time_rate 及时受理率, closed_on_time_rate 按期办结率,
#   satisfaction_rate 满意率, participation_rate 参评率, backlog_rate 积案化解率,
#   leader_rate 领导包案化解率.
# Counts: overdue 超期件, skip_level 越级上访, repeats 重复信访, incidents 事件,
#   unsatisfied 不满意件, circulars 通报 and talks 约谈 (the office's measures on the
#   unit, `xf supervise`).
# Bonuses: ahead_of_pace (1 when the backlog is resolved ahead of pace),
#   receptions 领导接访, field_visits 领导下访, backlog_resolved 化解积案.

name = "默认：达川区比率计分 + 上虞扣分封顶"
base = 70.0
min_cases = 3            # a unit with fewer cases shows its figures but is not ranked
pace_tolerance = 0.10    # backlog_rate within ±0.10 of the share of phase 2 elapsed: on-track
unmeasured_rate = 1.0    # a rate with nothing to measure (null) scores as this: no fault found

[rates]                  # 达川区: rate × points (30 in all)
accepted_on_time_rate = 5
closed_on_time_rate = 10
satisfaction_rate = 10
participation_rate = 5

[deductions]             # 上虞: points per event, capped per item
overdue = { points = 2, cap = 10 }      # each case past its due date on the day
skip_level = { points = 5, cap = 20 }   # each individual skip-level petition (越级上访)
repeats = { points = 1 }                # 达川区: −1 per repeat petition, no cap
circulars = { points = 2, cap = 6 }     # each circular (通报) on the unit
talks = { points = 3, cap = 6 }         # each admonition talk (约谈) with its leaders

[[floors]]               # 达川区: −1 where leader-owned cases fall below 85% resolved
rate = "leader_rate"
under = 0.85
points = 1

[bonuses]
ahead_of_pace = { points = 3 }          # backlog resolved ahead of the phase-2 pace
receptions = { points = 0.5, cap = 2 }  # leaders' reception days (领导接访)
field_visits = { points = 0.5, cap = 2 }  # leaders' field visits (领导下访)

[veto]                   # 四确保: any of these vetoes the unit (一票否决)
kinds = ["mass-incident", "group-skip-level", "extreme-act", "media-hype"]
score = 0.0
"""


class Item(BaseModel):
    """Points per event, at most `cap` in all (no cap when absent)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)
    points: float = Field(ge=0)
    cap: float | None = Field(default=None, ge=0)

    def worth(self, count: float) -> float:
        total = count * self.points
        return min(total, self.cap) if self.cap is not None else total


class Floor(BaseModel):
    """A fixed deduction where a rate falls below a threshold (达川区: leader cases < 85%)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)
    rate: RateName
    under: float = Field(ge=0, le=1)
    points: float = Field(ge=0)


class Veto(BaseModel):
    """一票否决: the incident kinds that override any score, and the score then shown."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)
    kinds: list[IncidentKind] = Field(default_factory=lambda: [
        IncidentKind.MASS_INCIDENT, IncidentKind.GROUP_SKIP_LEVEL, IncidentKind.EXTREME_ACT,
        IncidentKind.MEDIA_HYPE])
    score: float = 0.0


class Policy(BaseModel):
    """The office's scoring policy; every key has the documented default."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)
    name: str = "policy"
    base: float = 70.0
    min_cases: int = Field(3, ge=0)
    pace_tolerance: float = Field(0.10, ge=0, le=1)
    unmeasured_rate: float = Field(1.0, ge=0, le=1)
    rates: dict[RateName, float] = Field(default_factory=dict)
    deductions: dict[CountName, Item] = Field(default_factory=dict)
    floors: list[Floor] = Field(default_factory=list)
    bonuses: dict[BonusName, Item] = Field(default_factory=dict)
    veto: Veto = Field(default_factory=Veto)


# --- applying it -------------------------------------------------------------------------


def pace(backlog_rate: float | None, share: float, tolerance: float) -> str | None:
    """ahead / on-track / behind: backlog resolved against the share of phase 2 elapsed.

    None when the unit has no backlog to resolve.
    """
    if backlog_rate is None:
        return None
    if backlog_rate > share + tolerance:
        return "ahead"
    return "behind" if backlog_rate < share - tolerance else "on-track"


@dataclass
class Score:
    """A unit's score with its parts, and the veto that may override it."""

    total: float
    parts: dict[str, float] = field(default_factory=dict)
    veto: bool = False
    veto_incidents: list[dict[str, object]] = field(default_factory=list)


def score(figures: dict[str, object], incidents: list[dict[str, object]],
          policy: Policy) -> Score:
    """Score one unit's figures under `policy`; a veto incident overrides the total."""
    parts = {"base": policy.base, "rates": _rates(figures, policy),
             "deductions": -_deductions(figures, policy), "floors": -_floors(figures, policy),
             "bonuses": _bonuses(figures, policy)}
    total = round(sum(parts.values()), 2)
    vetoing = [i for i in incidents if i["kind"] in {str(k) for k in policy.veto.kinds}]
    if vetoing:
        return Score(policy.veto.score, _rounded(parts), True, vetoing)
    return Score(total, _rounded(parts))


def _rounded(parts: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 2) + 0.0 for k, v in parts.items()}


def _rates(figures: dict[str, object], policy: Policy) -> float:
    total = 0.0
    for name, points in policy.rates.items():
        rate = figures.get(name)
        total += (policy.unmeasured_rate if rate is None else float(rate)) * points  # type: ignore[arg-type]
    return total


def _deductions(figures: dict[str, object], policy: Policy) -> float:
    return sum(item.worth(float(figures.get(name) or 0))  # type: ignore[arg-type]
               for name, item in policy.deductions.items())


def _floors(figures: dict[str, object], policy: Policy) -> float:
    # 达川区: the deduction applies only where the rate is measured and below the floor.
    return sum(f.points for f in policy.floors
               if figures.get(f.rate) is not None and float(figures[f.rate]) < f.under)  # type: ignore[arg-type]


def _bonuses(figures: dict[str, object], policy: Policy) -> float:
    total = 0.0
    for name, item in policy.bonuses.items():
        count = (1.0 if figures.get("pace") == "ahead" else 0.0) if name == "ahead_of_pace" \
            else float(figures.get(name) or 0)  # type: ignore[arg-type]
        total += item.worth(count)
    return total


def rank(rows: list[dict[str, object]], policy: Policy) -> None:
    """Set `rank` on every row: units with enough cases, vetoed last, by score; ties share a rank.

    Units below `min_cases` show their figures but get `rank` None.
    """
    ranked = [r for r in rows if int(r["cases"]) >= policy.min_cases]  # type: ignore[call-overload]
    ranked.sort(key=lambda r: (bool(r["veto"]), -float(r["score"])))  # type: ignore[arg-type]
    previous, place = None, 0
    for position, row in enumerate(ranked, start=1):
        key = (row["veto"], row["score"])
        if key != previous:
            place, previous = position, key
        row["rank"] = place
    for row in rows:
        row.setdefault("rank", None)
