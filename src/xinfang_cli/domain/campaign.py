"""The campaign calendar as data: phases with names and dates (活动阶段).

The 2018 notice (连区委教〔2018〕13号) sets three phases: 动员部署 (mid to late
April), 排查化解 (May to November) and 总结提高 (December). That calendar is the
default; another year's campaign is a TOML file of the same shape, checked and
then kept as `campaign.toml` in the data directory (`xf campaign load FILE`,
`config.campaign`).
The schema is not touched: the calendar is the office's setting, like config.toml.
"""

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, model_validator

from xinfang_cli.domain.enums import SupervisionKind

DEFAULT_CAMPAIGN_TOML = """\
# The campaign calendar (活动日历) for xf. Load your own with: xf campaign load FILE
# Dates are TOML dates (2018-04-11) or strings; both ends of a phase are included.
name = "信访矛盾化解年"
name_en = "Year of Resolving Petition Disputes"
year = 2018
# The phase whose elapsed share sets each unit's pace (排查化解: every backlog
# case screened and worked off within it).
resolution_phase = 2

[[phase]]
number = 1
name = "动员部署"
name_en = "Mobilisation"
start = 2018-04-11
end = 2018-04-30

[[phase]]
number = 2
name = "排查化解"
name_en = "Screening and resolution"
start = 2018-05-01
end = 2018-11-30

[[phase]]
number = 3
name = "总结提高"
name_en = "Summary"
start = 2018-12-01
end = 2018-12-31
"""


class Phase(BaseModel):
    """One phase of the campaign; both ends included."""

    model_config = ConfigDict(extra="forbid")
    number: int = Field(ge=1)
    name: str = Field(min_length=1)
    name_en: str = Field(min_length=1)
    start: date
    end: date

    @model_validator(mode="after")
    def _ordered(self) -> "Phase":
        if self.end < self.start:
            raise ValueError(f"phase {self.number}: end {self.end} before start {self.start}")
        return self

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def label(self, lang: str) -> str:
        return self.name if lang == "zh" else self.name_en


class Campaign(BaseModel):
    """A campaign: its name, its phases in order, and the phase that sets the pace."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    name: str = Field(min_length=1)
    name_en: str = Field(min_length=1)
    year: int | None = None
    resolution_phase: int = 2
    phases: list[Phase] = Field(alias="phase", min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> "Campaign":
        numbers = [p.number for p in self.phases]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"phases must be numbered 1, 2, 3 … in order (got {numbers})")
        for before, after in zip(self.phases, self.phases[1:], strict=False):
            if after.start <= before.end:
                raise ValueError(f"phase {after.number} starts before phase {before.number} "
                                 "ends")
        if self.resolution_phase not in numbers:
            raise ValueError(f"resolution_phase {self.resolution_phase} is not a phase")
        return self

    def label(self, lang: str) -> str:
        return self.name if lang == "zh" else self.name_en

    @property
    def resolution(self) -> Phase:
        return self.phases[self.resolution_phase - 1]


# --- where a day falls -------------------------------------------------------------------


def phase_on(campaign: Campaign, day: date) -> Phase | None:
    """The phase running on `day`, or None before, between or after the phases."""
    return next((p for p in campaign.phases if p.start <= day <= p.end), None)


def assessed_year(campaign: Campaign, day: date) -> int:
    """The assessment year (考核年度) a scorecard of `day` measures unless told: the
    campaign's while it runs (from its first phase to its last), else the day's own."""
    if campaign.phases[0].start <= day <= campaign.phases[-1].end:
        return campaign.year or campaign.phases[0].start.year
    return day.year


# What the year-end summary counts in each phase (`xf report --campaign`): the JSON keys, in
# print order; the office's measures by kind.
MEASURE_FIGURES = {SupervisionKind.INSPECTION: "inspections",
                   SupervisionKind.CIRCULAR: "circulars", SupervisionKind.TALK: "talks",
                   SupervisionKind.KEY_MANAGEMENT: "key_management"}
PHASE_FIGURES = ("received", "accepted", "closed", "backlog_resolved", "receptions",
                 "field_visits", "incidents", "reminders", *MEASURE_FIGURES.values())


def elapsed_days(phase: Phase, day: date) -> int:
    """Days of `phase` gone by on `day`, the day itself included (0 before, all after)."""
    return max(0, min(phase.days, (day - phase.start).days + 1))


def resolution_share(campaign: Campaign, day: date) -> float:
    """The share of the resolution phase (排查化解) elapsed on `day`, 0 to 1."""
    phase = campaign.resolution
    return elapsed_days(phase, day) / phase.days


def phase_record(phase: Phase | None, lang: str) -> dict[str, object] | None:
    """The contract's `phase` object: number, name, start, end (or None outside)."""
    if phase is None:
        return None
    return {"number": phase.number, "name": phase.label(lang), "name_zh": phase.name,
            "name_en": phase.name_en, "start": phase.start, "end": phase.end}


def calendar_view(campaign: Campaign, day: date, lang: str) -> dict[str, object]:
    """`xf calendar`: every phase with days elapsed and left on `day`, and today's phase."""
    phases = []
    for phase in campaign.phases:
        row = phase_record(phase, lang)
        assert row is not None
        done = elapsed_days(phase, day)
        row.update(days=phase.days, elapsed=done, left=phase.days - done,
                   state=_state(phase, day))
        phases.append(row)
    current = phase_on(campaign, day)
    return {"as_of": day, "campaign": campaign.label(lang), "year": campaign.year,
            "phase": phase_record(current, lang), "phases": phases,
            "elapsed": elapsed_days(current, day) if current else None,
            "left": current.days - elapsed_days(current, day) if current else None,
            "resolution_phase": campaign.resolution_phase,
            "resolution_share": round(resolution_share(campaign, day), 4)}


def _state(phase: Phase, day: date) -> str:
    if day < phase.start:
        return "upcoming"
    return "done" if day > phase.end else "current"
