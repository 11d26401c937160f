"""The Typer app every command module registers on, and the Rich rendering they share."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table as RichTable

from actlab.tables import Table

app = typer.Typer(
    help="actlab: the laboratory for neural-network nonlinearities.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console()
errors = Console(stderr=True)
STYLES = {"ok": "green", "FAIL": "bold red", "n/a": "dim", "better": "green", "worse": "red"}


def fail(err: Exception) -> typer.Exit:
    """Print an actlab error on one line; the command exits with status 2."""
    errors.print(f"[bold red]error:[/] {err}", highlight=False)
    return typer.Exit(2)


def interrupted() -> typer.Exit:
    """Say that a killed sweep or search keeps its completed runs; exit status 130."""
    errors.print("interrupted: every completed run is stored; rerun the same command to continue")
    return typer.Exit(130)


def render(table: Table, markdown: bool = False) -> None:
    """A table in the terminal (Rich), or as markdown on stdout."""
    if markdown:
        print("\n\n".join(part for part in (table.markdown(), table.note) if part))
        return
    rich = RichTable(
        title=table.title or None, title_justify="left", show_header=any(table.columns)
    )
    for column in table.columns:
        rich.add_column(column, overflow="fold")
    for row in table.rows:
        rich.add_row(
            *(f"[{STYLES[c.split()[0]]}]{c}[/]" if c and c.split()[0] in STYLES else c for c in row)
        )
    console.print(rich)
    if table.note:
        console.print(table.note, highlight=False)


def progress_bar(disable: bool = False, *extra) -> Progress:
    """A transient progress bar on stderr; `extra` columns replace the time remaining."""
    columns = extra or (TimeRemainingColumn(),)
    return Progress(
        TextColumn("{task.description} {task.fields[entry]:<24}"),
        BarColumn(),
        MofNCompleteColumn(),
        *columns,
        console=errors,
        transient=True,
        disable=disable,
    )
