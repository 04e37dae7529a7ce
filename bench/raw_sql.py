"""Baseline: the overdue check and the scorecard's per-unit aggregates as plain SQL.

    python bench/raw_sql.py overdue|scorecard DB AS_OF

DB is a SQLite file (Python's sqlite3) or a postgresql:// URL (psycopg). What a program
with no framework at all pays for the same answers `xf overdue` and `xf scorecard` give.
"""

import sys

OVERDUE = """
SELECT c.id, u.code, u.name, c.status, c.pending_due, c.petitioner, c.summary, c.leader
FROM petition_case c JOIN unit u ON u.id = c.unit_id
WHERE c.pending_due IS NOT NULL AND c.pending_due < {p}
ORDER BY c.pending_due, c.year, c.seq
"""

SCORECARD = """
SELECT unit_id, count(*),
  sum(CASE WHEN backlog IS NULL THEN 1 ELSE 0 END),
  sum(CASE WHEN backlog IS NOT NULL THEN 1 ELSE 0 END),
  sum(CASE WHEN backlog IS NOT NULL AND status IN ('closed', 'terminated') THEN 1 ELSE 0 END),
  sum(CASE WHEN accepted IS NOT NULL AND accepted <= accept_due THEN 1 ELSE 0 END),
  sum(CASE WHEN closed IS NOT NULL AND closed <= due THEN 1 ELSE 0 END),
  sum(CASE WHEN closed IS NOT NULL THEN 1 ELSE 0 END),
  sum(CASE WHEN satisfaction IN ('satisfied', 'basic') THEN 1 ELSE 0 END),
  sum(CASE WHEN pending_due IS NOT NULL AND pending_due < {p} THEN 1 ELSE 0 END),
  sum(CASE WHEN leader IS NOT NULL THEN 1 ELSE 0 END)
FROM petition_case WHERE received <= {p} GROUP BY unit_id
"""

FOLLOWUPS = """
SELECT f.unit_id, f.kind, count(*) FROM followup f
WHERE f.kind IN ('reception', 'field') AND f.on <= {p} GROUP BY f.unit_id, f.kind
"""

INCIDENTS = "SELECT unit_id, kind, count(*) FROM incident WHERE on <= {p} GROUP BY unit_id, kind"


def main() -> None:
    mode, db, as_of = sys.argv[1:4]
    if "://" in db:
        import psycopg

        conn = psycopg.connect(db.replace("postgresql+psycopg://", "postgresql://"))
        p = "%s"
        quote = '"on"'
    else:
        import sqlite3

        conn = sqlite3.connect(db)
        p = "?"
        quote = '"on"'
    queries = [OVERDUE] if mode == "overdue" else [SCORECARD, FOLLOWUPS, INCIDENTS]
    total = 0
    for sql in queries:
        sql = sql.replace("f.on", f"f.{quote}").replace("WHERE on", f"WHERE {quote}")
        cur = conn.cursor()
        cur.execute(sql.format(p=p), (as_of,) * sql.count("{p}"))
        total += len(cur.fetchall())
    conn.close()
    print(total)


if __name__ == "__main__":
    main()
