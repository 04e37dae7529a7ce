"""Commands that correct the record: void (and, with the next changes, edit and undo)."""

from typing import Annotated

import typer

from xinfang_cli.cli.common import CaseArg, done, operation
from xinfang_cli.i18n import t


def register(app: typer.Typer) -> None:
    panel = t("panel.corrections")
    for command in (void,):
        name = command.__name__
        app.command(name=name, help=t(f"help.{name}"), rich_help_panel=panel)(command)


def void(
    case_id: CaseArg,
    reason: Annotated[str, typer.Option("--reason", help=t("opt.void_reason"), metavar="TEXT")],
) -> None:
    from xinfang_cli.operations.corrections import void as void_case

    with operation() as op:
        case = void_case(op, case_id, reason)
    done(t("msg.voided", id=case.id))
