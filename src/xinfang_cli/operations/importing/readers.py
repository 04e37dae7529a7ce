"""Reading an office's file for `xf import`: CSV (UTF-8, UTF-8 with BOM, GB18030), XLSX
or JSON, told by the content, as one header row and rows of cells (`Table`).

Nothing here knows what a column means (`rows`) or writes anything (`writer`). A JSON
object (a full export, taken back by `operations.restore`) is streamed by `JsonObject`,
so 100,000 cases never sit in memory at once.
"""

import codecs
import csv
import hashlib
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xinfang_cli.domain.errors import BadInput


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
