"""Loading `sample_data/`: units, demo cases replayed through the real operations, incidents."""

import csv
import json
import re
from datetime import date
from pathlib import Path

from xinfang_cli.config.paths import shipped
from xinfang_cli.domain.dates import parse_date
from xinfang_cli.domain.enums import (
    Backlog,
    Escalation,
    FollowupKind,
    IncidentKind,
    Outcome,
    Satisfaction,
    Source,
    UnitKind,
    parse,
)
from xinfang_cli.domain.errors import BadInput
from xinfang_cli.domain.registration import NewCase
from xinfang_cli.operations import cases, incidents, units
from xinfang_cli.operations.op import Op


def sample_dir() -> Path:
    """The demo office (`sample_data/`), shipped inside the package."""
    return shipped("sample_data", "units.csv")


def load(op: Op, folder: Path) -> tuple[int, int, int]:
    """Units, cases and incidents from `folder`; returns how many of each were loaded."""
    latest = last_day(folder)
    if op.today < latest:  # its events would lie in the future
        raise BadInput("err.sample_dated", through=latest, today=op.today)
    with open(folder / "units.csv", encoding="utf-8-sig", newline="") as handle:
        unit_rows = list(csv.DictReader(handle))
    for row in unit_rows:
        units.add_unit(op, row["code"], row["name"], parse(UnitKind, row["kind"], "kind"),
                       row.get("head"), row.get("leader"))
    case_items = json.loads((folder / "cases.json").read_text(encoding="utf-8"))
    for item in case_items:
        _replay(op, item)
    incident_items = json.loads((folder / "incidents.json").read_text(encoding="utf-8"))
    for item in incident_items:
        incidents.add_incident(op, item["unit"], parse(IncidentKind, item["kind"], "kind"),
                               parse_date(item["on"], "on"), item["note"], item.get("case"))
    return len(unit_rows), len(case_items), len(incident_items)


def last_day(folder: Path) -> date:
    """The day of the sample's last event: it is dated through that day."""
    found = re.findall(r'"(?:on|received)": "(\d{4}-\d\d-\d\d)"', "".join(
        (folder / name).read_text(encoding="utf-8") for name in ("cases.json", "incidents.json")))
    return max(date.fromisoformat(day) for day in found)


def _replay(op: Op, item: dict) -> None:  # type: ignore[type-arg]
    backlog = item.get("backlog")
    new = NewCase(
        unit=item["unit"], source=parse(Source, item["source"], "source"),
        received=parse_date(item["received"], "received"), petitioner=item["petitioner"],
        summary=item["summary"], phone=item.get("phone"), id_number=item.get("id_number"),
        people=int(item.get("people") or 1),
        backlog=parse(Backlog, backlog, "backlog") if backlog else None,
        topic=item.get("topic"), leader=item.get("leader"),
        due=parse_date(item["due"], "due") if item.get("due") else None,
        repeat_of=item.get("repeat_of"))
    case = cases.add_case(op, new)
    for event in item.get("events", []):
        _apply(op, case.id, event)


def _apply(op: Op, case_id: str, event: dict) -> None:  # type: ignore[type-arg]
    on = parse_date(event.get("on") or event.get("requested"), "on")
    match event["do"]:
        case "accept":
            cases.accept(op, case_id, on)
        case "reject":
            cases.reject(op, case_id, event["reason"], on)
        case "follow":
            cases.follow(op, case_id, event["note"],
                         parse(FollowupKind, event.get("kind", "note"), "kind"), on)
        case "extend":
            cases.extend(op, case_id, int(event["days"]), event["reason"], on)
        case "close":
            satisfaction = event.get("satisfaction")
            cases.close(op, case_id, parse(Outcome, event["outcome"], "outcome"), on,
                        event.get("note"),
                        parse(Satisfaction, satisfaction, "s") if satisfaction else None)
        case "review":
            cases.review(op, case_id, on)
        case "rereview":
            cases.rereview(op, case_id, on)
        case "terminate":
            cases.terminate(op, case_id, event["reason"], on)
        case "escalate":
            cases.escalate(op, case_id, parse(Escalation, event["to"], "to"),
                           event["reason"], on)
        case "leader":
            cases.set_leader(op, case_id, event["name"], on)
        case "assign":
            cases.assign(op, case_id, event["unit"], on)
        case other:
            raise ValueError(f"unknown sample event {other!r}")
