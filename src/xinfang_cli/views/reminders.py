"""`xf remind`: each unit's overdue and due-soon cases, and whether it was reminded today."""

from datetime import date

from sqlalchemy import select
from sqlmodel import Session

from xinfang_cli.domain.reminders import Reminder, scrubbed
from xinfang_cli.store.models import Case, History, Unit
from xinfang_cli.views.overdue import overdue


def reminders(session: Session, today: date, warn_days: int,
              unit: int | None = None) -> list[Reminder]:
    """One reminder per unit with cases overdue or due within `warn_days`, in the order of
    the units' codes; a retired unit's cases have moved to its successor. A petitioner's
    name, phone or ID number written into a summary is masked."""
    due = overdue(session, today, warn_days)
    units = {u.code: u for u in session.scalars(select(Unit).order_by(Unit.code))}
    found: dict[str, Reminder] = {}
    for key in ("overdue", "due_soon"):
        for entry in due[key]:  # type: ignore[attr-defined]
            u = units[entry["unit"]]
            if unit is not None and u.id != unit:
                continue
            rem = found.setdefault(u.code, Reminder(u.code, u.name, u.head, u.email,
                                                    u.webhook, today))
            getattr(rem, key).append(entry)
    people = {row.id: row for row in session.execute(
        select(Case.id, Case.petitioner, Case.phone, Case.id_number)
        .where(Case.id.in_([e["id"] for rem in found.values() for e in rem.cases])))}
    for rem in found.values():
        for entry in rem.cases:
            who = people[entry["id"]]
            entry["summary"] = scrubbed(entry["summary"], who.petitioner, who.phone,
                                        who.id_number)
    return [found[code] for code in sorted(found)]


def reminded_today(session: Session, today: date) -> dict[str, set[str]]:
    """Per unit code, the channels (`email`, `webhook`, `print`) its reminder went out on
    today: one query for every unit."""
    sent: dict[str, set[str]] = {}
    for code, channel in session.execute(
            select(Unit.code, History.field).distinct()
            .join(Case, Case.id == History.case_id).join(Unit, Unit.id == Case.unit_id)
            .where(History.action == "remind", History.on == today)):
        sent.setdefault(code, set()).add(str(channel))
    return sent
