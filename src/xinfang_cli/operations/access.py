"""`xf access`: who may do what on a shared PostgreSQL server (revision 0009).

A login belongs to one group role (`xf_office`, `xf_unit`, `xf_viewer`); `access_login`
and `access_unit` say which, and a unit login's units, for the row-level security
policies. The login itself is the server's business (`createuser --pwprompt NAME`, a
password in `~/.pgpass`): xf never creates one, nor asks for or keeps a password. The
server itself refuses a login that may not grant (exit 4).
"""

from sqlalchemy import text
from sqlmodel import Session

from xinfang_cli.domain.enums import AccessRole
from xinfang_cli.domain.errors import BadInput
from xinfang_cli.store.db import on_server
from xinfang_cli.store.repository import find_unit

GROUPS = {AccessRole.OFFICE: "xf_office", AccessRole.UNIT: "xf_unit",
          AccessRole.VIEWER: "xf_viewer"}


def grant(session: Session, login: str, role: AccessRole, units: list[str]) -> list[str]:
    """Make `login` a member of `role`'s group alone, with `units` (a unit login's, at least
    one; none for the others). Returns the unit codes."""
    on_server(session)
    if role is AccessRole.UNIT and not units:
        raise BadInput("acc.err.unit_needs_units", login=login)
    if role is not AccessRole.UNIT and units:
        raise BadInput("acc.err.units_only_for_unit", role=str(role))
    if not session.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :n AND rolcanlogin"),
                          {"n": login}):
        raise BadInput("acc.err.no_login", login=login)
    if login == session.scalar(text("SELECT session_user")) and role is not AccessRole.OFFICE:
        raise BadInput("acc.err.self", login=login)
    found = [find_unit(session, ref) for ref in units]
    quoted = _quoted(session, login)
    for group in _groups_of(session, login):
        if group != GROUPS[role]:
            session.execute(text(f"REVOKE {group} FROM {quoted}"))
    # an office login may grant in its turn (PostgreSQL checks the admin option)
    admin = " WITH ADMIN OPTION" if role is AccessRole.OFFICE else ""
    session.execute(text(f"GRANT {GROUPS[role]} TO {quoted}{admin}"))
    session.execute(text(
        "INSERT INTO access_login (login, role) VALUES (:n, :r) ON CONFLICT (login) DO "
        "UPDATE SET role = excluded.role, granted_by = session_user, granted_at = now()"),
        {"n": login, "r": str(role)})
    session.execute(text("DELETE FROM access_unit WHERE login = :n"), {"n": login})
    for unit in found:
        session.execute(text("INSERT INTO access_unit (login, unit_id) VALUES (:n, :u) "
                             "ON CONFLICT DO NOTHING"), {"n": login, "u": unit.id})
    return sorted({u.code for u in found})


def revoke(session: Session, login: str) -> None:
    """Take `login` out of every group and forget its units; its history stays as written."""
    on_server(session)
    if not session.scalar(text("SELECT 1 FROM access_login WHERE login = :n"), {"n": login}):
        raise BadInput("acc.err.not_granted", login=login)
    if login == session.scalar(text("SELECT session_user")):
        raise BadInput("acc.err.self", login=login)
    quoted = _quoted(session, login)
    for group in _groups_of(session, login):
        session.execute(text(f"REVOKE {group} FROM {quoted}"))
    session.execute(text("DELETE FROM access_login WHERE login = :n"), {"n": login})


def _groups_of(session: Session, login: str) -> list[str]:
    """The xf groups `login` is a direct member of."""
    return list(session.scalars(text(
        "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
        "JOIN pg_roles l ON l.oid = m.member WHERE l.rolname = :n AND g.rolname = ANY(:g)"),
        {"n": login, "g": list(GROUPS.values())}))


def _quoted(session: Session, login: str) -> str:
    """The login as an SQL identifier, quoted by the server (`quote_ident`)."""
    return str(session.scalar(text("SELECT quote_ident(:n)"), {"n": login}))
