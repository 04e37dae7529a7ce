"""Typed errors. The rules, operations and views raise them; the CLI edge (`XfGroup.main`)
turns each into one translated line and its exit code."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    OVERDUE = 1  # only `xf overdue`: something is overdue
    BAD_INPUT = 2  # bad usage or input: nothing was written
    DATABASE = 3  # the database cannot be used
    UNSENT = 3  # `xf remind`: a message could not be sent (the next run retries it)
    NOT_PERMITTED = 4  # a shared server's access rules: the login lacks the right
    INTERNAL = 70  # a bug: reported in one line, never a traceback


class XfError(Exception):
    """An error with a catalogue key; its parameters fill the translated message."""

    exit_code = ExitCode.BAD_INPUT
    key = "err.generic"

    def __init__(self, key: str | None = None, **params: object) -> None:
        self.key = key or self.key
        self.params = params
        super().__init__(self.key, params)


class BadInput(XfError):
    """A value the user gave is wrong."""


class InvalidDate(BadInput):
    key = "err.bad_date"


class CaseNotFound(BadInput):
    key = "err.case_not_found"


class UnitNotFound(BadInput):
    key = "err.unit_not_found"


class TransitionNotAllowed(BadInput):
    key = "err.transition"


class LimitExceeded(BadInput):
    key = "err.limit"


class CalendarUnknown(BadInput):
    """Working days are needed for a year neither chinese-calendar nor the office lists."""

    key = "err.calendar_unknown"


class ConfigError(BadInput):
    key = "err.config"


class DatabaseUnusable(XfError):
    exit_code = ExitCode.DATABASE
    key = "err.db_unusable"


class NotPermitted(XfError):
    """The login lacks the right (a shared server's roles, grants and row-level security):
    nothing was written."""

    exit_code = ExitCode.NOT_PERMITTED
    key = "err.not_permitted"


class SendFailed(XfError):
    """A reminder could not be sent: the server refused, was gone, or did not answer."""

    exit_code = ExitCode.UNSENT
    key = "err.send_failed"
