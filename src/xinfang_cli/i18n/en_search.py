"""English messages of the commands that find: xf search, xf petitioner, repeat warnings."""

MESSAGES: dict[str, str] = {
    "help.search": "Find cases by their words: in the summary, topic, leader, reasons (rejected, "
                   "terminated, extended, escalated) and follow-up notes; Chinese is matched as "
                   "written, no word splitting needed.\n\n"
                   "Several words must all occur; best matches first (the summary weighs most), "
                   "then the newest; the words are marked on a terminal. Personal data is "
                   "masked. A word under three characters works too (every case is read).\n\n"
                   "Example: xf search 绩效工资 --unit dagang",
    "arg.search": "The words to find (separated by spaces; all must occur).",
    "opt.search_limit": "List at most N cases (default 50).",
    "help.petitioner": "Every case of one petitioner, across units and years, newest first.\n\n"
                       "Found by phone, ID number, or name (with --unit for one unit), compared "
                       "inside the database: nothing personal is shown to find them; --reveal "
                       "shows it, and is recorded.\n\n"
                       "Example: xf petitioner --phone 13812345678",
    "opt.find_phone": "Find by phone (spaces and dashes ignored).",
    "opt.find_id_number": "Find by resident ID number.",
    "opt.find_name": "Find by the petitioner's name (add --unit where names repeat).",
    "err.search_empty": "give the words to find: xf search 绩效工资.",
    "err.limit": "--limit {value}: must be a whole number from 1 to 1000000.",
    "err.petitioner_no_key": "give one of --phone, --id-number or --name.",
    "err.petitioner_one_key": "give only one of --phone, --id-number and --name.",
    "err.petitioner_blank_name": "--name: the name is blank.",
    "search.field.summary": "summary",
    "search.field.topic": "topic",
    "search.field.leader": "leader",
    "search.field.reasons": "reasons",
    "search.field.notes": "notes",
    "search.count": "{n} found (best matches first).",
    "search.count_limit": "The {n} best matches; there may be more (--limit N shows more).",
    "search.none": "Nothing found.",
    "search.where": "matched in: {fields}",
    "repeat.key.id_number": "same ID number",
    "repeat.key.phone": "same phone",
    "repeat.key.name": "same name at the unit",
    "repeat.found": "petitioner {name} already has {n} case(s) ({keys}):",
    "repeat.found_newest": "petitioner {name} already has {n} cases ({keys}); the newest {shown}:",
    "repeat.hint": "if this is a repeat petition, mark it: xf edit {id} --repeat-of {earlier} "
                   "(or another listed case).",
    "prompt.repeat_of": "Is it a repeat of one of these? Number or case id; Enter for no",
    "prompt.repeat_again": "Type a number from 1 to {n}, a listed case id, or just Enter.",
    "import.repeat": "row {row}{given}: petitioner {name} already has case(s) {cases} ({by}).",
    "import.repeat_rows": "row {row}{given}: petitioner {name} as in row(s) {rows} of this file ({by}).",
    "import.repeat_more": "… and {n} more row(s) like these.",
    "import.repeat_hint": "for a repeat petition, add a repeat_of column (重复信访) with the "
                          "earlier case's id, and import again.",
    "opt.edit_repeat_of": "Mark as a repeat petition of that case (\"\" clears it).",
    "err.repeat_of_itself": "--repeat-of: {id} cannot be a repeat of itself.",
    "import.row_case": " (now {id})",
    "search.sep": ", ",
    "import.repeat_edit": "for a repeat petition, mark it with xf edit NEW-ID --repeat-of "
                          "EARLIER-ID.",
}
