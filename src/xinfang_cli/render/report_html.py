"""The weekly report as one self-contained printable page: A4, print stylesheet, a CJK font
stack, an inline SVG chart; no external files, no scripts. The markup is well-formed XML
(every tag closed, every text escaped), so any parser can read it back."""

from html import escape
from typing import Any

from xinfang_cli.domain.dates import today
from xinfang_cli.i18n import lang, t
from xinfang_cli.render.report_sections import (
    Section,
    backlog,
    by_outcome,
    by_source,
    by_unit,
    cell,
    followups,
    incidents,
    overdue,
    pace_text,
    period_text,
    phase_text,
    summary,
    view_text,
)

FONTS = ('"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", '
         '"Microsoft YaHei", "WenQuanYi Micro Hei", "SimSun", sans-serif')

STYLE = """
@page { size: A4 portrait; margin: 14mm 12mm 16mm 12mm; }
* { box-sizing: border-box; }
html { font-family: FONTS; font-size: 10pt; color: #111; background: #fff; }
body { margin: 0 auto; max-width: 186mm; padding: 6mm 0; line-height: 1.45; }
header { border-bottom: 2px solid #8b0000; margin-bottom: 4mm; padding-bottom: 2mm; }
header .office { font-size: 11pt; color: #8b0000; letter-spacing: 0.1em; }
h1 { font-size: 17pt; margin: 1mm 0 1mm 0; }
header p { margin: 0.5mm 0; }
h2 { font-size: 12pt; margin: 5mm 0 1.5mm 0; border-left: 4px solid #8b0000;
     padding-left: 2mm; break-after: avoid; page-break-after: avoid; }
.cards { display: flex; flex-wrap: wrap; gap: 2mm; margin: 2mm 0; }
.card { flex: 1 1 28mm; border: 1px solid #bbb; border-radius: 2mm; padding: 1.5mm 2mm; }
.card .n { font-size: 15pt; font-weight: bold; }
.card .l { font-size: 8.5pt; color: #444; }
.row { display: flex; gap: 4mm; align-items: flex-start; }
.row > section { flex: 1 1 0; min-width: 0; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0 2mm 0; }
th, td { border: 1px solid #999; padding: 0.8mm 1.5mm; vertical-align: top;
         overflow-wrap: break-word; }
th { background: #eee; font-weight: bold; text-align: center; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.nw { white-space: nowrap; }
td.unit { min-width: 7em; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
section { break-inside: auto; }
.none { color: #666; font-style: italic; margin: 0 0 2mm 0; }
.late { color: #b00000; font-weight: bold; }
svg { width: 100%; height: auto; display: block; }
footer { margin-top: 5mm; font-size: 8pt; color: #666; border-top: 1px solid #ccc;
         padding-top: 1mm; }
@media print { body { padding: 0; } a { color: inherit; text-decoration: none; } }
""".replace("FONTS", FONTS)

PACE_COLOURS = {"ahead": "#2e7d32", "on-track": "#1565c0", "behind": "#c62828", None: "#777"}


def render_html(data: dict[str, Any]) -> str:
    """The whole page as text."""
    title = t("rpt.title.report", office=data["office"])
    parts = [
        '<!DOCTYPE html>\n',
        f'<html lang="{"zh-CN" if lang() == "zh" else "en"}">',
        '<head><meta charset="utf-8"/>',
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
        f"<title>{escape(title)} {escape(period_text(data))}</title>",
        f"<style>{STYLE}</style></head><body>",
        _header(data), _cards(data),
        f"<h2>{escape(t('rpt.sec.chart'))}</h2>", chart(data),
        html_section(by_unit(data)),
        '<div class="row">', html_section(by_source(data)), html_section(by_outcome(data)),
        "</div>",
        html_section(overdue(data), late_column="days_overdue"),
        html_section(backlog(data)), html_section(followups(data)),
        html_section(incidents(data)),
        f"<footer>{escape(t('rpt.generated', today=today().isoformat()))}</footer>",
        "</body></html>\n",
    ]
    return "".join(parts)


def _header(data: dict[str, Any]) -> str:
    return ("<header>"
            f'<div class="office">{escape(data["office"])}</div>'
            f"<h1>{escape(t('rpt.title.weekly'))}</h1>"
            f"<p>{escape(period_text(data))}</p>"
            f"<p>{escape(data['campaign'])} · {escape(phase_text(data))}</p>"
            + (f"<p>{escape(view_text(data))}</p>" if data.get("view") else "")
            + "</header>")


def _cards(data: dict[str, Any]) -> str:
    """The summary as figure cards, in the order of the summary section."""
    rows = summary(data).rows
    cards = "".join(f'<div class="card"><div class="n">{escape(cell(v, "auto"))}</div>'
                    f'<div class="l">{escape(label)}</div></div>' for label, v in rows)
    return f"<h2>{escape(t('rpt.sec.summary'))}</h2><div class=\"cards\">{cards}</div>"


def html_section(section: Section, late_column: str | None = None) -> str:
    head = f"<section><h2>{escape(section.title)}</h2>"
    if not section.rows:
        return f'{head}<p class="none">{escape(t("rpt.none"))}</p></section>'
    ths = "".join(f"<th>{escape(c.title)}</th>" for c in section.columns)
    body = "".join(_row(row, section, late_column) for row in section.rows)
    return f"{head}<table><thead><tr>{ths}</tr></thead><tbody>{body}</tbody></table></section>"


def _row(row: list[Any], section: Section, late_column: str | None) -> str:
    cells = []
    for value, col in zip(row, section.columns, strict=True):
        classes = []
        if col.kind in ("int", "rate", "number", "auto"):
            classes.append("num")
        if col.key not in ("summary", "note", "item", "unit_name"):
            classes.append("nw")
        if col.key == "unit_name":
            classes.append("unit")
        if col.key == late_column and isinstance(value, int) and value > 0:
            classes.append("late")
        attr = f' class="{" ".join(classes)}"' if classes else ""
        cells.append(f"<td{attr}>{escape(cell(value, col.kind))}</td>")
    return "<tr>" + "".join(cells) + "</tr>"


# --- the chart -------------------------------------------------------------------------------


def chart(data: dict[str, Any]) -> str:
    """Inline SVG: each unit's backlog resolved (bar) against the phase-2 time elapsed (line)."""
    units = [u for u in data["units"] if u["backlog"]]
    if not units:
        return f'<p class="none">{escape(t("rpt.chart.none"))}</p>'
    left, width, bar, gap, top = 210, 360, 16, 6, 24
    height = top + len(units) * (bar + gap) + 24
    share = data["resolution_share"]
    x_share = left + share * width
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 720 {height}" '
             f'role="img" aria-label="{escape(t("rpt.sec.chart"))}" '
             f'font-family=\'{FONTS}\' font-size="12">']
    parts += _axis(left, width, top, height)
    for i, unit in enumerate(units):
        parts.append(_bar(unit, left, width, top + i * (bar + gap), bar))
    parts.append(f'<line x1="{x_share:.1f}" y1="{top - 6}" x2="{x_share:.1f}" '
                 f'y2="{height - 20}" stroke="#8b0000" stroke-width="2" '
                 'stroke-dasharray="5,3"/>')
    parts.append(f'<text x="{x_share:.1f}" y="{top - 10}" text-anchor="middle" '
                 f'fill="#8b0000">{escape(t("rpt.chart.share", share=cell(share, "rate")))}'
                 "</text>")
    parts.append("</svg>")
    return "".join(parts)


def _axis(left: int, width: int, top: int, height: int) -> list[str]:
    out = []
    for pct in (0, 25, 50, 75, 100):
        x = left + width * pct / 100
        out.append(f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{height - 20}" '
                   'stroke="#ddd" stroke-width="1"/>')
        out.append(f'<text x="{x:.1f}" y="{height - 6}" text-anchor="middle" '
                   f'fill="#555">{pct}%</text>')
    return out


def _bar(unit: dict[str, Any], left: int, width: int, y: int, bar: int) -> str:
    rate = unit["backlog_rate"] or 0.0
    colour = PACE_COLOURS.get(unit["pace"], "#777")
    label = f'{unit["backlog_resolved"]}/{unit["backlog"]} {cell(unit["backlog_rate"], "rate")}'
    return (f'<text x="{left - 8}" y="{y + bar - 3}" text-anchor="end">'
            f'{escape(unit["unit_name"])}</text>'
            f'<rect x="{left}" y="{y}" width="{width}" height="{bar}" fill="#f1f1f1"/>'
            f'<rect x="{left}" y="{y}" width="{rate * width:.1f}" height="{bar}" '
            f'fill="{colour}"/>'
            f'<text x="{left + width + 6}" y="{y + bar - 3}" fill="#222">{escape(label)} '
            f'{escape(pace_text(unit["pace"]))}</text>')
