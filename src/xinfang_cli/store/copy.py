"""`xf db copy --to URL`: move an office's database to another backend with nothing lost.

Every table is copied row for row (ids kept), in one transaction on the target; the
target must be empty. Afterwards the row counts and a sample of cases are compared.
"""

from collections.abc import Iterator

from sqlalchemy import Engine, Table, func, select, text, update
from sqlmodel import SQLModel

from xinfang_cli.domain.errors import BadInput
from xinfang_cli.store import (  # noqa: F401  (registers the tables)
    models,
    notices,
    records,
    supervision,
)
from xinfang_cli.store.search_index import index_missing

CHUNK = 2000


def tables() -> list[Table]:
    """Parents before children: units before cases, cases before their history."""
    return list(SQLModel.metadata.sorted_tables)


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t.name: conn.scalar(select(func.count()).select_from(t)) or 0
                for t in tables()}


def copy_database(source: Engine, target: Engine) -> dict[str, int]:
    """Copy every row from `source` to the empty `target` (both at the same schema)."""
    if any(counts(target).values()):
        raise BadInput("err.copy_not_empty", target=target.url.render_as_string(True))
    with source.connect() as src, target.begin() as dst:
        for table in tables():
            for chunk in _chunks(src, table):
                dst.execute(table.insert(), chunk)
        _link_repeats(src, dst)
        index_missing(dst)  # on SQLite, the cases an import had written (search_index)
        if dst.dialect.name == "postgresql":
            _reset_sequences(dst)
    return verify(source, target)


def _chunks(src, table: Table) -> Iterator[list[dict]]:  # type: ignore[no-untyped-def,type-arg]
    """Rows in primary-key order, a chunk at a time (a large office never sits in memory)."""
    query = select(table).order_by(*table.primary_key.columns)
    result = src.execution_options(yield_per=CHUNK).execute(query)
    for rows in result.partitions(CHUNK):
        chunk = [dict(row._mapping) for row in rows]
        if table.name == "petition_case":
            for row in chunk:
                row["repeat_of"] = None  # linked afterwards: a repeat may point forward
        yield chunk


def _link_repeats(src, dst) -> None:  # type: ignore[no-untyped-def]
    case = models.Case.__table__
    links = src.execute(select(case.c.id, case.c.repeat_of)
                        .where(case.c.repeat_of.is_not(None))).all()
    for case_id, repeat_of in links:
        dst.execute(update(case).where(case.c.id == case_id).values(repeat_of=repeat_of))


def _reset_sequences(dst) -> None:  # type: ignore[no-untyped-def]
    """PostgreSQL: serial ids continue after the copied ones."""
    for table in tables():
        if "id" not in table.c or not str(table.c.id.type).startswith("INTEGER"):
            continue
        dst.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
            f"COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {table.name}"))


def verify(source: Engine, target: Engine, sample: int = 25) -> dict[str, int]:
    """Same row count in every table, and the same sampled cases and their histories."""
    before, after = counts(source), counts(target)
    if before != after:
        raise BadInput("err.copy_mismatch", detail=str({k: (before[k], after[k])
                                                        for k in before
                                                        if before[k] != after[k]}))
    case, history = models.Case.__table__, models.History.__table__
    with source.connect() as src, target.connect() as dst:
        ids = src.scalars(select(case.c.id).order_by(case.c.id)).all()
        step = max(1, len(ids) // sample)
        for case_id in ids[::step]:
            for table, column in ((case, case.c.id), (history, history.c.case_id)):
                query = select(table).where(column == case_id).order_by(
                    *table.primary_key.columns)
                if src.execute(query).all() != dst.execute(query).all():
                    raise BadInput("err.copy_mismatch", detail=f"{table.name} {case_id}")
    return after
