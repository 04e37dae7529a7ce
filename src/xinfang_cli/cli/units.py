"""Units and the incidents against them: add, list, correct, retire; record, list, void."""

from typing import Annotated

import typer

from xinfang_cli.cli.common import (
    FormatOpt,
    HelpGroup,
    JsonOpt,
    OutputOpt,
    choice,
    day,
    done,
    operation,
    output_format,
    reading,
)
from xinfang_cli.domain.enums import IncidentKind, UnitKind
from xinfang_cli.i18n import t
from xinfang_cli.render import Format, destination, write_json

unit_app = typer.Typer(cls=HelpGroup, help=t("help.unit"), no_args_is_help=True)
incident_app = typer.Typer(cls=HelpGroup, help=t("help.incident"), no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(unit_app, name="unit", rich_help_panel=t("panel.admin"))
    app.add_typer(incident_app, name="incident", rich_help_panel=t("panel.cases"))


@unit_app.command("add", help=t("help.unit_add"))
def unit_add(
    code: Annotated[str, typer.Argument(help=t("arg.unit_code"), metavar="CODE")],
    name: Annotated[str, typer.Argument(help=t("arg.unit_name"), metavar="NAME")],
    kind: Annotated[str, typer.Option("--kind", help=t("opt.unit_kind"), metavar="KIND")],
    head: Annotated[str | None, typer.Option("--head", help=t("opt.head"), metavar="NAME")] = None,
    leader: Annotated[
        str | None, typer.Option("--leader", help=t("opt.unit_leader"), metavar="NAME")
    ] = None,
) -> None:
    from xinfang_cli.operations.units import add_unit

    with operation() as op:
        unit = add_unit(
            op,
            code,
            name,
            choice(UnitKind, kind, "--kind"),  # type: ignore[arg-type]
            head,
            leader,
        )
    done(t("msg.unit_added", code=unit.code, name=unit.name))


@unit_app.command("list", help=t("help.unit_list"))
def unit_list(fmt: FormatOpt = "table", as_json: JsonOpt = False, output: OutputOpt = None) -> None:
    from xinfang_cli.views.units import unit_rows

    chosen = output_format(fmt, as_json, (Format.TABLE, Format.JSON))
    with reading() as session:
        rows = unit_rows(session)
    if chosen is Format.JSON:
        write_json(rows, output)
        return
    from xinfang_cli.render.cases import print_units

    with destination(output) as out:
        print_units(rows, out)


@incident_app.command("add", help=t("help.incident_add"))
def incident_add(
    unit: Annotated[str, typer.Option("--unit", help=t("opt.unit"), metavar="UNIT")],
    kind: Annotated[str, typer.Option("--kind", help=t("opt.incident_kind"), metavar="KIND")],
    note: Annotated[str, typer.Option("--note", help=t("opt.incident_note"), metavar="TEXT")],
    on: Annotated[str | None, typer.Option("--on", help=t("opt.on"), metavar="DATE")] = None,
    case: Annotated[
        str | None, typer.Option("--case", help=t("opt.incident_case"), metavar="ID")
    ] = None,
) -> None:
    from xinfang_cli.operations.incidents import add_incident

    with operation() as op:
        add_incident(
            op,
            unit,
            choice(IncidentKind, kind, "--kind"),  # type: ignore[arg-type]
            day(on, "--on"),
            note,
            case,
        )  # type: ignore[arg-type]
    done(t("msg.incident_added", unit=unit))


@incident_app.command("list", help=t("help.incident_list"))
def incident_list(
    unit: Annotated[str | None, typer.Option("--unit", help=t("opt.unit"), metavar="UNIT")] = None,
    since: Annotated[
        str | None, typer.Option("--since", help=t("opt.incident_since"), metavar="DATE")] = None,
    fmt: FormatOpt = "table", as_json: JsonOpt = False, output: OutputOpt = None,
) -> None:
    from xinfang_cli.store.repository import find_unit
    from xinfang_cli.views.units import incident_list as query

    chosen = output_format(fmt, as_json, (Format.TABLE, Format.JSON))
    with reading() as session:
        unit_id = find_unit(session, unit).id if unit else None
        rows = query(session, unit_id, day(since, "--since", default_today=False))
    if chosen is Format.JSON:
        write_json(rows, output)
        return
    from xinfang_cli.render.cases import print_incidents

    with destination(output) as out:
        print_incidents(rows, out)


@incident_app.command("void", help=t("help.incident_void"))
def incident_void(
    number: Annotated[int, typer.Argument(help=t("arg.incident"), metavar="N")],
    reason: Annotated[str, typer.Option("--reason", help=t("opt.void_reason"), metavar="TEXT")],
) -> None:
    from xinfang_cli.operations.incidents import void_incident

    with operation() as op:
        incident = void_incident(op, number, reason)
    done(t("msg.incident_voided", id=incident.id))


def _option(name: str, help_key: str, metavar: str = "TEXT") -> object:
    return typer.Option(name, help=t(help_key), metavar=metavar)


@unit_app.command("edit", help=t("help.unit_edit"))
def unit_edit(
    code: Annotated[str, typer.Argument(help=t("arg.unit"), metavar="CODE")],
    name: Annotated[str | None, _option("--name", "opt.unit_name", "NAME")] = None,
    kind: Annotated[str | None, _option("--kind", "opt.unit_kind", "KIND")] = None,
    head: Annotated[str | None, _option("--head", "opt.unit_head", "NAME")] = None,
    leader: Annotated[str | None, _option("--leader", "opt.unit_leader", "NAME")] = None,
    email: Annotated[str | None, _option("--email", "opt.unit_email", "ADDRESS")] = None,
    webhook: Annotated[str | None, _option("--webhook", "opt.unit_webhook", "URL")] = None,
) -> None:
    from xinfang_cli.domain.errors import BadInput
    from xinfang_cli.operations.units import edit_unit

    wanted = {k: v for k, v in (("name", name), ("head", head), ("leader", leader),
                                ("email", email), ("webhook", webhook)) if v is not None}
    if kind is not None:
        wanted["kind"] = str(choice(UnitKind, kind, "--kind"))
    if not wanted:
        raise BadInput("err.unit_edit_nothing", code=code)
    with operation() as op:
        unit, changes = edit_unit(op, code, wanted)
    for field, old, new in changes:
        done(t("msg.unit_change", field=t(f"col.unit_{field}"), old=old or "—", new=new or "—"))
    done(t("msg.unit_edited", code=unit.code, n=len(changes)) if changes
         else t("msg.unit_unchanged", code=unit.code))


@unit_app.command("retire", help=t("help.unit_retire"))
def unit_retire(
    code: Annotated[str, typer.Argument(help=t("arg.unit"), metavar="CODE")],
    on: Annotated[str, _option("--on", "opt.retire_on", "DATE")],
    into: Annotated[str | None, _option("--into", "opt.retire_into", "CODE")] = None,
) -> None:
    from xinfang_cli.operations.units import retire_unit

    with operation() as op:
        unit, moved = retire_unit(op, code, day(on, "--on"), into)  # type: ignore[arg-type]
    if moved:
        done(t("msg.unit_moved", n=len(moved), into=into, ids=", ".join(moved)))
    done(t("msg.unit_retired", code=unit.code, on=unit.retired_on))


@unit_app.command("show", help=t("help.unit_show"))
def unit_show(
    code: Annotated[str, typer.Argument(help=t("arg.unit"), metavar="CODE")],
    as_json: JsonOpt = False,
) -> None:
    from xinfang_cli.views.units import unit_detail

    with reading() as session:
        detail = unit_detail(session, code)
    if as_json:
        write_json(detail)
        return
    from xinfang_cli.render.cases import print_unit

    with destination(None) as out:
        print_unit(detail, out)
