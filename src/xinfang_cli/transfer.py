"""`xf import`: an office's spreadsheet (CSV, XLSX) or a JSON array, one new case per row.

Every row is checked with the rules of `xf add` (`services.check_case_fields`, the same
unit matching as `find_unit`); a bad row means nothing is imported, and every bad row is
reported. The rows are written in bulk inside the caller's one transaction: case numbers
are reserved per year and chunk, cases and their history go in as multi-row inserts.
A full export (`xf export --format json --reveal`) is taken back by `full_export.py`.
"""

import codecs
import csv
import hashlib
import json
import re
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from .dates import parse_date
from .enums import Backlog, CaseStatus, Source, parse
from .errors import BadInput, XfError
from .i18n import t

# The contract's columns: (key, Chinese header, required).
COLUMNS: tuple[tuple[str, str, bool], ...] = (
    ("unit", "单位", True),
    ("source", "来源", True),
    ("received", "收到日期", True),
    ("petitioner", "信访人", True),
    ("summary", "诉求摘要", True),
    ("phone", "联系电话", False),
    ("id_number", "身份证号", False),
    ("people", "人数", False),
    ("backlog", "积案类型", False),
    ("topic", "问题类别", False),
    ("leader", "包案领导", False),
    ("due", "办理期限", False),
    ("accepted", "受理日期", False),
)
ZH_HEADER = {key: zh for key, zh, _ in COLUMNS}
REQUIRED = tuple(key for key, _, required in COLUMNS if required)
CHUNK = 2000  # rows per multi-row insert


class RowsRejected(BadInput):
    """Some rows are bad: `lines` names each one; nothing was imported."""

    key = "err.import_bad_rows"

    def __init__(self, lines: list[str], **params: object) -> None:
        super().__init__(**params)
        self.lines = lines


# --- reading a file -----------------------------------------------------------------------


@dataclass
class Table:
    """Rows of cells under one header row, whatever the file format."""

    kind: str  # csv | xlsx | json
    sha256: str
    headers: list[str]
    rows: Iterator[tuple[int, list[Any]]]  # (row number as the spreadsheet shows it, cells)
    total: int | None = None  # rows expected, for the progress bar
    document: Any = None  # a JSON object (a full export): a dict or a streamed JsonObject
    close: Callable[[], None] = field(default=lambda: None)


def read_table(path: Path) -> Table:
    """Open CSV (UTF-8, UTF-8 with BOM, GB18030), XLSX or JSON, told by the content."""
    if not path.is_file():
        raise BadInput("err.import_no_file", file=str(path))
    with open(path, "rb") as handle:
        head = handle.read(8)
    if head.startswith(b"PK\x03\x04"):
        return _xlsx_table(path)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise BadInput("err.import_xls", file=path.name)
    stripped = head.removeprefix(codecs.BOM_UTF8).lstrip()
    if stripped[:1] in (b"[", b"{"):
        return _json_table(path)
    return _csv_table(path)


def _scan(path: Path) -> tuple[str, str, int]:
    """One pass over the bytes: SHA-256, the encoding (detected, never asked), line count."""
    digest, lines = hashlib.sha256(), 0
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8, first = True, True
    bom = False
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            if first:
                bom, first = chunk.startswith(codecs.BOM_UTF8), False
            digest.update(chunk)
            lines += chunk.count(b"\n")
            if utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8 = False
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8 = False
    encoding = "utf-8-sig" if bom else "utf-8" if utf8 else "gb18030"
    return digest.hexdigest(), encoding, lines


def file_sha256(path: Path) -> str:
    return _scan(path)[0]


def _csv_table(path: Path) -> Table:
    sha256, encoding, lines = _scan(path)
    handle = open(path, encoding=encoding, errors="strict", newline="")  # noqa: SIM115
    try:
        first = handle.readline()
        dialect = "excel-tab" if "\t" in first and "," not in first else "excel"
        handle.seek(0)
        reader = csv.reader(handle, dialect=dialect)
        headers = next(reader, None)
    except UnicodeDecodeError as exc:
        handle.close()
        raise BadInput("err.import_encoding", file=path.name, reason=str(exc)) from None
    if headers is None:
        handle.close()
        raise BadInput("err.import_empty", file=path.name)

    def rows() -> Iterator[tuple[int, list[Any]]]:
        try:
            yield from enumerate(reader, start=2)
        except (UnicodeDecodeError, csv.Error) as exc:
            raise BadInput("err.import_malformed", file=path.name, reason=str(exc)) from None

    return Table("csv", sha256, headers, rows(), total=max(lines - 1, 1), close=handle.close)


def _xlsx_table(path: Path) -> Table:
    import openpyxl

    sha256 = file_sha256(path)
    try:
        with warnings.catch_warnings():  # "no default style" and the like: not the user's problem
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - zip, XML, anything: a file we cannot read
        raise BadInput("err.import_malformed", file=path.name, reason=str(exc)) from None
    sheet = book.worksheets[0]
    values = sheet.iter_rows(values_only=True)
    header = next(values, None)
    if header is None:
        book.close()
        raise BadInput("err.import_empty", file=path.name)
    headers = ["" if h is None else str(h) for h in header]
    total = (sheet.max_row - 1) if sheet.max_row else None

    def rows() -> Iterator[tuple[int, list[Any]]]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for number, cells in enumerate(values, start=2):
                yield number, list(cells)

    return Table("xlsx", sha256, headers, rows(), total=total, close=book.close)


class JsonObject:
    """A JSON file whose top level is an object, read without holding all of it: the keys
    before `big` at once, the items of `big` one by one, and a key after `big` (or missing)
    with one more pass over the file each. A full export of a 100,000-case district is
    430 MB of JSON, which `json.load` turned into 2.3 GiB of Python objects.

    The file is checked as it is read: a fault ends the read with BadInput, within the
    caller's transaction, so nothing is written. A key repeated before `big` is refused;
    after it, it is not looked for (that would cost a slow pass of its own)."""

    def __init__(self, path: Path, big: str) -> None:
        self.path, self.big = path, big
        self.head: dict[str, Any] = {}
        self._after: dict[str, Any] = {}
        self.big_is_list: bool | None = None  # None: `big` is not in the file
        with self._open() as handle, self._faults():
            self._read_head(handle)

    def get(self, key: str, default: Any = None) -> Any:
        """The value of a top-level key other than `big`."""
        if key in self.head or self.big_is_list is None:
            return self.head.get(key, default)
        if key not in self._after:
            import ijson

            with self._open() as handle, self._faults():
                self._after[key] = next(ijson.items(handle, key, use_float=True), default)
        return self._after[key]

    def items(self) -> Iterator[Any]:
        """The items of `big`, one at a time (none if it is missing or not an array)."""
        import ijson

        if not self.big_is_list:
            return
        with self._open() as handle, self._faults():
            yield from ijson.items(handle, f"{self.big}.item", use_float=True)

    def _read_head(self, handle: Any) -> None:
        """The top-level keys and values up to `big`, told by depth (a prefix alone cannot
        tell the top level from the inside of a key named "")."""
        import ijson

        events = ijson.parse(handle, use_float=True)
        depth, key, builder = 0, None, ijson.ObjectBuilder()
        for _prefix, event, value in events:
            if depth == 1 and event in ("map_key", "end_map"):
                if key is not None:  # the previous key's value is complete
                    self.head[key] = builder.value
                    key, builder = None, ijson.ObjectBuilder()
                if event == "end_map":
                    return
                if value in self.head:
                    raise BadInput("err.import_json_twice", file=self.path.name, name=value)
                if value == self.big:
                    self.big_is_list = next(events, ("", "", None))[1] == "start_array"
                    return
                key = value
                continue
            if key is not None:
                builder.event(event, value)
            if event in ("start_map", "start_array"):
                depth += 1
            elif event in ("end_map", "end_array"):
                depth -= 1

    def _open(self) -> Any:
        return _open_json(self.path)

    def _faults(self) -> Any:
        return _json_faults(self.path)


def _open_json(path: Path) -> Any:
    """The file in binary, past a UTF-8 BOM if it has one (as Windows tools save it)."""
    handle = open(path, "rb")  # noqa: SIM115 - closed by the caller's with
    if handle.read(len(codecs.BOM_UTF8)) != codecs.BOM_UTF8:
        handle.seek(0)
    return handle


@contextmanager
def _json_faults(path: Path) -> Iterator[None]:
    """A fault of the JSON read (ijson) as BadInput: one line naming the file."""
    import ijson

    try:
        yield
    except (ijson.JSONError, UnicodeDecodeError) as exc:
        # the parser's first line ("parse error: premature EOF"); it goes on to draw
        # an arrow under the place over several lines (yajl gives it as bytes)
        text = exc.args[0] if isinstance(exc, ijson.JSONError) and exc.args else str(exc)
        if isinstance(text, bytes):
            text = text.decode("utf-8", "replace")
        reason = (str(text).strip().splitlines() or [type(exc).__name__])[0].rstrip(".")
        raise BadInput("err.import_malformed", file=path.name, reason=reason) from None


def _json_table(path: Path) -> Table:
    """A JSON array of row objects, or an object (a full export), both streamed: a pass for
    the headers, then the rows one by one (100,000 rows: 71 MiB, as from CSV, not 214)."""
    import ijson

    sha256 = file_sha256(path)
    with open(path, "rb") as handle:
        first = handle.read(64).removeprefix(codecs.BOM_UTF8).lstrip()[:1]
    if first == b"{":  # a full export: its cases one by one
        return Table("json", sha256, [], iter(()), document=JsonObject(path, "cases"))
    headers: list[str] = []
    total = 0
    with _open_json(path) as handle, _json_faults(path):  # an array (read_table saw "[")
        for item in ijson.items(handle, "item", use_float=True):
            if not isinstance(item, dict):
                raise BadInput("err.import_json_shape", file=path.name)
            headers += [k for k in item if k not in headers]  # in order of first use
            total += 1

    def rows() -> Iterator[tuple[int, list[Any]]]:
        with _open_json(path) as again, _json_faults(path):
            for number, item in enumerate(ijson.items(again, "item", use_float=True), start=1):
                yield number, [item.get(h) for h in headers]

    return Table("json", sha256, headers, rows(), total=total)


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
                 "--summary": "summary", "--due": "due", "--accepted": "accepted"}
_KEY_COLUMN = {"err.bad_phone": "phone", "err.bad_id_number": "id_number",
               "err.people": "people", "err.unit_not_found": "unit"}


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

    def parse(self, number: int, values: dict[str, Any]) -> tuple[Any, list[RowError]]:
        from .services import NewCase

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
        }
        for key in REQUIRED:
            if not fields[key] and not any(e.column == self.header.get(key) for e in errors):
                errors.append(RowError(number, self.header.get(key, key),
                                       t("import.required")))
        if errors:
            return None, errors
        if fields["people"] is None:
            fields["people"] = 1
        return NewCase(**fields), []

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


# --- writing in bulk --------------------------------------------------------------------------


class BulkWriter:
    """Writes checked new cases as `xf add` would, a chunk at a time, in one transaction."""

    def __init__(self, op: Any, batch_id: int | None) -> None:
        from .models import utcnow

        self.op, self.batch_id = op, batch_id
        self.at = utcnow()
        self.pending: list[tuple[Any, Any]] = []
        self.written = 0
        self._accept_due: dict[date, date] = {}

    def add(self, new: Any, unit: Any) -> None:
        self.pending.append((new, unit))
        if len(self.pending) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        from .models import Case, History
        from .repository import allocate_case_numbers

        counts = Counter(new.received.year for new, _ in self.pending)
        next_seq = {year: allocate_case_numbers(self.op.session, year, n)
                    for year, n in sorted(counts.items())}
        cases, history = [], []
        for new, unit in self.pending:
            year = new.received.year
            seq, next_seq[year] = next_seq[year], next_seq[year] + 1
            case = self._case(new, unit, year, seq)
            cases.append(case)
            history += self._history(case, unit.code)
        insert_many(self.op.session, Case.__table__, cases)
        insert_many(self.op.session, History.__table__, history)
        self.written += len(cases)
        self.pending = []

    def _case(self, new: Any, unit: Any, year: int, seq: int) -> dict[str, Any]:
        from .repository import case_id

        accept_due = self._accept_due.get(new.received)
        if accept_due is None:
            accept_due = self._accept_due[new.received] = self.op.deadlines.accept_due(
                new.received)
        status, status_on, due, pending = CaseStatus.REGISTERED, new.received, None, accept_due
        if new.accepted:  # registered as already accepted that day (xf add --accepted)
            due = self.op.deadlines.handling_due(new.accepted, new.due)
            status, status_on, pending = CaseStatus.ACCEPTED, new.accepted, due
        return {
            "id": case_id(year, seq), "year": year, "seq": seq, "unit_id": unit.id,
            "source": str(new.source), "backlog": str(new.backlog) if new.backlog else None,
            "status": str(status), "status_on": status_on, "received": new.received,
            "accept_due": accept_due, "accepted": new.accepted, "superior_due": new.due,
            "extended_days": 0, "extension_reason": None, "due": due, "pending_due": pending,
            "closed": None, "outcome": None, "satisfaction": None, "review_requested": None,
            "rereview_requested": None, "end_reason": None,
            "petitioner": new.petitioner.strip(), "phone": _blank(new.phone),
            "id_number": _blank(new.id_number.upper() if new.id_number else None),
            "people": new.people, "summary": new.summary.strip(), "topic": _blank(new.topic),
            "leader": _blank(new.leader), "escalation": None, "repeat_of": None,
            "created_at": self.at, "import_batch_id": self.batch_id,
        }

    def _history(self, case: dict[str, Any], unit_code: str) -> list[dict[str, Any]]:
        """The rows `add_case` (and `accept`) would write for this case."""
        rows = [("add", case["received"], "status", None, str(CaseStatus.REGISTERED)),
                ("add", case["received"], "unit", None, unit_code),
                ("add", case["received"], "accept_due", None, case["accept_due"].isoformat())]
        if case["accepted"]:
            on = case["accepted"]
            rows += [("accept", on, "status", str(CaseStatus.REGISTERED), case["status"]),
                     ("accept", on, "accepted", None, on.isoformat()),
                     ("accept", on, "due", None, case["due"].isoformat())]
        return [{"case_id": case["id"], "at": self.at, "on": on, "by": self.op.by,
                 "action": action, "field": fld, "old": old, "new": new}
                for action, on, fld, old, new in rows]


def insert_many(session: Any, table: Any, rows: list[dict[str, Any]]) -> None:
    """What `session.execute(insert(table), rows)` does, faster. PostgreSQL: COPY. SQLite:
    one executemany straight to the driver, values converted by the dialect's own bind
    processors a column at a time, without SQLAlchemy's per-row parameter machinery
    (100,000 cases and their history: about twice as fast)."""
    if not rows:
        return
    from sqlalchemy import insert

    conn = session.connection()
    keys = list(rows[0])
    if conn.dialect.name == "postgresql":
        _copy_rows(conn, table, keys, rows)
        return
    compiled = insert(table).compile(dialect=conn.dialect, column_keys=keys)
    names = list(compiled.positiontup) if compiled.positional else keys  # type: ignore[arg-type]
    convert = [(name, _memo(table.c[name].type.dialect_impl(conn.dialect)
                            .bind_processor(conn.dialect))) for name in names]
    if compiled.positional:
        params: list[Any] = [tuple(f(row[k]) for k, f in convert) for row in rows]
    else:
        params = [{k: f(row[k]) for k, f in convert} for row in rows]
    conn.exec_driver_sql(str(compiled), params)


def _copy_rows(conn: Any, table: Any, keys: list[str], rows: list[dict[str, Any]]) -> None:
    """PostgreSQL: the rows through COPY, in the same transaction (the benchmark's import
    of 100,000 rows: 24 s with INSERTs, 15 s with COPY); psycopg converts the values. A
    value the server refuses raises SQLAlchemy's error, as an INSERT would."""
    from sqlalchemy.exc import DBAPIError

    quote = conn.dialect.identifier_preparer.quote
    sql = f"COPY {quote(table.name)} ({', '.join(quote(k) for k in keys)}) FROM STDIN"
    driver = conn.connection.driver_connection
    try:
        with driver.cursor() as cursor, cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row([row[k] for k in keys])
    except conn.dialect.loaded_dbapi.Error as exc:
        raise DBAPIError.instance(sql, None, exc, conn.dialect.loaded_dbapi.Error) from None


def _memo(process: Callable[[Any], Any] | None) -> Callable[[Any], Any]:
    """A bind processor that converts each distinct value once (dates and the import's
    timestamp repeat across thousands of rows); no processor: the value as it is."""
    if process is None:
        return lambda value: value
    seen: dict[Any, Any] = {None: None}

    def convert(value: Any) -> Any:
        try:
            return seen[value]
        except KeyError:
            seen[value] = done = process(value)
            return done

    return convert


def _blank(text: str | None) -> str | None:
    return text.strip() or None if text else None


# --- the whole import ---------------------------------------------------------------------------


@dataclass
class ImportResult:
    rows: int
    batch_id: int | None
    dry_run: bool


def import_rows(op: Any, table: Table, file_name: str, dry_run: bool = False,
                again: bool = False, advance: Callable[[int], None] = lambda n: None
                ) -> ImportResult:
    """Check every row; unless one is bad (RowsRejected) or it is a dry run, write them all."""
    from .repository import lookup_unit, unit_index
    from .services import check_case_fields

    reader = RowReader(map_headers(table.headers, file_name), table.headers)
    units = unit_index(op.session)
    batch_id = None if dry_run else _start_batch(op, table, file_name, again)
    writer = BulkWriter(op, batch_id)
    errors: list[RowError] = []
    checked = 0
    for number, cells in table.rows:
        values = reader.values(cells)
        advance(1)
        if values is None:
            continue
        checked += 1
        new, row_errors = reader.parse(number, values)
        if new is not None:
            row_errors = reader.rules(number, lambda n=new: lookup_unit(units, n.unit),
                                      lambda n=new: check_case_fields(op, n))
            unit = units.get(new.unit.strip().lower()) or units.get(new.unit.strip())
        if row_errors:
            errors += row_errors
        elif not dry_run and not errors:
            writer.add(new, unit)
    if errors:
        bad = len({e.row for e in errors})
        raise RowsRejected([e.line() for e in errors], n=bad, file=file_name)
    if checked == 0:
        raise BadInput("err.import_empty", file=file_name)
    writer.flush()
    if batch_id is not None:
        _finish_batch(op, batch_id, writer.written)
    return ImportResult(checked, batch_id, dry_run)


def _start_batch(op: Any, table: Table, file_name: str, again: bool) -> int:
    from sqlalchemy import insert, select

    from .models import ImportBatch, utcnow

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

    from .models import ImportBatch

    op.session.execute(update(ImportBatch.__table__)
                       .where(ImportBatch.__table__.c.id == batch_id).values(rows=rows))
