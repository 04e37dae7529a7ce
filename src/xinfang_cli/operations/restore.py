"""Taking back a full export (`xf export --format json --reveal`) whole, into an empty database.

Nothing is renumbered or recomputed: case ids, dates, statuses, due dates, follow-ups,
history rows (with their ids), incidents and the case numbering come back as they were,
so a later `xf add` continues the numbering. The document's shape:

    {"format": "xf-export", "version": 1, "revealed": true, "units": [...],
     "case_sequence": [{"year", "last"}], "import_batches": [...],
     "incidents": [...], "history": [rows that belong to no case],
     "cases": [{case object + stored fields, "followups": [...], "history": [...]}]}

The cases are streamed from the file one by one (`readers.JsonObject`); exports
written before 2026-11-28 put the incidents and loose history after them, which costs one
more pass over the file for each.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
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


class _Bad(Exception):
    """A value that does not fit: where it is and why."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(where, reason)
        self.where, self.reason = where, reason


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
    except _Bad as bad:
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
    units = _units(session, _list(doc, "units"), done)
    batches = _batches(session, _list(doc, "import_batches"))
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
        notes = [_followup(f"cases[{i}].followups[{j}]", c["id"], unit_of[c["id"]], f)
                 for i, c in chunk for j, f in enumerate(_list(c, "followups"))]
        changes = [_history(f"cases[{i}].history[{j}]", c["id"], h)
                   for i, c in chunk for j, h in enumerate(_list(c, "history"))]
        _insert(session, FollowUp, notes)
        _insert(session, History, changes)
        done.cases, done.followups = done.cases + len(rows), done.followups + len(notes)
        done.history += len(changes)
    if repeats:  # after every case exists: a repeat may point forward in the file
        table = Case.__table__
        session.execute(update(table).where(table.c.id == bindparam("case"))
                        .values(repeat_of=bindparam("repeat")), repeats)
    incidents = [_incident(f"incidents[{i}]", x, units)
                 for i, x in enumerate(_list(doc, "incidents"))]
    _insert(session, Incident, incidents)
    loose = [_history(f"history[{i}]", None, h) for i, h in enumerate(_list(doc, "history"))]
    _insert(session, History, loose)
    done.incidents, done.history = len(incidents), done.history + len(loose)
    _numbering(session, _list(doc, "case_sequence"), years)
    _reset_sequences(session)
    return done


# --- the parts ----------------------------------------------------------------------------


def _units(session: Any, items: list[Any], done: Restored) -> dict[str, int]:
    """Unit code → id: units already here are kept (same name required), the rest added."""
    existing = {u.code: u for u in session.scalars(select(Unit))}
    names = {u.name: u.code for u in existing.values()}
    ids: dict[str, int] = {}
    for i, item in enumerate(items):
        where = f"units[{i}]"
        code, name = _str(item, "code", where), _str(item, "name", where)
        if code in existing:
            if existing[code].name != name:
                raise _Bad(where, f"unit {code} is {existing[code].name!r} here, "
                                  f"{name!r} in the file")
            ids[code] = existing[code].id
            continue
        if name in names:
            raise _Bad(where, f"{name!r} is unit {names[name]} here, {code} in the file")
        row = {"code": code, "name": name, "kind": _enum(UnitKind, item, "kind", where),
               "head": _opt_str(item, "head", where), "leader": _opt_str(item, "leader", where),
               "created_at": _datetime(item, "created_at", where) or utcnow()}
        ids[code] = session.execute(insert(Unit.__table__).values(**row)
                                    .returning(Unit.__table__.c.id)).scalar_one()
        done.units += 1
    return ids


def _batches(session: Any, items: list[Any]) -> dict[int, int]:
    """Import batches, renumbered as this database numbers them: old id → new id."""
    table, ids = ImportBatch.__table__, {}
    for i, item in enumerate(items):
        where = f"import_batches[{i}]"
        row = {"file_name": _str(item, "file_name", where), "sha256": _str(item, "sha256", where),
               "rows": _int(item, "rows", where), "by": _str(item, "by", where),
               "at": _datetime(item, "at", where) or utcnow()}
        ids[_int(item, "id", where)] = session.execute(
            insert(table).values(**row).returning(table.c.id)).scalar_one()
    return ids


def _case(i: int, c: Any, units: dict[str, int], batches: dict[int, int]) -> dict[str, Any]:
    where = f"cases[{i}]"
    if not isinstance(c, dict):
        raise _Bad(where, "not an object")
    code = _str(c, "unit", where)
    if code not in units:
        raise _Bad(f"{where}.unit", f"unknown unit {code!r}")
    batch = c.get("import_batch_id")
    d = lambda key: _date(c, key, where)  # noqa: E731
    return {
        "id": _str(c, "id", where), "year": _int(c, "year", where), "seq": _int(c, "seq", where),
        "unit_id": units[code], "source": _enum(Source, c, "source", where),
        "backlog": _opt_enum(Backlog, c, "backlog", where),
        "status": _enum(CaseStatus, c, "status", where), "status_on": _need(d("status_on"),
                                                                            where, "status_on"),
        "received": _need(d("received"), where, "received"),
        "accept_due": _need(d("accept_due"), where, "accept_due"), "accepted": d("accepted"),
        "superior_due": d("superior_due"), "extended_days": _int(c, "extended_days", where),
        "extension_reason": _opt_str(c, "extension_reason", where), "due": d("due"),
        "pending_due": d("pending_due"), "closed": d("closed"),
        "outcome": _opt_enum(Outcome, c, "outcome", where),
        "satisfaction": _opt_enum(Satisfaction, c, "satisfaction", where),
        "review_requested": d("review_requested"),
        "rereview_requested": d("rereview_requested"),
        "end_reason": _opt_str(c, "reason", where), "petitioner": _str(c, "petitioner", where),
        "phone": _opt_str(c, "phone", where), "id_number": _opt_str(c, "id_number", where),
        "people": _int(c, "people", where), "summary": _str(c, "summary", where),
        "topic": _opt_str(c, "topic", where), "leader": _opt_str(c, "leader", where),
        "escalation": _opt_enum(Escalation, c, "escalation", where),
        "repeat_of": _opt_str(c, "repeat_of", where),
        "created_at": _datetime(c, "created_at", where) or utcnow(),
        "import_batch_id": batches.get(batch) if isinstance(batch, int) else None,
    }


def _followup(where: str, case_id: str, unit_id: int, f: Any) -> dict[str, Any]:
    return {"id": _int(f, "id", where), "case_id": case_id, "unit_id": unit_id,
            "kind": _enum(FollowupKind, f, "kind", where),
            "on": _need(_date(f, "on", where), where, "on"), "note": _str(f, "note", where),
            "by": _str(f, "by", where), "created_at": _datetime(f, "created_at", where)
            or utcnow()}


def _history(where: str, case_id: str | None, h: Any) -> dict[str, Any]:
    return {"id": _int(h, "id", where), "case_id": case_id,
            "at": _need(_datetime(h, "at", where), where, "at"),
            "on": _need(_date(h, "on", where), where, "on"), "by": _str(h, "by", where),
            "action": _str(h, "action", where), "field": _opt_str(h, "field", where),
            "old": _opt_str(h, "old", where), "new": _opt_str(h, "new", where)}


def _incident(where: str, x: Any, units: dict[str, int]) -> dict[str, Any]:
    code = _str(x, "unit", where)
    if code not in units:
        raise _Bad(f"{where}.unit", f"unknown unit {code!r}")
    return {"id": _int(x, "id", where), "unit_id": units[code],
            "kind": _enum(IncidentKind, x, "kind", where),
            "on": _need(_date(x, "on", where), where, "on"),
            "case_id": _opt_str(x, "case", where), "note": _str(x, "note", where),
            "by": _str(x, "by", where),
            "created_at": _datetime(x, "created_at", where) or utcnow()}


def _numbering(session: Any, items: list[Any], years: dict[int, int]) -> None:
    """The case numbering per year: the file's, never below the highest number restored."""
    for i, item in enumerate(items):
        year, last = _int(item, "year", f"case_sequence[{i}]"), _int(item, "last",
                                                                     f"case_sequence[{i}]")
        years[year] = max(years.get(year, 0), last)
    table = CaseSequence.__table__
    for year, last in sorted(years.items()):
        current = session.scalar(select(table.c.last).where(table.c.year == year))
        if current is None:
            session.execute(insert(table).values(year=year, last=last))
        elif current < last:
            session.execute(update(table).where(table.c.year == year).values(last=last))


def _reset_sequences(session: Any) -> None:
    """PostgreSQL: rows came with their ids, so move each id sequence past them."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for name in ("followup", "history", "incident"):
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


# --- values -------------------------------------------------------------------------------


def _list(doc: Any, key: str) -> list[Any]:
    value = doc.get(key, []) if hasattr(doc, "get") else None
    if not isinstance(value, list):
        raise _Bad(key, "not a list")
    return value


def _cases(doc: Any) -> Iterable[Any]:
    """The cases: streamed from a file one by one (`readers.JsonObject`), else the list."""
    if isinstance(doc, dict):
        return _list(doc, "cases")
    if doc.big_is_list is False:
        raise _Bad("cases", "not a list")
    return doc.items()  # type: ignore[no-any-return]


def _get(item: Any, key: str, where: str) -> Any:
    if not isinstance(item, dict):
        raise _Bad(where, "not an object")
    return item.get(key)


def _need(value: Any, where: str, key: str) -> Any:
    if value is None:
        raise _Bad(f"{where}.{key}", "missing")
    return value


def _str(item: Any, key: str, where: str) -> str:
    value = _get(item, key, where)
    if not isinstance(value, str) or not value:
        raise _Bad(f"{where}.{key}", "missing or not text")
    return value


def _opt_str(item: Any, key: str, where: str) -> str | None:
    value = _get(item, key, where)
    if value is not None and not isinstance(value, str):
        raise _Bad(f"{where}.{key}", "not text")
    return value


def _int(item: Any, key: str, where: str) -> int:
    value = _get(item, key, where)
    if not isinstance(value, int) or isinstance(value, bool):
        raise _Bad(f"{where}.{key}", "missing or not a whole number")
    return value


def _parsed(item: Any, key: str, where: str, parse: Callable[[str], Any]) -> Any:
    value = _get(item, key, where)
    if value is None:
        return None
    try:
        return parse(value)
    except (TypeError, ValueError):
        raise _Bad(f"{where}.{key}", f"{value!r} is not an ISO date") from None


def _date(item: Any, key: str, where: str) -> date | None:
    return _parsed(item, key, where, date.fromisoformat)


def _datetime(item: Any, key: str, where: str) -> datetime | None:
    return _parsed(item, key, where, datetime.fromisoformat)


def _enum(enum: Any, item: Any, key: str, where: str) -> str:
    value = _opt_enum(enum, item, key, where)
    if value is None:
        raise _Bad(f"{where}.{key}", "missing")
    return value


def _opt_enum(enum: Any, item: Any, key: str, where: str) -> str | None:
    value = _get(item, key, where)
    if value is None:
        return None
    try:
        return str(enum(value))
    except ValueError:
        raise _Bad(f"{where}.{key}", f"unknown value {value!r}") from None
