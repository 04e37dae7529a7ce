"""The whole of `xf import` in the caller's one transaction: each row parsed (`rows`) and
checked by the rules of `xf add`; then, if none is bad, all written as `xf add` would, in
bulk: case numbers reserved per year and chunk, cases and their history as multi-row
inserts (`store.bulk`), and the import recorded as a batch (and as one command, which
`xf undo` takes back whole). A bad row means nothing is written, and every bad row is
reported.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import text

from xinfang_cli.domain.enums import CaseStatus, FollowupKind
from xinfang_cli.domain.errors import BadInput
from xinfang_cli.domain.ledger import Later, check_later
from xinfang_cli.domain.registration import NewCase, blank, check_case_fields
from xinfang_cli.operations.importing.readers import Table
from xinfang_cli.operations.importing.rows import RowError, RowReader, RowsRejected, map_headers
from xinfang_cli.operations.op import check_active
from xinfang_cli.store.bulk import insert_many
from xinfang_cli.store.db import BULK_ROWS
from xinfang_cli.store.people import Repeat, RepeatFinder, batch_repeats
from xinfang_cli.store.search_index import index_missing

CHUNK = 2000  # rows per multi-row insert
Event = tuple[str, date, str, str | None, str | None]  # action, on, field, old, new


class BulkWriter:
    """Writes checked new cases as the commands would, one by one: `xf add` (and `accept`),
    then what the ledger's later columns tell (`reject`, `close`, `terminate`, a follow-up),
    each event on its own day; a chunk at a time, in one transaction."""

    def __init__(self, op: Any, batch_id: int | None) -> None:
        from xinfang_cli.store.models import utcnow

        self.op, self.batch_id = op, batch_id
        self.at = utcnow()
        self.pending: list[tuple[NewCase, Later, Any, int]] = []
        self.rows: dict[str, int] = {}  # the case id given → its row
        self.written = 0
        self._accept_due: dict[date, date] = {}

    def add(self, new: NewCase, later: Later, unit: Any, row: int) -> None:
        self.pending.append((new, later, unit, row))
        if len(self.pending) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        from xinfang_cli.store.models import Case, FollowUp, History
        from xinfang_cli.store.repository import allocate_case_numbers

        counts = Counter(new.received.year for new, _, _, _ in self.pending)
        next_seq = {year: allocate_case_numbers(self.op.session, year, n)
                    for year, n in sorted(counts.items())}
        cases, history, notes = [], [], []
        for new, later, unit, row in self.pending:
            year = new.received.year
            seq, next_seq[year] = next_seq[year], next_seq[year] + 1
            case = self._case(new, later, unit, year, seq)
            self.rows[case["id"]] = row
            cases.append(case)
            events = self._events(case, later, unit.code)
            if later.note:
                on = later.last_day or new.accepted or new.received
                notes.append(self._note(case, on, later.note))
                events.append(("follow", on, "followup", None, str(FollowupKind.NOTE)))
            history += self._rows(case["id"], events)
        insert_many(self.op.session, Case.__table__, cases)
        insert_many(self.op.session, History.__table__, history)
        insert_many(self.op.session, FollowUp.__table__, notes)
        self.written += len(cases)
        self.pending = []

    def _case(self, new: NewCase, later: Later, unit: Any, year: int,
              seq: int) -> dict[str, Any]:
        from xinfang_cli.store.repository import case_id

        accept_due = self._accept_due.get(new.received)
        if accept_due is None:
            accept_due = self._accept_due[new.received] = self.op.deadlines.accept_due(
                new.received)
        status, status_on, due, pending = CaseStatus.REGISTERED, new.received, None, accept_due
        if new.accepted:  # registered as already accepted that day (xf add --accepted)
            due = self.op.deadlines.handling_due(new.accepted, new.due)
            status, status_on, pending = CaseStatus.ACCEPTED, new.accepted, due
        for day, ended in ((later.rejected, CaseStatus.REJECTED), (later.closed, CaseStatus.CLOSED),
                           (later.terminated, CaseStatus.TERMINATED)):
            if day is not None:
                status, status_on, pending = ended, day, None
        return {
            "id": case_id(year, seq), "year": year, "seq": seq, "unit_id": unit.id,
            "source": str(new.source), "backlog": str(new.backlog) if new.backlog else None,
            "status": str(status), "status_on": status_on, "received": new.received,
            "accept_due": accept_due, "accepted": new.accepted, "superior_due": new.due,
            "extended_days": 0, "extension_reason": None, "due": due, "pending_due": pending,
            "closed": later.closed, "outcome": _text(later.outcome),
            "satisfaction": _text(later.satisfaction), "review_requested": None,
            "rereview_requested": None, "end_reason": blank(later.reason),
            "petitioner": new.petitioner.strip(), "phone": blank(new.phone),
            "id_number": blank(new.id_number.upper() if new.id_number else None),
            "people": new.people, "summary": new.summary.strip(), "topic": blank(new.topic),
            "leader": blank(new.leader), "escalation": None,
            "repeat_of": new.repeat_of.strip().upper() if new.repeat_of else None,
            "created_at": self.at, "import_batch_id": self.batch_id,
        }

    def _events(self, case: dict[str, Any], later: Later, unit_code: str) -> list[Event]:
        """The rows `xf add`, `accept`, `reject`, `close` and `terminate` would write."""
        received, accepted = case["received"], case["accepted"]
        registered, handled = str(CaseStatus.REGISTERED), str(CaseStatus.ACCEPTED)
        events: list[Event] = [
            ("add", received, "status", None, registered),
            ("add", received, "unit", None, unit_code),
            ("add", received, "accept_due", None, case["accept_due"].isoformat())]
        if accepted:
            events += [("accept", accepted, "status", registered, handled),
                       ("accept", accepted, "accepted", None, accepted.isoformat()),
                       ("accept", accepted, "due", None, case["due"].isoformat())]
        if later.rejected:
            events += [("reject", later.rejected, "status", registered, "rejected"),
                       ("reject", later.rejected, "end_reason", None, case["end_reason"])]
        if later.closed:
            events += [("close", later.closed, "status", handled, "closed"),
                       ("close", later.closed, "closed", None, later.closed.isoformat()),
                       ("close", later.closed, "outcome", None, case["outcome"])]
            if case["satisfaction"]:
                events.append(("close", later.closed, "satisfaction", None, case["satisfaction"]))
        if later.terminated:
            before = "closed" if later.closed else handled
            events += [("terminate", later.terminated, "status", before, "terminated"),
                       ("terminate", later.terminated, "end_reason", None, case["end_reason"])]
        return events

    def _rows(self, case_id: str, events: list[Event]) -> list[dict[str, Any]]:
        command = self.op.command_id()  # the import is one command: one undo takes it back
        return [{"case_id": case_id, "at": self.at, "on": on, "by": self.op.by,
                 "action": action, "field": fld, "old": old, "new": new,
                 "command_id": command, "reason": None}
                for action, on, fld, old, new in events]

    def _note(self, case: dict[str, Any], on: date, note: str) -> dict[str, Any]:
        """办理情况: kept as a follow-up of the case, on the day of its last event."""
        return {"case_id": case["id"], "unit_id": case["unit_id"],
                "kind": str(FollowupKind.NOTE), "on": on, "note": note.strip(),
                "by": self.op.by, "created_at": self.at, "command_id": self.op.command_id(),
                "undone_on": None, "undone_by": None}



def _text(value: object) -> str | None:
    return str(value) if value is not None else None


@dataclass
class ImportResult:
    rows: int
    batch_id: int | None
    dry_run: bool
    repeats: list[Repeat] = field(default_factory=list)  # rows whose petitioner has cases


def import_rows(op: Any, table: Table, file_name: str, dry_run: bool = False,
                again: bool = False, advance: Callable[[int], None] = lambda n: None
                ) -> ImportResult:
    """Check every row; unless one is bad (RowsRejected) or it is a dry run, write them all."""
    from xinfang_cli.store.repository import get_case, lookup_unit, unit_index

    reader = RowReader(map_headers(table.headers, file_name), table.headers)
    units = unit_index(op.session)
    batch_id = None if dry_run else _start_batch(op, table, file_name, again)
    if batch_id is not None and op.session.get_bind().dialect.name == "sqlite":
        # 32 MiB of page cache for this connection (SQLite's default is 2): thirteen
        # indexes take 100,000 new cases at random places (100,000 rows: 13.9 -> 12.3 s)
        op.session.execute(text("PRAGMA cache_size = -32768"))
    writer = BulkWriter(op, batch_id)
    repeats = RepeatFinder(op.session) if dry_run else None
    errors: list[RowError] = []
    checked = 0
    for number, cells in table.rows:
        values = reader.values(cells)
        advance(1)
        if values is None:
            continue
        checked += 1
        parsed, row_errors = reader.parse(number, values)
        if parsed is not None:
            new, later = parsed
            row_errors = reader.rules(number,
                                      lambda n=new: check_active(lookup_unit(units, n.unit)),
                                      lambda n=new: check_case_fields(n, op.today),
                                      lambda n=new, w=later: check_later(n, w, op.today),
                                      lambda n=new: n.repeat_of and get_case(op.session,
                                                                             n.repeat_of))
            unit = units.get(new.unit.strip().lower()) or units.get(new.unit.strip())
            if repeats is not None and not row_errors:
                repeats.add(number, new.petitioner, new.id_number, new.phone, unit.id,
                            warn=not new.repeat_of)
        if row_errors:
            errors += row_errors
        elif not dry_run and not errors:
            writer.add(new, later, unit, number)
    if errors:
        bad = len({e.row for e in errors})
        raise RowsRejected([e.line() for e in errors], n=bad, file=file_name)
    if checked == 0:
        raise BadInput("err.import_empty", file=file_name)
    writer.flush()
    if batch_id is not None:
        _finish_batch(op, batch_id, writer.written)
        index_missing(op.session, many=writer.written >= BULK_ROWS)
    if repeats is not None:
        return ImportResult(checked, batch_id, dry_run, repeats.repeats())
    assert batch_id is not None
    return ImportResult(checked, batch_id, dry_run, batch_repeats(op.session, batch_id,
                                                                  writer.rows))


def _start_batch(op: Any, table: Table, file_name: str, again: bool) -> int:
    from sqlalchemy import insert, select

    from xinfang_cli.store.models import ImportBatch, utcnow

    if not again:
        earlier = op.session.execute(
            select(ImportBatch.id, ImportBatch.at, ImportBatch.rows)
            .where(ImportBatch.sha256 == table.sha256).order_by(ImportBatch.id)).first()
        if earlier is not None:
            raise BadInput("err.import_again", file=file_name, batch=earlier[0],
                           at=earlier[1].strftime("%Y-%m-%d %H:%M"), rows=earlier[2])
    result = op.session.execute(
        insert(ImportBatch.__table__).values(
            file_name=file_name[:255], sha256=table.sha256, rows=0, by=op.by, at=utcnow())
        .returning(ImportBatch.__table__.c.id))
    return int(result.scalar_one())


def _finish_batch(op: Any, batch_id: int, rows: int) -> None:
    from sqlalchemy import update

    from xinfang_cli.store.models import ImportBatch

    op.session.execute(update(ImportBatch.__table__)
                       .where(ImportBatch.__table__.c.id == batch_id).values(rows=rows))
