"""Taking back the papers of a full export (`operations.restore`): the notices issued to
petitioners (`xf notice`, with their delivery) and the numbering of their document numbers.

The notices come back with their ids, after the cases they belong to (each must be a case of
the export), each as `xf notice` and `xf deliver` would have left it: a delivery has both its
day and its method, is not before the paper was issued, and registered mail has its tracking
number; one paper per case and kind, per year and number, per document number. The numbering
comes back as the file has it, never below the highest number restored, so that the next
paper is not given a number already used. An export written before the papers has neither
array: nothing to take back.
"""

from itertools import islice
from typing import Any

from sqlalchemy import insert, select

from xinfang_cli.domain.enums import DeliveryMethod, NoticeKind
from xinfang_cli.operations import restore_values as v
from xinfang_cli.store.models import Case, utcnow
from xinfang_cli.store.notices import Notice, NoticeSequence

CHUNK = 500  # rows per insert, case ids per look-up


def restore_notices(session: Any, doc: Any) -> int:
    """The notices and their numbering, once every case is in; the count of notices."""
    rows = [_notice(f"notices[{i}]", x) for i, x in enumerate(v.items(doc, "notices"))]
    _require_unique(rows)
    _require_cases(session, rows)
    for start in range(0, len(rows), CHUNK):
        session.execute(insert(Notice.__table__), rows[start:start + CHUNK])
    years: dict[int, int] = {}
    for row in rows:
        years[row["year"]] = max(years.get(row["year"], 0), row["seq"])
    v.numbering(session, NoticeSequence, v.items(doc, "notice_sequence"), years, "notice_sequence")
    return len(rows)


def _notice(where: str, x: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": v.whole(x, "id", where), "case_id": v.text(x, "case", where),
        "kind": v.member(NoticeKind, x, "kind", where), "year": v.whole(x, "year", where),
        "seq": v.whole(x, "seq", where), "number": v.text(x, "number", where),
        "issued": v.need(v.day(x, "issued", where), where, "issued"),
        "by": v.text(x, "by", where),
        "file": v.need(v.opt_text(x, "file", where), where, "file"),
        "sha256": v.need(v.opt_text(x, "sha256", where), where, "sha256"),
        "content_sha256": v.opt_text(x, "content_sha256", where),  # absent before 2026-12-03
        "delivered_on": v.day(x, "delivered_on", where),
        "delivery_method": v.opt_member(DeliveryMethod, x, "delivery_method", where),
        "delivery_ref": v.opt_text(x, "delivery_ref", where),
        "created_at": v.moment(x, "created_at", where) or utcnow()}
    _check_delivery(where, row)
    return row


def _check_delivery(where: str, row: dict[str, Any]) -> None:
    """Delivered as `xf deliver` records it, or not at all: else `xf notice list` and
    `xf show` could not read the paper back."""
    on, method, ref = row["delivered_on"], row["delivery_method"], row["delivery_ref"]
    if on is not None and method is None:
        raise v.Bad(f"{where}.delivery_method", f"missing for the delivery on {on}")
    if method is not None and on is None:
        raise v.Bad(f"{where}.delivered_on", f"missing for the delivery by {method}")
    if on is None and ref is not None:
        raise v.Bad(f"{where}.delivery_ref", f"{ref!r} without a delivery")
    if on is not None and on < row["issued"]:
        raise v.Bad(f"{where}.delivered_on",
                    f"delivery {on} is before the paper was issued ({row['issued']})")
    if method == DeliveryMethod.REGISTERED and not (ref or "").strip():
        raise v.Bad(f"{where}.delivery_ref", "registered mail without its tracking number")


def _require_unique(rows: list[dict[str, Any]]) -> None:
    """One paper per case and kind, per year and number, per document number: the second
    named, before the database refuses it in its own words."""
    seen: dict[tuple[str, Any], int] = {}
    for i, row in enumerate(rows):
        case, kind, year, seq, number = (row[k] for k in ("case_id", "kind", "year", "seq",
                                                          "number"))
        for field, key, reason in (
                ("kind", (case, kind), f"a second {kind} paper to case {case}"),
                ("seq", (year, seq), f"a second paper numbered {seq} in {year}"),
                ("number", number, f"a second paper numbered {number!r}")):
            first = seen.setdefault((field, key), i)
            if first != i:
                raise v.Bad(f"notices[{i}].{field}", f"{reason}, as notices[{first}]")


def _require_cases(session: Any, rows: list[dict[str, Any]]) -> None:
    """Each notice's case is a case of the export: the database held none before it."""
    wanted = list(dict.fromkeys(row["case_id"] for row in rows))
    found: set[str] = set()
    ids = iter(wanted)
    while chunk := list(islice(ids, CHUNK)):
        found.update(session.scalars(select(Case.id).where(Case.id.in_(chunk))))
    for i, row in enumerate(rows):
        if row["case_id"] not in found:
            raise v.Bad(f"notices[{i}].case", f"no case {row['case_id']!r} in the file")
