"""`xf edit ID` on a terminal with no field named: the case's registration as a TOML form in
`$VISUAL` or `$EDITOR` (like `task edit` or `kubectl edit`). The changes are shown field
by field and asked for before anything is written; a form that does not read, or a value
that breaks a rule, is opened again with the fault written at its top, never half applied.
"""

import os
import shlex
import subprocess
import tempfile
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from xinfang_cli.domain.enums import Backlog, Source, choices_text
from xinfang_cli.domain.errors import BadInput
from xinfang_cli.i18n import t

FIELDS = ("petitioner", "phone", "id_number", "people", "summary", "topic", "source",
          "backlog", "received", "due", "repeat_of", "reason")


def form(case: Any) -> str:
    """The editable fields of `case` as a TOML form, with how to fill it in."""
    values = {"petitioner": case.petitioner, "phone": case.phone or "",
              "id_number": case.id_number or "", "people": case.people,
              "summary": case.summary, "topic": case.topic or "", "source": case.source,
              "backlog": case.backlog or "", "received": case.received,
              "due": case.superior_due or "", "repeat_of": case.repeat_of or "", "reason": ""}
    lines = [f"# {line}" for line in t("form.head", id=case.id).splitlines()]
    lines += [f"# source: {choices_text(Source)}", f"# backlog: {choices_text(Backlog)}", ""]
    for name in FIELDS:
        lines.append(f"{name} = {_toml(values[name])}")
    return "\n".join(lines) + "\n"


def _toml(value: object) -> str:
    if isinstance(value, date | int):
        return value.isoformat() if isinstance(value, date) else str(value)
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def read(text: str) -> tuple[dict[str, object], str | None]:
    """The form as `xf edit` options (`wanted`, and the reason); BadInput naming the fault."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise BadInput("err.form_toml", reason=str(exc)) from None
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        raise BadInput("err.form_unknown", names=", ".join(unknown), fields=", ".join(FIELDS))
    wanted: dict[str, object] = {}
    for name in FIELDS[:-1]:
        if name in data:
            wanted[name] = _value(name, data[name])
    reason = str(data.get("reason") or "").strip() or None
    return wanted, reason


def _value(name: str, value: object) -> object:
    """A form's value as the option would give it: dates as text, "" as none."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise BadInput("err.form_value", name=name, value=value)
    if name == "people":
        if isinstance(value, int):
            return value
        try:
            return int(value)
        except ValueError:
            raise BadInput("err.form_value", name=name, value=value) from None
    return value


def edit_in_editor(text: str, fault: str | None) -> str:
    """Open the form (with the last fault at its top) in the clerk's editor; its text after."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    if fault:
        text = "".join(f"# {t('form.fault')} {line}\n" for line in fault.splitlines()) + text
    with tempfile.TemporaryDirectory(prefix="xf-edit-") as folder:  # private: personal data
        path = Path(folder) / "case.toml"
        path.write_text(text, encoding="utf-8")
        try:
            code = subprocess.call([*shlex.split(editor), str(path)])
        except OSError as exc:
            raise BadInput("err.form_editor", editor=editor, reason=exc.strerror) from None
        if code != 0:
            raise BadInput("err.form_editor", editor=editor, reason=f"exit {code}")
        return path.read_text(encoding="utf-8")


def without_faults(text: str) -> str:
    """The form less the fault lines an earlier round wrote at its top."""
    mark = f"# {t('form.fault')} "
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith(mark))


