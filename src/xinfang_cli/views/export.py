"""`xf export`: every case with its follow-ups, as CSV, XLSX or JSON, streamed.

Personal data is masked unless revealed; a reveal is written to each exported case's
history (in the same transaction, before the cases are read, so the file carries the
record of its own reveal). JSON is the full export that `xf import` takes back whole,
the office's measures on the units (`xf supervise`), the papers issued to petitioners
(`xf notice`) and their numbering included: see `operations/restore.py` for its shape.
"""

import csv
import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlmodel import Session

from xinfang_cli.domain.formats import (
    CASE_COLUMNS,
    EXPORT_FORMAT,
    EXPORT_VERSION,
    EXTRA_CASE_FIELDS,
    FOLLOWUP_COLUMNS,
)
from xinfang_cli.domain.masking import mask_field
from xinfang_cli.domain.registration import PERSONAL
from xinfang_cli.store.models import (
    Case,
    FollowUp,
    History,
    ImportBatch,
    Incident,
    Unit,
)
from xinfang_cli.store.records import Command, UnitHistory
from xinfang_cli.views.cases import RECORD_KEYS, CaseFilter, case_record, case_records

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def record_reveal(session: Session, today: date, by: str, command: str = "export") -> None:
    """One `reveal` history row per case, written in one statement (100,000 cases: one INSERT)."""
    from xinfang_cli.domain.enums import CaseStatus
    from xinfang_cli.views.cases import CaseFilter, reveal_matching

    # every case, the voided too: the export carries them all
    reveal_matching(session, CaseFilter(statuses=[str(s) for s in CaseStatus]), today, by,
                    command)


def private_file(path: Path) -> Path:
    """Create (or keep) `path` readable by its owner only: an export holds personal data."""
    import os

    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)
    return path


def inert(value: Any) -> Any:
    """A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) starts with a quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


# --- reading, streamed in case order --------------------------------------------------------------


def case_rows(session: Session, today: date, reveal: bool, threshold: int,
              extra: tuple[Any, ...] = ()) -> Iterator[list[list[Any]]]:
    """Every case (the voided too) as its contract record's values in the order of
    `RECORD_KEYS`, dates as ISO text, then the `extra` columns: in id order, in batches of
    row tuples (100,000 cases: no ORM object)."""
    from xinfang_cli.domain.enums import CaseStatus

    every = CaseFilter(statuses=[str(s) for s in CaseStatus])
    return case_records(session, every, today, reveal, threshold, extra)


def cases(session: Session, today: date, reveal: bool, threshold: int
          ) -> Iterator[tuple[Case, dict[str, Any]]]:
    """Each case with its contract record, in id order, `yield_per` batches (the workbook:
    its dates are date cells)."""
    query = (select(Case, Unit).join(Unit, Unit.id == Case.unit_id)
             .order_by(Case.year, Case.seq).execution_options(yield_per=1000))
    for case, unit in session.execute(query):
        yield case, case_record(case, unit, today, reveal, threshold)


_FOLLOWUP = ("id", "on", "kind", "note", "by", "created_at", "command_id", "undone_on",
             "undone_by")


def followups(session: Session) -> Iterator[tuple[str, dict[str, Any]]]:
    f = FollowUp
    query = (select(f.case_id, *(getattr(f, name) for name in _FOLLOWUP))
             .join(Case, Case.id == f.case_id)
             .order_by(Case.year, Case.seq, f.id).execution_options(yield_per=2000))
    for row in session.connection().execute(query):  # Core: columns need no ORM loading
        yield row[0], dict(zip(_FOLLOWUP, row[1:], strict=True))


_HISTORY = ("id", "at", "on", "by", "action", "field", "old", "new", "command_id", "reason")


def history(session: Session, reveal: bool) -> Iterator[tuple[str | None, dict[str, Any]]]:
    h = History
    query = (select(h.case_id, *(getattr(h, name) for name in _HISTORY))
             .join(Case, Case.id == h.case_id)
             .order_by(Case.year, Case.seq, h.id).execution_options(yield_per=5000))
    for row in session.connection().execute(query):  # Core: columns need no ORM loading
        item = dict(zip(_HISTORY, row[1:], strict=True))
        yield row[0], item if reveal else masked_change(item)


def history_record(h: History) -> dict[str, Any]:
    return {name: getattr(h, name) for name in _HISTORY}


def masked_change(item: dict[str, Any]) -> dict[str, Any]:
    """A history row with a correction of personal data (`xf edit --phone`) masked."""
    if item["field"] in PERSONAL:
        item["old"], item["new"] = (mask_field(item["field"], item[k]) for k in ("old", "new"))
    return item


def grouped(items: Iterator[tuple[Any, dict[str, Any]]]) -> Iterator[tuple[Any, list[dict]]]:
    """Runs of items sharing a case id, in the order they come."""
    run: list[dict[str, Any]] = []
    current: Any = object()
    for key, item in items:
        if key != current and run:
            yield current, run
            run = []
        current = key
        run.append(item)
    if run:
        yield current, run


class Merged:
    """Follow-ups (or history) for each case in turn, from one stream in the same order."""

    def __init__(self, items: Iterator[tuple[Any, dict[str, Any]]]) -> None:
        self._runs = grouped(items)
        self._next = next(self._runs, None)

    def take(self, case_id: str) -> list[dict[str, Any]]:
        if self._next is not None and self._next[0] == case_id:
            run = self._next[1]
            self._next = next(self._runs, None)
            return run
        return []


# --- JSON: the full export ------------------------------------------------------------------


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_default)


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def write_json(session: Session, out: IO[str], today: date, reveal: bool, threshold: int,
               header: dict[str, Any]) -> int:
    """The full export: units, case numbering, batches, commands, unit history, incidents,
    history that belongs to no case, the measures on the units (`xf supervise`), the papers'
    numbering and the papers (`xf notice`), then the cases with their follow-ups and history.
    The cases come last, so that a reader has everything else before it streams them
    (`operations.importing.readers.JsonObject`)."""
    head = {"format": EXPORT_FORMAT, "version": EXPORT_VERSION, **header, "revealed": reveal}
    out.write("{\n" + ",\n".join(f"  {_json(k)}: {_json(v)}" for k, v in head.items()))
    units = session.scalars(select(Unit).order_by(Unit.id)).all()
    codes: dict[int | None, str] = {u.id: u.code for u in units}
    _array(out, "units", (_unit(u, codes) for u in units))
    from xinfang_cli.store.models import CaseSequence

    _array(out, "case_sequence", ({"year": s.year, "last": s.last} for s in session.scalars(
        select(CaseSequence).order_by(CaseSequence.year))))
    _array(out, "import_batches", (
        {"id": b.id, "file_name": b.file_name, "sha256": b.sha256, "rows": b.rows, "by": b.by,
         "at": b.at} for b in session.scalars(select(ImportBatch).order_by(ImportBatch.id))))
    _array(out, "commands", (
        {"id": c.id, "name": c.name, "by": c.by, "at": c.at, "on": c.on, "undo_of": c.undo_of}
        for c in session.scalars(select(Command).order_by(Command.id))))
    _array(out, "unit_history", _unit_history(session))
    _array(out, "incidents", _incidents(session))
    loose = select(History).where(History.case_id.is_(None)).order_by(History.id)
    _array(out, "history", (history_record(h) for h in session.scalars(loose)))
    _array(out, "supervision", _supervision(session))
    from xinfang_cli.store.notices import Notice, NoticeSequence

    _array(out, "notice_sequence", ({"year": s.year, "last": s.last} for s in session.scalars(
        select(NoticeSequence).order_by(NoticeSequence.year))))
    _array(out, "notices", (_notice(n) for n in session.scalars(
        select(Notice).order_by(Notice.id))))
    count = _array(out, "cases", _nested(session, today, reveal, threshold))
    out.write("\n}\n")
    return count


def _array(out: IO[str], name: str, items: Iterator[dict[str, Any]]) -> int:
    out.write(f",\n  {_json(name)}: [")
    count = 0
    for item in items:
        out.write(",\n    " if count else "\n    ")
        out.write(_json(item))
        count += 1
    out.write("\n  ]" if count else "]")
    return count


def _nested(session: Session, today: date, reveal: bool, threshold: int
            ) -> Iterator[dict[str, Any]]:
    # Three cursors in the same case order, merged: no query per case.
    notes, changes = Merged(followups(session)), Merged(history(session, reveal))
    extra = tuple(getattr(Case, f) for f in EXTRA_CASE_FIELDS)  # as stored: typed
    width = len(RECORD_KEYS)
    for batch in case_rows(session, today, reveal, threshold, extra):
        for values in batch:
            record = dict(zip(RECORD_KEYS, values[:width], strict=True))
            record.update(zip(EXTRA_CASE_FIELDS, values[width:], strict=True))
            record["followups"] = notes.take(record["id"])
            record["history"] = changes.take(record["id"])
            yield record


def _unit(u: Unit, codes: dict[int | None, str]) -> dict[str, Any]:
    return {"id": u.id, "code": u.code, "name": u.name, "kind": u.kind, "head": u.head,
            "leader": u.leader, "created_at": u.created_at, "email": u.email,
            "webhook": u.webhook, "retired_on": u.retired_on,
            "merged_into": codes.get(u.merged_into)}


def _notice(n: Any) -> dict[str, Any]:
    return {"id": n.id, "case": n.case_id, "kind": n.kind, "year": n.year, "seq": n.seq,
            "number": n.number, "issued": n.issued, "by": n.by, "file": n.file,
            "sha256": n.sha256, "content_sha256": n.content_sha256,
            "delivered_on": n.delivered_on,
            "delivery_method": n.delivery_method, "delivery_ref": n.delivery_ref,
            "created_at": n.created_at}


def _unit_history(session: Session) -> Iterator[dict[str, Any]]:
    h = UnitHistory
    names = ("id", "command_id", "at", "on", "by", "action", "field", "old", "new", "reason")
    query = (select(Unit.code, *(getattr(h, n) for n in names))
             .join(Unit, Unit.id == h.unit_id).order_by(h.id))
    for row in session.execute(query):
        yield {"unit": row[0], **dict(zip(names, row[1:], strict=True))}


def _incidents(session: Session) -> Iterator[dict[str, Any]]:
    query = select(Incident, Unit.code).join(Unit, Unit.id == Incident.unit_id).order_by(
        Incident.id)
    for incident, code in session.execute(query):
        yield {"id": incident.id, "unit": code, "kind": incident.kind, "on": incident.on,
               "case": incident.case_id, "note": incident.note, "by": incident.by,
               "created_at": incident.created_at, "command_id": incident.command_id,
               "voided_on": incident.voided_on, "void_reason": incident.void_reason,
               "voided_by": incident.voided_by}


def _supervision(session: Session) -> Iterator[dict[str, Any]]:
    """The measures on the units, each naming its unit by code (as the incidents do)."""
    from xinfang_cli.store.supervision import Supervision as S

    query = select(S, Unit.code).join(Unit, Unit.id == S.unit_id).order_by(S.id)
    for m, code in session.execute(query):
        yield {"id": m.id, "unit": code, "kind": m.kind, "on": m.on, "note": m.note,
               "by": m.by, "ended_on": m.ended_on, "ended_by": m.ended_by,
               "created_at": m.created_at}


# --- CSV and XLSX: one row per case, follow-ups apart -------------------------------------------


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date):
        return value.isoformat()
    return inert(value)


def followups_path(path: Path) -> Path:
    """`cases.csv` → `cases-followups.csv`, beside it."""
    return path.with_name(f"{path.stem}-followups{path.suffix or '.csv'}")


def write_csv(session: Session, out: IO[str], followups_out: IO[str] | None, today: date,
              reveal: bool, threshold: int) -> int:
    """Cases to `out`, follow-ups to `followups_out` (when given); every cell made inert."""
    writer = csv.writer(out)
    writer.writerow(CASE_COLUMNS)
    count, at = 0, [RECORD_KEYS.index(c) for c in CASE_COLUMNS]
    for batch in case_rows(session, today, reveal, threshold):
        writer.writerows([[_cell(values[i]) for i in at] for values in batch])
        count += len(batch)
    if followups_out is not None:
        notes = csv.writer(followups_out)
        notes.writerow(FOLLOWUP_COLUMNS)
        for case_id, f in followups(session):
            notes.writerow([_cell(v) for v in (case_id, f["on"], f["kind"], f["note"],
                                                f["by"])])
    return count


def write_xlsx(session: Session, path: Path, today: date, reveal: bool, threshold: int) -> int:
    """A workbook with a `cases` and a `followups` sheet, written in streaming mode."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("cases")
    sheet.append(list(CASE_COLUMNS))
    count = 0
    for _case, record in cases(session, today, reveal, threshold):
        sheet.append([_xlsx_cell(sheet, record[c]) for c in CASE_COLUMNS])
        count += 1
    notes = book.create_sheet("followups")
    notes.append(list(FOLLOWUP_COLUMNS))
    for case_id, f in followups(session):
        notes.append([_xlsx_cell(notes, v) for v in (case_id, f["on"], f["kind"], f["note"],
                                                      f["by"])])
    book.save(path)
    return count


def _xlsx_cell(sheet: Any, value: Any) -> Any:
    """Text that looks like a formula stays text: a string cell, never a formula cell."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value
