"""Finding cases by the words of a petition (`xf search`). (A person's cases, for
`xf petitioner`, are a listing narrowed by `store/people.py`'s condition.)

The words are looked up in `case_search` (revision 0006; how it is kept in step:
docs/architecture.md, *Finding things*): on SQLite an FTS5 table with the trigram
tokenizer, on PostgreSQL a table with a `pg_trgm` GIN index. Chinese is matched as
written: any three characters in a row are indexed, so 绩效工资 is found inside
要求补发2016年绩效工资 with no word list. A word of one or two characters cannot use a
trigram; it is looked for in every row (a scan, still well under a second for 100,000
cases).
"""

from collections.abc import Iterator
from typing import Any

from sqlalchemy import (
    ColumnElement,
    String,
    and_,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
    text,
)
from sqlmodel import Session

from xinfang_cli.domain.errors import BadInput
from xinfang_cli.store.models import Case, Unit
from xinfang_cli.views.cases import CaseFilter, filtered

# where the words are, best place first, and how much a match there weighs
FIELDS = ("summary", "topic", "leader", "reasons", "notes")
WEIGHTS = {"summary": 8, "topic": 4, "leader": 2, "reasons": 2, "notes": 1}
TRIGRAM = 3  # characters a word needs to be looked up in the index
KEY = 10_000_000  # SQLite: a case's row in case_search is year * KEY + seq


def search_words(text_: str) -> list[str]:
    """The words of a search, in order, each once; lower-cased (the index ignores case)."""
    words: list[str] = []
    for word in text_.split():
        if word.lower() not in words:
            words.append(word.lower())
    if not words:
        raise BadInput("err.search_empty")
    return words


def _index(session: Session):  # type: ignore[no-untyped-def]
    """`case_search` as a selectable, and the conditions that join it to its case: from
    the index's rows to the cases (by the case's number), and from a case to its row."""
    names = [column(f, String) for f in FIELDS]
    if session.get_bind().dialect.name == "postgresql":
        index = table("case_search", column("case_id", String), column("body", String), *names)
        return index, index.c.case_id == Case.id, index.c.case_id == Case.id
    index = table("case_search", column("rowid"), *names)
    to_case = and_(Case.year == literal_column(f"case_search.rowid / {KEY}"),
                   Case.seq == literal_column(f"case_search.rowid % {KEY}"))
    return index, to_case, literal_column("case_search.rowid") == Case.year * KEY + Case.seq


def _found(index, words: list[str], postgres: bool) -> list[ColumnElement[bool]]:  # type: ignore[no-untyped-def]
    """Every word somewhere in the case's words (AND), through the index where it can."""
    if postgres:
        return [index.c.body.ilike(f"%{_escaped(w)}%", escape="\\") for w in words]
    conditions: list[ColumnElement[bool]] = []
    long = [w for w in words if len(w) >= TRIGRAM]
    if long:
        phrase = " AND ".join('"' + w.replace('"', '""') + '"' for w in long)
        conditions.append(text("case_search MATCH :phrase").bindparams(phrase=phrase))
    everything = (index.c.summary + "\n" + index.c.topic + "\n" + index.c.leader + "\n"
                  + index.c.reasons + "\n" + index.c.notes)
    conditions += [func.instr(_lower(w, False)(everything), w) > 0
                   for w in words if len(w) < TRIGRAM]
    return conditions


def _lower(word: str, postgres: bool):  # type: ignore[no-untyped-def]
    """The SQL function that folds a field's case for `word`: SQLite's own lower() folds
    ASCII alone, so a word with other cased letters (Ä, Ｗ) is counted through Python's
    (`xf_lower`, a call per row: only where needed). Chinese has no case."""
    if postgres or all(ch.isascii() or ch.lower() == ch.upper() for ch in word):
        return func.lower
    return func.xf_lower


def _escaped(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _score(index, words: list[str], postgres: bool):  # type: ignore[no-untyped-def]
    """How well a case matches: each time a word occurs, by where (the summary weighs most)."""
    total: Any = literal(0)
    for word in words:
        for name in FIELDS:
            lowered = _lower(word, postgres)(index.c[name])
            found = func.length(lowered) - func.length(func.replace(lowered, word, ""))
            total = total + found * WEIGHTS[name]
    return total


def search(session: Session, words: list[str], flt: CaseFilter,
           limit: int) -> Iterator[tuple[Case, Unit, dict[str, str]]]:
    """Cases holding every word: best matches first, then the newest; with the words of
    each (summary, topic, leader, reasons, notes), to show where they matched.

    Ranked first on narrow rows (id, score, dates), then the `limit` best read whole: a
    common word matches most of a district, and the sort need not hold all their texts."""
    postgres = session.get_bind().dialect.name == "postgresql"
    index, to_case, to_row = _index(session)
    score = _score(index, words, postgres).label("score")
    ranked = filtered(
        select(Case.id, score, Case.received, Case.year, Case.seq)
        .select_from(index).join(Case, to_case).where(*_found(index, words, postgres))
        .order_by(score.desc(), Case.received.desc(), Case.year.desc(), Case.seq.desc())
        .limit(limit), flt).subquery("ranked")
    query = (select(Case, Unit, *(index.c[f] for f in FIELDS))
             .select_from(ranked).join(Case, Case.id == ranked.c.id).join(index, to_row)
             .join(Unit, Unit.id == Case.unit_id)
             .order_by(ranked.c.score.desc(), ranked.c.received.desc(), ranked.c.year.desc(),
                       ranked.c.seq.desc()))
    for row in session.execute(query.execution_options(yield_per=200)):
        yield row[0], row[1], dict(zip(FIELDS, row[2:], strict=True))


def where_matched(words: list[str], texts: dict[str, str]) -> list[str]:
    """The fields holding one of the words, best place first."""
    return [f for f in FIELDS if any(w in (texts[f] or "").lower() for w in words)]


def excerpt(words: list[str], texts: dict[str, str], width: int = 60) -> str:
    """The line that shows the match best: the summary when it matched, else the first
    line of another field holding a word, cut around the first word found."""
    for name in FIELDS:
        for line in (texts[name] or "").splitlines():
            lowered = line.lower()
            at = min((lowered.find(w) for w in words if w in lowered), default=-1)
            if at < 0:
                continue
            if name == "summary" or len(line) <= width:
                return line
            start = max(0, min(at - width // 3, len(line) - width))
            return ("…" if start else "") + line[start:start + width] + \
                ("…" if start + width < len(line) else "")
    return texts["summary"]
