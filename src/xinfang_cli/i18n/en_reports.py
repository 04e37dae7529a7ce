"""English messages of the reports commands (merged into the en catalogue)."""

MESSAGES: dict[str, str] = {}
