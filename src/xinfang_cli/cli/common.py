"""What every command shares: global state, option declarations, opening the database."""

import gc
import getpass
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from xinfang_cli.domain.dates import parse_date, today
from xinfang_cli.domain.enums import choices_text, parse
from xinfang_cli.domain.errors import BadInput
from xinfang_cli.i18n import t
from xinfang_cli.render import Format

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlmodel import Session

    from xinfang_cli.config.settings import Settings
    from xinfang_cli.domain.errors import XfError
    from xinfang_cli.operations.op import Op
    from xinfang_cli.store.db import Target

E = TypeVar("E", bound=StrEnum)


@dataclass
class State:
    """The global options, set by the main callback."""

    db: str | None = None
    by: str = ""
    by_given: bool = False  # --by or XF_USER, not the OS login
    command: str = "xf"  # the command running (`close`, `unit add`): its record's name
    target: "Target | None" = None
    engine: "Engine | None" = None

    def close(self) -> None:
        """Release the connection pool at the end of the command."""
        if self.engine is not None:
            self.engine.dispose()
        self.engine = None
        self.target = None


STATE = State()


def operator_name() -> str:
    """`--by`, else XF_USER, else the OS login."""
    try:
        return os.environ.get("XF_USER") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


# --- option declarations, once -----------------------------------------------------------

FormatOpt = Annotated[
    str, typer.Option("--format", "-f", help=t("opt.format"), metavar="table|json")
]
JsonOpt = Annotated[bool, typer.Option("--json", help=t("opt.json"), metavar="")]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help=t("opt.output"), dir_okay=False, metavar="FILE"),
]
AsOfOpt = Annotated[str | None, typer.Option("--as-of", help=t("opt.as_of"), metavar="DATE")]
OnOpt = Annotated[str | None, typer.Option("--on", help=t("opt.on"), metavar="DATE")]
RevealOpt = Annotated[bool, typer.Option("--reveal", help=t("opt.reveal"), metavar="")]
CaseArg = Annotated[str, typer.Argument(help=t("arg.case_id"), metavar="ID")]
# the filters of a listing (`xf list`, `xf search`, `xf petitioner`)
UnitFilterOpt = Annotated[
    str | None, typer.Option("--unit", help=t("opt.filter_unit"), metavar="UNIT")
]
StatusFilterOpt = Annotated[
    list[str] | None, typer.Option("--status", help=t("opt.filter_status"), metavar="STATUS")
]
SinceOpt = Annotated[str | None, typer.Option("--since", help=t("opt.since"), metavar="DATE")]


FORMAT_ALIASES = {"表格": "table", "表": "table", "markdown": "md", "网页": "html",
                  "excel": "xlsx", "电子表格": "xlsx", "逗号分隔": "csv"}


def output_format(fmt: str, as_json: bool, allowed: tuple[Format, ...]) -> Format:
    """`--json` is short for `--format json`; a format the command lacks is exit 2."""
    if as_json:
        return Format.JSON
    wanted = fmt.strip().lower()
    try:
        chosen = Format(FORMAT_ALIASES.get(wanted, wanted))
    except ValueError:
        chosen = None
    if chosen not in allowed:
        raise BadInput("err.bad_format", value=fmt, choices=", ".join(str(f) for f in allowed))
    return chosen


def day(text: str | None, field: str, default_today: bool = True) -> date | None:
    if text is None:
        return today() if default_today else None
    return parse_date(text, field)


def as_of(text: str | None) -> date:
    return parse_date(text, "--as-of") if text else today()


def choice(enum: type[E], text: str | None, field: str) -> E | None:
    return parse(enum, text, field) if text is not None else None


def ask(field: str, enum: type[StrEnum] | None = None) -> str:
    """On a terminal, ask for a missing option (choices shown); elsewhere exit 2.

    A choice that is not one of the values is explained and asked again.
    """
    import sys

    if not sys.stdin.isatty():
        raise BadInput("err.missing_option", option=field)
    prompt = t(f"prompt.{field.lstrip('-')}")
    if enum is not None:
        prompt += f" ({choices_text(enum)})"
    while True:
        answer = str(typer.prompt(prompt, err=True)).strip()
        if enum is None and answer:
            return answer
        if enum is not None:
            try:
                return str(parse(enum, answer, field))
            except BadInput as exc:
                typer.echo(t(exc.key, **exc.params), err=True)


# --- help ------------------------------------------------------------------------------------


def translate_help_panels() -> None:
    """Typer's help headings in the chosen language (imported only when help is shown)."""
    from typer import rich_utils

    rich_utils.OPTIONS_PANEL_TITLE = t("panel.options")
    rich_utils.COMMANDS_PANEL_TITLE = t("panel.commands")
    rich_utils.ARGUMENTS_PANEL_TITLE = t("panel.arguments")
    rich_utils.REQUIRED_LONG_STRING = t("help.required")
    rich_utils.DEFAULT_STRING = t("help.default")
    rich_utils.ENVVAR_STRING = t("help.envvar")


def translate_help_option(command: Any, ctx: Any) -> None:
    """`-h/--help` in the chosen language, in `command` and in its subcommands."""
    _translated(command.get_help_option(ctx))
    for sub in getattr(command, "commands", {}).values():
        translate_help_option(sub, ctx)


def _translated(option: Any) -> Any:
    """Click's help option described in the chosen language (Click writes "Show this message
    and exit." in English), without the "<bool>" Typer puts beside it: it is a flag."""
    if option is not None:
        option.help = t("help.help")
        option.metavar = ""
    return option


class HelpGroup(typer.core.TyperGroup):
    """A command group whose help is in the chosen language throughout, also when it is
    shown for the group named alone (`xf unit`)."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        translate_help_panels()
        super().format_help(ctx, formatter)

    def get_help_option(self, ctx: Any) -> Any:
        return _translated(super().get_help_option(ctx))

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            translate_help_option(command, ctx)
        return command


# --- the database ---------------------------------------------------------------------------


def started() -> None:
    """Start-up is over (the database is open, the command about to use it): the objects
    made so far stay out of later collections, and the collector runs again for the work
    itself."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def settings() -> "Settings":
    from xinfang_cli.config.settings import load_settings

    return load_settings()


def target() -> "Target":
    from xinfang_cli.store.db import resolve

    if STATE.target is None:
        STATE.target = resolve(STATE.db or os.environ.get("XF_DB") or None)
    return STATE.target


def engine() -> "Engine":
    from xinfang_cli.store.db import open_database

    if STATE.engine is None:
        # the collector still waits here: opening imports the driver and its dialect
        # (PostgreSQL: ~70 ms, 25-35 ms less without collections)
        STATE.engine = open_database(target(), settings().office.lock_timeout)
        started()
    return STATE.engine


@contextmanager
def operation() -> Iterator["Op"]:
    """One command, one transaction, with the operator, today and the office's rules."""
    from xinfang_cli.config.settings import office_deadlines
    from xinfang_cli.operations.op import Op
    from xinfang_cli.store.db import unit_of_work

    rules, now = office_deadlines(), today()
    with unit_of_work(engine(), write=True) as session:
        yield Op(session=session, by=operator(session), today=now, deadlines=rules,
                 name=STATE.command)


def operator(session: "Session") -> str:
    """Who the history names. On a shared server, the login itself (`session_user`), for
    every login, a superuser's too: a `--by` or XF_USER naming anyone else is refused."""
    if session.get_bind().dialect.name != "postgresql":
        return STATE.by
    from sqlalchemy import text

    login = str(session.scalar(text("SELECT session_user")))
    if STATE.by_given and STATE.by != login:
        raise BadInput("err.by_on_server", by=STATE.by, login=login)
    return login


@contextmanager
def reading() -> Iterator["Session"]:
    """A read-only transaction: a consistent view while others write."""
    from xinfang_cli.store.db import unit_of_work

    with unit_of_work(engine(), write=False) as session:
        yield session


def error_line(exc: "XfError") -> str:
    """An error's line in the chosen language: dates as ISO text, enumeration values as
    labels."""
    from enum import StrEnum

    from xinfang_cli.domain.enums import label
    from xinfang_cli.i18n import lang

    def one(value: object) -> object:
        if hasattr(value, "isoformat"):
            return value.isoformat()  # type: ignore[union-attr]
        if isinstance(value, StrEnum):
            return label(value, lang())
        return value

    params = {k: one(v) for k, v in exc.params.items()}
    if "right" in params:  # NotPermitted: which right, a catalogue key
        params["right"] = t(str(params["right"]))
    return t(exc.key, **params)


def done(message: str) -> None:
    """A confirmation, on stderr so stdout stays clean for scripts."""
    typer.echo(message, err=True)
