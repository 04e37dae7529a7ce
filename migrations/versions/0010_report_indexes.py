"""Two indexes for the weekly report, which now reads the few cases its figures are about
instead of scanning the district (`views/asof.py`):

- `ix_case_backlog`, a partial index on the backlog cases (积案), the few the assessment
  year carries over. The report counts the year's backlog: the backlog cases received in
  the year, and those received before it and still pending when it began. Finding the
  ones changed since then scanned every case received before the year (the district:
  82,000 for 488); from this index, only the backlog cases of those years. Not declared
  in the models (`store.migrate.modelled`), like `ix_case_stages`.
- `ix_case_status_on`: the cases whose status changed since a day (the period's
  acceptances and rejections are among them: `asof.events_in`).

Revision ID: 0010_report_indexes
Revises: 0009_access
Create Date: 2026-12-04
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010_report_indexes"
down_revision: str | None = "0009_access"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("CREATE INDEX ix_case_backlog ON petition_case "
               "(received, status_on, status, backlog, unit_id) WHERE backlog IS NOT NULL")
    op.create_index("ix_case_status_on", "petition_case", ["status_on"])


def downgrade() -> None:
    op.drop_index("ix_case_status_on", table_name="petition_case")
    op.execute("DROP INDEX ix_case_backlog")
