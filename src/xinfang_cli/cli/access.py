"""Logins on a shared server: `xf access grant | revoke | list` (PostgreSQL)."""

from typing import Annotated

import typer

from xinfang_cli.cli.common import (
    FormatOpt,
    HelpGroup,
    JsonOpt,
    OutputOpt,
    done,
    operation,
    output_format,
    reading,
)
from xinfang_cli.domain.enums import AccessRole, label, parse
from xinfang_cli.i18n import lang, t
from xinfang_cli.render import Format, destination, write_json

access_app = typer.Typer(cls=HelpGroup, help=t("acc.help"), no_args_is_help=True)

LoginArg = Annotated[str, typer.Argument(help=t("acc.arg.login"), metavar="LOGIN")]


def register(app: typer.Typer) -> None:
    app.add_typer(access_app, name="access", rich_help_panel=t("panel.admin"))


@access_app.command("grant", help=t("acc.help.grant"))
def access_grant(
    login: LoginArg,
    role: Annotated[str, typer.Option("--role", help=t("acc.opt.role"),
                                      metavar="office|unit|viewer")],
    unit: Annotated[list[str] | None, typer.Option("--unit", help=t("acc.opt.unit"),
                                                   metavar="UNIT")] = None,
) -> None:
    from xinfang_cli.operations.access import grant

    chosen = parse(AccessRole, role, "--role")
    with operation() as op:
        codes = grant(op.session, login.strip(), chosen, unit or [])
    done(t("acc.msg.granted", login=login, role=label(chosen, lang()),
           units=", ".join(codes) or "—"))


@access_app.command("revoke", help=t("acc.help.revoke"))
def access_revoke(login: LoginArg) -> None:
    from xinfang_cli.operations.access import revoke

    with operation() as op:
        revoke(op.session, login.strip())
    done(t("acc.msg.revoked", login=login))


@access_app.command("list", help=t("acc.help.list"))
def access_list(fmt: FormatOpt = "table", as_json: JsonOpt = False,
                output: OutputOpt = None) -> None:
    from xinfang_cli.views.access import logins

    chosen = output_format(fmt, as_json, (Format.TABLE, Format.JSON))
    with reading() as session:
        rows = logins(session)
    if chosen is Format.JSON:
        write_json(rows, output)
        return
    from xinfang_cli.render.tables import Column, plain_block

    columns = [Column(t(f"acc.col.{k}")) for k in ("login", "role", "units", "granted_by",
                                                    "granted_at")]
    lines = plain_block(columns, [[r["login"], label(AccessRole(r["role"]), lang()),
                                   ", ".join(r["units"]) or "—", r["granted_by"],
                                   r["granted_at"].isoformat(sep=" ")] for r in rows])
    with destination(output) as out:
        out.write("\n".join(lines) + "\n")
