"""Cases on screen: `xf list` (a long listing, printed as it streams, in blocks that share
one column layout), `xf show` (one case with its follow-ups and history) and `xf unit list`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import IO, TYPE_CHECKING, Any

from xinfang_cli.domain.enums import PENDING, NoticeKind
from xinfang_cli.i18n import t
from xinfang_cli.render.notices import delivery_text, notice_rows
from xinfang_cli.render.tables import (
    Column,
    console,
    enum_text,
    fold,
    plain,
    plain_block,
    plain_width,
    text,
)

if TYPE_CHECKING:
    from rich.table import Table

CASE_COLUMNS = ("id", "unit_name", "source", "backlog", "status", "received", "due",
                "petitioner", "summary")


def case_list_widths() -> dict[str, int]:
    """One fixed width per column, so every block of a long listing lines up and no long
    name can squeeze the case id: enumerations as wide as their longest label."""
    from rich.cells import cell_len

    from xinfang_cli.domain.enums import Backlog, CaseStatus, Source

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
PAPER_KINDS = frozenset(str(k) for k in NoticeKind)
DELIVERY = re.compile(r"\d{4}-\d{2}-\d{2} [a-z-]+( |$)")  # how `xf deliver` writes history
PAPER_COLUMNS = ("notice_kind", "number", "issued", "by", "delivered")


def paper_rows(notices: list[dict[str, Any]]) -> list[list[str]]:
    """A case's papers in `xf show`: the columns of `xf notice list` but the case and file."""
    return [row[1:6] for row in notice_rows(notices)]


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
    if detail.get("notices"):
        con.print(_titled_table("title.notices", PAPER_COLUMNS, paper_rows(detail["notices"])))
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
              ("title.notices", PAPER_COLUMNS, paper_rows(detail.get("notices", [])), 40),
              ("title.history", HISTORY_COLUMNS, history_rows(detail["history"]), 24)]
    for title, keys, rows, wide in blocks:
        if not rows and title in ("title.followups", "title.notices"):
            continue
        columns = [Column(t(f"col.{k}"), max_width=wide, fold=True) if k in ("note", "old", "new")
                   else Column(t(f"col.{k}")) for k in keys]
        lines = plain_block(columns, rows, fit=plain_width())
        out.write(t(title) + "\n" + "\n".join(lines) + "\n")


def _history_value(field: str | None, value: str | None) -> str:
    if field in ("status", "source", "backlog", "outcome", "satisfaction", "escalation",
                 "followup", "kind"):
        return enum_text(value)
    if field in PAPER_KINDS and value and DELIVERY.match(value):  # day, method, reference
        on, method, *ref = value.split(" ", 2)
        return delivery_text({"on": on, "method": method, "ref": ref[0] if ref else None})
    return text(value)


def print_units(rows: list[dict[str, Any]], out: IO[str]) -> None:
    from rich import box
    from rich.table import Table

    con = console(out)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    for col in ("code", "name", "kind", "head", "leader", "contact", "cases", "open",
                "incidents"):
        # a long name folds onto a second line rather than losing its end
        table.add_column(t(f"col.units_{col}"), no_wrap=col != "name", overflow="fold",
                         min_width=12 if col == "name" else None,
                         justify="right" if col in ("cases", "open", "incidents") else "left")
    for r in rows:
        table.add_row(r["code"], r["name"], enum_text(r["kind"]), text(r["head"]),
                      text(r["leader"]), contact_text(r), str(r["cases"]), str(r["open"]),
                      str(r["incidents"]))
    con.print(table if rows else t("msg.no_units"))


def contact_text(unit: dict[str, Any]) -> str:
    """Where `xf remind` reaches the unit: email, work-group robot, both, or neither (—);
    `xf unit show` gives the addresses."""
    ways = [t(f"col.unit_contact_{way}") for way in ("email", "webhook") if unit[way]]
    return "+".join(ways) or "—"


def print_incidents(rows: list[dict[str, Any]], out: IO[str]) -> None:
    from rich import box
    from rich.table import Table

    con = console(out)
    table = Table(box=box.SIMPLE_HEAD)
    for col in ("incident", "on", "unit_name", "kind", "case", "note", "voided"):
        table.add_column(t(f"col.{col}"), no_wrap=col not in ("note", "voided"))
    for r in rows:
        voided = t("msg.incident_void_mark", on=text(r["voided_on"]), reason=r["void_reason"]) \
            if r["voided_on"] else ""
        table.add_row(str(r["id"]), text(r["on"]), r["unit_name"], enum_text(r["kind"]),
                      text(r["case"]), r["note"], voided)
    con.print(table if rows else t("msg.no_incidents"))


def print_unit(detail: dict[str, Any], out: IO[str]) -> None:
    """`xf unit show`: the unit's fields, then its history."""
    con = console(out)
    for key in ("code", "name", "kind", "head", "leader", "email", "webhook", "retired_on",
                "merged_into"):
        value = enum_text(detail[key]) if key == "kind" else text(detail[key])
        con.print(t("msg.field_line", field=t(f"col.unit_{key}"), value=value), highlight=False)
    rows = [[text(h["on"]), h["by"], t(f"action.{h['action']}"),
             t(f"col.unit_{h['field']}") if h["field"] else "—", text(h["old"]), text(h["new"])]
            for h in detail["history"]]
    if rows:
        con.print(_titled_table("title.history", HISTORY_COLUMNS, rows))
