"""Indexes for reports over a whole district (100,000 cases and their history).

- history.on: the few rows dated after a report's day (the cases rebuilt from history)
  and the closures in a period, found without reading 1.5 million rows;
- followup (kind, on, case_id): leaders' receptions and field visits, counted from the
  index alone;
- petition_case figures: every column the scorecard and the weekly report count, so one
  scan of a narrow index replaces a scan of the wide case rows.

Revision ID: 0003_report_indexes
Revises: 0002_import_batches
Create Date: 2026-11-28
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003_report_indexes"
down_revision: str | None = "0002_import_batches"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FIGURE_COLUMNS = ["unit_id", "received", "status", "backlog", "satisfaction", "leader",
                  "repeat_of", "accepted", "status_on", "accept_due", "closed", "due"]


def upgrade() -> None:
    with op.batch_alter_table("history", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_history_on"), ["on"], unique=False)
    with op.batch_alter_table("followup", schema=None) as batch_op:
        batch_op.create_index("ix_followup_kind_on", ["kind", "on", "case_id"], unique=False)
    with op.batch_alter_table("petition_case", schema=None) as batch_op:
        batch_op.create_index("ix_case_figures", FIGURE_COLUMNS, unique=False)


def downgrade() -> None:
    with op.batch_alter_table("petition_case", schema=None) as batch_op:
        batch_op.drop_index("ix_case_figures")
    with op.batch_alter_table("followup", schema=None) as batch_op:
        batch_op.drop_index("ix_followup_kind_on")
    with op.batch_alter_table("history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_history_on"))
