"""Persistence: the models, the engine and its transactions, the migrations runner, the
repository helpers, bulk inserts, and whole-database work (integrity check, copy between
backends, `xf backup` and the restore of a backup). Knows nothing of the terminal.
"""
