"""Long listings read as row tuples in batches (`xf list`, `xf overdue`, `xf export`).

An ORM object per row costs more than everything else a listing does: 100,000 cases
read as `Case` objects take seconds, as tuples of the needed columns a fraction of one.
Dates come back as ISO text, as the output writes them: SQLite stores them so (the
column is read as text, no `date` made), PostgreSQL formats them (`to_char`).
"""

import gc
from collections.abc import Iterator
from typing import Any

from sqlalchemy import String, func, type_coerce
from sqlmodel import Session

BATCH = 2000  # rows fetched, built and written at a time


def iso_text(session: Session, column: Any) -> Any:
    """A date column as its ISO text (`2018-10-12`), or None."""
    if session.get_bind().dialect.name == "sqlite":
        return type_coerce(column, String)  # stored as ISO text: read as it is
    return func.to_char(column, "YYYY-MM-DD")


def batches(session: Session, query: Any, size: int | None = None) -> Iterator[list[Any]]:
    """The rows of `query` as lists of tuples, `size` (BATCH) at a time, fetched as they
    are used."""
    size = size or BATCH
    # Core, not the ORM: a select of columns needs none of its per-row bookkeeping
    result = session.connection().execution_options(yield_per=size).execute(query)
    # What a listing makes of its rows holds no cycle and is dropped a batch at a time: the
    # cyclic collector, walking every new row again and again, would add a twentieth to
    # its time. It resumes after the last batch (or when the listing is cut short).
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield from result.partitions(size)
    finally:
        if collecting:
            gc.enable()
