"""`xf access list`: the logins granted on a shared server and their units (revision 0009).
An office login sees them all; any other, its own (the server's row-level security)."""

from typing import Any

from sqlalchemy import text
from sqlmodel import Session

from xinfang_cli.store.db import on_server


def logins(session: Session) -> list[dict[str, object]]:
    """Every login granted here (an office login sees all, another its own), with its units."""
    on_server(session)
    rows = session.execute(text(
        "SELECT l.login, l.role, l.granted_by, l.granted_at, "
        "  coalesce(array_agg(u.code ORDER BY u.code) FILTER (WHERE u.code IS NOT NULL), "
        "           '{}') AS units "
        "FROM access_login l LEFT JOIN access_unit a ON a.login = l.login "
        "LEFT JOIN unit u ON u.id = a.unit_id "
        "GROUP BY l.login, l.role, l.granted_by, l.granted_at ORDER BY l.login"))
    return [{"login": r.login, "role": r.role, "units": list(r.units),
             "granted_by": r.granted_by, "granted_at": r.granted_at.replace(microsecond=0)}
            for r in rows]


def scope(session: Session) -> dict[str, object] | None:
    """Whose view a board or report is, where it is not the whole office's: a unit login's
    (its units) or a viewer's; None on SQLite, for an office login and for a superuser."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    row = session.execute(text(
        "SELECT session_user AS login, r.rolsuper, a.role, "
        "  (SELECT coalesce(array_agg(u.code ORDER BY u.code), '{}') FROM access_unit x "
        "   JOIN unit u ON u.id = x.unit_id WHERE x.login = session_user) AS units "
        "FROM pg_roles r LEFT JOIN access_login a ON a.login = session_user "
        "WHERE r.rolname = session_user")).one()
    if row.rolsuper or row.role == "office":
        return None
    return {"login": row.login, "role": row.role, "units": list(row.units)}


def only_theirs(data: dict[str, object], view: dict[str, object] | None) -> dict[str, object]:
    """A unit login's board, report or scorecard: its units' rows alone (the others' cases
    are not its to see, so their rows would only show zeros), and whose view it is."""
    data["view"] = view
    if view is not None and view["role"] == "unit":
        mine = set(view["units"])  # type: ignore[arg-type]
        data["units"] = [u for u in data["units"] if u["unit"] in mine]  # type: ignore[attr-defined,index]
    return data


def summary_theirs(data: dict[str, Any], view: dict[str, object] | None) -> dict[str, Any]:
    """The campaign summary as `only_theirs` has the other reports: a unit login's units
    alone, in its backlog table, its months and its scorecard."""
    data["view"] = view
    if view is not None and view["role"] == "unit":
        mine = set(view["units"])  # type: ignore[arg-type]
        data["backlog"]["units"] = [u for u in data["backlog"]["units"] if u["unit"] in mine]
        data["scorecard"] = only_theirs(data["scorecard"], view)
        for month in data["months"]:
            month["by_unit"] = {k: n for k, n in month["by_unit"].items() if k in mine}
    return data
