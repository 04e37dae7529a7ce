"""What `xf search` found: each case with where the words matched and the line that shows
it, the words marked on a terminal; and the repeat warning of `xf add`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from xinfang_cli.i18n import t
from xinfang_cli.render.tables import console, enum_text, plain, text


def _head(record: dict[str, Any]) -> str:
    where = t("search.sep").join(t(f"search.field.{f}") for f in record["matched"])
    return "  ".join((record["id"], record["unit_name"], enum_text(record["status"]),
                      text(record["received"]), text(record["petitioner"]),
                      t("search.where", fields=where)))


def print_found(records: Iterable[dict[str, Any]], words: list[str], out: IO[str],
                limit: int | None = None) -> int:
    """Cases found, best first, two lines each (as grep and ripgrep show a match): the case,
    then the line that matched, indented; on a terminal the words are marked in it.
    Printed as they come."""
    count = 0
    if plain(out):
        for record in records:
            out.write(f"{_head(record)}\n    {record['excerpt']}\n")
            count += 1
    else:
        from rich.padding import Padding
        from rich.text import Text

        con = console(out)
        for record in records:
            marked = Text(record["excerpt"])
            marked.highlight_words(words, style="bold reverse", case_sensitive=False)
            con.print(Text(_head(record), style="bold"))
            con.print(Padding(marked, (0, 0, 0, 4)))
            count += 1
        out = con.file
    if not count:
        out.write(t("search.none") + "\n")
    else:  # at the limit, there may be more: say how to see them
        out.write(t("search.count_limit" if count == limit else "search.count", n=count) + "\n")
    return count


def repeat_warning(name: str, earlier: list[dict[str, Any]], total: int) -> list[str]:
    """`xf add`: the petitioner already has cases (`total`; the newest `earlier` listed)."""
    keys = t("search.sep").join(dict.fromkeys(t(f"repeat.key.{e['matched']}") for e in earlier))
    lines = [t("repeat.found", name=name, n=total, keys=keys) if total == len(earlier)
             else t("repeat.found_newest", name=name, n=total, keys=keys, shown=len(earlier))]
    for i, e in enumerate(earlier, 1):
        summary = e["summary"] if len(e["summary"]) <= 30 else e["summary"][:29] + "…"
        lines.append(f"  {i}. {e['id']}  {text(e['received'])}  {e['unit_name']}  "
                     f"{enum_text(e['status'])}  {summary}")
    return lines
