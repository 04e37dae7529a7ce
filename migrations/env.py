"""Alembic environment: the schema is SQLModel's metadata; SQLite gets batch mode."""

from alembic import context
from sqlalchemy import create_engine
from sqlmodel import SQLModel

import xinfang_cli.store.models  # noqa: F401  (registers the tables)
import xinfang_cli.store.notices  # noqa: F401
import xinfang_cli.store.records  # noqa: F401
import xinfang_cli.store.supervision  # noqa: F401
from xinfang_cli.store.migrate import modelled

config = context.config
target_metadata = SQLModel.metadata


def _configure(connection) -> None:  # type: ignore[no-untyped-def]
    xinfang_cli.store.models.partial_indexes()
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite has almost no ALTER TABLE
        compare_type=True,
        include_name=modelled,
    )


def run_migrations_offline() -> None:
    context.configure(url=config.get_main_option("sqlalchemy.url"),
                      target_metadata=target_metadata, literal_binds=True,
                      render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    try:
        with engine.connect() as connection:
            _configure(connection)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()  # the pool's connections closed now, not left to the collector


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
