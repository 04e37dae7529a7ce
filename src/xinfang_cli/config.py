"""Where the data lives and the office's settings (`config.toml` in the data directory).

Every key has a default, so the file is optional; `xf config` prints the one in force.
"""

import os
import tomllib
from datetime import date
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import ConfigError
from .paths import data_dir


class Counting(StrEnum):
    CALENDAR = "calendar"  # 信访条例: "日" means calendar days; start day not counted
    # 民法典 art. 203: a period ending on a rest day ends on the next working day
    NEXT_WORKDAY = "next-workday"
    WORKDAYS = "workdays"  # count working days only


class YearCalendar(BaseModel):
    """The State Council's holiday list for one year: days off and make-up working days (调休)."""

    model_config = ConfigDict(extra="forbid")
    off: list[date] = Field(default_factory=list)
    work: list[date] = Field(default_factory=list)


class DeadlineSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    counting: Counting = Counting.CALENDAR
    accept_days: int = Field(15, ge=1, le=60)  # 信访工作条例 art. 22-23 (2005: art. 21-22)
    handle_days: int = Field(60, ge=1, le=180)  # art. 34 (2005: art. 33)
    extension_max_days: int = Field(30, ge=0, le=90)  # art. 34: once, at most 30 days
    review_request_days: int = Field(30, ge=1, le=90)  # art. 35: petitioner asks within 30 days
    review_days: int = Field(30, ge=1, le=90)  # art. 35-36: review / re-review answered in 30 days


class OfficeSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = "连云区教育局信访工作领导小组办公室"
    name_en: str = "Petition Office, Lianyun District Education Bureau"
    # people at or above this count as a group petition (集体访)
    group_threshold: int = Field(5, ge=2)
    warn_days: int = Field(7, ge=0, le=60)  # `xf status`: the due-soon column
    lock_timeout: float = Field(30.0, gt=0)  # seconds a writer waits for another


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    office: OfficeSettings = Field(default_factory=OfficeSettings)
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
    from .errors import BadInput
    from .i18n import validation_reason

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
