"""``kg serve``: the GraphQL API, IDE, exports and embeds over one store, under uvicorn.

The web layer (``api/``) is imported by name inside the command, so ``kg``
itself never imports it at module load (and type-checking kg stays apart
from the web layer). One worker opens the store for writing
(mutations possible with ``KG_API_TOKEN``); several workers share it
read-only, since only one process may write a store.
"""

from __future__ import annotations

import importlib
import logging
import os
from pathlib import Path

import click

from kg.config import Settings
from kg.errors import StoreError

READ_ONLY_ENV = "KG_SERVE_READ_ONLY"


@click.command()
@click.option(
    "--store",
    "store_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="store directory (default: $KG_STORE, else the per-user data directory)",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="interface to listen on")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="server processes; more than one opens the store read-only (no mutations)",
)
@click.option(
    "--log-level",
    default="info",
    show_default=True,
    type=click.Choice(["critical", "error", "warning", "info", "debug"]),
)
def serve(store_dir: Path | None, host: str, port: int, workers: int, log_level: str) -> None:
    """Serve the GraphQL API (with its IDE at /graphql) over a store."""
    import uvicorn

    _log_to_stderr(log_level)
    settings = Settings.from_env(store_dir=store_dir)
    read_only = workers > 1
    _check_store(settings.store_dir, read_only)
    click.echo(
        f"kg: serving {settings.store_dir} on http://{host}:{port}/graphql"
        + (f" ({workers} workers, read-only)" if read_only else ""),
        err=True,
    )
    if workers == 1:
        create_app = importlib.import_module("api.app").create_app
        uvicorn.run(
            create_app(settings),
            host=host,
            port=port,
            log_level=log_level,
            access_log=_access_log(log_level),
        )
        return
    # Worker processes build their own app from the environment.
    os.environ["KG_STORE"] = str(settings.store_dir)
    os.environ[READ_ONLY_ENV] = "1"
    uvicorn.run(
        "api.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        access_log=_access_log(log_level),
    )


def _access_log(level: str) -> bool:
    """One line per request only when asked for info or debug output."""
    return level in ("info", "debug")


def _log_to_stderr(level: str) -> None:
    """kg's own messages (start-up progress, unexpected errors) on stderr, beside uvicorn's."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("kg: %(message)s"))
    logger = logging.getLogger("kg")
    logger.addHandler(handler)
    logger.setLevel(level.upper())


def _check_store(path: Path, read_only: bool) -> None:
    """Fails early, in one line, when the store cannot be opened (locked, missing, not a dir)."""
    from kg.store.oxigraph import OxigraphStore

    try:
        OxigraphStore.open(path, read_only=read_only).close()
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
