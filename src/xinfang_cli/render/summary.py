"""The campaign's year-end summary (总结) in every format of `xf report` but JSON.

Its sections are rows like the weekly report's (`report_sections`), so the table,
Markdown, CSV and XLSX writers serve both; the HTML is an A4 document of its own, with
each unit's pending backlog over the months drawn as a row of small bars.
"""

from html import escape
from pathlib import Path
from typing import Any

from xinfang_cli.domain.campaign import PHASE_FIGURES
from xinfang_cli.domain.enums import Backlog
from xinfang_cli.i18n import lang, t
from xinfang_cli.render import Format, destination
from xinfang_cli.render.report_sections import (
    Column,
    Section,
    cols,
    enum,
    headed,
    incidents,
    phase_text,
    scorecard_section,
    supervision,
)


def heading(data: dict[str, Any]) -> list[str]:
    """Title, the campaign's days and the day its figures stand at."""
    period = data["period"]
    return headed([t("sum.title", office=data["office"], campaign=data["campaign"]),
                   t("sum.period", start=period["from"].isoformat(),
                     end=period["to"].isoformat(), day=data["as_of"].isoformat()),
                   phase_text(data)], data)


def summary_sections(data: dict[str, Any]) -> list[Section]:
    """Every section of the summary, in print order."""
    final = data["scorecard"]
    sections = [overview(data), phases(data), unit_backlog(data), months(data),
                incidents(data), supervision(data)]
    return [*sections, scorecard_section(final)] if final["units"] else sections


def overview(data: dict[str, Any]) -> Section:
    """总体情况: the backlog from the campaign's start to its end, and what was done."""
    b, p = data["backlog"], data["phases"]
    done = sum(1 for r in data["scorecard"]["units"] if r["veto"])
    rows = [
        [t("sum.row.backlog_start", day=b["start"].isoformat()), b["totals"]["total"]["start"]],
        [t("sum.row.backlog_added"), b["added"]],
        [t("sum.row.backlog_resolved"), b["resolved"]],
        [t("sum.row.backlog_end", day=b["end"].isoformat()), b["totals"]["total"]["end"]],
        *[[t(f"sum.item.{key}"), sum(phase[key] or 0 for phase in p)]
          for key in ("received", "accepted", "closed", "receptions", "field_visits",
                      "incidents")],
        [t("sum.row.reminders"), t("sum.reminders", messages=data["reminders"]["messages"],
                                   cases=data["reminders"]["cases"])],
        [t("sum.row.measures"), len([m for m in data["supervision"]
                                     if m["on"] >= data["period"]["from"]])],
        [t("sum.row.vetoed"), done],
    ]
    return Section("overview", t("sum.sec.overview"), cols(("item", "text"), ("value", "auto")),
                   rows)


def phases(data: dict[str, Any]) -> Section:
    """分阶段: one column per phase (run so far), a row per figure, and the whole."""
    shown = [p for p in data["phases"] if p["received"] is not None]
    columns = [Column("item", t("rpt.col.item"))]
    columns += [Column(f"phase{p['number']}", t("sum.phase_col", number=p["number"],
                                                 name=p["name"]), "int") for p in shown]
    columns.append(Column("total", t("col.totals"), "int"))
    rows = [[t(f"sum.item.{key}"), *(p[key] for p in shown), sum(p[key] for p in shown)]
            for key in PHASE_FIGURES]
    dates = [t("sum.item.days"), *(f"{p['start']:%m-%d}–{p['end']:%m-%d}" for p in shown), ""]
    return Section("phases", t("sum.sec.phases"), columns, [dates, *rows])


def unit_backlog(data: dict[str, Any]) -> Section:
    """各单位积案: each unit's pending backlog by kind at the campaign's start and end (a
    row per kind it had, then its total)."""
    b = data["backlog"]
    columns = cols(("unit_name", "text"), ("backlog_kind", "text"))
    columns += [Column("start", t("sum.col.start", day=b["start"].isoformat()), "int"),
                Column("end", t("sum.col.end", day=b["end"].isoformat()), "int")]
    rows = []
    for u in [*b["units"], {"unit_name": t("col.totals"), **b["totals"]}]:
        if not (u["total"]["start"] or u["total"]["end"]) and "unit" in u:
            continue
        kinds = [k for k in Backlog if u[str(k)]["start"] or u[str(k)]["end"]]
        for kind in kinds:
            rows.append([u["unit_name"], enum(kind),
                         u[str(kind)]["start"], u[str(kind)]["end"]])
        if len(kinds) != 1:
            rows.append([u["unit_name"], t("col.totals"),
                         u["total"]["start"], u["total"]["end"]])
    return Section("unit_backlog", t("sum.sec.unit_backlog"), columns, rows)


def months(data: dict[str, Any]) -> Section:
    """各月积案: each unit's pending backlog at the end of every month (the chart's data)."""
    ms = data["months"]
    columns = [Column("unit_name", t("rpt.col.unit_name"))]
    columns += [Column(f"m{m['month']}", t("sum.month", month=int(m["month"][5:])), "int")
                for m in ms]
    rows = [[u["unit_name"], *(m["by_unit"].get(u["unit"], 0) for m in ms)]
            for u in data["backlog"]["units"] if any(m["by_unit"].get(u["unit"]) for m in ms)]
    rows.append([t("col.totals"), *(sum(m["by_unit"].values()) for m in ms)])
    return Section("months", t("sum.sec.months"), columns, rows)


# --- writing ---------------------------------------------------------------------------------


def write_summary(data: dict[str, Any], chosen: Format, output: Path | None) -> None:
    """Write the summary in `chosen` format to `output` (or stdout)."""
    from xinfang_cli.render.report_text import write_csv, write_markdown

    sections = summary_sections(data)
    if chosen is Format.XLSX:
        from xinfang_cli.render.report_xlsx import write_xlsx

        assert output is not None
        write_xlsx(sections, heading(data), output)
        return
    with destination(output) as out:
        if chosen is Format.TABLE:
            from xinfang_cli.render.report_tables import print_sections, scorecard_tables

            if data["scorecard"]["units"]:  # two tables that fit 100 columns, as its own
                sections = sections[:-1] + scorecard_tables(data["scorecard"])
            print_sections(heading(data), sections, out)
        elif chosen is Format.MD:
            write_markdown(sections, heading(data), out)
        elif chosen is Format.CSV:
            write_csv(sections, out)
        elif chosen is Format.HTML:
            out.write(render_html(data, sections))


def render_html(data: dict[str, Any], sections: list[Section]) -> str:
    """The summary as one printable A4 page (the weekly report's stylesheet)."""
    from xinfang_cli.domain.dates import today
    from xinfang_cli.render.report_html import STYLE, html_section

    head = heading(data)
    parts = [
        "<!DOCTYPE html>\n",
        f'<html lang="{"zh-CN" if lang() == "zh" else "en"}">',
        '<head><meta charset="utf-8"/>',
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
        f"<title>{escape(head[0])}</title>",
        f"<style>{STYLE}{CHART_STYLE}</style></head><body>",
        "<header>", f'<div class="office">{escape(data["office"])}</div>',
        f"<h1>{escape(t('sum.heading', campaign=data['campaign']))}</h1>",
        *(f"<p>{escape(line)}</p>" for line in head[1:]), "</header>",
        html_section(sections[0]),
        f"<section><h2>{escape(t('sum.sec.chart'))}</h2>{backlog_chart(data)}</section>",
        *(html_section(s, late_column=None) for s in sections[1:]),
        f"<footer>{escape(t('rpt.generated', today=today().isoformat()))}</footer>",
        "</body></html>\n",
    ]
    return "".join(parts)


CHART_STYLE = """
table.chart td { border: none; border-bottom: 1px solid #eee; padding: 0.4mm 1mm; }
table.chart td.bars { width: 70%; }
"""


def backlog_chart(data: dict[str, Any]) -> str:
    """Each unit's pending backlog at the end of every month: one row of bars per unit, all
    on one scale, the first and last figures beside them (readable in black and white)."""
    ms = data["months"]
    units = [u for u in data["backlog"]["units"]
             if any(m["by_unit"].get(u["unit"]) for m in ms)]
    if not units:
        return f'<p class="none">{escape(t("rpt.chart.none"))}</p>'
    top = max(m["by_unit"].get(u["unit"], 0) for u in units for m in ms) or 1
    width, height, step = 300, 28, 300 / len(ms)
    rows = []
    for u in units:
        values = [m["by_unit"].get(u["unit"], 0) for m in ms]
        bars = "".join(
            f'<rect x="{i * step + 1:.1f}" y="{height - 2 - v / top * (height - 4):.1f}" '
            f'width="{step - 2:.1f}" height="{v / top * (height - 4):.1f}" fill="#8b0000"/>'
            for i, v in enumerate(values))
        svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
               f'role="img" aria-label="{escape(u["unit_name"])}">'
               f'<line x1="0" y1="{height - 1}" x2="{width}" y2="{height - 1}" '
               f'stroke="#999" stroke-width="1"/>{bars}</svg>')
        rows.append(f'<tr><td class="unit">{escape(u["unit_name"])}</td>'
                    f'<td class="num">{values[0]}</td><td class="bars">{svg}</td>'
                    f'<td class="num">{values[-1]}</td></tr>')
    months_text = t("sum.chart_months", first=ms[0]["month"], last=ms[-1]["month"], top=top)
    return (f'<table class="chart"><tbody>{"".join(rows)}</tbody></table>'
            f'<p class="none">{escape(months_text)}</p>')
