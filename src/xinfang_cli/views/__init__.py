"""The read side: what each reading command shows, as plain dicts for `render`.

`cases` (show, list), `board` (status), `overdue` (the cron check), `units`, `report`
(the weekly report), `scorecard`, `export`; `asof` decides which cases a past day must
rebuild from their history (`domain.timeline`) and counts the rest in SQL.
"""
