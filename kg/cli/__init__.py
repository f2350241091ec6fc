"""The ``kg`` command line: a thin layer that parses flags, calls the library, prints.

Each command family lives in its own module and is imported only when its
command runs, so ``kg extract`` does not pay for importing the web stack.
Library errors (``KgError``) become one-line messages and exit code 1.
"""

from __future__ import annotations

import importlib
import sys

import click

from kg.errors import KgError

#: command name -> "module:attribute" of its click command
COMMANDS: dict[str, str] = {
    "extract": "kg.cli.store_cmds:extract",
    "ingest": "kg.cli.store_cmds:ingest",
    "export": "kg.cli.store_cmds:export",
    "stats": "kg.cli.store_cmds:stats",
    "validate": "kg.cli.store_cmds:validate",
    "retract": "kg.cli.store_cmds:retract",
    "graph": "kg.cli.graph_cmds:graph",
    "serve": "kg.cli.serve_cmd:serve",
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        command: click.Command = getattr(importlib.import_module(module_name), attr)
        return command


@click.group(cls=LazyGroup)
@click.version_option(package_name="kg")
def cli() -> None:
    """kg: turn conflict news articles into an evidence-carrying knowledge graph."""


def main() -> None:
    try:
        code = cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except KgError as exc:
        click.echo(f"kg: error: {exc}", err=True)
        sys.exit(1)
    except BrokenPipeError:
        sys.exit(0)
    sys.exit(code if isinstance(code, int) else 0)
