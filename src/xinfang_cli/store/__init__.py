"""Persistence: the models, the engine and its transactions, the migrations runner, the
repository helpers, bulk inserts, and whole-database work (integrity check, copy between
backends, backup and restore). Knows nothing of the terminal.
"""
