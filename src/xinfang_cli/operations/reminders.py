"""A reminder sent is part of each listed case's record: one history row per case (action
`remind`, the channel as its field, the recipient as its value, a webhook without its key).
A message once sent cannot be taken back: the rows carry no command (`xf undo` passes
them by, as it does a reveal)."""

from xinfang_cli.domain.reminders import Reminder, shown_recipient
from xinfang_cli.operations.op import Op
from xinfang_cli.store.repository import record


def record_reminder(op: Op, rem: Reminder, channel: str, recipient: str) -> int:
    """Write the rows of one reminder sent on `channel`; returns how many cases it listed."""
    shown = shown_recipient(channel, recipient)
    for entry in rem.cases:
        record(op.session, entry["id"], op.today, op.by, "remind", [(channel, None, shown)])
    op.session.flush()
    return len(rem.cases)
