"""The office's measures on a unit that stays behind (`xf supervise`): inspections (督查),
circulars (通报), admonition talks (约谈) and key management (重点管理, which lasts until
ended). Apart from `models` so that only the commands that write them build the class; the
readers (status, scorecard, report) use the light table of `views.supervision`."""

from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, Integer
from sqlmodel import Field, SQLModel

from xinfang_cli.store.models import utcnow


class Supervision(SQLModel, table=True):
    __tablename__ = "supervision"
    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(sa_column=Column(Integer, ForeignKey("unit.id"), nullable=False,
                                          index=True))
    kind: str = Field(max_length=20)
    on: date = Field(index=True)
    note: str
    by: str = Field(max_length=100)
    ended_on: date | None = None  # key management: the day the office ended it
    ended_by: str | None = Field(default=None, max_length=100)
    created_at: datetime = Field(default_factory=utcnow)
