"""Taking back a full export (`xf export --format json --reveal`) whole, into an empty database.

Nothing is recomputed: case ids, dates, statuses, due dates, follow-ups, history rows
(with their ids), incidents, the office's measures on the units (`xf supervise`), the papers
issued (`xf notice`, with their delivery) and the numbering of cases and of papers come back
as they were, so a later `xf add` or `xf notice` continues the numbering; only import batches
and commands are numbered anew, and every reference to them follows. The document's shape:

    {"format": "xf-export", "version": 1, "revealed": true, "units": [...],
     "case_sequence": [{"year", "last"}], "import_batches": [...], "commands": [...],
     "unit_history": [...], "incidents": [...], "history": [rows that belong to no case],
     "supervision": [{"id", "unit", "kind", "on", "note", "by", "ended_on", "ended_by",
                      "created_at"}],
     "notice_sequence": [{"year", "last"}],
     "notices": [{"id", "case", "kind", "year", "seq", "number", "issued", "by", "file",
                  "sha256", "content_sha256", "delivered_on", "delivery_method",
                  "delivery_ref", "created_at"}],
     "cases": [{case object + stored fields, "followups": [...], "history": [...]}]}

Exports written before revision 0005 lack commands, unit history and the columns of
corrections; exports written before revision 0007 lack the papers and their numbering,
exports written before revision 0008 the measures: those come back empty
(`restore_supervision` takes the measures back, after the units; `restore_notices` the
papers, after the cases).

The cases are streamed from the file one by one (`readers.JsonObject`); exports
written before 2026-11-28 put the incidents and loose history after them, which costs one
more pass over the file for each.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from sqlalchemy import bindparam, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from xinfang_cli.domain.enums import (
    Backlog,
    CaseStatus,
    Escalation,
    FollowupKind,
    IncidentKind,
    Outcome,
    Satisfaction,
    Source,
    UnitKind,
)
from xinfang_cli.domain.errors import BadInput
from xinfang_cli.domain.formats import EXPORT_FORMAT, EXPORT_VERSION
from xinfang_cli.operations import restore_values as v
from xinfang_cli.operations.restore_notices import restore_notices
from xinfang_cli.operations.restore_supervision import restore_supervision
from xinfang_cli.store.models import (
    Case,
    CaseSequence,
    FollowUp,
    History,
    ImportBatch,
    Incident,
    Unit,
    utcnow,
)
from xinfang_cli.store.records import Command, UnitHistory
from xinfang_cli.store.search_index import index_missing

CHUNK = 500  # cases per insert: 100,000 cases restore in 97 MiB (2,000: 192-199 MiB), as fast


def is_full_export(document: Any) -> bool:
    """A dict, or a `readers.JsonObject` that streams its cases, of the export's format."""
    return hasattr(document, "get") and document.get("format") == EXPORT_FORMAT


@dataclass
class Restored:
    units: int = 0
    cases: int = 0
    followups: int = 0
    history: int = 0
    incidents: int = 0
    notices: int = 0
    supervision: int = 0


def restore(op: Any, document: Any, file: str, target: str) -> Restored:
    """Write the whole export in the caller's transaction; BadInput (nothing written) if it
    is masked, of another version, malformed, or the database already holds cases."""
    if document.get("version") != EXPORT_VERSION:
        raise BadInput("err.import_export_version", file=file,
                       version=document.get("version"), supported=EXPORT_VERSION)
    if document.get("revealed") is not True:
        raise BadInput("err.import_export_masked", file=file)
    _require_empty(op.session, target)
    try:
        return _restore(op.session, document)
    except v.Bad as bad:
        raise BadInput("err.import_export_bad", file=file, where=bad.where,
                       reason=bad.reason) from None
    except IntegrityError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise BadInput("err.import_export_bad", file=file, where="-", reason=reason) from None


def _require_empty(session: Any, target: str) -> None:
    for model in (Case, FollowUp, Incident, History):
        if session.scalar(select(func.count()).select_from(model)):
            n = session.scalar(select(func.count()).select_from(Case))
            raise BadInput("err.import_not_empty", target=target, n=n)


def _restore(session: Any, doc: Any) -> Restored:
    done = Restored()
    units = _units(session, v.items(doc, "units"), done)
    batches = _batches(session, v.items(doc, "import_batches"))
    commands = _commands(session, v.items(doc, "commands"))
    _unit_history(session, v.items(doc, "unit_history"), units, commands)
    done.supervision = restore_supervision(session, doc, units)
    repeats: list[dict[str, Any]] = []
    years: dict[int, int] = {}
    for chunk in _chunks(_cases(doc)):
        rows = [_case(i, c, units, batches) for i, c in chunk]
        for row in rows:
            years[row["year"]] = max(years.get(row["year"], 0), row["seq"])
            if row["repeat_of"]:
                repeats.append({"case": row["id"], "repeat": row.pop("repeat_of")})
                row["repeat_of"] = None
        session.execute(insert(Case.__table__), rows)
        unit_of = {row["id"]: row["unit_id"] for row in rows}
        notes = [_followup(f"cases[{i}].followups[{j}]", c["id"], unit_of[c["id"]], f,
                           commands)
                 for i, c in chunk for j, f in enumerate(v.items(c, "followups"))]
        changes = [_history(f"cases[{i}].history[{j}]", c["id"], h, commands)
                   for i, c in chunk for j, h in enumerate(v.items(c, "history"))]
        _insert(session, FollowUp, notes)
        _insert(session, History, changes)
        done.cases, done.followups = done.cases + len(rows), done.followups + len(notes)
        done.history += len(changes)
    if repeats:  # after every case exists: a repeat may point forward in the file
        table = Case.__table__
        session.execute(update(table).where(table.c.id == bindparam("case"))
                        .values(repeat_of=bindparam("repeat")), repeats)
    incidents = [_incident(f"incidents[{i}]", x, units, commands)
                 for i, x in enumerate(v.items(doc, "incidents"))]
    _insert(session, Incident, incidents)
    loose = [_history(f"history[{i}]", None, h, commands)
             for i, h in enumerate(v.items(doc, "history"))]
    _insert(session, History, loose)
    done.incidents, done.history = len(incidents), done.history + len(loose)
    v.numbering(session, CaseSequence, v.items(doc, "case_sequence"), years, "case_sequence")
    done.notices = restore_notices(session, doc)  # they refer to cases: after them
    _reset_sequences(session)
    index_missing(session)  # the cases an import had written: indexed as it would have
    return done


# --- the parts ----------------------------------------------------------------------------


def _units(session: Any, items: list[Any], done: Restored) -> dict[str, int]:
    """Unit code → id: units already here are kept (same name required), the rest added."""
    existing = {u.code: u for u in session.scalars(select(Unit))}
    names = {u.name: u.code for u in existing.values()}
    ids: dict[str, int] = {}
    for i, item in enumerate(items):
        where = f"units[{i}]"
        code, name = v.text(item, "code", where), v.text(item, "name", where)
        if code in existing:
            if existing[code].name != name:
                raise v.Bad(where, f"unit {code} is {existing[code].name!r} here, "
                                  f"{name!r} in the file")
            ids[code] = existing[code].id
            continue
        if name in names:
            raise v.Bad(where, f"{name!r} is unit {names[name]} here, {code} in the file")
        row = {"code": code, "name": name, "kind": v.member(UnitKind, item, "kind", where),
               "head": v.opt_text(item, "head", where), "leader": v.opt_text(item, "leader", where),
               "created_at": v.moment(item, "created_at", where) or utcnow(),
               "email": v.opt_text(item, "email", where),
               "webhook": v.opt_text(item, "webhook", where),
               "retired_on": v.day(item, "retired_on", where)}
        ids[code] = session.execute(insert(Unit.__table__).values(**row)
                                    .returning(Unit.__table__.c.id)).scalar_one()
        done.units += 1
    _merged(session, items, ids)
    return ids


def _merged(session: Any, items: list[Any], ids: dict[str, int]) -> None:
    """A retired unit's successor (`merged_into`, a code in the file), once all are in."""
    table = Unit.__table__
    for i, item in enumerate(items):
        into = v.opt_text(item, "merged_into", f"units[{i}]")
        if into is not None:
            if into not in ids:
                raise v.Bad(f"units[{i}].merged_into", f"unknown unit {into!r}")
            session.execute(update(table).where(table.c.code == item["code"])
                            .values(merged_into=ids[into]))


def _commands(session: Any, items: list[Any]) -> dict[int, int]:
    """The commands, renumbered as this database numbers them: old id → new id."""
    table, ids = Command.__table__, {}
    for i, item in enumerate(items):
        where = f"commands[{i}]"
        undo_of = v.opt_whole(item, "undo_of", where)
        row = {"name": v.text(item, "name", where), "by": v.text(item, "by", where),
               "at": v.moment(item, "at", where) or utcnow(),
               "on": v.need(v.day(item, "on", where), where, "on"),
               "undo_of": ids.get(undo_of) if undo_of is not None else None}
        ids[v.whole(item, "id", where)] = session.execute(
            insert(table).values(**row).returning(table.c.id)).scalar_one()
    return ids


def _unit_history(session: Any, items: list[Any], units: dict[str, int],
                  commands: dict[int, int]) -> None:
    rows = []
    for i, item in enumerate(items):
        where = f"unit_history[{i}]"
        code = v.text(item, "unit", where)
        if code not in units:
            raise v.Bad(f"{where}.unit", f"unknown unit {code!r}")
        rows.append({"unit_id": units[code],
                     "command_id": _command(item, "command_id", where, commands),
                     "at": v.moment(item, "at", where) or utcnow(),
                     "on": v.need(v.day(item, "on", where), where, "on"),
                     "by": v.text(item, "by", where), "action": v.text(item, "action", where),
                     "field": v.opt_text(item, "field", where),
                     "old": v.opt_text(item, "old", where), "new": v.opt_text(item, "new", where),
                     "reason": v.opt_text(item, "reason", where)})
    _insert(session, UnitHistory, rows)


def _command(item: Any, key: str, where: str, commands: dict[int, int]) -> int | None:
    """A command id of the file, as this database numbers it."""
    old = v.opt_whole(item, key, where)
    if old is None:
        return None
    if old not in commands:
        raise v.Bad(f"{where}.{key}", f"unknown command {old}")
    return commands[old]


def _batches(session: Any, items: list[Any]) -> dict[int, int]:
    """Import batches, renumbered as this database numbers them: old id → new id."""
    table, ids = ImportBatch.__table__, {}
    for i, item in enumerate(items):
        where = f"import_batches[{i}]"
        row = {"file_name": v.text(item, "file_name", where),
               "sha256": v.text(item, "sha256", where), "rows": v.whole(item, "rows", where),
               "by": v.text(item, "by", where), "at": v.moment(item, "at", where) or utcnow()}
        ids[v.whole(item, "id", where)] = session.execute(
            insert(table).values(**row).returning(table.c.id)).scalar_one()
    return ids


def _case(i: int, c: Any, units: dict[str, int], batches: dict[int, int]) -> dict[str, Any]:
    where = f"cases[{i}]"
    if not isinstance(c, dict):
        raise v.Bad(where, "not an object")
    code = v.text(c, "unit", where)
    if code not in units:
        raise v.Bad(f"{where}.unit", f"unknown unit {code!r}")
    batch = c.get("import_batch_id")
    d = lambda key: v.day(c, key, where)  # noqa: E731
    return {
        "id": v.text(c, "id", where), "year": v.whole(c, "year", where),
        "seq": v.whole(c, "seq", where),
        "unit_id": units[code], "source": v.member(Source, c, "source", where),
        "backlog": v.opt_member(Backlog, c, "backlog", where),
        "status": v.member(CaseStatus, c, "status", where), "status_on": v.need(d("status_on"),
                                                                            where, "status_on"),
        "received": v.need(d("received"), where, "received"),
        "accept_due": v.need(d("accept_due"), where, "accept_due"), "accepted": d("accepted"),
        "superior_due": d("superior_due"), "extended_days": v.whole(c, "extended_days", where),
        "extension_reason": v.opt_text(c, "extension_reason", where), "due": d("due"),
        "pending_due": d("pending_due"), "closed": d("closed"),
        "outcome": v.opt_member(Outcome, c, "outcome", where),
        "satisfaction": v.opt_member(Satisfaction, c, "satisfaction", where),
        "review_requested": d("review_requested"),
        "rereview_requested": d("rereview_requested"),
        "end_reason": v.opt_text(c, "reason", where), "petitioner": v.text(c, "petitioner", where),
        "phone": v.opt_text(c, "phone", where), "id_number": v.opt_text(c, "id_number", where),
        "people": v.whole(c, "people", where), "summary": v.text(c, "summary", where),
        "topic": v.opt_text(c, "topic", where), "leader": v.opt_text(c, "leader", where),
        "escalation": v.opt_member(Escalation, c, "escalation", where),
        "repeat_of": v.opt_text(c, "repeat_of", where),
        "created_at": v.moment(c, "created_at", where) or utcnow(),
        "import_batch_id": batches.get(batch) if isinstance(batch, int) else None,
    }


def _followup(where: str, case_id: str, unit_id: int, f: Any,
              commands: dict[int, int]) -> dict[str, Any]:
    return {"id": v.whole(f, "id", where), "case_id": case_id, "unit_id": unit_id,
            "kind": v.member(FollowupKind, f, "kind", where),
            "on": v.need(v.day(f, "on", where), where, "on"), "note": v.text(f, "note", where),
            "by": v.text(f, "by", where), "created_at": v.moment(f, "created_at", where)
            or utcnow(), "command_id": _command(f, "command_id", where, commands),
            "undone_on": v.day(f, "undone_on", where),
            "undone_by": _command(f, "undone_by", where, commands)}


def _history(where: str, case_id: str | None, h: Any,
             commands: dict[int, int]) -> dict[str, Any]:
    return {"id": v.whole(h, "id", where), "case_id": case_id,
            "at": v.need(v.moment(h, "at", where), where, "at"),
            "on": v.need(v.day(h, "on", where), where, "on"), "by": v.text(h, "by", where),
            "action": v.text(h, "action", where), "field": v.opt_text(h, "field", where),
            "old": v.opt_text(h, "old", where), "new": v.opt_text(h, "new", where),
            "command_id": _command(h, "command_id", where, commands),
            "reason": v.opt_text(h, "reason", where)}


def _incident(where: str, x: Any, units: dict[str, int],
              commands: dict[int, int]) -> dict[str, Any]:
    code = v.text(x, "unit", where)
    if code not in units:
        raise v.Bad(f"{where}.unit", f"unknown unit {code!r}")
    return {"id": v.whole(x, "id", where), "unit_id": units[code],
            "kind": v.member(IncidentKind, x, "kind", where),
            "on": v.need(v.day(x, "on", where), where, "on"),
            "case_id": v.opt_text(x, "case", where), "note": v.text(x, "note", where),
            "by": v.text(x, "by", where),
            "created_at": v.moment(x, "created_at", where) or utcnow(),
            "command_id": _command(x, "command_id", where, commands),
            "voided_on": v.day(x, "voided_on", where),
            "void_reason": v.opt_text(x, "void_reason", where),
            "voided_by": _command(x, "voided_by", where, commands)}


def _reset_sequences(session: Any) -> None:
    """PostgreSQL: rows came with their ids, so move each id sequence past them."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for name in ("followup", "history", "incident", "unit_history", "notice", "supervision"):
        session.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
            f"COALESCE((SELECT MAX(id) FROM {name}), 0) + 1, false)"))


def _insert(session: Any, model: Any, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), CHUNK):
        session.execute(insert(model.__table__), rows[start:start + CHUNK])


def _chunks(items: Iterable[Any]) -> Iterator[list[tuple[int, Any]]]:
    numbered = enumerate(items)
    while chunk := list(islice(numbered, CHUNK)):
        yield chunk


def _cases(doc: Any) -> Iterable[Any]:
    """The cases: streamed from a file one by one (`readers.JsonObject`), else the list."""
    if isinstance(doc, dict):
        return v.items(doc, "cases")
    if doc.big_is_list is False:
        raise v.Bad("cases", "not a list")
    return doc.items()  # type: ignore[no-any-return]
