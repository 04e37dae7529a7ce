"""Initial schema: units, cases, follow-ups, incidents, history, case numbers.

Revision ID: 0001_initial_schema
Revises: 
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0001_initial_schema'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    
    op.create_table('case_sequence',
    sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('year')
    )
    op.create_table('unit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('head', sa.String(length=100), nullable=True),
    sa.Column('leader', sa.String(length=100), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code'),
    sa.UniqueConstraint('name')
    )
    op.create_table('petition_case',
    sa.Column('id', sa.String(length=20), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('backlog', sa.String(length=20), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('status_on', sa.Date(), nullable=False),
    sa.Column('received', sa.Date(), nullable=False),
    sa.Column('accept_due', sa.Date(), nullable=False),
    sa.Column('accepted', sa.Date(), nullable=True),
    sa.Column('superior_due', sa.Date(), nullable=True),
    sa.Column('extended_days', sa.Integer(), nullable=False),
    sa.Column('extension_reason', sa.String(), nullable=True),
    sa.Column('due', sa.Date(), nullable=True),
    sa.Column('pending_due', sa.Date(), nullable=True),
    sa.Column('closed', sa.Date(), nullable=True),
    sa.Column('outcome', sa.String(length=20), nullable=True),
    sa.Column('satisfaction', sa.String(length=20), nullable=True),
    sa.Column('review_requested', sa.Date(), nullable=True),
    sa.Column('rereview_requested', sa.Date(), nullable=True),
    sa.Column('end_reason', sa.String(), nullable=True),
    sa.Column('petitioner', sa.String(length=100), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('id_number', sa.String(length=40), nullable=True),
    sa.Column('people', sa.Integer(), nullable=False),
    sa.Column('summary', sa.String(), nullable=False),
    sa.Column('topic', sa.String(length=100), nullable=True),
    sa.Column('leader', sa.String(length=100), nullable=True),
    sa.Column('escalation', sa.String(length=20), nullable=True),
    sa.Column('repeat_of', sa.String(length=20), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['repeat_of'], ['petition_case.id'], ),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('year', 'seq', name='uq_case_year_seq')
    )
    with op.batch_alter_table('petition_case', schema=None) as batch_op:
        batch_op.create_index('ix_case_pending_due', ['pending_due'], unique=False, sqlite_where=sa.text('pending_due IS NOT NULL'), postgresql_where=sa.text('pending_due IS NOT NULL'))
        batch_op.create_index(batch_op.f('ix_petition_case_received'), ['received'], unique=False)
        batch_op.create_index(batch_op.f('ix_petition_case_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_petition_case_unit_id'), ['unit_id'], unique=False)

    op.create_table('followup',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.String(length=20), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('note', sa.String(), nullable=False),
    sa.Column('by', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['petition_case.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('followup', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_followup_case_id'), ['case_id'], unique=False)

    op.create_table('history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.String(length=20), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('by', sa.String(length=100), nullable=False),
    sa.Column('action', sa.String(length=30), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=True),
    sa.Column('old', sa.String(), nullable=True),
    sa.Column('new', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['petition_case.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_history_case_id'), ['case_id'], unique=False)

    op.create_table('incident',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('case_id', sa.String(length=20), nullable=True),
    sa.Column('note', sa.String(), nullable=False),
    sa.Column('by', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['petition_case.id'], ),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('incident', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incident_unit_id'), ['unit_id'], unique=False)




def downgrade() -> None:
    
    with op.batch_alter_table('incident', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incident_unit_id'))

    op.drop_table('incident')
    with op.batch_alter_table('history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_history_case_id'))

    op.drop_table('history')
    with op.batch_alter_table('followup', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_followup_case_id'))

    op.drop_table('followup')
    with op.batch_alter_table('petition_case', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_petition_case_unit_id'))
        batch_op.drop_index(batch_op.f('ix_petition_case_status'))
        batch_op.drop_index(batch_op.f('ix_petition_case_received'))
        batch_op.drop_index('ix_case_pending_due', sqlite_where=sa.text('pending_due IS NOT NULL'), postgresql_where=sa.text('pending_due IS NOT NULL'))

    op.drop_table('petition_case')
    op.drop_table('unit')
    op.drop_table('case_sequence')

