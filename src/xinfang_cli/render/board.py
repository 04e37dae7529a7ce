"""`xf status` and `xf overdue` on screen: the board of units × statuses, and the cron
check's lists of overdue and due-soon cases (plain text off a terminal, for cron's mail).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import IO, Any

from xinfang_cli.i18n import t
from xinfang_cli.render.tables import (
    MIN_WIDTH,
    cells,
    clip,
    console,
    enum_text,
    plain,
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
        name = row["unit_name"] + (" ★" if row.get("key_management") else "")
        table.add_row(name, *[_count(row[key]) for _head, key, _style in counts])
    if data.get("view"):
        from xinfang_cli.render.report_sections import view_text

        con.print(view_text(data), highlight=False)
    con.print(table)
    if any(row.get("key_management") for row in data["units"]):
        con.print(t("msg.key_management_mark"), highlight=False)


def _count(n: int) -> str:
    return str(n) if n else "·"


OVERDUE_COLUMNS = ("id", "unit_name", "status", "deadline", "deadline_due", "days", "leader",
                   "summary")


def write_overdue_json(due: Any, out: IO[str]) -> None:
    """`{"as_of": D, "overdue": [...], "due_soon": [...]}`, written as the lines are read."""
    from xinfang_cli.render import encode, json_rows

    out.write(f'{{"as_of": {encode(due.as_of)}, "overdue": [')
    out.write("\n]" if json_rows(due.keys, due.late(), out) else "]")
    out.write(', "due_soon": [')
    out.write("\n]}\n" if json_rows(due.keys, due.soon(), out) else "]}\n")


def print_overdue(due: Any, out: IO[str]) -> None:
    """What cron mails: overdue cases (most overdue first), then those due soon. `due` is
    a `views.overdue.DueList`: its counts and width bounds first, then its lines."""
    sections = [(due.late, "title.overdue", due.overdue), (due.soon, "title.due_soon",
                                                            due.due_soon)]
    if plain(out):
        layout = OverdueLayout(due)
        for lines, title, count in sections:
            if count:
                out.write(t(title, n=count, as_of=due.as_of.isoformat()) + "\n")
                layout.write(due.keys, lines(), out)
        return
    from rich import box
    from rich.table import Table

    con = console(out)
    for lines, title, count in sections:
        if not count:
            continue
        table = Table(title=t(title, n=count, as_of=due.as_of.isoformat()),
                      box=box.SIMPLE_HEAD, title_justify="left")
        for col in OVERDUE_COLUMNS:
            table.add_column(t(f"col.{col}"), no_wrap=col != "summary",
                             justify="right" if col == "days" else "left",
                             max_width=36 if col == "summary" else None, overflow="ellipsis")
        for batch in lines():
            for values in batch:
                table.add_row(*_overdue_row(dict(zip(due.keys, values, strict=True))))
        con.print(table)


def _overdue_row(e: dict[str, Any]) -> list[str]:
    return [e["id"], e["unit_name"], enum_text(e["status"]), _deadline(e["deadline"]),
            text(e["due"]), _days(e["days_overdue"]), text(e["leader"]), e["summary"]]


def _deadline(which: str) -> str:
    return t(f"deadline.{which}")


def _days(n: int) -> str:
    return t("days.late", n=n) if n > 0 else t("days.left", n=-n)


class OverdueLayout:
    """The plain table of `xf overdue`, every width fixed before the first line (from the
    bounds the list gives), so that lines are written as they are read: each cell padded
    or cut by `clip` (a wide character is two cells), the cells of a few values (units,
    statuses, leaders, day counts) made once."""

    SUMMARY = 36  # widest summary column; narrower when the line would pass the width

    def __init__(self, due: Any) -> None:
        heads = [t(f"col.{c}") for c in OVERDUE_COLUMNS]
        statuses = [enum_text(s) for s in ("registered", "accepted", "reviewing",
                                           "rereviewing")]
        most = (due.as_of - due.oldest).days if due.oldest is not None else 0
        bounds = [[due.id_width], due.unit_names, statuses,
                  [t("deadline.accept"), t("deadline.handle")], ["0000-00-00"],
                  [_days(most), _days(-due.warn_days)], ["—", *due.leaders()]]
        widths = [max(cells(h), *(cells(v) if isinstance(v, str) else v for v in b))
                  for h, b in zip(heads, bounds, strict=False)]
        room = plain_width() - sum(widths) - 3 * (len(heads) - 1) - 4
        widths.append(max(MIN_WIDTH, min(self.SUMMARY, room)))
        self.widths = widths
        self.total = sum(widths) + 3 * (len(widths) - 1) + 4
        self.head = self._line([clip(h, w) for h, w in zip(heads, widths, strict=True)])[:-1]
        self.cache: list[dict[Any, str]] = [{} for _ in widths]

    @staticmethod
    def _line(cells_: list[str]) -> str:
        return "  " + "   ".join(cells_) + "  \n"

    def _cell(self, i: int, value: Any, shown: Callable[[Any], str], right: bool = False
              ) -> str:
        cell = self.cache[i].get(value)
        if cell is None:
            cell = self.cache[i][value] = clip(shown(value), self.widths[i], right)
        return cell

    def write(self, keys: tuple[str, ...], batches: Iterable[list[tuple[Any, ...]]],
              out: IO[str]) -> None:
        """The block: blank edge, header and rule, a line per case, blank edge."""
        blank = " " * self.total
        out.write(f"{blank}\n{self.head}\n {'─' * (self.total - 2)} \n")
        at = [keys.index(k) for k in ("id", "unit_name", "status", "deadline", "due",
                                      "days_overdue", "leader", "summary")]
        w_id, w_summary, cell = self.widths[0], self.widths[-1], self._cell
        for batch in batches:
            out.write("".join([self._line([
                e[at[0]].ljust(w_id), cell(1, e[at[1]], str), cell(2, e[at[2]], enum_text),
                cell(3, e[at[3]], _deadline), cell(4, e[at[4]], text),
                cell(5, e[at[5]], _days, True), cell(6, e[at[6]], text),
                clip(e[at[7]].replace("\n", " "), w_summary)]) for e in batch]))
        out.write(blank + "\n")
