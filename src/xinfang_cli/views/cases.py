"""Reading cases: the case object of the contract (`xf show`, `xf list`), listings that
stream, and the record of a reveal of personal data."""

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from xinfang_cli.domain.enums import CaseStatus
from xinfang_cli.domain.masking import mask_field, mask_id_number, mask_name, mask_phone
from xinfang_cli.store.models import Case, FollowUp, History, Unit
from xinfang_cli.store.repository import get_case, record
from xinfang_cli.views.notices import notice_list


def case_record(case: Case, unit: Unit, today: date, reveal: bool = False,
                group_threshold: int = 5) -> dict[str, object]:
    """The contract's case object (JSON keys fixed; tables show the same values)."""
    return {
        "id": case.id, "unit": unit.code, "unit_name": unit.name, "source": case.source,
        "backlog": case.backlog, "status": case.status, "received": case.received,
        "accepted": case.accepted, "accept_due": case.accept_due, "due": case.due,
        "extended_days": case.extended_days, "closed": case.closed, "outcome": case.outcome,
        "satisfaction": case.satisfaction,
        "petitioner": case.petitioner if reveal else mask_name(case.petitioner),
        "phone": case.phone if reveal else mask_phone(case.phone),
        "id_number": case.id_number if reveal else mask_id_number(case.id_number),
        "people": case.people, "group": case.people >= group_threshold,
        "summary": case.summary, "topic": case.topic, "leader": case.leader,
        "escalation": case.escalation, "repeat_of": case.repeat_of,
        "review_requested": case.review_requested,
        "rereview_requested": case.rereview_requested, "reason": case.end_reason,
        "extension_reason": case.extension_reason,
        "overdue": case.pending_due is not None and case.pending_due < today,
    }


def case_detail(session: Session, ref: str, today: date, reveal: bool, by: str,
                group_threshold: int = 5) -> dict[str, object]:
    """`xf show`: the case with its follow-ups and history; a reveal is recorded."""
    case = get_case(session, ref)
    unit = session.get(Unit, case.unit_id)
    assert unit is not None
    if reveal:
        record(session, case.id, today, by, "reveal", [("personal_data", None, "show")])
        session.flush()
    detail = case_record(case, unit, today, reveal, group_threshold)
    detail["followups"] = [
        {"on": f.on, "kind": f.kind, "note": f.note, "by": f.by, "undone_on": f.undone_on}
        for f in session.scalars(select(FollowUp).where(FollowUp.case_id == case.id)
                                 .order_by(FollowUp.on, FollowUp.id))]
    shown = (lambda _field, value: value) if reveal else mask_field
    detail["history"] = [
        {"at": h.at.replace(microsecond=0), "on": h.on, "by": h.by, "action": h.action,
         "field": h.field, "old": shown(h.field, h.old), "new": shown(h.field, h.new),
         "reason": h.reason}
        for h in session.scalars(select(History).where(History.case_id == case.id)
                                 .order_by(History.id))]
    detail["notices"] = notice_list(session, case.id)
    return detail


@dataclass
class CaseFilter:
    unit: int | None = None
    statuses: list[str] = field(default_factory=list)
    backlog_only: bool = False
    overdue_on: date | None = None
    since: date | None = None
    open_only: bool = False
    also: list[Any] = field(default_factory=list)  # more conditions (`xf petitioner`'s key)


def filtered(query, flt: CaseFilter):  # type: ignore[no-untyped-def]
    """`query` narrowed to the cases the filter matches."""
    query = query.where(*flt.also)
    if flt.unit is not None:
        query = query.where(Case.unit_id == flt.unit)
    if flt.statuses:
        query = query.where(Case.status.in_(flt.statuses))
    else:  # a voided case is listed only when asked for by its status
        query = query.where(Case.status != str(CaseStatus.VOIDED))
    if flt.backlog_only:
        query = query.where(Case.backlog.is_not(None))
    if flt.overdue_on is not None:
        query = query.where(Case.pending_due.is_not(None), Case.pending_due < flt.overdue_on)
    if flt.open_only:
        query = query.where(Case.pending_due.is_not(None))
    if flt.since is not None:
        query = query.where(Case.received >= flt.since)
    return query


# The case object's keys in order, each read as a column (the computed ones from the
# column they are made of: `unit_name` from `unit_id`, beside `unit`; `group` from
# `people`; `overdue` from `pending_due`).
RECORD_COLUMNS = (
    ("id", Case.id), ("unit", Case.unit_id), ("unit_name", Case.unit_id),
    ("source", Case.source), ("backlog", Case.backlog), ("status", Case.status),
    ("received", Case.received), ("accepted", Case.accepted),
    ("accept_due", Case.accept_due), ("due", Case.due), ("extended_days", Case.extended_days),
    ("closed", Case.closed), ("outcome", Case.outcome), ("satisfaction", Case.satisfaction),
    ("petitioner", Case.petitioner), ("phone", Case.phone), ("id_number", Case.id_number),
    ("people", Case.people), ("group", Case.people), ("summary", Case.summary),
    ("topic", Case.topic), ("leader", Case.leader), ("escalation", Case.escalation),
    ("repeat_of", Case.repeat_of), ("review_requested", Case.review_requested),
    ("rereview_requested", Case.rereview_requested), ("reason", Case.end_reason),
    ("extension_reason", Case.extension_reason), ("overdue", Case.pending_due))
RECORD_KEYS = tuple(key for key, _column in RECORD_COLUMNS)


def record_columns(session: Session) -> list[Any]:
    """The columns of `RECORD_COLUMNS` to select, dates as their ISO text."""
    from sqlalchemy import Date

    from xinfang_cli.views.rows import iso_text

    return [iso_text(session, column) if isinstance(column.type, Date) else column
            for _key, column in RECORD_COLUMNS]


_AT = {key: i for i, key in enumerate(RECORD_KEYS)}


def case_records(session: Session, flt: CaseFilter, today: date, reveal: bool = False,
                 group_threshold: int = 5, extra: tuple[Any, ...] = (),
                 newest_first: bool = False) -> Iterator[list[list[Any]]]:
    """`case_record` of every case the filter matches (whatever its status unless
    narrowed), in case order (or the newest received first), in batches: each a list of
    values in the order of `RECORD_KEYS`, from row tuples (dates as ISO text, no ORM
    object). `extra` columns are read after the record's, and left at the end of each
    list."""
    from xinfang_cli.views.rows import batches

    units = {row[0]: (row[1], row[2]) for row in session.execute(
        select(Unit.id, Unit.code, Unit.name))}
    order = ((Case.received.desc(), Case.year.desc(), Case.seq.desc()) if newest_first
             else (Case.year, Case.seq))
    query = filtered(select(*record_columns(session), *extra), flt).order_by(*order)
    on = today.isoformat()
    unit, petitioner, phone, id_number, people, group, overdue = (_AT[k] for k in (
        "unit", "petitioner", "phone", "id_number", "people", "group", "overdue"))
    for batch in batches(session, query):
        records = []
        for row in batch:
            values = list(row)
            values[unit], values[unit + 1] = units[values[unit]]
            if not reveal:
                values[petitioner] = mask_name(values[petitioner])
                values[phone] = mask_phone(values[phone])
                values[id_number] = mask_id_number(values[id_number])
            values[group] = values[people] >= group_threshold
            pending = values[overdue]
            values[overdue] = pending is not None and pending < on
            records.append(values)
        yield records


def reveal_matching(session: Session, flt: CaseFilter, today: date, by: str,
                    command: str) -> None:
    """Record a reveal on every case the filter matches, before any of it is shown:
    one INSERT … SELECT, so even a listing cut short has left its record."""
    from sqlalchemy import Date, DateTime, String, insert, literal

    from xinfang_cli.store.models import utcnow

    rows = filtered(select(Case.id, literal(utcnow(), DateTime(timezone=True)),
                            literal(today, Date), literal(by, String),
                            literal("reveal", String), literal("personal_data", String),
                            literal(command, String)), flt)
    session.execute(insert(History.__table__).from_select(
        ["case_id", "at", "on", "by", "action", "field", "new"], rows))
