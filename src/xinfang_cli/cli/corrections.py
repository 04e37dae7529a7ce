"""Commands that correct the record: edit a registration, void a case, undo a command."""

import sys
from datetime import date
from typing import Annotated

import typer

from xinfang_cli.cli.common import (
    CaseArg,
    choice,
    done,
    error_line,
    operation,
    operator,
    reading,
)
from xinfang_cli.domain.dates import parse_date
from xinfang_cli.domain.enums import Backlog, Source, label
from xinfang_cli.domain.errors import BadInput
from xinfang_cli.i18n import lang, t


def register(app: typer.Typer) -> None:
    panel = t("panel.corrections")
    for command in (edit, void, undo):
        name = command.__name__
        app.command(name=name, help=t(f"help.{name}"), rich_help_panel=panel)(command)


def _text(name: str, help_key: str, metavar: str = "TEXT") -> object:
    return typer.Option(name, help=t(help_key), metavar=metavar)


def edit(
    case_id: CaseArg,
    petitioner: Annotated[str | None, _text("--petitioner", "opt.petitioner", "NAME")] = None,
    phone: Annotated[str | None, _text("--phone", "opt.phone", "PHONE")] = None,
    id_number: Annotated[str | None, _text("--id-number", "opt.id_number", "ID")] = None,
    people: Annotated[int | None, _text("--people", "opt.people", "N")] = None,
    summary: Annotated[str | None, _text("--summary", "opt.summary")] = None,
    topic: Annotated[str | None, _text("--topic", "opt.topic")] = None,
    source: Annotated[str | None, _text("--source", "opt.source", "SOURCE")] = None,
    backlog: Annotated[str | None, _text("--backlog", "opt.backlog", "KIND")] = None,
    first_time: Annotated[
        bool, typer.Option("--first-time", help=t("opt.first_time"), metavar="")] = False,
    received: Annotated[str | None, _text("--received", "opt.received", "DATE")] = None,
    due: Annotated[str | None, _text("--due", "opt.due", "DATE")] = None,
    repeat_of: Annotated[str | None, _text("--repeat-of", "opt.edit_repeat_of", "ID")] = None,
    reason: Annotated[str | None, _text("--reason", "opt.edit_reason")] = None,
) -> None:
    from xinfang_cli.operations.corrections import edit as edit_case

    wanted = _wanted(petitioner=petitioner, phone=phone, id_number=id_number, people=people,
                     summary=summary, topic=topic, source=source, backlog=backlog,
                     first_time=first_time, received=received, due=due,
                     repeat_of=repeat_of)
    if not wanted:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise BadInput("err.edit_nothing_named", id=case_id)
        _edit_in_editor(case_id)
        return
    with operation() as op:
        case, changes = edit_case(op, case_id, wanted, reason)
    _report(case.id, changes)


def _report(case_id: str, changes: list[tuple[str, object, object]]) -> None:
    _report_changes(changes)
    done(t("msg.edited", id=case_id, n=len(changes)) if changes
         else t("msg.edit_nothing", id=case_id))


def _edit_in_editor(case_id: str) -> None:
    """The registration as a form in the clerk's editor; the changes shown and asked for;
    a bad form opened again with its fault at the top, until it reads or the clerk quits."""
    from xinfang_cli.cli import editform
    from xinfang_cli.domain.errors import XfError
    from xinfang_cli.operations.corrections import edit as edit_case
    from xinfang_cli.store.repository import get_case, record

    with operation() as op:  # the form shows personal data: a reveal, recorded
        case = get_case(op.session, case_id)
        record(op.session, case.id, op.today, op.by, "reveal", [("personal_data", None, "edit")])
        text, case_id = editform.form(case), case.id
    fault = None
    while True:
        text = editform.without_faults(editform.edit_in_editor(text, fault))
        try:
            given, reason = editform.read(text)
            wanted = _from_form(given)
            with operation() as op:  # checked as it will be written, then rolled back
                _case, changes = edit_case(op, case_id, wanted, reason)
                op.session.rollback()
            break
        except XfError as exc:
            fault = error_line(exc)
    if changes:
        _report_changes(changes)
        if not typer.confirm(t("prompt.edit"), default=True, err=True):
            done(t("msg.edit_kept", id=case_id))
            return
        with operation() as op:
            _case, written = edit_case(op, case_id, wanted, reason)
            if written != changes:  # another clerk got in between: write nothing
                raise BadInput("err.edit_moved", id=case_id)
    done(t("msg.edited", id=case_id, n=len(changes)) if changes
         else t("msg.edit_nothing", id=case_id))


def _report_changes(changes: list[tuple[str, object, object]]) -> None:
    for field, old, new in changes:
        done(t("msg.edit_change", field=t(f"col.{field}"), old=_shown(field, old),
               new=_shown(field, new)))


def _from_form(given: dict[str, object]) -> dict[str, object]:
    """A form's values as `xf edit`'s options: "" clears an optional field."""
    due = given.pop("due", None)
    backlog = given.pop("backlog", None)
    wanted = _wanted(**{name: given.get(name) for name in (
        "petitioner", "phone", "id_number", "people", "summary", "topic", "source",
        "received", "repeat_of")}, backlog=backlog or None, first_time=backlog == "",
        due=due or None)
    if due == "":
        wanted["superior_due"] = None
    return wanted


def _wanted(**given: object) -> dict[str, object]:
    """The fields the options name, parsed (a date as a clerk writes it, a label in Chinese
    or English); `--first-time` is `--backlog` none."""
    wanted = {k: v for k, v in given.items() if v is not None and k != "first_time"}
    if given["first_time"]:
        if "backlog" in wanted:
            raise BadInput("err.edit_backlog_both")
        wanted["backlog"] = None
    elif "backlog" in wanted:
        wanted["backlog"] = str(choice(Backlog, str(wanted["backlog"]), "--backlog"))
    if "source" in wanted:
        wanted["source"] = str(choice(Source, str(wanted["source"]), "--source"))
    if "received" in wanted:
        wanted["received"] = parse_date(str(wanted["received"]), "--received")
    if "due" in wanted:
        wanted["superior_due"] = parse_date(str(wanted.pop("due")), "--due")
    return wanted


def _shown(field: str, value: object) -> str:
    """A value as a change line shows it: personal data masked, labels in the language."""
    from xinfang_cli.domain.masking import mask_field
    from xinfang_cli.domain.registration import PERSONAL

    if value is None:
        return "—"
    if field in PERSONAL:
        return str(mask_field(field, str(value)))
    if field in ("source", "backlog", "status", "outcome", "satisfaction", "escalation"):
        return label(str(value), lang())
    return value.isoformat() if isinstance(value, date) else str(value)


def void(
    case_id: CaseArg,
    reason: Annotated[str, typer.Option("--reason", help=t("opt.void_reason"), metavar="TEXT")],
) -> None:
    from xinfang_cli.operations.corrections import void as void_case

    with operation() as op:
        case = void_case(op, case_id, reason)
    done(t("msg.voided", id=case.id))


def undo(
    case_id: Annotated[str | None, typer.Argument(help=t("arg.undo_case"), metavar="[ID]")] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help=t("opt.undo_dry_run"), metavar="")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help=t("opt.undo_yes"), metavar="")] = False,
) -> None:
    import sys

    from xinfang_cli.operations import undo as undoing

    with reading() as session:
        shown = undoing.plan(session, undoing.target(session, operator(session), case_id))
        typer.echo("\n".join(_plan_lines(shown)))
    if dry_run:
        return
    if not yes:
        if not sys.stdin.isatty():
            raise BadInput("err.undo_needs_yes")
        if not typer.confirm(t("prompt.undo"), default=False, err=True):
            done(t("msg.undo_kept"))
            return
    with operation() as op:
        again = undoing.plan(op.session, op.session.merge(shown.command))
        if _plan_lines(again) != _plan_lines(shown):  # another clerk got in between
            raise BadInput("err.undo_moved", command=shown.command.id)
        undoing.apply(op, again)
    done(t("msg.undone", command=shown.command.id, name=shown.command.name))


SHOWN = 20  # lines of each kind an undo's plan shows; the rest are counted


def _plan_lines(plan) -> list[str]:  # type: ignore[no-untyped-def]
    """What an undo will do, a line a change (the cases an import registered, counted)."""
    command = plan.command
    lines = [t("msg.undo_header", command=command.id, name=command.name, on=command.on,
               by=command.by)]
    if plan.registered:
        lines.append(t("msg.undo_registered", n=plan.registered))
    lines += _some([t("msg.undo_change", case=c.case, field=t(f"col.{c.field}"),
                      now=_shown(c.field, c.now), back=_shown(c.field, c.back))
                    for c in plan.changes])
    notes = [(n, "msg.undo_note") for n in plan.notes]
    notes += [(n, "msg.undo_note_back") for n in plan.notes_back]
    lines += _some([t(key, case=n.case_id, kind=label(n.kind, lang()), on=n.on)
                    for n, key in notes])
    incidents = [(i, "msg.undo_incident") for i in plan.incidents]
    incidents += [(i, "msg.undo_incident_back") for i in plan.incidents_back]
    lines += _some([t(key, id=i.id, kind=label(i.kind, lang()), on=i.on)
                    for i, key in incidents])
    lines += _some([t("msg.undo_unit_added", unit=plan.codes[u.unit_id]) if u.action == "add"
                    else t("msg.undo_unit", unit=plan.codes[u.unit_id],
                           field=t(f"col.unit_{u.field}"), now=u.new or "—", back=u.old or "—")
                    for u in plan.units if u.action != "add" or u.field == "code"])
    return lines


def _some(lines: list[str]) -> list[str]:
    return lines if len(lines) <= SHOWN else [*lines[:SHOWN],
                                              t("msg.undo_more", n=len(lines) - SHOWN)]
