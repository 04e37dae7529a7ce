"""Output: one switch (`--format`), one renderer per kind of result.

JSON is built from the same records the tables show, so the two never disagree.
"""

import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from enum import StrEnum
from functools import lru_cache, partial
from pathlib import Path
from typing import IO, Any


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    MD = "md"
    HTML = "html"
    XLSX = "xlsx"


def to_jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    return value


def _iso(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


# One object on one line, by the C encoder (an indent would take the Python one).
encode = json.JSONEncoder(ensure_ascii=False, default=_iso).encode


def dumps(value: Any) -> str:
    """UTF-8 JSON, Chinese unescaped, dates as ISO strings."""
    return json.dumps(to_jsonable(value), ensure_ascii=False, indent=2)


@contextmanager
def destination(path: Path | None) -> Iterator[IO[str]]:
    """stdout, or the file of `-o FILE` (written whole, UTF-8)."""
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    with open(path, "w", encoding="utf-8", newline="") as handle:
        yield handle


def write_json(value: Any, path: Path | None = None) -> None:
    with destination(path) as out:
        out.write(dumps(value) + "\n")


def stream_json_array(items: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write a JSON array one object at a time: the first lines leave before the last are read."""
    return _array(([item] for item in items), encode_batch, out)


def stream_json_rows(keys: Sequence[str], batches: Iterable[Sequence[Sequence[Any]]],
                     out: IO[str]) -> int:
    """A JSON array of objects given as rows of values in the order of `keys`."""
    return _array(batches, partial(encode_rows, keys), out)


def json_rows(keys: Sequence[str], batches: Iterable[Sequence[Sequence[Any]]],
              out: IO[str]) -> int:
    """The objects of an array (without its brackets), given as rows of values in the order
    of `keys`, one a line; how many."""
    return _lines(batches, partial(encode_rows, keys), out)


def _array(batches: Iterable[Any], encode_one: Callable[[Any], str], out: IO[str]) -> int:
    out.write("[")
    count = _lines(batches, encode_one, out)
    out.write("\n]\n" if count else "]\n")
    return count


def _lines(batches: Iterable[Any], encode_one: Callable[[Any], str], out: IO[str]) -> int:
    """Each batch encoded by `encode_one` and written after a comma, one object a line."""
    count = 0
    for batch in batches:
        if batch:
            out.write(("\n  " if count == 0 else ",\n  ") + encode_one(batch))
            count += len(batch)
    return count


def encode_batch(batch: list[dict[str, Any]]) -> str:
    """Objects one a line, separated by commas."""
    return ",\n  ".join(map(encode, batch))


# Values of many rows in one call of the C encoder, a NUL between two values (a NUL
# inside a string is written escaped, \u0000: each bare one is a separator).
_encode_values = json.JSONEncoder(ensure_ascii=False, default=_iso,
                                  separators=("\x00", ": ")).encode


def encode_rows(keys: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """Rows of scalar values as JSON objects with these keys, one a line, separated by
    commas: as `encode_batch` of their dicts would write them, in half the time.

    The C encoder spends most of its time on a dict's keys; here it writes the values
    alone, and one `%` puts each between its key and the next (all in C)."""
    if not rows:
        return ""
    text = _encode_values(rows)[2:-2]
    values = text.replace("]\x00[", "\x00").split("\x00")
    # each row's `]`, NUL, `[` only between rows, and each NUL between two values: else a
    # value was itself a list or an object, and the rows are written as dicts
    if text.count("]\x00[") != len(rows) - 1 or len(values) != len(keys) * len(rows):
        return encode_batch([dict(zip(keys, row, strict=True)) for row in rows])
    return _objects(tuple(keys), len(rows)) % tuple(values)


@lru_cache(maxsize=16)
def _objects(keys: tuple[str, ...], n: int) -> str:
    """The `%` template of n objects with these keys, one a line."""
    one = "{" + ", ".join(encode(k).replace("%", "%%") + ": %s" for k in keys) + "}"
    return ",\n  ".join([one] * n)
