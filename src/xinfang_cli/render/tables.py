"""Tables: Rich on a terminal, plain text in the same shape everywhere else. CJK widths
line up: both measure East Asian wide characters as two cells (rich.cells).

Off a terminal (cron's mail, a pipe, `-o FILE`) there is no colour to keep, and Rich's
layout costs more than the query: importing it (~25 ms) and laying out each cell
(~4 ms a row). So Rich is imported only by the functions that draw on a terminal.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import IO, TYPE_CHECKING, Any

from xinfang_cli.enums import PENDING, label
from xinfang_cli.i18n import lang, t

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

PLAIN_WIDTH = 100  # columns of plain output, unless COLUMNS says otherwise


def console(out: IO[str] | None = None) -> Console:
    """A console on `out`; plain text and at least 100 columns when not a terminal."""
    from rich.console import Console

    out = out or sys.stdout
    terminal = out.isatty()
    width = None if terminal else plain_width()
    return Console(file=out, width=width, highlight=False, soft_wrap=False,
                   no_color=not terminal or "NO_COLOR" in os.environ,
                   force_terminal=terminal or None, emoji=False)


def plain_width() -> int:
    try:
        return int(os.environ.get("COLUMNS", "0") or 0) or PLAIN_WIDTH
    except ValueError:
        return PLAIN_WIDTH


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
    from rich import box
    from rich.table import Table

    table = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False, expand=False)
    for col, width in case_list_widths().items():
        table.add_column(t(f"col.{col}"), no_wrap=True, overflow="ellipsis",
                         min_width=width, max_width=width)
    return table


# --- plain tables: the same shape as Rich's SIMPLE_HEAD box, without Rich -----------------


@dataclass(frozen=True)
class Column:
    header: str
    right: bool = False
    max_width: int | None = None
    width: int | None = None  # exactly this wide, whatever the cells
    fold: bool = False  # a longer cell goes on in further lines (else it is cut with …)


def _fit(value: str, width: int, right: bool) -> str:
    from rich.cells import cell_len, set_cell_size

    size = cell_len(value)
    if size > width:
        return set_cell_size(value, width - 1) + "…"
    return " " * (width - size) + value if right else value + " " * (width - size)


MIN_WIDTH = 8  # a text column narrowed to fit is never narrower than this


def fold(value: str, width: int) -> list[str]:
    """`value` in lines at most `width` cells wide (its own line breaks kept)."""
    from rich.cells import chop_cells

    return [piece for line in value.split("\n") for piece in chop_cells(line, width) or [""]]


def plain_block(columns: list[Column], rows: list[list[str]], header: bool = True,
                pad_edge: bool = True, fit: int | None = None) -> list[str]:
    """Lines of one table block: blank edge, header and rule (if asked), rows, blank edge.

    With `fit`, the widest text columns give way until a line is at most `fit` cells."""
    from rich.cells import cell_len

    widths = []
    for i, col in enumerate(columns):
        if col.width:
            widths.append(col.width)
            continue
        width = max([cell_len(col.header) if header else 0, *(cell_len(r[i]) for r in rows)])
        widths.append(min(width, col.max_width) if col.max_width else width)
    edge = " " if pad_edge else ""
    frame = 3 * (len(widths) - 1) + 2 * len(edge) + 2
    while fit and sum(widths) + frame > fit:
        give = [i for i, col in enumerate(columns)  # free text only: never ids or dates
                if (col.fold or col.max_width) and not col.width and widths[i] > MIN_WIDTH]
        if not give:
            break
        widths[max(give, key=lambda i: widths[i])] -= 1

    def lines_of(cells: list[str]) -> list[str]:
        parts = [fold(c, w) if col.fold else [c.replace("\n", " ")]
                 for c, w, col in zip(cells, widths, columns, strict=True)]
        return [" " + edge + "   ".join(_fit(p[k] if k < len(p) else "", w, col.right)
                                        for p, w, col in zip(parts, widths, columns, strict=True))
                + edge + " " for k in range(max(len(p) for p in parts))]

    total = sum(widths) + frame
    lines = [" " * total]
    if header:
        lines += [*lines_of([c.header for c in columns]), " " + "─" * (total - 2) + " "]
    for row in rows:
        lines += lines_of(row)
    return [*lines, " " * total]


def plain(out: IO[str]) -> bool:
    """Whether `out` gets plain text: anything but a terminal."""
    return not out.isatty()


def case_row(record: dict[str, Any]) -> list[str]:
    return [record["id"], record["unit_name"], enum_text(record["source"]),
            enum_text(record["backlog"]), enum_text(record["status"]),
            text(record["received"]), text(running_due(record)), text(record["petitioner"]),
            record["summary"]]


def running_due(record: dict[str, Any]) -> date | None:
    """The deadline a listed case is working to: acceptance, then handling; none once ended."""
    if record["status"] not in PENDING:
        return None
    return record["due"] if record["status"] != "registered" else record["accept_due"]


def print_case_list(records: Iterable[dict[str, Any]], out: IO[str], chunk: int = 200) -> int:
    """Print cases as they come, in blocks sharing one column layout."""
    if plain(out):
        return _plain_case_list(records, out, chunk)
    from rich.text import Text

    con = console(out)
    count, table = 0, case_rows_table()
    for record in records:
        cells: list[Any] = case_row(record)
        cells[6] = Text(cells[6], style="bold red" if record["overdue"] else "")
        table.add_row(*cells)
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
        rows.append(case_row(record))
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


DETAIL_KEYS = ("id", "unit_name", "source", "backlog", "status", "received", "accept_due",
               "accepted", "due", "extended_days", "extension_reason", "closed", "outcome",
               "satisfaction", "reason", "petitioner", "phone", "id_number", "people", "group",
               "topic", "summary", "leader", "escalation", "repeat_of", "review_requested",
               "rereview_requested", "overdue")
DETAIL_ENUMS = {"source", "backlog", "status", "outcome", "satisfaction", "escalation"}


def detail_fields(detail: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(key, label, value) for each field a case has, in the order `xf show` lists them."""
    fields = []
    for key in DETAIL_KEYS:
        value = detail.get(key)
        if value in (None, "", 0, False) and key not in ("status", "overdue", "people"):
            continue
        shown = enum_text(value) if key in DETAIL_ENUMS else text(value)
        fields.append((key, t(f"col.{key}"), shown))
    return fields


def followup_rows(followups: list[dict[str, Any]]) -> list[list[str]]:
    return [[text(f["on"]), enum_text(f["kind"]), f["note"], f["by"]] for f in followups]


def history_rows(history: list[dict[str, Any]]) -> list[list[str]]:
    return [[text(h["on"]), h["by"], t(f"action.{h['action']}"),
             t(f"col.{h['field']}") if h["field"] else "—",
             _history_value(h["field"], h["old"]), _history_value(h["field"], h["new"])]
            for h in history]


FOLLOWUP_COLUMNS = ("on", "kind", "note", "by")
HISTORY_COLUMNS = ("on", "by", "action", "field", "old", "new")


def print_case_detail(detail: dict[str, Any], out: IO[str]) -> None:
    if plain(out):
        _plain_case_detail(detail, out)
        return
    from rich.table import Table
    from rich.text import Text

    con = console(out)
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    for key, name, shown in detail_fields(detail):
        style = "bold red" if key == "overdue" and detail["overdue"] else ""
        grid.add_row(name, Text(shown, style=style))
    con.print(grid)
    if detail["followups"]:
        con.print(_titled_table("title.followups", FOLLOWUP_COLUMNS,
                                followup_rows(detail["followups"])))
    con.print(_titled_table("title.history", HISTORY_COLUMNS, history_rows(detail["history"])))


def _titled_table(title: str, keys: tuple[str, ...], rows: list[list[str]]) -> Table:
    from rich import box
    from rich.table import Table

    table = Table(title=t(title), box=box.SIMPLE_HEAD, title_justify="left")
    for key in keys:
        table.add_column(t(f"col.{key}"), overflow="fold")
    for row in rows:
        table.add_row(*row)
    return table


def _plain_case_detail(detail: dict[str, Any], out: IO[str]) -> None:
    from rich.cells import cell_len

    fields = detail_fields(detail)
    names = max(cell_len(name) for _, name, _ in fields)
    room = max(plain_width() - names - 2, 20)
    for _, name, shown in fields:
        for k, piece in enumerate(fold(shown, room)):
            head = name + " " * (names - cell_len(name)) if k == 0 else " " * names
            out.write(f"{head}  {piece}".rstrip() + "\n")
    blocks = [("title.followups", FOLLOWUP_COLUMNS, followup_rows(detail["followups"]), 40),
              ("title.history", HISTORY_COLUMNS, history_rows(detail["history"]), 24)]
    for title, keys, rows, wide in blocks:
        if not rows and title == "title.followups":
            continue
        columns = [Column(t(f"col.{k}"), max_width=wide, fold=True) if k in ("note", "old", "new")
                   else Column(t(f"col.{k}")) for k in keys]
        lines = plain_block(columns, rows, fit=plain_width())
        out.write(t(title) + "\n" + "\n".join(lines) + "\n")


def _history_value(field: str | None, value: str | None) -> str:
    if field in ("status", "source", "backlog", "outcome", "satisfaction", "escalation",
                 "followup", "kind"):
        return enum_text(value)
    return text(value)


def print_units(rows: list[dict[str, Any]], out: IO[str]) -> None:
    from rich import box
    from rich.table import Table

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
    from rich import box
    from rich.cells import cell_len
    from rich.table import Table

    con = console(out)
    totals = data["totals"]
    counts = [(t("col.overdue_n"), "overdue", "bold red"),
              (t("col.due_soon_n", n=data["warn_days"]), "due_soon", "yellow"),
              (t("col.total"), "total", "bold"),
              *((t(f"board.{s}"), s, "") for s in STATUS_COLUMNS)]
    # The unit names take what the counts leave, 10 to 16 cells: a fixed width, because a
    # minimum width makes Rich cut off the last column on a narrow terminal. The counts'
    # headings fold there instead.
    rest = sum(2 + max(cell_len(head), len(str(totals[key]))) for head, key, _ in counts)
    names = max((cell_len(row["unit_name"]) for row in data["units"]), default=10)
    table = Table(title=t("title.board", as_of=data["as_of"].isoformat()),
                  box=box.SIMPLE_HEAVY, show_footer=True, title_justify="left",
                  collapse_padding=True, pad_edge=False)
    table.add_column(t("col.unit_name"), footer=t("col.totals"), overflow="fold",
                     width=max(10, min(16, names, con.width - rest - 2)))
    for head, key, style in counts:
        table.add_column(head, justify="right", footer=str(totals[key]), style=style,
                         overflow="fold")
    for row in data["units"]:
        table.add_row(row["unit_name"], *[_count(row[key]) for _head, key, _style in counts])
    con.print(table)


def _count(n: int) -> str:
    return str(n) if n else "·"


def print_overdue(data: dict[str, Any], out: IO[str]) -> None:
    """What cron mails: overdue cases (most overdue first), then those due soon."""
    if plain(out):
        _plain_overdue(data, out)
        return
    from rich import box
    from rich.table import Table

    con = console(out)
    for key, title in (("overdue", "title.overdue"), ("due_soon", "title.due_soon")):
        entries = data[key]
        if not entries:
            continue
        table = Table(title=t(title, n=len(entries), as_of=data["as_of"].isoformat()),
                      box=box.SIMPLE_HEAD, title_justify="left")
        for col in OVERDUE_COLUMNS:
            table.add_column(t(f"col.{col}"), no_wrap=col != "summary",
                             justify="right" if col == "days" else "left",
                             max_width=36 if col == "summary" else None, overflow="ellipsis")
        for e in entries:
            table.add_row(*_overdue_row(e))
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
            lines = plain_block(columns, [_overdue_row(e) for e in entries], fit=plain_width())
            out.write("\n".join(lines) + "\n")
