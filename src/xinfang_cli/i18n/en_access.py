"""English messages of logins on a shared server (merged into the English catalogue):
xf access, and what a login may not do."""

MESSAGES: dict[str, str] = {
    "acc.help": "Logins on a shared PostgreSQL server: who may do what. An office login "
                "does everything; a unit login reads and writes only its units' cases; a "
                "viewer reads, masked, and writes nothing. The server itself enforces it "
                "(roles, grants, row-level security), for psql as much as for xf.",
    "acc.help.grant": "Give a login its group (office, unit or viewer) and, for a unit login, "
                      "its units. The login is the server's: create it first (createuser "
                      "--pwprompt NAME); xf never asks for or keeps a password.\n\n"
                      "Example: xf access grant wang_gcsx --role unit --unit gcsx",
    "acc.help.revoke": "Take a login out of its group; what it wrote stays in the history "
                       "under its name.",
    "acc.help.list": "The logins granted here, their groups and units.",
    "acc.arg.login": "The login's name on the server.",
    "acc.opt.role": "office (everything), unit (its units' cases) or viewer (reads, masked).",
    "acc.opt.unit": "A unit login's unit (code or exact name); repeat for several.",
    "acc.msg.granted": "{login}: {role}, units {units}.",
    "acc.msg.revoked": "{login}: no longer granted; its history stays.",
    "acc.col.login": "Login",
    "acc.col.role": "Group",
    "acc.col.units": "Units",
    "acc.col.granted_by": "Granted by",
    "acc.col.granted_at": "Granted at",
    "acc.err.sqlite": "logins are a shared server's (PostgreSQL): an SQLite file has none; "
                      "its access is the file's permissions.",
    "acc.err.unit_needs_units": "{login}: a unit login needs at least one --unit.",
    "acc.err.units_only_for_unit": "--unit goes with --role unit, not {role}.",
    "acc.err.no_login": "no login '{login}' on the server: create it first "
                        "(createuser --pwprompt {login}).",
    "acc.err.self": "{login} is the login running this command: another office login must "
                    "change it.",
    "acc.err.not_granted": "{login} has no access here (see xf access list).",
    "err.not_permitted": "{login} may not {right}: {detail}.",
    "err.not_your_case": "{login} may not touch case {case}: it belongs to a unit not "
                         "granted to this login.",
    "right.write": "write this",
    "right.read": "read this",
    "right.write_unit": "write for another unit",
    "err.by_on_server": "--by/XF_USER {by}: on a shared server the history names the login "
                        "itself ({login}); unset XF_USER or log in as {by}.",
    "right.import": "import a sheet of cases (the office's)",
    "right.campaign": "load the campaign calendar (the office's)",
    "err.office_only": "{login} (group: {role}) may not {right}.",
    "acc.view.unit": "The view of {login}: its units alone ({units}).",
    "acc.view.reader": "The view of {login} ({role}): reads every unit, writes nothing.",
}
