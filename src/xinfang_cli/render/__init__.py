"""Output: one switch (`--format`), one renderer per kind of result.

JSON is built from the same records the tables show, so the two never disagree.
"""

import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from enum import StrEnum
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
    count = 0
    out.write("[")
    for item in items:
        out.write(",\n  " if count else "\n  ")
        out.write(json.dumps(to_jsonable(item), ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count
