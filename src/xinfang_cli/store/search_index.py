"""The search index (`case_search`, revision 0006) on SQLite: what the code that inserts
cases, follow-ups and escalations writes into it.

Triggers keep the index in step with every update and delete (an edit, an assignment, an
undo). Inserts are indexed here: one case after `xf add`, `xf follow` or `xf escalate`;
every case not yet indexed in one statement after a bulk write (an import, a restored
export, a copy). On SQLite a trigger on an insert would cost each row of an import ~20 us,
and FTS5 writes its pending words out at the end of every statement: as many tiny
segments as rows. On PostgreSQL the triggers do it all (those on inserts once per
statement), and these functions do nothing.
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


def _sqlite(db: Any) -> bool:
    dialect = db.get_bind().dialect if hasattr(db, "get_bind") else db.dialect
    return bool(dialect.name == "sqlite")


def index_missing(db: Any) -> None:
    """Index every case not in the index yet, with its reasons and notes. `db`: a session
    or a connection, in the transaction that wrote the cases."""
    if _sqlite(db):
        db.execute(text(INSERT + ROW + " WHERE NOT EXISTS ("
                        f"SELECT 1 FROM case_search s WHERE s.rowid = {KEY})"))


def reindex(db: Any, case_id: str) -> None:
    """Index one case anew, as it stands in this transaction (written and flushed)."""
    if _sqlite(db):
        year, seq = (int(part) for part in case_id.split("-"))
        key = year * 10_000_000 + seq
        db.execute(text("DELETE FROM case_search WHERE rowid = :key"), {"key": key})
        db.execute(text(INSERT + ROW + " WHERE c.id = :id"), {"id": case_id})
