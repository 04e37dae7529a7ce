"""Urging the units: `xf remind` (督办) by email, work-group robot, or a printed slip."""

from pathlib import Path
from typing import Annotated, Any

import typer

from xinfang_cli.cli.common import (
    FormatOpt,
    HelpGroup,
    JsonOpt,
    OnOpt,
    OutputOpt,
    UnitFilterOpt,
    day,
    done,
    error_line,
    operation,
    output_format,
    reading,
    settings,
)
from xinfang_cli.domain.enums import SupervisionKind, label, parse
from xinfang_cli.domain.errors import ExitCode, SendFailed
from xinfang_cli.i18n import lang, t
from xinfang_cli.render import Format, destination, write_json


def register(app: typer.Typer) -> None:
    app.command(name="remind", help=t("help.remind"), rich_help_panel=t("panel.views"))(remind)
    app.add_typer(supervise_app, name="supervise", rich_help_panel=t("panel.views"))


def remind(
    unit: UnitFilterOpt = None,
    warn_days: Annotated[
        int | None, typer.Option("--warn-days", help=t("opt.remind_warn_days"), min=0, max=366,
                                 metavar="N")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("opt.remind_dry_run"),
                                          metavar="")] = False,
    force: Annotated[bool, typer.Option("--force", help=t("opt.remind_force"),
                                        metavar="")] = False,
    print_dir: Annotated[
        Path | None, typer.Option("--print", help=t("opt.remind_print"), file_okay=False,
                                  metavar="DIR")] = None,
) -> None:
    from xinfang_cli.domain.dates import today
    from xinfang_cli.store.repository import find_unit
    from xinfang_cli.views.reminders import reminded_today, reminders

    office = settings()
    now = today()
    with reading() as session:
        unit_id = find_unit(session, unit).id if unit else None
        found = reminders(session, now,
                          office.office.warn_days if warn_days is None else warn_days, unit_id)
        sent_today = reminded_today(session, now)
    if print_dir is None and not dry_run and any(r.email for r in found):
        from xinfang_cli.outbox import mail

        mail.check(office.smtp)  # exit 2 before anything is sent
    if print_dir is not None and not dry_run:
        print_dir.mkdir(parents=True, exist_ok=True)
    failed = 0
    for rem in found:
        channels = [("print", str(print_dir))] if print_dir is not None else [
            (c, getattr(rem, c)) for c in ("email", "webhook") if getattr(rem, c)]
        if not channels:
            typer.echo(f"xf: {t('err.remind_no_contact', unit=rem.unit_name, code=rem.unit)}",
                       err=True)
            failed += 1
        for channel, recipient in channels:
            if channel in sent_today.get(rem.unit, set()) and not force:
                done(t("msg.remind_skipped", unit=rem.unit_name, channel=t(f"channel.{channel}")))
                continue
            if dry_run:
                _preview(rem, channel, recipient, office)
                continue
            try:
                where = _send(rem, channel, recipient, office)
            except SendFailed as exc:
                typer.echo("xf: " + t("err.remind_unit", unit=rem.unit_name, code=rem.unit,
                                      reason=error_line(exc)), err=True)
                failed += 1
                continue
            from xinfang_cli.operations.reminders import record_reminder

            with operation() as op:
                n = record_reminder(op, rem, channel, where)
            done(t("msg.reminded", unit=rem.unit_name, n=n, channel=t(f"channel.{channel}"),
                   to=_shown(channel, where)))
    if failed:
        raise typer.Exit(ExitCode.UNSENT)


def _send(rem: Any, channel: str, recipient: str, office: Any) -> str:
    """Send one unit's reminder on `channel`; returns where it went (the printed slip: its
    file). A failure raises `SendFailed`."""
    from xinfang_cli.domain import reminders as words

    name = office.office.name
    if channel == "email":
        from xinfang_cli.outbox import mail

        mail.send(office.smtp, mail.message(office.smtp, name, recipient, words.subject(rem),
                                            words.text_body(rem, name)))
    elif channel == "webhook":
        from xinfang_cli.outbox import robot

        kind = words.robot_kind(recipient, office.robot.kind)
        robot.post(recipient, words.robot_payload(kind, words.subject(rem),
                                                  words.markdown(rem, name)),
                   office.robot.timeout)
    else:
        from xinfang_cli.render.papers import supervision_slip

        path = Path(recipient) / f"督办单_{rem.unit}_{rem.as_of.isoformat()}.docx"
        path.write_bytes(supervision_slip(rem, name))
        return str(path)
    return recipient


def _preview(rem: Any, channel: str, recipient: str, office: Any) -> None:
    """`--dry-run`: the message as it would go, on stdout; nothing sent, nothing recorded."""
    from xinfang_cli.domain import reminders as words

    name = office.office.name
    typer.echo(f"=== {t(f'channel.{channel}')} → {_shown(channel, recipient)}")
    if channel == "webhook":
        typer.echo(words.markdown(rem, name))
    else:
        typer.echo(f"{words.subject(rem)}\n\n{words.text_body(rem, name)}")


def _shown(channel: str, recipient: str) -> str:
    from xinfang_cli.domain.reminders import shown_recipient

    return shown_recipient(channel, recipient)


supervise_app = typer.Typer(cls=HelpGroup, help=t("help.supervise"), no_args_is_help=True)


@supervise_app.command("add", help=t("help.supervise_add"))
def supervise_add(
    unit: Annotated[str, typer.Option("--unit", help=t("opt.unit"), metavar="UNIT")],
    kind: Annotated[str, typer.Option("--kind", help=t("opt.supervise_kind"), metavar="KIND")],
    note: Annotated[str, typer.Option("--note", help=t("opt.supervise_note"), metavar="TEXT")],
    on: OnOpt = None,
) -> None:
    from xinfang_cli.operations.supervision import add_measure

    chosen = parse(SupervisionKind, kind, "--kind")
    with operation() as op:
        measure = add_measure(op, unit, chosen, day(on, "--on"), note)  # type: ignore[arg-type]
        number = measure.id
    typer.echo(number)
    done(t("msg.supervise_added", number=number, unit=unit, kind=label(chosen, lang())))


@supervise_app.command("end", help=t("help.supervise_end"))
def supervise_end(
    number: Annotated[int, typer.Argument(help=t("arg.supervise"), metavar="N")],
    on: OnOpt = None,
) -> None:
    from xinfang_cli.operations.supervision import end_measure

    with operation() as op:
        measure = end_measure(op, number, day(on, "--on"))  # type: ignore[arg-type]
        ended = measure.ended_on
    done(t("msg.supervise_ended", number=number, on=ended))


@supervise_app.command("list", help=t("help.supervise_list"))
def supervise_list(
    unit: UnitFilterOpt = None,
    since: Annotated[str | None, typer.Option("--since", help=t("opt.supervise_since"),
                                              metavar="DATE")] = None,
    fmt: FormatOpt = "table", as_json: JsonOpt = False, output: OutputOpt = None,
) -> None:
    from xinfang_cli.store.repository import find_unit
    from xinfang_cli.views.supervision import measure_list

    chosen = output_format(fmt, as_json, (Format.TABLE, Format.JSON))
    with reading() as session:
        unit_id = find_unit(session, unit).id if unit else None
        rows = measure_list(session, unit_id, day(since, "--since", default_today=False))
    if chosen is Format.JSON:
        write_json(rows, output)
        return
    from xinfang_cli.render.notices import print_measures

    with destination(output) as out:
        print_measures(rows, out)
