"""The search index (`case_search`, revision 0006): what the code that inserts cases,
follow-ups and escalations writes into it.

SQLite: triggers keep the index in step with every update and delete (an edit, an
assignment, an undo). Inserts are indexed here: one case after `xf add`, `xf follow` or
`xf escalate`; every case not yet indexed in one statement after a bulk write (an import,
a restored export, a copy). A trigger on an insert would cost each row of an import
~20 us, and FTS5 writes its pending words out at the end of every statement: as many tiny
segments as rows.

PostgreSQL: triggers do it all (those on inserts once per statement), except for the
cases an import writes (`import_batch_id` set): `index_missing` indexes them whole at the
import's end, as on SQLite, rather than each row's trigram index entries being written
with the case and again with each chunk's notes (a ledger's import: 46 s instead of ~15).
"""

from typing import Any

from sqlalchemy import text

KEY = "(c.year * 10000000 + c.seq)"
# a case's row, as revision 0006 builds it: an escalation's reason while its command
# stands (not undone, or its undo undone)
ROW = f"""SELECT {KEY}, c.summary, coalesce(c.topic, ''), coalesce(c.leader, ''),
  trim(coalesce(c.end_reason, '') || char(10) || coalesce(c.extension_reason, '')
    || char(10) || CASE WHEN c.escalation IS NULL THEN '' ELSE coalesce((
      SELECT group_concat(h.new, char(10)) FROM history h
      WHERE h.case_id = c.id AND h.action = 'escalate' AND h.field = 'reason'
        AND NOT EXISTS (SELECT 1 FROM command u WHERE u.undo_of = h.command_id
          AND NOT EXISTS (SELECT 1 FROM command v WHERE v.undo_of = u.id))), '') END,
    char(10)),
  coalesce((SELECT group_concat(f.note, char(10)) FROM followup f
    WHERE f.case_id = c.id AND f.undone_on IS NULL), '')
FROM petition_case c"""
INSERT = "INSERT INTO case_search (rowid, summary, topic, leader, reasons, notes) "


PG_ROW = """SELECT c.id, c.summary, coalesce(c.topic, ''), coalesce(c.leader, ''),
  concat_ws(E'\\n', nullif(c.end_reason, ''), nullif(c.extension_reason, ''),
    CASE WHEN c.escalation IS NOT NULL THEN (
      SELECT string_agg(h.new, E'\\n' ORDER BY h.id) FROM history h
      WHERE h.case_id = c.id AND h.action = 'escalate' AND h.field = 'reason'
        AND NOT EXISTS (SELECT 1 FROM command u WHERE u.undo_of = h.command_id
          AND NOT EXISTS (SELECT 1 FROM command v WHERE v.undo_of = u.id))) END),
  coalesce((SELECT string_agg(f.note, E'\\n' ORDER BY f.id) FROM followup f
    WHERE f.case_id = c.id AND f.undone_on IS NULL), '')
FROM petition_case c"""


def _sqlite(db: Any) -> bool:
    dialect = db.get_bind().dialect if hasattr(db, "get_bind") else db.dialect
    return bool(dialect.name == "sqlite")


def index_missing(db: Any, many: bool = True) -> None:
    """Index every case not in the index yet, with its reasons and notes. `db`: a session
    or a connection, in the transaction that wrote the cases; `many`: it wrote enough for
    PostgreSQL's statistics of the tables to be out of date."""
    if _sqlite(db):
        db.execute(text(INSERT + ROW + " WHERE NOT EXISTS ("
                        f"SELECT 1 FROM case_search s WHERE s.rowid = {KEY})"))
    else:
        if many:  # the planner's figures for tables a COPY has just filled: else it reads
            # every follow-up for each case (a ledger's import: 26 s here instead of 1)
            db.execute(text("ANALYZE petition_case, followup"))
        db.execute(text("INSERT INTO case_search (case_id, summary, topic, leader, reasons, "
                        "notes) " + PG_ROW + " WHERE NOT EXISTS ("
                        "SELECT 1 FROM case_search s WHERE s.case_id = c.id)"))


def reindex(db: Any, case_id: str) -> None:
    """Index one case anew, as it stands in this transaction (written and flushed)."""
    if _sqlite(db):
        year, seq = (int(part) for part in case_id.split("-"))
        key = year * 10_000_000 + seq
        db.execute(text("DELETE FROM case_search WHERE rowid = :key"), {"key": key})
        db.execute(text(INSERT + ROW + " WHERE c.id = :id"), {"id": case_id})
