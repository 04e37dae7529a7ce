"""The office's files on disk: where the data directory is, `config.toml` (settings and the
deadline rules in force), the campaign calendar and the scoring policy.

Light on purpose: `config.paths` is read by the console script before anything heavy.
"""
