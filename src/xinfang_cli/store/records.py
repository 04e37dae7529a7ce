"""The record of who ran what: one row per command that changed the record, and the history
of the units. Apart from `models` so that the commands that only read (a report, a
scorecard: their start-up is budgeted) do not build these tables' classes.
"""

from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, Integer
from sqlmodel import Field, SQLModel

from xinfang_cli.store.models import utcnow


class Command(SQLModel, table=True):
    """One run of a command that changed the record. Every history row, follow-up, incident
    and unit change it wrote carries its id, so that `xf undo` takes them back together."""

    __tablename__ = "command"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=30)  # close, import, undo …
    by: str = Field(max_length=100)
    at: datetime = Field(default_factory=utcnow)
    on: date  # the day it ran (today)
    undo_of: int | None = Field(default=None, index=True)  # the command it took back


class UnitHistory(SQLModel, table=True):
    """One change to a unit (`xf unit edit`, `xf unit retire`, an undo): append-only."""

    __tablename__ = "unit_history"
    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(sa_column=Column(Integer, ForeignKey("unit.id"), nullable=False,
                                          index=True))
    command_id: int | None = Field(default=None, index=True)
    at: datetime = Field(default_factory=utcnow)
    on: date
    by: str = Field(max_length=100)
    action: str = Field(max_length=30)
    field: str | None = Field(default=None, max_length=40)
    old: str | None = None
    new: str | None = None
    reason: str | None = None
