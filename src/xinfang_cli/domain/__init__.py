"""The rules, in pure Python: no SQL, no terminal (import-linter keeps it so).

Enumerations and their Chinese labels, the lifecycle (what may follow what), deadlines
(every time limit of the regulations), dates, registration checks, masking of personal
data, the campaign calendar, the assessment's figures and the scoring policy, the replay
of a case's history, the files' formats, and the typed errors.
"""
