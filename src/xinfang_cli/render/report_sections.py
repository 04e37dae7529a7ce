"""The report and the scorecard as sections of rows: every format renders these same rows,
so the table, Markdown, CSV, HTML and XLSX outputs never disagree."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from xinfang_cli.domain.enums import (
    Backlog,
    IncidentKind,
    NoticeKind,
    Outcome,
    Source,
    SupervisionKind,
    label,
)
from xinfang_cli.i18n import lang, t


@dataclass
class Column:
    """A column: its key, translated header, and kind (text, int, rate, date, number, auto)."""

    key: str
    title: str
    kind: str = "text"


@dataclass
class Section:
    key: str
    title: str
    columns: list[Column]
    rows: list[list[Any]] = field(default_factory=list)


def cell(value: Any, kind: str = "text") -> str:
    """A value as text: rates as percentages, dates in ISO, nothing as a dash."""
    if value is None or value == "":
        return "—"
    if kind == "rate" or (kind == "auto" and isinstance(value, float)):
        return f"{value * 100:.1f}%"
    if kind == "number":
        return f"{value:g}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def enum(value: str | None) -> str:
    """A value's label; pass the member where two enumerations share a value (`reply`)."""
    return label(value, lang()) if value else ""


def pace_text(value: str | None) -> str:
    return t(f"rpt.pace.{value}") if value else ""


def cols(*spec: tuple[str, str]) -> list[Column]:
    return [Column(key, t(f"rpt.col.{key}"), kind) for key, kind in spec]


def period_text(data: dict[str, Any]) -> str:
    start, end = data["period"]["from"], data["period"]["to"]
    return t("rpt.period", start=start.isoformat(), end=end.isoformat(),
             week=_week_of(start, end))


def _week_of(start: date, end: date) -> str:
    year, week, weekday = start.isocalendar()
    if weekday == 1 and (end - start).days == 6:
        return t("rpt.week", year=year, week=week)
    return ""


def view_text(data: dict[str, Any]) -> str:
    """Whose view, where not the whole office's (a unit login's, a viewer's), else ""."""
    view = data.get("view")
    if not view:
        return ""
    if view["role"] == "unit":
        return t("acc.view.unit", login=view["login"], units=", ".join(view["units"]) or "—")
    return t("acc.view.reader", login=view["login"], role=enum(view["role"]) or "—")


def headed(lines: list[str], data: dict[str, Any]) -> list[str]:
    """A report's heading lines, and whose view it is where that is not the office's."""
    return [*lines, view_text(data)] if data.get("view") else lines


def phase_text(data: dict[str, Any]) -> str:
    phase = data.get("phase")
    if not phase:
        return t("rpt.no_phase")
    return t("rpt.phase", number=phase["number"], name=phase["name"],
             start=phase["start"].isoformat(), end=phase["end"].isoformat())


# --- the report ------------------------------------------------------------------------------


def report_sections(data: dict[str, Any]) -> list[Section]:
    """Every section of the weekly printout, in print order."""
    return [summary(data), by_source(data), by_unit(data), by_outcome(data),
            overdue(data), backlog(data), followups(data), incidents(data), papers(data),
            supervision(data)]


def summary(data: dict[str, Any]) -> Section:
    """概况: the week's flow and where things stood at its end."""
    end = data["as_of"].isoformat()
    b, f = data["backlog"], data["followups"]
    rows = [
        [t("rpt.sum.received"), data["received"]["total"]],
        [t("rpt.sum.accepted"), data["accepted"]["total"]],
        [t("rpt.sum.accepted_late"), data["accepted"]["late"]],
        [t("rpt.sum.rejected"), data["rejected"]["total"]],
        [t("rpt.sum.closed"), data["closed"]["total"]],
        [t("rpt.sum.overdue", day=end), len(data["overdue"])],
        [t("rpt.sum.backlog", day=end), b["total"]],
        [t("rpt.sum.backlog_resolved"), b["resolved"]],
        [t("rpt.sum.backlog_open"), b["open"]],
        [t("rpt.sum.backlog_rate"), b["rate"]],
        [t("rpt.sum.phase_share"), data["resolution_share"]],
        [t("rpt.sum.receptions"), f["receptions"]],
        [t("rpt.sum.field_visits"), f["field_visits"]],
        [t("rpt.sum.incidents"), len(data["incidents"])],
        [t("rpt.sum.notices_issued"), data["notices"]["issued"]],
        [t("rpt.sum.notices_owed", day=end), data["notices"]["owed"]],
        [t("rpt.sum.supervision"), len(data["supervision"])],
        [t("rpt.sum.key_management", day=end),
         sum(1 for u in data["units"] if u["key_management"])],
    ]
    return Section("summary", t("rpt.sec.summary"), cols(("item", "text"), ("value", "auto")),
                   rows)


def by_source(data: dict[str, Any]) -> Section:
    counts = data["received"]["by_source"]
    rows = [[enum(s), counts.get(str(s), 0)] for s in Source]
    return Section("by_source", t("rpt.sec.by_source"), cols(("source", "text"),
                                                             ("count", "int")), rows)


def by_unit(data: dict[str, Any]) -> Section:
    """各单位: the period's flow and the backlog at its end, one row per unit."""
    columns = cols(("unit_name", "text"), ("received", "int"), ("accepted", "int"),
                   ("closed", "int"), ("overdue", "int"), ("backlog", "int"),
                   ("backlog_resolved", "int"), ("backlog_rate", "rate"), ("pace", "text"))
    rows = [[u["unit_name"] + (" ★" if u["key_management"] else ""), u["received"],
             u["accepted"], u["closed"], u["overdue"], u["backlog"], u["backlog_resolved"],
             u["backlog_rate"], pace_text(u["pace"])]
            for u in data["units"]]
    return Section("by_unit", t("rpt.sec.by_unit"), columns, rows)


def by_outcome(data: dict[str, Any]) -> Section:
    counts = data["closed"]["by_outcome"]
    rows = [[enum(o), counts.get(str(o), 0)] for o in Outcome]
    return Section("by_outcome", t("rpt.sec.by_outcome"), cols(("outcome", "text"),
                                                               ("count", "int")), rows)


def overdue(data: dict[str, Any]) -> Section:
    columns = cols(("id", "text"), ("unit_name", "text"), ("status", "text"),
                   ("deadline", "text"), ("due", "date"), ("days_overdue", "int"),
                   ("leader", "text"), ("summary", "text"))
    rows = [[e["id"], e["unit_name"], enum(e["status"]), t(f"deadline.{e['deadline']}"),
             e["due"], e["days_overdue"], e["leader"] or "", e["summary"]]
            for e in data["overdue"]]
    title = t("rpt.sec.overdue", day=data["as_of"].isoformat())
    return Section("overdue", title, columns, rows)


def backlog(data: dict[str, Any]) -> Section:
    columns = cols(("backlog_kind", "text"), ("total", "int"), ("resolved", "int"),
                   ("open", "int"), ("backlog_rate", "rate"))
    rows = []
    for kind in Backlog:
        k = data["backlog"]["by_kind"][str(kind)]
        rows.append([enum(kind), k["total"], k["resolved"], k["open"],
                     k["resolved"] / k["total"] if k["total"] else None])
    b = data["backlog"]
    rows.append([t("col.totals"), b["total"], b["resolved"], b["open"], b["rate"]])
    return Section("backlog", t("rpt.sec.backlog"), columns, rows)


def followups(data: dict[str, Any]) -> Section:
    columns = cols(("on", "date"), ("kind", "text"), ("id", "text"), ("unit_name", "text"),
                   ("note", "text"))
    rows = [[i["on"], enum(i["kind"]), i["case"], i["unit_name"], i["note"]]
            for i in data["followups"]["items"]]
    return Section("followups", t("rpt.sec.followups"), columns, rows)


def incidents(data: dict[str, Any]) -> Section:
    columns = cols(("on", "date"), ("unit_name", "text"), ("incident_kind", "text"),
                   ("id", "text"), ("note", "text"))
    rows = [[i["on"], i["unit_name"], enum(i["kind"]), i["case"] or "", i["note"]]
            for i in data["incidents"]]
    return Section("incidents", t("rpt.sec.incidents"), columns, rows)


def papers(data: dict[str, Any]) -> Section:
    """文书: the papers to petitioners issued in the period and owed at its end, by kind."""
    columns = cols(("notice_kind", "text"), ("issued", "int"), ("owed", "int"))
    counts = data["notices"]["by_kind"]
    rows = [[enum(kind), counts[str(kind)]["issued"], counts[str(kind)]["owed"]]
            for kind in NoticeKind]
    rows.append([t("col.totals"), data["notices"]["issued"], data["notices"]["owed"]])
    return Section("notices", t("rpt.sec.notices", day=data["as_of"].isoformat()), columns,
                   rows)


def supervision(data: dict[str, Any]) -> Section:
    """督查: the office's measures on the units in the period (key management that ran into
    it too), and when key management ended."""
    columns = cols(("on", "date"), ("unit_name", "text"), ("measure", "text"),
                   ("note", "text"), ("ended", "date"))
    rows = [[m["on"], m["unit_name"], enum(SupervisionKind(m["kind"])), m["note"], m["ended"]]
            for m in data["supervision"]]
    return Section("supervision", t("rpt.sec.supervision"), columns, rows)


# --- the scorecard ---------------------------------------------------------------------------


def veto_text(row: dict[str, Any]) -> str:
    """The veto's reason: which breach, on which day."""
    if not row["veto"]:
        return ""
    return "; ".join(t("rpt.veto_item", kind=label(IncidentKind(v["kind"]), lang()),
                       on=v["on"].isoformat()) for v in row["veto_reason"])


def scorecard_section(data: dict[str, Any]) -> Section:
    """One row per unit, ranked units first."""
    columns = cols(("rank", "int"), ("unit_name", "text"), ("cases", "int"), ("new", "int"),
                   ("backlog", "int"), ("backlog_resolved", "int"), ("backlog_rate", "rate"),
                   ("pace", "text"), ("accepted_on_time_rate", "rate"),
                   ("closed_on_time_rate", "rate"), ("satisfaction_rate", "rate"),
                   ("overdue", "int"), ("skip_level", "int"), ("receptions", "int"),
                   ("field_visits", "int"), ("incidents", "int"), ("circulars", "int"),
                   ("talks", "int"), ("score", "number"), ("veto", "text"))
    ordered = sorted(data["units"], key=lambda r: (r["rank"] is None, r["rank"] or 0,
                                                   r["unit"]))
    rows = [[r["rank"], r["unit_name"] + (" ★" if r["key_management"] else ""), r["cases"],
             r["new"], r["backlog"], r["backlog_resolved"], r["backlog_rate"],
             pace_text(r["pace"]), r["accepted_on_time_rate"], r["closed_on_time_rate"],
             r["satisfaction_rate"], r["overdue"], r["skip_level"], r["receptions"],
             r["field_visits"], r["incidents"], r["circulars"], r["talks"], r["score"],
             veto_text(r)] for r in ordered]
    title = t("rpt.title.scorecard", as_of=data["as_of"].isoformat())
    return Section("scorecard", title, columns, rows)

