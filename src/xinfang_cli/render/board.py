"""`xf status` and `xf overdue` on screen: the board of units × statuses, and the cron
check's lists of overdue and due-soon cases (plain text off a terminal, for cron's mail).
"""

from __future__ import annotations

from typing import IO, Any

from xinfang_cli.i18n import t
from xinfang_cli.render.tables import (
    Column,
    console,
    enum_text,
    plain,
    plain_block,
    plain_width,
    text,
)

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


OVERDUE_COLUMNS = ("id", "unit_name", "status", "deadline", "deadline_due", "days", "leader",
                   "summary")


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
