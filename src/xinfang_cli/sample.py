"""Loading `sample_data/`: units, demo cases replayed through the real operations, incidents."""

import csv
import json
from pathlib import Path

from .dates import parse_date
from .enums import (
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
from .services import NewCase, Op


def load(op: Op, folder: Path) -> tuple[int, int, int]:
    """Units, cases and incidents from `folder`; returns how many of each were loaded."""
    from . import services

    with open(folder / "units.csv", encoding="utf-8-sig", newline="") as handle:
        units = list(csv.DictReader(handle))
    for row in units:
        services.add_unit(op, row["code"], row["name"], parse(UnitKind, row["kind"], "kind"),
                          row.get("head"), row.get("leader"))
    cases = json.loads((folder / "cases.json").read_text(encoding="utf-8"))
    for item in cases:
        _replay(op, item)
    incidents = json.loads((folder / "incidents.json").read_text(encoding="utf-8"))
    for item in incidents:
        services.add_incident(op, item["unit"], parse(IncidentKind, item["kind"], "kind"),
                              parse_date(item["on"], "on"), item["note"], item.get("case"))
    return len(units), len(cases), len(incidents)


def _replay(op: Op, item: dict) -> None:  # type: ignore[type-arg]
    from . import services

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
    case = services.add_case(op, new)
    for event in item.get("events", []):
        _apply(op, case.id, event)


def _apply(op: Op, case_id: str, event: dict) -> None:  # type: ignore[type-arg]
    from . import services

    on = parse_date(event.get("on") or event.get("requested"), "on")
    match event["do"]:
        case "accept":
            services.accept(op, case_id, on)
        case "reject":
            services.reject(op, case_id, event["reason"], on)
        case "follow":
            services.follow(op, case_id, event["note"],
                            parse(FollowupKind, event.get("kind", "note"), "kind"), on)
        case "extend":
            services.extend(op, case_id, int(event["days"]), event["reason"], on)
        case "close":
            satisfaction = event.get("satisfaction")
            services.close(op, case_id, parse(Outcome, event["outcome"], "outcome"), on,
                           event.get("note"),
                           parse(Satisfaction, satisfaction, "s") if satisfaction else None)
        case "review":
            services.review(op, case_id, on)
        case "rereview":
            services.rereview(op, case_id, on)
        case "terminate":
            services.terminate(op, case_id, event["reason"], on)
        case "escalate":
            services.escalate(op, case_id, parse(Escalation, event["to"], "to"),
                              event["reason"], on)
        case "leader":
            services.set_leader(op, case_id, event["name"], on)
        case "assign":
            services.assign(op, case_id, event["unit"], on)
        case other:
            raise ValueError(f"unknown sample event {other!r}")
