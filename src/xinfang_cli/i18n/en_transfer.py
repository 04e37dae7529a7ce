"""English messages of the transfer commands (merged into the en catalogue)."""

MESSAGES: dict[str, str] = {
    # --- help ---
    "help.import": "Import cases from a spreadsheet (CSV, XLSX) or JSON; every row is checked "
                   "first, and one bad row means nothing is imported. A full export "
                   "(xf export --format json --reveal) goes back whole into an empty database."
                   "\n\nColumns (English or Chinese header): unit/单位, source/来源, "
                   "received/收到日期, petitioner/信访人, summary/诉求摘要 (required); phone/联系电话, "
                   "id_number/身份证号, people/人数, backlog/积案类型, topic/问题类别, "
                   "leader/包案领导, due/办理期限, accepted/受理日期. A ledger's later columns "
                   "bring what became of each case, on the days it happened: closed/办结日期 "
                   "with outcome/办理结果 (and satisfaction/满意度), rejected/不予受理日期, "
                   "terminated/终结日期 (each with reason/理由), note/办理情况 (kept as a "
                   "follow-up).\n\n"
                   "Example: xf import cases.csv --dry-run",
    "help.export": "Export every case with its follow-ups: json (full, with history; xf import "
                   "takes it back), csv (plus FILE-followups.csv) or xlsx. Personal data is "
                   "masked unless --reveal (recorded in each case's history).\n\n"
                   "Example: xf export --format xlsx -o cases.xlsx",
    "help.backup": "Copy the database to FILE while others keep working (SQLite online backup); "
                   "the copy is checked and readable by its owner only.\n\n"
                   "Example: xf backup /var/backups/xf/xf-2018-10-12.db",
    "help.restore": "Put a backup back: FILE is checked first (integrity, schema), the current "
                    "database is kept aside as xf.db.before-restore-DATE-TIME.\n\n"
                    "Example: xf restore /var/backups/xf/xf-2018-10-12.db",
    "arg.import_file": "The file: .csv (UTF-8 or GB18030), .xlsx or .json.",
    "arg.backup_file": "Where to write the copy.",
    "arg.restore_file": "The backup to put back.",
    "opt.import_dry_run": "Only check every row; write nothing.",
    "opt.import_again": "Import a file even though the same file was imported before.",
    "opt.export_format": "json, csv or xlsx (default: from the -o file's suffix, else json).",
    "progress.import": "Importing",
    # --- confirmations ---
    "msg.imported": "{n} cases imported from {file} (batch {batch}).",
    "msg.import_checked": "{file}: {n} rows checked, all good (dry run: nothing written).",
    "msg.export_restored": "{file} restored: {cases} cases, {followups} follow-ups, {history} "
                           "history rows, {incidents} incidents, {notices} papers, {supervision} "
                           "supervision measures, {units} new units.",
    "msg.export_checked": "{file}: {cases} cases, {followups} follow-ups, {history} history "
                          "rows, {incidents} incidents, {notices} papers would be restored (dry "
                          "run: nothing written).",
    "msg.exported": "{n} cases exported to {file}.",
    "msg.backup_done": "Backup written: {file} ({cases} cases, schema {revision}, "
                       "integrity ok).",
    "msg.restore_aside": "The database as it was is kept at {aside}.",
    "msg.restored": "Restored {file} into {target}: {cases} cases, schema {revision}.",
    # --- import errors ---
    "import.row_error": "row {row}, column {column}: {reason}",
    "import.row_error_nocol": "row {row}: {reason}",
    "import.required": "required, but empty.",
    "err.import_bad_rows": "{n} bad rows in {file}: nothing imported.",
    "err.import_no_file": "no file {file}.",
    "err.import_xls": "{file} is an old Excel .xls file: save it as .xlsx or .csv first.",
    "err.import_encoding": "{file}: cannot read the text ({reason}).",
    "err.import_empty": "{file} holds no rows.",
    "err.import_malformed": "{file} cannot be read ({reason}).",
    "err.import_json_twice": "{file}: the key \"{name}\" appears twice at the top level.",
    "err.import_json_shape": "{file}: JSON must be an array of row objects, or a full export "
                             "of xf.",
    "err.import_unknown_column": "{file}: unknown column {column!r}; the columns are: "
                                 "{columns}.",
    "err.import_duplicate_column": "{file}: column {column!r} appears twice.",
    "err.import_missing_column": "{file}: required columns missing: {columns}.",
    "err.import_not_text": "{value} is not a single value.",
    "err.import_not_number": "{value!r} is not a whole number.",
    "err.import_again": "{file} was already imported on {at} (batch {batch}, {rows} rows): "
                        "nothing imported. To import it once more, add --again.",
    "err.import_export_version": "{file} is an xf export of version {version}; this xf reads "
                                 "version {supported}.",
    "err.import_export_masked": "{file} was exported with personal data masked: it cannot be "
                                "taken back. Export again with --reveal.",
    "err.import_not_empty": "a full export goes only into an empty database; {target} already "
                            "holds data ({n} cases): nothing imported.",
    "err.import_export_bad": "{file}: {where}: {reason}; nothing imported.",
    "err.export_needs_file": "--format {format} writes a file: give -o FILE.",
    # --- backup and restore ---
    "err.backup_postgres": "{target} is a PostgreSQL server: back it up with pg_dump "
                           "(pg_dump -Fc), not xf backup.",
    "err.restore_postgres": "{target} is a PostgreSQL server: restore it with pg_restore, "
                            "not xf restore.",
    "err.backup_same": "{file} is the database itself.",
    "err.backup_dir": "no directory {dir}.",
    "err.backup_failed": "the copy {file} did not pass the check ({reason}); nothing written.",
    "err.restore_no_file": "no backup file {file}.",
    "err.restore_damaged": "{file} is damaged or not a database ({reason}): nothing restored.",
    "err.restore_not_xf": "{file} is not an xf database: nothing restored.",
    "err.restore_newer": "{file} has schema {revision}, newer than this xf ({head}): upgrade xf "
                         "first; nothing restored.",
}
