"""Commands that correct the record: edit a registration, void a case."""

from datetime import date
from typing import Annotated

import typer

from xinfang_cli.cli.common import CaseArg, choice, done, operation
from xinfang_cli.domain.dates import parse_date
from xinfang_cli.domain.enums import Backlog, Source, label
from xinfang_cli.domain.errors import BadInput
from xinfang_cli.i18n import lang, t


def register(app: typer.Typer) -> None:
    panel = t("panel.corrections")
    for command in (edit, void):
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
    reason: Annotated[str | None, _text("--reason", "opt.edit_reason")] = None,
) -> None:
    from xinfang_cli.operations.corrections import edit as edit_case

    wanted = _wanted(petitioner=petitioner, phone=phone, id_number=id_number, people=people,
                     summary=summary, topic=topic, source=source, backlog=backlog,
                     first_time=first_time, received=received, due=due)
    if not wanted:
        raise BadInput("err.edit_nothing_named", id=case_id)
    with operation() as op:
        case, changes = edit_case(op, case_id, wanted, reason)
    for field, old, new in changes:
        done(t("msg.edit_change", field=t(f"col.{field}"), old=_shown(field, old),
               new=_shown(field, new)))
    done(t("msg.edited", id=case.id, n=len(changes)) if changes
         else t("msg.edit_nothing", id=case.id))


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
    if field in ("source", "backlog"):
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
