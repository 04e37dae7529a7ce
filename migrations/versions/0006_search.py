"""Finding things: the words of every case in a search index, and a petitioner's keys indexed.

- `case_search`: one row per case holding the words `xf search` looks in: summary, topic,
  leader, reasons (why rejected or terminated, why extended, why escalated) and the notes
  of its follow-ups (an undone one left out). Chinese is matched as written, without word
  segmentation, by trigrams:
  - SQLite: an FTS5 table with the `trigram` tokenizer; its rowid is the case number
    (`year * 10000000 + seq`), so that a case's row is found without a lookup;
  - PostgreSQL: a plain table with a GIN `pg_trgm` index on all the words in one column.
  Kept in step with every write, import and undo included:
  - PostgreSQL: triggers for every write; those on inserts run once per statement over
    its new rows. A case an import writes (`import_batch_id` set) is left to the import,
    which indexes its cases whole, notes and all, in one statement at its end: indexed
    at once and then updated with each chunk's notes, a ledger's import took 3x longer;
  - SQLite: triggers for updates and deletes (an edit, an assignment, an undo). Inserts
    are indexed by the code that writes them (`store/search_index.py`): one row after
    `xf add`, `xf follow` or `xf escalate`, one statement after an import, a restore or a
    copy. A trigger on an insert would cost each row of an import ~20 us, and FTS5 writes
    its pending words out at the end of every statement: per row, 100,000 tiny segments.
- indexes on the petitioner's phone, ID number, and name within a unit: `xf petitioner`
  and the repeat warnings of `xf add` and `xf import` look them up.

Revision ID: 0006_search
Revises: 0005_corrections
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_search"
down_revision: str | None = "0005_corrections"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY = "({case}.year * 10000000 + {case}.seq)"  # SQLite: a case's row in case_search
NOTE_KEY = ("(CAST(substr({id}, 1, instr({id}, '-') - 1) AS INTEGER) * 10000000"
            " + CAST(substr({id}, instr({id}, '-') + 1) AS INTEGER))")

# An escalation's reason counts while its command stands: not undone, or its undo undone.
IN_FORCE = """NOT EXISTS (SELECT 1 FROM command u WHERE u.undo_of = h.command_id
      AND NOT EXISTS (SELECT 1 FROM command v WHERE v.undo_of = u.id))"""
# Why a case was rejected or terminated, extended, escalated: one line each.
SQLITE_REASONS = f"""trim(coalesce(c.end_reason, '') || char(10) || coalesce(c.extension_reason, '')
  || char(10) || CASE WHEN c.escalation IS NULL THEN '' ELSE coalesce((
    SELECT group_concat(h.new, char(10)) FROM history h
    WHERE h.case_id = c.id AND h.action = 'escalate' AND h.field = 'reason'
      AND {IN_FORCE}), '') END,
  char(10))"""
SQLITE_NOTES = """coalesce((SELECT group_concat(f.note, char(10)) FROM followup f
  WHERE f.case_id = {id} AND f.undone_on IS NULL), '')"""


def _sqlite_upgrade() -> None:
    op.execute("CREATE VIRTUAL TABLE case_search USING fts5("
                "summary, topic, leader, reasons, notes, tokenize = 'trigram')")
    refresh_case = f"""UPDATE case_search SET summary = c.summary,
        topic = coalesce(c.topic, ''), leader = coalesce(c.leader, ''),
        reasons = {SQLITE_REASONS}
      FROM (SELECT * FROM petition_case WHERE id = {{id}}) AS c
      WHERE case_search.rowid = {KEY.format(case="c")};"""
    refresh_notes = (f"UPDATE case_search SET notes = {SQLITE_NOTES} "
                     f"WHERE rowid = {NOTE_KEY};")
    for statement in (
        f"""CREATE TRIGGER case_search_edit AFTER UPDATE OF summary, topic, leader, end_reason,
            extension_reason, escalation ON petition_case BEGIN
          {refresh_case.format(id="new.id")}
        END""",
        f"""CREATE TRIGGER case_search_gone AFTER DELETE ON petition_case BEGIN
          DELETE FROM case_search WHERE rowid = {KEY.format(case="old")};
        END""",
        f"""CREATE TRIGGER case_search_note_edit AFTER UPDATE OF note, undone_on, case_id
            ON followup BEGIN
          {refresh_notes.format(id="old.case_id")}
          {refresh_notes.format(id="new.case_id")}
        END""",
        f"""CREATE TRIGGER case_search_note_gone AFTER DELETE ON followup BEGIN
          {refresh_notes.format(id="old.case_id")}
        END""",
    ):
        op.execute(statement)
    op.execute(f"""INSERT INTO case_search (rowid, summary, topic, leader, reasons, notes)
        SELECT {KEY.format(case="c")}, c.summary, coalesce(c.topic, ''),
               coalesce(c.leader, ''), {SQLITE_REASONS}, {SQLITE_NOTES.format(id="c.id")}
        FROM petition_case c""")


PG_REASONS = f"""concat_ws(E'\\n', nullif(c.end_reason, ''), nullif(c.extension_reason, ''),
  CASE WHEN c.escalation IS NOT NULL THEN (
    SELECT string_agg(h.new, E'\\n' ORDER BY h.id) FROM history h
    WHERE h.case_id = c.id AND h.action = 'escalate' AND h.field = 'reason'
      AND {IN_FORCE}) END)"""
PG_NOTES = """coalesce((SELECT string_agg(f.note, E'\\n' ORDER BY f.id) FROM followup f
  WHERE f.case_id = {id} AND f.undone_on IS NULL), '')"""
PG_FUNCTIONS = {
    # statement-level where a write may bring many rows at once (COPY of an import)
    "case_search_add": f"""
      INSERT INTO case_search (case_id, summary, topic, leader, reasons, notes)
      SELECT c.id, c.summary, coalesce(c.topic, ''), coalesce(c.leader, ''), {PG_REASONS}, ''
      FROM added c WHERE c.import_batch_id IS NULL;""",
    "case_search_gone": "DELETE FROM case_search WHERE case_id IN (SELECT id FROM gone);",
    "case_search_note": f"""
      UPDATE case_search s SET notes = {PG_NOTES.format(id="s.case_id")}
      WHERE s.case_id IN (SELECT case_id FROM added WHERE undone_on IS NULL);""",
    "case_search_note_gone": f"""
      UPDATE case_search s SET notes = {PG_NOTES.format(id="s.case_id")}
      WHERE s.case_id IN (SELECT case_id FROM gone);""",
    "case_search_reason": f"""
      UPDATE case_search s SET reasons = {PG_REASONS}
      FROM petition_case c WHERE c.id = s.case_id AND c.id IN (
        SELECT case_id FROM added WHERE action = 'escalate' AND field = 'reason');""",
    # row-level where a column list narrows them (PostgreSQL allows no transition table there)
    "case_search_edit": f"""
      UPDATE case_search s SET summary = c.summary, topic = coalesce(c.topic, ''),
        leader = coalesce(c.leader, ''), reasons = {PG_REASONS}
      FROM petition_case c WHERE c.id = NEW.id AND s.case_id = NEW.id;""",
    "case_search_note_edit": f"""
      UPDATE case_search s SET notes = {PG_NOTES.format(id="s.case_id")}
      WHERE s.case_id IN (OLD.case_id, NEW.case_id);""",
}
PG_TRIGGERS = {
    "case_search_add": "AFTER INSERT ON petition_case REFERENCING NEW TABLE AS added"
                       " FOR EACH STATEMENT",
    "case_search_gone": "AFTER DELETE ON petition_case REFERENCING OLD TABLE AS gone"
                        " FOR EACH STATEMENT",
    "case_search_note": "AFTER INSERT ON followup REFERENCING NEW TABLE AS added"
                        " FOR EACH STATEMENT",
    "case_search_note_gone": "AFTER DELETE ON followup REFERENCING OLD TABLE AS gone"
                             " FOR EACH STATEMENT",
    "case_search_reason": "AFTER INSERT ON history REFERENCING NEW TABLE AS added"
                          " FOR EACH STATEMENT",
    "case_search_edit": "AFTER UPDATE OF summary, topic, leader, end_reason, extension_reason,"
                        " escalation ON petition_case FOR EACH ROW",
    "case_search_note_edit": "AFTER UPDATE OF note, undone_on, case_id ON followup FOR EACH ROW",
}


def _postgresql_upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute("""CREATE TABLE case_search (
        case_id varchar(20) PRIMARY KEY,
        summary text NOT NULL, topic text NOT NULL, leader text NOT NULL,
        reasons text NOT NULL, notes text NOT NULL,
        body text GENERATED ALWAYS AS (summary || E'\\n' || topic || E'\\n' || leader
                                       || E'\\n' || reasons || E'\\n' || notes) STORED)""")
    op.execute(f"""INSERT INTO case_search (case_id, summary, topic, leader, reasons, notes)
        SELECT c.id, c.summary, coalesce(c.topic, ''), coalesce(c.leader, ''), {PG_REASONS},
               {PG_NOTES.format(id="c.id")}
        FROM petition_case c""")
    op.execute("CREATE INDEX ix_case_search_body ON case_search USING gin (body gin_trgm_ops)")
    for name, body in PG_FUNCTIONS.items():
        op.execute(f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$"
                   f" BEGIN {body} RETURN NULL; END $$")
        op.execute(f"CREATE TRIGGER {name} {PG_TRIGGERS[name]} EXECUTE FUNCTION {name}()")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _postgresql_upgrade()
    else:
        _sqlite_upgrade()
    # a phone is compared by its digits: 0518-8555 1234 is 051885551234
    op.create_index("ix_case_phone", "petition_case",
                    [sa.text("replace(replace(phone, ' ', ''), '-', '')")])
    op.create_index("ix_case_id_number", "petition_case", ["id_number"])
    op.create_index("ix_case_unit_petitioner", "petition_case", ["unit_id", "petitioner"])


def downgrade() -> None:
    for name in ("ix_case_unit_petitioner", "ix_case_id_number", "ix_case_phone"):
        op.drop_index(name, table_name="petition_case")
    if op.get_bind().dialect.name == "postgresql":
        for name, trigger in PG_TRIGGERS.items():
            table = trigger.split(" ON ")[1].split()[0]
            op.execute(f"DROP TRIGGER {name} ON {table}")
            op.execute(f"DROP FUNCTION {name}()")
    else:
        for name in ("case_search_edit", "case_search_gone", "case_search_note_edit",
                     "case_search_note_gone"):
            op.execute(f"DROP TRIGGER {name}")
    op.execute("DROP TABLE case_search")
