"""The write side: every operation that changes the record, each one unit of work.

`op` (what every operation shares), `cases` (registering and the lifecycle), `units`,
`incidents`, `deadlines` (recomputing under new rules), `importing/` (a spreadsheet
read, checked row by row, written in bulk), `restore` (a full export taken back) and
`sample` (the demo office).
"""
