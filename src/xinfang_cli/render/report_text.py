"""The report and scorecard in every format but JSON: table, Markdown, CSV, HTML, XLSX."""

import csv
from pathlib import Path
from typing import IO, Any

from xinfang_cli.i18n import t
from xinfang_cli.render import Format, destination
from xinfang_cli.render.report_sections import (
    Section,
    cell,
    headed,
    period_text,
    phase_text,
    report_sections,
    scorecard_section,
)


def write_report(data: dict[str, Any], chosen: Format, output: Path | None) -> None:
    """Write the weekly report in `chosen` format to `output` (or stdout)."""
    if chosen is Format.XLSX:
        from xinfang_cli.render.report_xlsx import write_xlsx

        assert output is not None
        write_xlsx(report_sections(data), _heading(data), output)
        return
    with destination(output) as out:
        if chosen is Format.TABLE:
            from xinfang_cli.render.report_tables import print_report

            print_report(data, out)
        elif chosen is Format.MD:
            write_markdown(report_sections(data), _heading(data), out)
        elif chosen is Format.CSV:
            write_csv(report_sections(data), out)
        elif chosen is Format.HTML:
            from xinfang_cli.render.report_html import render_html

            out.write(render_html(data))


def write_scorecard(data: dict[str, Any], chosen: Format, output: Path | None) -> None:
    """Write the scorecards as a table, Markdown or CSV."""
    with destination(output) as out:
        if chosen is Format.TABLE:
            from xinfang_cli.render.report_tables import print_scorecard

            print_scorecard(data, out)
        elif chosen is Format.MD:
            write_markdown([scorecard_section(data)], headed([phase_text(data)], data), out)
        elif chosen is Format.CSV:
            write_csv([scorecard_section(data)], out)


def _heading(data: dict[str, Any]) -> list[str]:
    return headed([t("rpt.title.report", office=data["office"]), period_text(data),
                   phase_text(data)], data)


def write_markdown(sections: list[Section], heading: list[str], out: IO[str]) -> None:
    """GitHub-flavoured Markdown: a title, then one pipe table per section."""
    out.write(f"# {heading[0]}\n\n")
    for line in heading[1:]:
        out.write(f"{line}  \n")
    for section in sections:
        out.write(f"\n## {section.title}\n\n")
        if not section.rows:
            out.write(f"{t('rpt.none')}\n")
            continue
        out.write("| " + " | ".join(c.title for c in section.columns) + " |\n")
        out.write("|" + "|".join(_md_rule(c.kind) for c in section.columns) + "|\n")
        for row in section.rows:
            cells = [_md_escape(cell(v, c.kind)) for v, c in zip(row, section.columns,
                                                                  strict=True)]
            out.write("| " + " | ".join(cells) + " |\n")


def _md_rule(kind: str) -> str:
    return " ---: " if kind in ("int", "rate", "number", "auto") else " --- "


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def write_csv(sections: list[Section], out: IO[str]) -> None:
    """One CSV: each section is a title row, a header row, its rows, then a blank row.

    Rates are written as fractions (0.8333), dates in ISO; cells that a spreadsheet would
    run as a formula are made inert with a leading apostrophe.
    """
    writer = csv.writer(out, lineterminator="\r\n")
    for section in sections:
        writer.writerow([section.title])
        writer.writerow([c.title for c in section.columns])
        for row in section.rows:
            writer.writerow([_csv_cell(v) for v in row])
        writer.writerow([])


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    text = str(value)
    if isinstance(value, str) and text[:1] in ("=", "+", "-", "@"):
        return "'" + text
    return text
