"""Tables: the parts every table shares. Rich on a terminal, plain text in the same shape
everywhere else. CJK widths line up: both measure East Asian wide characters as two
cells (rich.cells).

Off a terminal (cron's mail, a pipe, `-o FILE`) there is no colour to keep, and Rich's
layout costs more than the query: importing it (~25 ms) and laying out each cell
(~4 ms a row). So Rich is imported only by the functions that draw on a terminal, and
plain text measures a cell with `cells()`: its length plus one for each wide character
(a regular expression, in C), as rich.cells counts them for Chinese text.
"""

from __future__ import annotations

import os
import re
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


# Runs of characters one cell wide: all but East Asian Wide and Fullwidth (the Hangul
# jamo, CJK radicals to Yi, Hangul syllables, compatibility ideographs, vertical and small
# forms, fullwidth forms, the common emoji, and the ideographic planes 2 and 3).
_NARROW_RUNS = re.compile(
    "[^\u1100-\u115f\u231a\u231b\u2329\u232a\u23e9-\u23ec\u23f0\u23f3\u25fd\u25fe"
    "\u2614\u2615\u2648-\u2653\u267f\u2693\u26a1\u26aa\u26ab\u26bd\u26be\u26c4\u26c5"
    "\u26ce\u26d4\u26ea\u26f2\u26f3\u26f5\u26fa\u26fd\u2705\u270a\u270b\u2728\u274c"
    "\u274e\u2753-\u2755\u2757\u2795-\u2797\u27b0\u27bf\u2b1b\u2b1c\u2b50\u2b55"
    "\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u2ff0-\u3029\u3030-\u303e\u3041-\u3096"
    "\u309b-\u30ff\u3105-\u312f\u3131-\u3163\u3165-\u318e\u3190-\u31e5\u31ef-\u321e"
    "\u3220-\u3247\u3250-\ua48c\ua490-\ua4c6\ua960-\ua97c\uac00-\ud7a3\uf900-\ufaff"
    "\ufe10-\ufe19\ufe30-\ufe52\ufe54-\ufe66\ufe68-\ufe6b\uff01-\uff60\uffe0-\uffe6"
    "\U0001f300-\U0001f320\U0001f32d-\U0001f335\U0001f337-\U0001f37c\U0001f37e-\U0001f393"
    "\U0001f3a0-\U0001f3ca\U0001f3e0-\U0001f3f0\U0001f400-\U0001f43e\U0001f442-\U0001f4fc"
    "\U0001f4ff-\U0001f53d\U0001f5fb-\U0001f64f\U0001f680-\U0001f6c5\U0001f90c-\U0001f93a"
    "\U0001f93c-\U0001f945\U0001f947-\U0001f9ff\U00020000-\U0002fffd\U00030000-\U0003fffd]+")


def cells(value: str) -> int:
    """The cells `value` takes on a terminal: a wide (CJK) character takes two."""
    if value.isascii():
        return len(value)
    return len(value) + len(_NARROW_RUNS.sub("", value))


def clip(value: str, width: int, right: bool = False) -> str:
    """`value` padded to `width` cells, or cut to `width - 1` and an ellipsis (as Rich's
    set_cell_size and "…": a wide character that would straddle the edge becomes a space)."""
    size = cells(value)
    if size <= width:
        return " " * (width - size) + value if right else value + " " * (width - size)
    keep, room = min(len(value), width - 1), width - 1
    size = cells(value[:keep])
    while size > room:  # a character is one or two cells: never cuts more than it must
        keep -= (size - room + 1) // 2
        size = cells(value[:keep])
    return value[:keep] + " " * (room - size) + "…"


def _fit(value: str, width: int, right: bool) -> str:
    return clip(value, width, right)


MIN_WIDTH = 8  # a text column narrowed to fit is never narrower than this


def fold(value: str, width: int) -> list[str]:
    """`value` in lines at most `width` cells wide (its own line breaks kept)."""
    from rich.cells import chop_cells

    return [piece for line in value.split("\n") for piece in chop_cells(line, width) or [""]]


def plain_block(columns: list[Column], rows: list[list[str]], header: bool = True,
                pad_edge: bool = True, fit: int | None = None) -> list[str]:
    """Lines of one table block: blank edge, header and rule (if asked), rows, blank edge.

    With `fit`, the widest text columns give way until a line is at most `fit` cells."""
    widths = []
    for i, col in enumerate(columns):
        if col.width:
            widths.append(col.width)
            continue
        width = max([cells(col.header) if header else 0, *(cells(r[i]) for r in rows)])
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
