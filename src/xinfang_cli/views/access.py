"""`xf access list`: the logins granted on a shared server and their units (revision 0009).
An office login sees them all; any other, its own (the server's row-level security)."""

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
