"""The reports commands as tables: calendar, campaign, scorecard and the weekly report.

Readable at 100 columns; Chinese characters count as two cells, so columns line up. Rich
draws them on a terminal; anywhere else (cron's mail, a pipe, `-o FILE`) they are plain
text in the same shape, without importing Rich (see `tables`).
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any

from xinfang_cli.i18n import t
from xinfang_cli.render.report_sections import (
    Column,
    Section,
    cell,
    headed,
    period_text,
    phase_text,
    report_sections,
    scorecard_section,
)
from xinfang_cli.render.tables import console, plain

if TYPE_CHECKING:
    from rich.table import Table

WRAP = {"summary", "note"}  # long text: folded at 30 cells
NUMERIC = ("int", "rate", "number", "auto")


def section_table(section: Section, wrap: set[str] | None = None) -> Table:
    """A section as a Rich table; numbers right-aligned, long text folded."""
    from rich import box
    from rich.cells import cell_len
    from rich.table import Table

    wrap = wrap or WRAP
    table = Table(title=section.title, box=box.SIMPLE_HEAD, title_justify="left",
                  title_style="bold", pad_edge=False, min_width=cell_len(section.title))
    for col in section.columns:
        numeric = col.kind in NUMERIC
        table.add_column(col.title, justify="right" if numeric else "left",
                         no_wrap=col.key not in wrap, overflow="fold",
                         max_width=30 if col.key in wrap else None)
    for row in section.rows:
        table.add_row(*[cell(v, c.kind) for v, c in zip(row, section.columns, strict=True)])
    return table


def plain_section(section: Section, out: IO[str], wrap: set[str] | None = None) -> None:
    """A section as plain lines, in the shape of `section_table`."""
    from xinfang_cli.render.tables import Column as Plain
    from xinfang_cli.render.tables import plain_block, plain_width

    wrap = wrap or WRAP
    if not section.rows:
        out.write(f"{section.title}: {t('rpt.none')}\n\n")
        return
    columns = [Plain(c.title, right=c.kind in NUMERIC, max_width=30 if c.key in wrap else None,
                     fold=c.key in wrap) for c in section.columns]
    rows = [[cell(v, c.kind) for v, c in zip(row, section.columns, strict=True)]
            for row in section.rows]
    lines = plain_block(columns, rows, pad_edge=False, fit=plain_width())
    out.write(section.title + "\n" + "\n".join(lines) + "\n")


def print_report(data: dict[str, Any], out: IO[str]) -> None:
    """The weekly report on the terminal: header, then every section that has rows."""
    heading = headed([t("rpt.title.report", office=data["office"]), period_text(data),
                      phase_text(data)], data)
    print_sections(heading, report_sections(data), out)


def print_sections(heading: list[str], sections: list[Section], out: IO[str]) -> None:
    """A heading (the first line bold), then every section: a table where it has rows."""
    if plain(out):
        out.write("\n".join(heading) + "\n")
        for section in sections:
            plain_section(section, out)
        return
    from rich.text import Text

    con = console(out)
    con.print(Text(heading[0], style="bold"))
    for line in heading[1:]:
        con.print(line)
    for section in sections:
        if section.rows:
            con.print(section_table(section))
        else:
            con.print(Text(f"{section.title}: {t('rpt.none')}", style="bold"))
            con.print()


SCORE_TABLES = (
    ("rpt.title.scorecard", ("rank", "unit_name", "cases", "backlog", "backlog_resolved",
                             "backlog_rate", "pace", "score", "veto")),
    ("rpt.title.scorecard_rates", ("unit_name", "accepted_on_time_rate", "closed_on_time_rate",
                                   "satisfaction_rate", "overdue", "skip_level", "receptions",
                                   "field_visits", "incidents")),
)


def scorecard_tables(data: dict[str, Any]) -> list[Section]:
    """The scorecard section as two tables that fit 100 columns (short headers)."""
    section = scorecard_section(data)
    keys = [c.key for c in section.columns]
    tables = []
    for title, wanted in SCORE_TABLES:
        idx = [keys.index(k) for k in wanted]
        columns = [Column(c.key, t(f"rpt.short.{c.key}"), c.kind)
                   for c in (section.columns[i] for i in idx)]
        rows = [[_flag(row[i]) if keys[i] == "veto" else row[i] for i in idx]
                for row in section.rows]
        tables.append(Section(section.key, t(title, as_of=data["as_of"].isoformat()), columns,
                              rows))
    return tables


def print_scorecard(data: dict[str, Any], out: IO[str]) -> None:
    """Scorecards in two tables that fit 100 columns (short headers), then the veto reasons."""
    section = scorecard_section(data)
    keys = [c.key for c in section.columns]
    tables = scorecard_tables(data)
    lines = [f"{row[keys.index('unit_name')]}: {row[keys.index('veto')]}"
             for row in section.rows if row[keys.index("veto")]]
    lines.append(t("rpt.unranked_note", n=data["min_cases"]))
    heading = headed([phase_text(data), t("rpt.policy_name", name=data["policy"])], data)
    if plain(out):
        out.write("\n".join(heading) + "\n")
        for table in tables:
            plain_section(table, out)
        out.write("\n".join(lines) + "\n")
        return
    con = console(out)
    for line in heading:
        con.print(line)
    for table in tables:
        con.print(section_table(table))
    for line in lines:
        con.print(line)


def _flag(reason: str) -> str:
    return t("rpt.short.vetoed") if reason else ""


def print_calendar(view: dict[str, Any], out: IO[str]) -> None:
    """The campaign's phases with days elapsed and left; today's phase marked."""
    from rich import box
    from rich.table import Table

    con = console(out)
    table = Table(title=t("rpt.title.calendar", name=view["campaign"],
                          as_of=view["as_of"].isoformat()),
                  box=box.SIMPLE_HEAD, title_justify="left", title_style="bold")
    for key in ("phase_no", "phase_name", "start", "end", "days", "elapsed", "left", "state"):
        table.add_column(t(f"rpt.col.{key}"), no_wrap=True,
                         justify="right" if key in ("days", "elapsed", "left") else "left")
    for p in view["phases"]:
        style = "bold" if p["state"] == "current" else ""
        table.add_row(str(p["number"]), p["name"], p["start"].isoformat(), p["end"].isoformat(),
                      str(p["days"]), str(p["elapsed"]), str(p["left"]),
                      t(f"rpt.state.{p['state']}"), style=style)
    con.print(table)
    phase = view["phase"]
    if phase:
        con.print(t("rpt.calendar_now", number=phase["number"], name=phase["name"],
                    elapsed=view["elapsed"], left=view["left"]))
    else:
        con.print(t("rpt.no_phase"))
    pace_phase = view["phases"][view["resolution_phase"] - 1]
    con.print(t("rpt.calendar_share", number=pace_phase["number"], name=pace_phase["name"],
                share=cell(view["resolution_share"], "rate")))


def print_campaign(data: dict[str, Any], out: IO[str]) -> None:
    """The campaign in force and where it comes from."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    con = console(out)
    source = data["file"] or t("rpt.campaign_default")
    con.print(Text(f"{data['name']} ({source})", style="bold"))
    table = Table(box=box.SIMPLE_HEAD)
    for key in ("phase_no", "phase_name", "phase_name_en", "start", "end"):
        table.add_column(t(f"rpt.col.{key}"), no_wrap=True)
    for p in data["phases"]:
        table.add_row(str(p["number"]), p["name"], p["name_en"], p["start"].isoformat(),
                      p["end"].isoformat())
    con.print(table)
