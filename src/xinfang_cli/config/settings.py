"""The office's settings (`config.toml` in the data directory) and reading settings files.

Every key has a default, so the file is optional; `xf config` prints the one in force.
The rules the settings parametrise live in `domain` (`domain.deadlines.DeadlineSettings`);
this module reads them from disk.
"""

import os
import tomllib
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from xinfang_cli.config.paths import data_dir
from xinfang_cli.domain.deadlines import DeadlineSettings, YearCalendar
from xinfang_cli.domain.errors import BadInput, ConfigError
from xinfang_cli.domain.papers import check_pattern
from xinfang_cli.i18n import validation_reason

if TYPE_CHECKING:
    from xinfang_cli.domain.deadlines import Deadlines


class OfficeSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = "连云区教育局信访工作领导小组办公室"
    name_en: str = "Petition Office, Lianyun District Education Bureau"
    # people at or above this count as a group petition (集体访)
    group_threshold: int = Field(5, ge=2)
    warn_days: int = Field(7, ge=0, le=60)  # `xf status`: the due-soon column
    lock_timeout: float = Field(30.0, gt=0)  # seconds a writer waits for another
    # the body that decides and signs the papers to petitioners (never an internal office)
    issuer: str = "连云区教育局"
    # where a petitioner turns after a reply (复查), and after a review (复核): the papers say
    superior: str = "连云区人民政府"
    superior_above: str = "连云港市人民政府"


class NoticeSettings(BaseModel):
    """`[notices]`: the papers to the petitioner (`xf notice`)."""

    model_config = ConfigDict(extra="forbid")
    number: str = "连区教信〔{year}〕{n}号"  # 文号: a counter per year, never reused
    # papers of cases received before this day were written by hand: none is owed by xf
    owed_from: date | None = None

    @field_validator("number")
    @classmethod
    def _pattern(cls, value: str) -> str:
        return check_pattern(value)


class SmtpSettings(BaseModel):
    """`[smtp]`: the mail server `xf remind` sends through. The password is never stored:
    it is read from the environment variable `password_env` names."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    host: str | None = None
    port: int | None = Field(None, ge=1, le=65535)  # default: 587, 465 with ssl, 25 with none
    security: Literal["starttls", "ssl", "none"] = "starttls"
    user: str | None = None
    password_env: str | None = None
    sender: str | None = Field(None, alias="from")
    cafile: str | None = None  # the office's own CA, for a server with a private certificate
    timeout: float = Field(20.0, gt=0, le=300)


class RobotSettings(BaseModel):
    """`[robot]`: the work-group robots (`xf remind`): the message shape for a webhook that
    is neither 企业微信's nor 钉钉's own address, and how long to wait for an answer."""

    model_config = ConfigDict(extra="forbid")
    kind: Literal["wecom", "dingtalk"] = "wecom"
    timeout: float = Field(10.0, gt=0, le=120)


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    office: OfficeSettings = Field(default_factory=OfficeSettings)
    notices: NoticeSettings = Field(default_factory=NoticeSettings)
    smtp: SmtpSettings = Field(default_factory=SmtpSettings)
    robot: RobotSettings = Field(default_factory=RobotSettings)
    deadlines: DeadlineSettings = Field(default_factory=DeadlineSettings)
    holidays: dict[int, YearCalendar] = Field(default_factory=dict)

    @field_validator("holidays", mode="before")
    @classmethod
    def _years_as_ints(cls, value: object) -> object:
        if isinstance(value, dict):
            return {int(k): v for k, v in value.items()}
        return value


M = TypeVar("M", bound=BaseModel)


def parse_toml(model: type[M], text: str, origin: str, key: str) -> M:
    """A settings file (config, policy, campaign) read into `model`; a malformed one is
    exit 2 naming the file and its first fault, in the chosen language."""
    try:
        return model.model_validate(tomllib.loads(text))
    except tomllib.TOMLDecodeError as exc:
        raise BadInput(key, path=origin, reason=str(exc)) from None
    except ValidationError as exc:
        raise BadInput(key, path=origin, reason=validation_reason(exc.errors()[0])) from None


def config_path() -> Path:
    """XF_CONFIG, else `config.toml` in the data directory."""
    explicit = os.environ.get("XF_CONFIG")
    return Path(explicit) if explicit else data_dir() / "config.toml"


def default_db_path() -> Path:
    return data_dir() / "xf.db"


def office_template(names: tuple[str, ...]) -> Path | None:
    """The office's own template of a paper, if it keeps one: the first of `names`
    (`reply.docx`, `处理意见书.docx`) in the data directory's `templates/`."""
    folder = data_dir() / "templates"
    return next((folder / n for n in names if (folder / n).is_file()), None)


@cache
def _load(path: Path, mtime: float) -> Settings:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(path=str(path), reason=str(exc)) from None
    return parse_toml(Settings, text, str(path), ConfigError.key)


def load_settings() -> Settings:
    """The office's settings; defaults where the file is absent or silent."""
    path = config_path()
    if not path.exists():
        return Settings()
    return _load(path, path.stat().st_mtime)


def office_deadlines() -> "Deadlines":
    """The rules in force: config.toml's [deadlines] and [holidays], else the defaults."""
    from xinfang_cli.domain.deadlines import Calendar, Deadlines

    settings = load_settings()
    return Deadlines(settings.deadlines, Calendar(settings.holidays))


def read_file(path: Path, key: str) -> str:
    """A settings file's text (policy, campaign); unreadable is exit 2 naming the file."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise BadInput(key, path=str(path), reason=reason) from None
