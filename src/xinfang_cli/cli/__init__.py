"""The `xf` command line: global options, the command groups, and one error edge.

Heavy libraries (SQLAlchemy, Alembic, openpyxl) are imported inside commands, so
`xf --help` and `xf --version` start fast.
"""

import os
import sys
from typing import Annotated, Any

import typer
from typer._click import exceptions as click_exceptions

from xinfang_cli import __version__
from xinfang_cli.cli import (
    access,
    admin,
    cases,
    corrections,
    find,
    papers,
    reports,
    transfer,
    units,
    urging,
    views,
)
from xinfang_cli.cli.common import (
    STATE,
    HelpGroup,
    error_line,
    operator_name,
    translate_help_panels,
)
from xinfang_cli.domain.errors import BadInput, ExitCode, XfError
from xinfang_cli.i18n import LANGUAGES, lang, recognise, set_lang, t, validation_reason


class XfGroup(HelpGroup):
    """Runs the commands and turns every failure into one translated line and an exit code."""

    def main(self, args: Any = None, prog_name: str | None = None, **extra: Any) -> Any:
        extra.pop("standalone_mode", None)
        argv = sys.argv[1:] if args is None else list(args)
        if not argv or "--help" in argv or "-h" in argv:
            translate_help_panels()
        STATE.command = self.command_name(argv)
        try:
            code = super().main(
                args=args, prog_name=prog_name or "xf", standalone_mode=False, **extra
            )
        except XfError as exc:
            code = _fail(error_line(exc), exc.exit_code)
        except click_exceptions.NoArgsIsHelpError as exc:
            # `xf` or `xf unit` alone: the help was the answer (Rich has printed it already)
            if exc.message.strip():
                typer.echo(exc.message)
            code = ExitCode.OK
        except click_exceptions.UsageError as exc:
            try:
                message = _usage_message(exc)
            except Exception:  # noqa: BLE001 - explaining must never fail
                message = exc.format_message()
            code = _fail(message, ExitCode.BAD_INPUT)
        except typer.Abort:
            code = _fail(t("err.aborted"), ExitCode.BAD_INPUT)
        except BrokenPipeError:  # `xf list | head`: the reader has had enough
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # nothing left to flush at exit
            code = ExitCode.OK
        except OSError as exc:  # -o FILE in a missing folder, a read-only disk …
            path = exc.filename or ""
            code = _fail(t("err.file", path=path, reason=exc.strerror or exc), ExitCode.BAD_INPUT)
        except Exception as exc:  # the database or a bug: never a traceback
            code = _unexpected(exc)
        finally:
            STATE.close()
        sys.exit(code if isinstance(code, int) else 0)


    def command_name(self, argv: list[str]) -> str:
        """`close`, `unit add`: the command `argv` names, as its record will say."""
        words: list[str] = []
        group: Any = self
        for word in _positionals(argv):
            words.append(word)
            group = getattr(group, "commands", {}).get(word)
            if not hasattr(group, "commands"):
                break
        return " ".join(words) or "xf"


def _positionals(argv: list[str]) -> list[str]:
    """The words of `argv` that are no option nor the value of a global option."""
    words, args = [], iter(argv)
    for arg in args:
        if arg in GLOBAL_OPTIONS_WITH_VALUE:
            next(args, None)
        elif not arg.startswith("-"):
            words.append(arg)
    return words


def _fail(message: str, code: int) -> int:
    typer.echo(f"xf: {message}", err=True)
    return int(code)


def _usage_message(exc: click_exceptions.UsageError) -> str:
    """Click's usage errors, in the chosen language."""
    import re

    param = getattr(exc, "param", None)
    name = _param_name(param) if param is not None else "?"
    if isinstance(exc, click_exceptions.MissingParameter):
        return t("err.missing_option", option=name)
    if isinstance(exc, click_exceptions.NoSuchOption):
        return t("err.no_such_option", option=exc.option_name)
    if isinstance(exc, click_exceptions.BadParameter):
        cause = exc.__cause__
        errors = getattr(cause, "errors", None)
        reason = validation_reason({**errors()[0], "loc": ()}) if callable(errors) else exc.message
        return t("err.bad_param", option=name, reason=reason)
    command = re.match(r"No such command '([^']+)'", exc.message)
    if command:
        guess = re.search(r"Did you mean '([^']+)'", exc.message)
        if guess:
            return t("err.no_such_command_guess", name=command[1], guess=guess[1])
        return t("err.no_such_command", name=command[1])
    return t("err.usage", reason=exc.format_message())


def _param_name(param: Any) -> str:
    """`--unit` for an option, `ID` / `FILE` for an argument (as the help shows it)."""
    if getattr(param, "param_type_name", "") == "argument":
        return str(param.metavar or param.name.upper())
    return str(param.opts[0] if param.opts else param.name)


def _unexpected(exc: Exception) -> int:
    from sqlalchemy.exc import DataError, DBAPIError

    if isinstance(exc, DataError):  # a value the server will not store: bad input, not damage
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        return _fail(t("err.value_rejected", reason=reason), ExitCode.BAD_INPUT)
    if isinstance(exc, DBAPIError):
        from xinfang_cli.cli.common import target
        from xinfang_cli.store.db import not_permitted, unusable

        refused = not_permitted(exc, target())
        if refused is not None:
            return _fail(error_line(refused), refused.exit_code)
        error = unusable(exc, target())
        return _fail(t(error.key, **error.params), error.exit_code)
    if os.environ.get("XF_DEBUG"):
        raise exc
    return _fail(t("err.internal", kind=type(exc).__name__, reason=str(exc)), ExitCode.INTERNAL)


app = typer.Typer(
    cls=XfGroup,
    name="xf",
    help=t("help.app"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"xf {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    db: Annotated[
        str | None, typer.Option("--db", envvar="XF_DB", help=t("opt.db"), metavar="PATH|URL")
    ] = None,
    lang_: Annotated[
        str | None,
        typer.Option("--lang", envvar="XF_LANG", help=t("opt.lang"), metavar="|".join(LANGUAGES)),
    ] = None,
    by: Annotated[
        str | None, typer.Option("--by", envvar="XF_USER", help=t("opt.by"), metavar="NAME")
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help=t("opt.version"), metavar=""
        ),
    ] = False,
) -> None:
    if lang_:
        if recognise(lang_) is None:
            raise BadInput("err.bad_lang", value=lang_)
        set_lang(recognise(lang_) or "zh")
    STATE.close()
    STATE.db = db
    STATE.by = (by or "").strip() or operator_name()
    STATE.by_given = bool((by or "").strip())
    if len(STATE.by) > 100:
        raise BadInput("err.too_long", field="--by", n=len(STATE.by), max=100)


cases.register(app)
corrections.register(app)
views.register(app)
find.register(app)
papers.register(app)
urging.register(app)
reports.register(app)
transfer.register(app)
admin.register(app)
units.register(app)
access.register(app)


GLOBAL_OPTIONS_WITH_VALUE = ("--db", "--lang", "--by")


def invoked_command(argv: list[str]) -> str | None:
    """The command named in `argv` (`show` in `xf --db x.db show 2018-0001`), if any."""
    args = iter(argv)
    for arg in args:
        if arg in GLOBAL_OPTIONS_WITH_VALUE:
            next(args, None)
        elif not arg.startswith("-"):
            return arg
    return None


def only(name: str | None) -> None:
    """Keep only the command about to run.

    Typer turns every registered command into a Click command, parameters and all, at each
    start (about 14 ms for xf's 31), though one runs. A name that is no command keeps them
    all, so that Click can say so and help lists them.
    """
    commands = [c for c in app.registered_commands if c.name == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if commands or groups:
        app.registered_commands, app.registered_groups = commands, groups


def main() -> None:
    """The console script `xf`."""
    only(invoked_command(sys.argv[1:]))
    app(prog_name="xf")


__all__ = ["app", "main", "lang"]
