"""Storage helpers over one Session. They never commit: the caller's unit of work does."""

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlmodel import Session

from xinfang_cli.domain.errors import CaseNotFound, NotPermitted, UnitNotFound
from xinfang_cli.store.models import Case, CaseSequence, History, Unit


def find_unit(session: Session, ref: str) -> Unit:
    """A unit by its code (any case) or its exact Chinese name."""
    wanted = ref.strip()
    unit = session.scalar(
        select(Unit).where(or_(func.lower(Unit.code) == wanted.lower(), Unit.name == wanted)))
    if unit is None:
        raise UnitNotFound(value=ref)
    return unit


def unit_index(session: Session) -> dict[str, Unit]:
    """Every unit under the keys `find_unit` matches: lower-case code and exact name.

    For bulk work (an import) that would otherwise look a unit up once per row.
    """
    index: dict[str, Unit] = {}
    for unit in session.scalars(select(Unit)):
        index[unit.code.lower()] = unit
        index[unit.name] = unit
    return index


def lookup_unit(index: dict[str, Unit], ref: str) -> Unit:
    """`find_unit` over a `unit_index`: the same matching, the same error."""
    wanted = ref.strip()
    unit = index.get(wanted.lower()) or index.get(wanted)
    if unit is None:
        raise UnitNotFound(value=ref)
    return unit


def get_case(session: Session, case_id: str, lock: bool = False) -> Case:
    query = select(Case).where(Case.id == case_id.strip().upper())
    if lock:
        query = query.with_for_update()
    case = session.scalar(query)
    if case is None:
        hidden_case(session, case_id.strip().upper())
        raise CaseNotFound(value=case_id)
    return case


def hidden_case(session: Session, case_id: str) -> None:
    """On a shared server, a case the login may not see (another unit's) is refused as
    such, exit 4, not reported as missing: the server tells whether it exists at all
    (`xf_case_exists`, revision 0009), nothing more."""
    if session.get_bind().dialect.name != "postgresql":
        return
    from sqlalchemy import text

    if session.scalar(text("SELECT xf_case_exists(:id)"), {"id": case_id}):
        raise NotPermitted("err.not_your_case", case=case_id,
                           login=session.scalar(text("SELECT session_user")))


def unit_by_id(session: Session, unit_id: int) -> Unit:
    unit = session.get(Unit, unit_id)
    assert unit is not None  # a foreign key guards it
    return unit


def allocate_case_numbers(session: Session, year: int, count: int = 1) -> int:
    """Reserve `count` case numbers in `year`; returns the first (see `allocate`)."""
    return allocate(session, CaseSequence, year, count)


def allocate(session: Session, counter: Any, year: int, count: int = 1) -> int:
    """Reserve `count` numbers of a per-year `counter` (case numbers, document numbers) in
    `year`; returns the first. Gap-free: rolled back with the caller.

    The UPDATE takes the row lock (PostgreSQL) or the write lock (SQLite, BEGIN IMMEDIATE),
    so concurrent clerks queue here instead of colliding.
    """
    bump = (update(counter).where(counter.year == year)
            .values(last=counter.last + count))
    if session.execute(bump).rowcount == 0:
        _insert_sequence_row(session, counter, year)
        session.execute(bump)
    last = session.scalar(select(counter.last).where(counter.year == year))
    assert last is not None
    return int(last) - count + 1


def _insert_sequence_row(session: Session, counter: Any, year: int) -> None:
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    session.execute(insert(counter).values(year=year, last=0).on_conflict_do_nothing())


def case_id(year: int, seq: int) -> str:
    """`2018-0001`; past 9999 the number simply grows."""
    return f"{year}-{seq:04d}"


def record(session: Session, case: str | None, on: date, by: str, action: str,
           changes: Iterable[tuple[str | None, object, object]] = ((None, None, None),),
           command: int | None = None, reason: str | None = None) -> None:
    """Append one history row per changed field (history is never updated or deleted).
    `command`: the run that wrote them (None for a reveal, which no undo takes back)."""
    for field, old, new in changes:
        session.add(History(case_id=case, on=on, by=by, action=action, field=field,
                            old=text_of(old), new=text_of(new), command_id=command,
                            reason=reason))


def text_of(value: object) -> str | None:
    """A value as the history stores it: dates in ISO form, None as NULL."""
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
