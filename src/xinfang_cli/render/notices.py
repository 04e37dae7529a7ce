"""The papers on screen: those issued with their delivery (`xf notice list`, and a case's
papers in `xf show`), and those owed (`xf notice list --pending`)."""

from typing import IO, Any

from xinfang_cli.domain.enums import DeliveryMethod, NoticeKind, label
from xinfang_cli.i18n import lang, t
from xinfang_cli.render.tables import console, text

NOTICE_COLUMNS = ("case", "notice_kind", "number", "issued", "by", "delivered")
PENDING_COLUMNS = ("case", "unit_name", "notice_kind", "status", "paper_due", "days_overdue")


def delivery_text(delivered: dict[str, Any] | None) -> str:
    """`2018-06-10 挂号邮寄 XA123456789CN`, or a dash."""
    if not delivered:
        return "—"
    parts = [text(delivered["on"]), label(DeliveryMethod(delivered["method"]), lang())]
    if delivered.get("ref"):
        parts.append(delivered["ref"])
    return " ".join(parts)


def notice_rows(rows: list[dict[str, Any]]) -> list[list[str]]:
    """Table rows of issued papers (JSON adds the file and its SHA-256)."""
    return [[r["case"], label(NoticeKind(r["kind"]), lang()), r["number"], text(r["issued"]),
             r["by"], delivery_text(r["delivered"])] for r in rows]


def print_notices(rows: list[dict[str, Any]], out: IO[str]) -> None:
    _print(NOTICE_COLUMNS, notice_rows(rows), out, "msg.no_notices", wrap=("delivered", "by"))


def print_pending(rows: list[dict[str, Any]], out: IO[str]) -> None:
    shown = [[r["case"], r["unit_name"], label(NoticeKind(r["kind"]), lang()),
              label(r["status"], lang()), text(r["due"]), text(r["days_overdue"])]
             for r in rows]
    _print(PENDING_COLUMNS, shown, out, "msg.no_pending", right=("days_overdue",))


def _print(columns: tuple[str, ...], rows: list[list[str]], out: IO[str], empty: str,
           wrap: tuple[str, ...] = (), right: tuple[str, ...] = ()) -> None:
    from rich import box
    from rich.table import Table

    con = console(out)
    if not rows:
        con.print(t(empty))
        return
    table = Table(box=box.SIMPLE_HEAD)
    for col in columns:
        table.add_column(t(f"col.{col}"), no_wrap=col not in wrap, overflow="fold",
                         justify="right" if col in right else "left")
    for row in rows:
        table.add_row(*row)
    con.print(table)


MEASURE_COLUMNS = ("measure_no", "on", "unit_name", "measure", "note", "ended")


def print_measures(rows: list[dict[str, Any]], out: IO[str]) -> None:
    """`xf supervise list`: each measure, key management still running marked."""
    from xinfang_cli.domain.enums import SupervisionKind

    shown = [[str(r["id"]), text(r["on"]), r["unit_name"],
              label(SupervisionKind(r["kind"]), lang()) + (" ●" if r["active"] else ""),
              r["note"], text(r["ended"])] for r in rows]
    _print(MEASURE_COLUMNS, shown, out, "msg.no_measures", wrap=("note",))
