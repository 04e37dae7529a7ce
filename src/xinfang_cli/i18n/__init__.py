"""One catalogue per language (zh, en), looked up by key.

The language comes from `--lang`, else XF_LANG, else the locale: English only when
the locale says English, Chinese where unsure.
"""

import os
import sys
from collections.abc import Sequence

from xinfang_cli.i18n import (
    en,
    en_access,
    en_corrections,
    en_notices,
    en_reports,
    en_search,
    en_transfer,
    en_urging,
    zh,
    zh_access,
    zh_corrections,
    zh_notices,
    zh_reports,
    zh_search,
    zh_transfer,
    zh_urging,
)

CATALOGUES: dict[str, dict[str, str]] = {
    "zh": {**zh.MESSAGES, **zh_reports.MESSAGES, **zh_transfer.MESSAGES,
           **zh_corrections.MESSAGES, **zh_search.MESSAGES, **zh_notices.MESSAGES,
           **zh_urging.MESSAGES, **zh_access.MESSAGES},
    "en": {**en.MESSAGES, **en_reports.MESSAGES, **en_transfer.MESSAGES,
           **en_corrections.MESSAGES, **en_search.MESSAGES, **en_notices.MESSAGES,
           **en_urging.MESSAGES, **en_access.MESSAGES},
}
LANGUAGES = tuple(CATALOGUES)

_current = "zh"


def detect(argv: Sequence[str] | None = None) -> str:
    """The language asked for on the command line, in XF_LANG, or by the locale."""
    args = list(sys.argv[1:] if argv is None else argv)
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return normalise(args[i + 1])
        if arg.startswith("--lang="):
            return normalise(arg.split("=", 1)[1])
    if os.environ.get("XF_LANG"):
        return normalise(os.environ["XF_LANG"])
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"


def normalise(value: str) -> str:
    """`en`, `en_US.UTF-8`, `English`, `英文` → en; anything else Chinese."""
    lowered = value.strip().lower()
    return "en" if lowered.startswith("en") or lowered in ("英文", "英语") else "zh"


_KNOWN = {"zh": "zh", "cn": "zh", "chinese": "zh", "中文": "zh", "汉语": "zh", "en": "en",
          "english": "en", "英文": "en", "英语": "en"}


def recognise(value: str) -> str | None:
    """`zh`, `zh_CN.UTF-8`, `中文`, `en`, `English` … → zh or en; anything else None."""
    lowered = value.strip().lower()
    return _KNOWN.get(lowered) or _KNOWN.get(lowered.split("_")[0].split("-")[0].split(".")[0])


def validation_reason(error: dict) -> str:  # type: ignore[type-arg]
    """One pydantic error as `where: what`, in the current language where the type is known."""
    where = ".".join(str(p) for p in error.get("loc", ()))
    ctx = error.get("ctx") or {}
    key = f"valid.{error.get('type')}"
    if key in CATALOGUES[_current]:
        bounds = {k: ctx.get(k, "") for k in ("ge", "gt", "le", "lt", "expected")}
        bounds = {k: int(v) if isinstance(v, float) and v.is_integer() else v
                  for k, v in bounds.items()}
        what = t(key, **bounds)
    else:
        what = str(error.get("msg", "")).removeprefix("Value error, ")
    return f"{where}: {what}" if where else what


def set_lang(lang: str) -> None:
    global _current
    _current = normalise(lang)


def lang() -> str:
    return _current


def t(key: str, **params: object) -> str:
    """The message `key` in the current language, filled with `params`."""
    text = CATALOGUES[_current].get(key) or CATALOGUES["en"].get(key) or key
    return text.format(**params) if params else text


set_lang(detect())
