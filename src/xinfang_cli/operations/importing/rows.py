"""One row of `xf import` as a new case: the contract's columns (English keys or Chinese
headers) mapped, each cell parsed, and each fault (a bad cell here, a broken rule of
`xf add` when `writer` runs the checks through `RowReader.rules`) one error naming the
row and the column as the file writes it.
"""

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from xinfang_cli.domain.dates import parse_date
from xinfang_cli.domain.enums import Backlog, Outcome, Satisfaction, Source, parse
from xinfang_cli.domain.errors import BadInput, XfError
from xinfang_cli.domain.formats import COLUMNS, REQUIRED, ZH_HEADER
from xinfang_cli.domain.ledger import Later
from xinfang_cli.domain.registration import NewCase
from xinfang_cli.i18n import t


class RowsRejected(BadInput):
    """Some rows are bad: `lines` names each one; nothing was imported."""

    key = "err.import_bad_rows"

    def __init__(self, lines: list[str], **params: object) -> None:
        super().__init__(**params)
        self.lines = lines


# --- headers ------------------------------------------------------------------------------

_BY_HEADER = {**{key: key for key, _, _ in COLUMNS}, **{zh: key for key, zh, _ in COLUMNS}}


def _normalise_header(text: str) -> str:
    cleaned = text.strip().lstrip("\ufeff").rstrip("*＊").strip()
    ascii_form = cleaned.lower().replace("-", "_").replace(" ", "_")
    return ascii_form if ascii_form in _BY_HEADER else cleaned


def map_headers(headers: list[str], file: str) -> list[str | None]:
    """The contract key of each column (None: a blank header, ignored); unknown is an error."""
    keys: list[str | None] = []
    for header in headers:
        name = _normalise_header(str(header or ""))
        if not name:
            keys.append(None)
            continue
        key = _BY_HEADER.get(name)
        if key is None:
            raise BadInput("err.import_unknown_column", file=file, column=header,
                           columns=", ".join(f"{k}/{z}" for k, z, _ in COLUMNS))
        if key in keys:
            raise BadInput("err.import_duplicate_column", file=file, column=header)
        keys.append(key)
    missing = [k for k in REQUIRED if k not in keys]
    if missing:
        raise BadInput("err.import_missing_column", file=file,
                       columns=", ".join(f"{k}/{ZH_HEADER[k]}" for k in missing))
    return keys


# --- one row --------------------------------------------------------------------------------


@dataclass
class RowError:
    row: int
    column: str | None  # the header as the file writes it
    reason: str

    def line(self) -> str:
        if self.column is None:
            return t("import.row_error_nocol", row=self.row, reason=self.reason)
        return t("import.row_error", row=self.row, column=self.column, reason=self.reason)


def _cell_text(value: Any) -> str | None:
    """A cell as text: numbers without a trailing .0, dates as ISO, blanks as None."""
    if value is None:
        return None
    if isinstance(value, dict | list):  # JSON rows: a cell holds one value, not a structure
        raise BadInput("err.import_not_text", value=json.dumps(value, ensure_ascii=False)[:40])
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    return text or None


@lru_cache(maxsize=4096)
def _parse_day(text: str) -> date:
    return parse_date(text, "")


def _day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _cell_text(value)
    return _parse_day(text) if text else None


def _people(value: Any) -> int:
    text = _cell_text(value)
    if text is None:
        return 1
    try:
        return int(text)
    except ValueError:
        raise BadInput("err.import_not_number", value=text) from None


def _reason(exc: XfError, column: str) -> str:
    """The catalogue message, its field named by the file's own header, no `--option: ` prefix."""
    params = {k: v.isoformat() if isinstance(v, date) else v for k, v in exc.params.items()}
    if "field" in params:
        params["field"] = column
    text = t(exc.key, **params)
    return _PREFIX.sub("", text.removeprefix(f"{column}: "), count=1)


_PREFIX = re.compile(r"^--[a-z-]+: ")


# Which column an `xf add` error is about: by its field parameter, else by its key.
_FIELD_COLUMN = {"--received": "received", "--petitioner": "petitioner",
                 "--summary": "summary", "--due": "due", "--accepted": "accepted",
                 **{f"--{key}": key for key in ("closed", "outcome", "satisfaction",
                                                "rejected", "terminated", "reason", "note")}}


_KEY_COLUMN = {"err.bad_phone": "phone", "err.bad_id_number": "id_number",
               "err.case_not_found": "repeat_of",
               "err.people": "people", "err.unit_not_found": "unit",
               "err.unit_retired_use": "unit"}


class RowReader:
    """Turns rows of cells into `NewCase`s, or into the reasons they are bad."""

    def __init__(self, keys: list[str | None], headers: list[str]) -> None:
        self.keys = keys
        self.header = {k: str(h).strip() for k, h in zip(keys, headers, strict=True) if k}

    def values(self, cells: list[Any]) -> dict[str, Any] | None:
        """The row's cells by key; None for a blank row (skipped, as Excel leaves them)."""
        values = {k: cells[i] for i, k in enumerate(self.keys) if k and i < len(cells)}
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values.values()):
            return None
        return values

    def parse(self, number: int, values: dict[str, Any]
              ) -> tuple[tuple[NewCase, Later] | None, list[RowError]]:
        """The row as a new case and its later columns, or the reasons it is bad."""
        errors: list[RowError] = []

        def get(key: str, convert: Callable[[Any], Any]) -> Any:
            try:
                return convert(values.get(key))
            except XfError as exc:
                errors.append(RowError(number, self.header.get(key, key),
                                       _reason(exc, self.header.get(key, key))))
                return None

        fields = {
            "unit": get("unit", _cell_text) or "",
            "source": get("source", lambda v: _enum(Source, v)),
            "received": get("received", _day),
            "petitioner": get("petitioner", _cell_text) or "",
            "summary": get("summary", _cell_text) or "",
            "phone": get("phone", _cell_text), "id_number": get("id_number", _cell_text),
            "people": get("people", _people), "backlog": get("backlog",
                                                             lambda v: _enum(Backlog, v)),
            "topic": get("topic", _cell_text), "leader": get("leader", _cell_text),
            "due": get("due", _day), "accepted": get("accepted", _day),
            "repeat_of": get("repeat_of", _cell_text),
        }
        later = Later(
            closed=get("closed", _day), outcome=get("outcome", lambda v: _enum(Outcome, v)),
            satisfaction=get("satisfaction", lambda v: _enum(Satisfaction, v)),
            rejected=get("rejected", _day), terminated=get("terminated", _day),
            reason=get("reason", _cell_text), note=get("note", _cell_text))
        for key in REQUIRED:
            if not fields[key] and not any(e.column == self.header.get(key) for e in errors):
                errors.append(RowError(number, self.header.get(key, key),
                                       t("import.required")))
        if errors:
            return None, errors
        if fields["people"] is None:
            fields["people"] = 1
        return (NewCase(**fields), later), []

    def rules(self, number: int, *checks: Callable[[], object]) -> list[RowError]:
        """Run each check of `xf add`; each one that fails is one error of this row."""
        errors = []
        for check in checks:
            try:
                check()
            except XfError as exc:
                errors.append(self.rule_error(number, exc))
        return errors

    def rule_error(self, number: int, exc: XfError) -> RowError:
        """An `xf add` rule broken by this row, with the column it concerns."""
        key = _FIELD_COLUMN.get(str(exc.params.get("field")), _KEY_COLUMN.get(exc.key))
        column = self.header.get(key, key) if key else None
        return RowError(number, column, _reason(exc, column) if column else t(
            exc.key, **exc.params))


def _enum(enum: Any, value: Any) -> Any:
    text = _cell_text(value)
    return parse(enum, text, "") if text else None
