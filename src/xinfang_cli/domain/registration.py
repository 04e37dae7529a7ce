"""What a new petition must hold (登记): the checks of `xf add`, which every import row
passes too, and the date rules every event obeys. Pure rules: `check_case_fields` needs
no database; the unit and a `--repeat-of` case are looked up by the operation.
"""

import re
from dataclasses import dataclass
from datetime import date

from xinfang_cli.domain.enums import Backlog, Source
from xinfang_cli.domain.errors import BadInput, InvalidDate

_PHONE = re.compile(r"^\+?[0-9][0-9 -]{4,19}$")
_ID_NUMBER = re.compile(r"^(\d{17}[\dXx]|\d{15})$")

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def phone_valid(phone: str) -> bool:
    """A phone as a clerk writes it: digits, with spaces, dashes or a leading +."""
    return bool(_PHONE.match(phone.strip()))


def id_number_valid(number: str) -> bool:
    """A resident ID number: 15 digits (before 1999), or 18 with the GB 11643 check character.

    The check catches a mistyped digit, and a number Excel stored as a float.
    """
    if not _ID_NUMBER.match(number):
        return False
    if len(number) == 15:
        return True
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11] == number[17].upper()


@dataclass
class NewCase:
    """What `xf add` (and an import row) says about a new petition, already parsed."""

    unit: str
    source: Source
    received: date
    petitioner: str
    summary: str
    phone: str | None = None
    id_number: str | None = None
    people: int = 1
    backlog: Backlog | None = None
    topic: str | None = None
    leader: str | None = None
    due: date | None = None
    accepted: date | None = None
    repeat_of: str | None = None


MAX_PEOPLE = 100_000


def check_case_fields(new: NewCase, today: date) -> None:
    """The checks of `xf add` that need no database lookup (an import runs them per row)."""
    for value, limit, field in ((new.petitioner, 100, "--petitioner"), (new.phone, 40, "--phone"),
                                (new.id_number, 40, "--id-number"), (new.topic, 100, "--topic"),
                                (new.leader, 100, "--leader")):
        fits(value, limit, field)
    if new.people > MAX_PEOPLE:
        raise BadInput("err.people", value=new.people)
    not_after_today(new.received, today, "--received")
    for value, field in ((new.petitioner, "--petitioner"), (new.summary, "--summary")):
        if not value or not value.strip():
            raise BadInput("err.empty", field=field)
    if new.phone and not _PHONE.match(new.phone.strip()):
        raise BadInput("err.bad_phone", value=new.phone)
    if new.id_number and not id_number_valid(new.id_number.strip()):
        raise BadInput("err.bad_id_number", value=new.id_number)
    if new.people < 1:
        raise BadInput("err.people", value=new.people)
    if new.due and new.due < new.received:
        raise InvalidDate("err.before_received", field="--due", value=new.due,
                          received=new.received)
    if new.accepted:
        event_day(new.accepted, new.received, today, "--accepted")


def fits(text: str | None, limit: int, field: str) -> None:
    """At most `limit` characters (the column's width), spaces around not counted."""
    if text and len(text.strip()) > limit:
        raise BadInput("err.too_long", field=field, n=len(text.strip()), max=limit)


def required(text: str | None, field: str) -> str:
    """The text, stripped; empty is exit 2 naming `field`."""
    if not text or not text.strip():
        raise BadInput("err.empty", field=field)
    return text.strip()


def blank(text: str | None) -> str | None:
    """Stripped text, or None for an empty one (stored as NULL)."""
    return text.strip() or None if text else None


def event_day(on: date, received: date, today: date, field: str) -> None:
    """An event date may not lie after today, nor before the case's receipt."""
    not_after_today(on, today, field)
    if on < received:
        raise InvalidDate("err.before_received", field=field, value=on, received=received)


def not_after_today(on: date, today: date, field: str) -> None:
    if on > today:
        raise InvalidDate("err.future_date", field=field, value=on, today=today)


# --- correcting a registration (xf edit) ----------------------------------------------------

EDITABLE = ("petitioner", "phone", "id_number", "people", "summary", "topic", "source",
            "backlog", "received", "superior_due", "repeat_of")
"""The registration's fields a correction may change; status and the lifecycle's dates have
their own commands (and `xf undo`)."""

PERSONAL = frozenset({"petitioner", "phone", "id_number"})
"""Fields masked wherever they are shown, in the history too, unless revealed."""

OPTION = {"superior_due": "--due", "id_number": "--id-number", "repeat_of": "--repeat-of"}
"""The option that sets a field, where it is not `--` and the field's name."""


def option(field: str) -> str:
    return OPTION.get(field, f"--{field}")


def normalised_edit(wanted: dict[str, object]) -> dict[str, object]:
    """The values of an edit as they are stored: text stripped, empty optional text as NULL,
    an ID number in capitals; each required or length-limited one checked."""
    values: dict[str, object] = {}
    for field, value in wanted.items():
        if field not in EDITABLE:
            raise BadInput("err.edit_unknown_field", field=field, fields=", ".join(EDITABLE))
        if field in ("petitioner", "summary"):
            value = required(str(value), option(field))
        elif field in ("phone", "id_number", "topic", "repeat_of"):
            value = blank(str(value)) if value is not None else None
            if field in ("id_number", "repeat_of") and value:
                value = str(value).upper()
        values[field] = value
    return values


def check_edit(values: dict[str, object], received: date, today: date) -> None:
    """The checks of `xf add`, for the fields an edit changes (`received`: the date of
    receipt after the edit)."""
    for field, limit in (("petitioner", 100), ("phone", 40), ("id_number", 40), ("topic", 100)):
        fits(values.get(field), limit, option(field))  # type: ignore[arg-type]
    phone, number = values.get("phone"), values.get("id_number")
    if phone and not _PHONE.match(str(phone)):
        raise BadInput("err.bad_phone", value=phone)
    if number and not id_number_valid(str(number)):
        raise BadInput("err.bad_id_number", value=number)
    people = values.get("people")
    if people is not None and not 1 <= int(people) <= MAX_PEOPLE:  # type: ignore[call-overload]
        raise BadInput("err.people", value=people)
    if "received" in values:
        not_after_today(received, today, "--received")
    due = values.get("superior_due")
    if isinstance(due, date) and due < received:
        raise InvalidDate("err.before_received", field="--due", value=due, received=received)
