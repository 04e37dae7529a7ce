"""Rich tables for the terminal (and for `-o FILE` as plain text). CJK widths line up:
Rich measures East Asian wide characters as two cells."""

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import IO, Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from xinfang_cli.enums import label
from xinfang_cli.i18n import lang, t


def console(out: IO[str] | None = None) -> Console:
    """A console on `out`; plain text and at least 100 columns when not a terminal."""
    out = out or sys.stdout
    terminal = out.isatty()
    width = None if terminal else int(os.environ.get("COLUMNS", "0") or 0) or 100
    return Console(file=out, width=width, highlight=False, soft_wrap=False,
                   no_color=not terminal or "NO_COLOR" in os.environ,
                   force_terminal=terminal or None, emoji=False)


def text(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return t("yes") if value else t("no")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def enum_text(value: str | None) -> str:
    return label(value, lang()) if value else "—"


CASE_COLUMNS = ("id", "unit_name", "source", "backlog", "status", "received", "due",
                "petitioner", "summary")


def case_list_widths() -> dict[str, int]:
    """One fixed width per column, so every block of a long listing lines up and no long
    name can squeeze the case id: enumerations as wide as their longest label."""
    from rich.cells import cell_len

    from xinfang_cli.enums import Backlog, CaseStatus, Source

    def widest(enum: type, header: str) -> int:
        return max(cell_len(t(header)), *(cell_len(enum_text(str(m))) for m in enum))

    return {"id": max(10, cell_len(t("col.id"))), "unit_name": 16,
            "source": widest(Source, "col.source"), "backlog": widest(Backlog, "col.backlog"),
            "status": widest(CaseStatus, "col.status"), "received": 10, "due": 10,
            "petitioner": 10, "summary": 32}


def case_rows_table(title: str | None = None) -> Table:
    table = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False, expand=False)
    for col, width in case_list_widths().items():
        table.add_column(t(f"col.{col}"), no_wrap=True, overflow="ellipsis",
                         min_width=width, max_width=width)
    return table


# --- plain tables: long listings when the output is not a terminal -------------------------
# Rich lays out every cell of a table (~4 ms a row): fine for a screenful, minutes for
# `xf list` of a district piped into a file or mailed by cron. Off a terminal there is no
# colour to keep, so listings are laid out here, in the same shape (Rich's SIMPLE_HEAD box).


@dataclass(frozen=True)
class Column:
    header: str
    right: bool = False
    max_width: int | None = None
    width: int | None = None  # exactly this wide, whatever the cells


def _fit(value: str, width: int, right: bool) -> str:
    from rich.cells import cell_len, set_cell_size

    size = cell_len(value)
    if size > width:
        return set_cell_size(value, width - 1) + "…"
    return " " * (width - size) + value if right else value + " " * (width - size)


def plain_block(columns: list[Column], rows: list[list[str]], header: bool = True,
                pad_edge: bool = True) -> list[str]:
    """Lines of one table block: blank edge, header and rule (if asked), rows, blank edge."""
    from rich.cells import cell_len

    widths = []
    for i, col in enumerate(columns):
        if col.width:
            widths.append(col.width)
            continue
        width = max([cell_len(col.header) if header else 0, *(cell_len(r[i]) for r in rows)])
        widths.append(min(width, col.max_width) if col.max_width else width)
    edge = " " if pad_edge else ""

    def line(cells: list[str]) -> str:
        fitted = [_fit(c, w, col.right) for c, w, col in zip(cells, widths, columns, strict=True)]
        return " " + edge + "   ".join(fitted) + edge + " "

    total = sum(widths) + 3 * (len(widths) - 1) + 2 * len(edge) + 2
    lines = [" " * total]
    if header:
        lines += [line([c.header for c in columns]), " " + "─" * (total - 2) + " "]
    lines += [line(r) for r in rows]
    return [*lines, " " * total]


def _plain(out: IO[str]) -> bool:
    return not out.isatty()


def case_row(record: dict[str, Any]) -> list[Text | str]:
    due = record["due"] if record["status"] != "registered" else record["accept_due"]
    if record["status"] not in ("registered", "accepted", "reviewing", "rereviewing"):
        due = None
    due_cell = Text(text(due), style="bold red" if record["overdue"] else "")
    return [record["id"], record["unit_name"], enum_text(record["source"]),
            enum_text(record["backlog"]), enum_text(record["status"]),
            text(record["received"]), due_cell, text(record["petitioner"]),
            record["summary"]]


def print_case_list(records: Iterable[dict[str, Any]], out: IO[str], chunk: int = 200) -> int:
    """Print cases as they come, in blocks sharing one column layout."""
    if _plain(out):
        return _plain_case_list(records, out, chunk)
    con = console(out)
    count, table = 0, case_rows_table()
    for record in records:
        table.add_row(*case_row(record))
        count += 1
        if count % chunk == 0:
            con.print(table)
            table = case_rows_table()
            table.show_header = False
    if count % chunk or count == 0:
        if count == 0:
            con.print(t("msg.no_cases"))
        else:
            con.print(table)
    if count:
        con.print(t("msg.count_cases", n=count))
    return count


def _plain_case_list(records: Iterable[dict[str, Any]], out: IO[str], chunk: int) -> int:
    columns = [Column(t(f"col.{c}"), width=w) for c, w in case_list_widths().items()]
    count, rows = 0, []
    for record in records:
        rows.append([str(cell) for cell in case_row(record)])
        count += 1
        if len(rows) == chunk:
            out.write("\n".join(plain_block(columns, rows, header=count == chunk,
                                             pad_edge=False)) + "\n")
            out.flush()
            rows = []
    if rows:
        out.write("\n".join(plain_block(columns, rows, header=count <= chunk,
                                         pad_edge=False)) + "\n")
    out.write((t("msg.count_cases", n=count) if count else t("msg.no_cases")) + "\n")
    return count


def print_case_detail(detail: dict[str, Any], out: IO[str]) -> None:
    con = console(out)
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    enums = {"source", "backlog", "status", "outcome", "satisfaction", "escalation"}
    for key in ("id", "unit_name", "source", "backlog", "status", "received", "accept_due",
                "accepted", "due", "extended_days", "extension_reason", "closed", "outcome",
                "satisfaction", "reason", "petitioner", "phone", "id_number", "people",
                "group", "topic", "summary", "leader", "escalation", "repeat_of",
                "review_requested", "rereview_requested", "overdue"):
        value = detail.get(key)
        if value in (None, "", 0, False) and key not in ("status", "overdue", "people"):
            continue
        shown = enum_text(value) if key in enums else text(value)
        style = "bold red" if key == "overdue" and value else ""
        grid.add_row(t(f"col.{key}"), Text(shown, style=style))
    con.print(grid)
    _print_followups(con, detail["followups"])
    _print_history(con, detail["history"])


def _print_followups(con: Console, followups: list[dict[str, Any]]) -> None:
    if not followups:
        return
    table = Table(title=t("title.followups"), box=box.SIMPLE_HEAD, title_justify="left")
    for col in ("on", "kind", "note", "by"):
        table.add_column(t(f"col.{col}"), overflow="fold")
    for f in followups:
        table.add_row(text(f["on"]), enum_text(f["kind"]), f["note"], f["by"])
    con.print(table)


def _print_history(con: Console, history: list[dict[str, Any]]) -> None:
    table = Table(title=t("title.history"), box=box.SIMPLE_HEAD, title_justify="left")
    for col in ("on", "by", "action", "field", "old", "new"):
        table.add_column(t(f"col.{col}"), overflow="fold")
    for h in history:
        table.add_row(text(h["on"]), h["by"], t(f"action.{h['action']}"),
                      t(f"col.{h['field']}") if h["field"] else "—",
                      _history_value(h["field"], h["old"]), _history_value(h["field"], h["new"]))
    con.print(table)


def _history_value(field: str | None, value: str | None) -> str:
    if field in ("status", "source", "backlog", "outcome", "satisfaction", "escalation",
                 "followup", "kind"):
        return enum_text(value)
    return text(value)


def print_units(rows: list[dict[str, Any]], out: IO[str]) -> None:
    con = console(out)
    table = Table(box=box.SIMPLE_HEAD)
    for col in ("code", "name", "kind", "head", "leader", "cases", "open", "incidents"):
        table.add_column(t(f"col.unit_{col}"), no_wrap=True,
                         justify="right" if col in ("cases", "open", "incidents") else "left")
    for r in rows:
        table.add_row(r["code"], r["name"], enum_text(r["kind"]), text(r["head"]),
                      text(r["leader"]), str(r["cases"]), str(r["open"]), str(r["incidents"]))
    con.print(table if rows else t("msg.no_units"))


STATUS_COLUMNS = ("registered", "accepted", "rejected", "closed", "reviewing", "rereviewing",
                  "terminated")


def print_board(data: dict[str, Any], out: IO[str]) -> None:
    """The board: units × status counts, overdue and due-soon columns first, totals below."""
    con = console(out)
    table = Table(title=t("title.board", as_of=data["as_of"].isoformat()),
                  box=box.SIMPLE_HEAVY, show_footer=True, title_justify="left",
                  collapse_padding=True, pad_edge=False)
    totals = data["totals"]
    table.add_column(t("col.unit_name"), footer=t("col.totals"), min_width=10, max_width=16,
                     overflow="fold")
    table.add_column(t("col.overdue_n"), justify="right", footer=str(totals["overdue"]),
                     style="bold red")
    table.add_column(t("col.due_soon_n", n=data["warn_days"]), justify="right",
                     footer=str(totals["due_soon"]), style="yellow")
    table.add_column(t("col.total"), justify="right", footer=str(totals["total"]),
                     style="bold")
    for status in STATUS_COLUMNS:
        table.add_column(t(f"board.{status}"), justify="right", footer=str(totals[status]),
                         overflow="fold")
    for row in data["units"]:
        table.add_row(row["unit_name"], _count(row["overdue"]), _count(row["due_soon"]),
                      _count(row["total"]), *[_count(row[s]) for s in STATUS_COLUMNS])
    con.print(table)


def _count(n: int) -> str:
    return str(n) if n else "·"


def print_overdue(data: dict[str, Any], out: IO[str]) -> None:
    """What cron mails: overdue cases (most overdue first), then those due soon."""
    if _plain(out):
        _plain_overdue(data, out)
        return
    con = console(out)
    for key, title in (("overdue", "title.overdue"), ("due_soon", "title.due_soon")):
        entries = data[key]
        if not entries:
            continue
        table = Table(title=t(title, n=len(entries), as_of=data["as_of"].isoformat()),
                      box=box.SIMPLE_HEAD, title_justify="left")
        for col in ("id", "unit_name", "status", "deadline", "deadline_due", "days", "leader",
                    "summary"):
            table.add_column(t(f"col.{col}"), no_wrap=col != "summary",
                             justify="right" if col == "days" else "left",
                             max_width=36 if col == "summary" else None, overflow="ellipsis")
        for e in entries:
            days = e["days_overdue"]
            table.add_row(e["id"], e["unit_name"], enum_text(e["status"]),
                          t(f"deadline.{e['deadline']}"), text(e["due"]),
                          t("days.late", n=days) if days > 0 else t("days.left", n=-days),
                          text(e["leader"]), e["summary"])
        con.print(table)


OVERDUE_COLUMNS = ("id", "unit_name", "status", "deadline", "deadline_due", "days", "leader",
                   "summary")


def _overdue_row(e: dict[str, Any]) -> list[str]:
    days = e["days_overdue"]
    return [e["id"], e["unit_name"], enum_text(e["status"]), t(f"deadline.{e['deadline']}"),
            text(e["due"]), t("days.late", n=days) if days > 0 else t("days.left", n=-days),
            text(e["leader"]), e["summary"]]


def _plain_overdue(data: dict[str, Any], out: IO[str]) -> None:
    columns = [Column(t(f"col.{c}"), right=c == "days", max_width=36 if c == "summary" else None)
               for c in OVERDUE_COLUMNS]
    for key, title in (("overdue", "title.overdue"), ("due_soon", "title.due_soon")):
        entries = data[key]
        if entries:
            out.write(t(title, n=len(entries), as_of=data["as_of"].isoformat()) + "\n")
            out.write("\n".join(plain_block(columns, [_overdue_row(e) for e in entries]))
                      + "\n")
