"""Units (责任单位): registering one."""

import re

from sqlalchemy import func, select

from xinfang_cli.domain.enums import UnitKind
from xinfang_cli.domain.errors import BadInput
from xinfang_cli.domain.registration import blank, fits
from xinfang_cli.operations.op import Op
from xinfang_cli.store.models import Unit

_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")


def add_unit(op: Op, code: str, name: str, kind: UnitKind, head: str | None = None,
             leader: str | None = None) -> Unit:
    """Register a responsible unit (责任单位); its code is ASCII, its name Chinese."""
    code, name = code.strip(), name.strip()
    if not _CODE.match(code):
        raise BadInput("err.unit_code", value=code)
    if not name:
        raise BadInput("err.empty", field="NAME")
    fits(code, 40, "CODE")
    fits(name, 200, "NAME")
    fits(head, 100, "--head")
    fits(leader, 100, "--leader")
    # a code or name must name one unit only, whichever way `--unit` is written
    for value in (code, name):
        clash = op.session.scalar(select(Unit).where(
            (func.lower(Unit.code) == value.lower()) | (Unit.name == value)))
        if clash is not None:
            raise BadInput("err.unit_exists", value=value)
    unit = Unit(code=code, name=name, kind=str(kind), head=blank(head), leader=blank(leader))
    op.session.add(unit)
    op.session.flush()
    return unit
