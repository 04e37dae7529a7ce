"""A petitioner's cases on record, found by the stored phone (its digits), ID number, or
name at a unit, compared inside the query: nothing personal is shown to find them.

`xf petitioner` lists them; `xf add` and `xf import` warn with them (repeat petitions,
重复信访). Revision 0006 indexes all three keys.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, func, literal_column, or_, select, tuple_
from sqlalchemy.orm import aliased
from sqlmodel import Session

from xinfang_cli.domain.enums import CaseStatus
from xinfang_cli.store.models import Case, Unit


def phone_digits(phone: str) -> str:
    """A phone as compared: without its spaces and dashes (0518-8555 1234 = 051885551234)."""
    return phone.strip().replace(" ", "").replace("-", "")


def stored_phone() -> ColumnElement[str]:
    """The stored phone's digits, as the index `ix_case_phone` holds them."""
    return _digits(Case.phone)


@dataclass(frozen=True)
class Person:
    """Who is looked for: by phone, ID number, or name (at a unit when one is given)."""

    phone: str | None = None
    id_number: str | None = None
    name: str | None = None
    unit: int | None = None

    def condition(self) -> ColumnElement[bool]:
        keys: list[ColumnElement[bool]] = []
        if self.id_number:
            keys.append(Case.id_number == self.id_number.strip().upper())
        if self.phone:
            keys.append(stored_phone() == phone_digits(self.phone))
        if self.name:
            by_name = Case.petitioner == self.name.strip()
            keys.append(and_(by_name, Case.unit_id == self.unit) if self.unit else by_name)
        return or_(*keys)

    def key_of(self, id_number: str | None, phone: str | None, name: str,
               unit: int) -> str:
        """Which key a found case shares: `id_number`, `phone` or `name`."""
        if self.id_number and id_number == self.id_number.strip().upper():
            return "id_number"
        if self.phone and phone is not None and phone_digits(phone) == phone_digits(self.phone):
            return "phone"
        return "name"


def earlier_cases(session: Session, person: Person, limit: int) -> list[dict[str, Any]]:
    """The person's cases on record (a voided one left out), newest first, as a repeat
    warning lists them: id, day received, unit, status, summary, and the key they share."""
    rows = session.execute(
        select(Case.id, Case.received, Unit.name, Case.status, Case.summary, Case.id_number,
               Case.phone, Case.petitioner, Case.unit_id)
        .join(Unit, Unit.id == Case.unit_id)
        .where(person.condition(), Case.status != str(CaseStatus.VOIDED))
        .order_by(Case.received.desc(), Case.year.desc(), Case.seq.desc()).limit(limit))
    return [{"id": case_id, "received": received, "unit_name": unit_name, "status": status,
             "summary": summary, "matched": person.key_of(number, phone, name, unit)}
            for case_id, received, unit_name, status, summary, number, phone, name, unit
            in rows]


def count_cases(session: Session, person: Person) -> int:
    """How many cases the person has on record (a voided one left out)."""
    return session.scalar(select(func.count()).select_from(Case).where(
        person.condition(), Case.status != str(CaseStatus.VOIDED))) or 0


@dataclass
class Repeat:
    """An import row whose petitioner already has cases: on record, or in earlier rows."""

    row: int
    name: str
    key: str  # the first key shared: id_number, phone or name
    cases: list[str]  # case ids on record, newest first
    rows: list[int]  # earlier rows of the same file
    case: str | None = None  # the id the row was given (None: a dry run)


def batch_repeats(session: Session, batch: int, row_of: dict[str, int]) -> list[Repeat]:
    """The repeat warnings of an import once written: each new case whose petitioner has
    other cases, on record before or given by an earlier row of the same file (by date of
    receipt, then number); newest first. Joins on the indexed keys: nothing held per row.
    (No ORDER BY and no OR in the join: either turns SQLite's plan to a unit's every case.)"""
    new, old = aliased(Case), aliased(Case)
    keys = (("id_number", old.id_number == new.id_number),
            ("phone", _digits(old.phone) == _digits(new.phone)),
            ("name", and_(old.unit_id == new.unit_id, old.petitioner == new.petitioner)))
    found: dict[str, tuple[Repeat, list[tuple[object, ...]]]] = {}
    for key, same in keys:
        query = (select(new.id, new.petitioner, new.received, new.year, new.seq, old.id,
                        old.import_batch_id, old.received, old.year, old.seq)
                 .join(old, same)
                 .where(new.import_batch_id == batch, new.repeat_of.is_(None),
                        old.id != new.id, old.status != str(CaseStatus.VOIDED)))
        for row in _rows(session, query):
            case_id, name, when, other, other_batch, other_when = (
                row[0], row[1], tuple(row[2:5]), row[5], row[6], tuple(row[7:10]))
            if other_batch == batch and other_when > when:
                continue  # a later row of the same file
            repeat, others = found.setdefault(
                case_id, (Repeat(row_of[case_id], name, key, [], [], case_id), []))
            others.append((*other_when, other))
    for repeat, others in found.values():
        others.sort(reverse=True)
        repeat.cases = list(dict.fromkeys(str(o[-1]) for o in others))
    return sorted((r for r, _ in found.values()), key=lambda r: r.row)


def _digits(phone: Any) -> Any:
    """A phone's digits in SQL, written as the index `ix_case_phone` is: its constants
    inline, not bound (an index on an expression matches the same expression only)."""
    blank, space, dash = (literal_column(f"'{c}'") for c in ("", " ", "-"))
    return func.replace(func.replace(phone, space, blank), dash, blank)


FEW_KEYS = 300  # a dry run of a file with more keys reads every case's once instead


class RepeatFinder:
    """The repeat warnings of `xf import --dry-run` (nothing written): each row's petitioner
    looked up among the cases on record (one pass over their keys, whatever the size of
    the file) and among the file's earlier rows."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.wanted: list[tuple[int, str, str | None, str | None, int, bool]] = []

    def add(self, row: int, name: str, id_number: str | None, phone: str | None,
            unit: int, warn: bool = True) -> None:
        """A row; `warn` False for one that names its earlier case (`repeat_of`): it is
        not warned of, but a later row of the same person is."""
        number = id_number.strip().upper() if id_number and id_number.strip() else None
        digits = phone_digits(phone) if phone and phone.strip() else None
        self.wanted.append((row, name.strip(), number, digits, unit, warn))

    def repeats(self) -> list[Repeat]:
        if not self.wanted:
            return []
        on_record = self._on_record()
        seen: dict[tuple[str, object], list[int]] = {}
        found = []
        for row, name, number, digits, unit, warn in self.wanted:
            keys = [k for k in (("id_number", number), ("phone", digits),
                                ("name", (unit, name))) if k[1] is not None]
            cases: list[str] = []
            rows: list[int] = []
            shared = None
            for key in keys:
                matches = on_record.get(key, [])
                earlier = seen.get(key, [])
                if (matches or earlier) and shared is None:
                    shared = key[0]
                cases += [c for c in matches if c not in cases]
                rows += [r for r in earlier if r not in rows]
            for key in keys:
                seen.setdefault(key, []).append(row)
            if shared is not None and warn:
                found.append(Repeat(row, name, shared, cases, sorted(rows)))
        return found

    def _on_record(self) -> dict[tuple[str, object], list[str]]:
        """Case ids by key, for the keys the file holds, newest first."""
        numbers = {w[2] for w in self.wanted if w[2]}
        phones = {w[3] for w in self.wanted if w[3]}
        names = {(w[4], w[1]) for w in self.wanted}
        query = (select(Case.id, Case.id_number, stored_phone(), Case.unit_id, Case.petitioner)
                 .where(Case.status != str(CaseStatus.VOIDED))
                 .order_by(Case.received.desc(), Case.year.desc(), Case.seq.desc()))
        if len(numbers) + len(phones) + len(names) <= FEW_KEYS:  # through the indexes
            query = query.where(or_(Case.id_number.in_(numbers), stored_phone().in_(phones),
                                    tuple_(Case.unit_id, Case.petitioner).in_(names)))
        found: dict[tuple[str, object], list[str]] = {}
        for case_id, number, phone, unit, name in _rows(self.session, query):
            for key, wanted in ((("id_number", number), numbers), (("phone", phone), phones),
                                (("name", (unit, name)), names)):
                if key[1] in wanted:
                    found.setdefault(key, []).append(case_id)
        return found


def _rows(session: Session, query: Any) -> Iterable[Any]:
    return session.execute(query.execution_options(yield_per=5000))
