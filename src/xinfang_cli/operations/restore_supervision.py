"""Taking back the office's measures on the units of a full export (`operations.restore`):
the inspections, circulars, admonition talks and key management of `xf supervise`.

The measures come back with their ids, after the units (each names a unit of the export by
its code), each as `xf supervise add` and `xf supervise end` would have left it: only key
management is ended, with the day and who ended it, not before it began; a unit is under
at most one key management not ended. They go only into a database that holds none (the
ids are kept). An export written before revision 0008 has no such array: nothing to take
back.
"""

from typing import Any

from sqlalchemy import func, insert, select

from xinfang_cli.domain.enums import SupervisionKind
from xinfang_cli.operations import restore_values as v
from xinfang_cli.store.models import utcnow
from xinfang_cli.store.supervision import Supervision

CHUNK = 500  # rows per insert
KEY = str(SupervisionKind.KEY_MANAGEMENT)


def restore_supervision(session: Any, doc: Any, units: dict[str, int]) -> int:
    """The measures, once the units are in (`units`: code in the file → id); their count."""
    rows = [_measure(f"supervision[{i}]", x, units)
            for i, x in enumerate(v.items(doc, "supervision"))]
    if not rows:
        return 0
    _require_one_running(rows)
    table = Supervision.__table__
    held = session.scalar(select(func.count()).select_from(table))
    if held:
        raise v.Bad("supervision", f"the database holds {held} measures already (xf supervise "
                                   "list): the file's come back only into one without them")
    for start in range(0, len(rows), CHUNK):
        session.execute(insert(table), [{k: r[k] for k in r if k != "code"}
                                        for r in rows[start:start + CHUNK]])
    return len(rows)


def _measure(where: str, x: Any, units: dict[str, int]) -> dict[str, Any]:
    code = v.text(x, "unit", where)
    if code not in units:
        raise v.Bad(f"{where}.unit", f"no unit {code!r} in the file")
    row: dict[str, Any] = {
        "id": v.whole(x, "id", where), "unit_id": units[code], "code": code,
        "kind": v.member(SupervisionKind, x, "kind", where),
        "on": v.need(v.day(x, "on", where), where, "on"), "note": v.text(x, "note", where),
        "by": v.text(x, "by", where), "ended_on": v.day(x, "ended_on", where),
        "ended_by": v.opt_text(x, "ended_by", where),
        "created_at": v.moment(x, "created_at", where) or utcnow()}
    _check_end(where, row)
    return row


def _check_end(where: str, row: dict[str, Any]) -> None:
    """Ended as `xf supervise end` records it, or not at all."""
    on, ended, by = row["on"], row["ended_on"], row["ended_by"]
    if ended is not None and row["kind"] != KEY:
        raise v.Bad(f"{where}.ended_on", f"only key management is ended, not {row['kind']}")
    if ended is not None and ended < on:
        raise v.Bad(f"{where}.ended_on", f"ended {ended}, before it began ({on})")
    if ended is not None and by is None:
        raise v.Bad(f"{where}.ended_by", f"missing for the end on {ended}")
    if ended is None and by is not None:
        raise v.Bad(f"{where}.ended_by", f"{by!r} without an end")


def _require_one_running(rows: list[dict[str, Any]]) -> None:
    """A unit is under one key management at a time: the second not ended is named."""
    running: dict[str, int] = {}
    for i, row in enumerate(rows):
        if row["kind"] == KEY and row["ended_on"] is None:
            first = running.setdefault(row["code"], i)
            if first != i:
                raise v.Bad(f"supervision[{i}].ended_on",
                            f"missing: unit {row['code']} is under key management not ended "
                            f"already, as supervision[{first}]")
