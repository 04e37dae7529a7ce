"""`ix_case_backlog`: a partial index on the backlog cases (积案), the few the assessment
year carries over. The weekly report counts the year's backlog: the backlog cases received
in the year, and those received before it and still pending when it began. Finding the
ones changed since then scanned every case received before the year (the district: 82,000
for 488); from this index, only the backlog cases of those years (`views/asof.py`).
Not declared in the models (`store.migrate.modelled`), like `ix_case_stages`.

Revision ID: 0010_backlog_index
Revises: 0009_access
Create Date: 2026-12-04
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010_backlog_index"
down_revision: str | None = "0009_access"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("CREATE INDEX ix_case_backlog ON petition_case "
               "(received, status_on, status, backlog, unit_id) WHERE backlog IS NOT NULL")


def downgrade() -> None:
    op.execute("DROP INDEX ix_case_backlog")
