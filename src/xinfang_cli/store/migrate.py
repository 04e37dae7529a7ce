"""Running the Alembic revisions in `migrations/` (shipped inside the package)."""

from pathlib import Path

from sqlalchemy import Engine

from xinfang_cli.config.paths import shipped


def migrations_dir() -> Path:
    """The Alembic revisions (`migrations/`), shipped inside the package."""
    return shipped("migrations", "env.py")


def alembic_config(url: str):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def modelled(name, type_, parent_names) -> bool:  # type: ignore[no-untyped-def]
    """What autogenerate compares with the models: all but what revisions 0006, 0007, 0009
    and 0010 made by hand: the search index (written by triggers alone, with SQLite's FTS5
    tables behind it), the index on a phone's digits (an expression index, which SQLite's
    reflection skips), the partial indexes of the extended, reviewed and terminated cases
    and of the backlog cases (0010), and PostgreSQL's logins and their units (`access_*`).
    (Revision 0011's views live in their own schema, which autogenerate does not read; its
    index for the policies, PostgreSQL's alone, is left out too.)"""
    if type_ == "table":  # and revision 0009's logins, PostgreSQL's alone
        return not str(name).startswith(("case_search", "access_"))
    return not (type_ == "index" and name in ("ix_case_phone", "ix_case_stages",
                                              "ix_case_backlog", "ix_case_unit_ids"))


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` in one transaction (DDL is transactional on both backends)."""
    from alembic import command

    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head() or ""
