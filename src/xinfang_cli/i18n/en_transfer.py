"""English messages of the transfer commands (merged into the en catalogue)."""

MESSAGES: dict[str, str] = {}
