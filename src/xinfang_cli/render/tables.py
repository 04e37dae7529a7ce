"""Tables: the parts every table shares. Rich on a terminal, plain text in the same shape
everywhere else. CJK widths line up: both measure East Asian wide characters as two
cells (rich.cells).

Off a terminal (cron's mail, a pipe, `-o FILE`) there is no colour to keep, and Rich's
layout costs more than the query: importing it (~25 ms) and laying out each cell
(~4 ms a row). So Rich is imported only by the functions that draw on a terminal.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from datetime import date
from typing import IO, TYPE_CHECKING, Any

from xinfang_cli.domain.enums import label
from xinfang_cli.i18n import lang, t

if TYPE_CHECKING:
    from rich.console import Console

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
