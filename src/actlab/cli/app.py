"""The Typer app every command module registers on, and the Rich rendering they share."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.markup import escape
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


def fail(err: Exception | str) -> typer.Exit:
    """Print an actlab error on one line, its text literally; the command exits with status 2."""
    errors.print(f"[bold red]error:[/] {escape(str(err))}", highlight=False, soft_wrap=True)
    return typer.Exit(2)


def say(text: str, *, stderr: bool = False, style: str | None = None) -> None:
    """Print ``text`` literally (square brackets in names and paths are not markup)."""
    (errors if stderr else console).print(escape(text), style=style, highlight=False,
                                          soft_wrap=True)


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
        title=escape(table.title) or None, title_justify="left", show_header=any(table.columns)
    )
    for column in table.columns:
        rich.add_column(escape(column), overflow="fold")
    for row in table.rows:
        rich.add_row(*(_styled(c) for c in row))
    console.print(rich)
    if table.note:
        say(table.note)


def _styled(cell: str) -> str:
    """A table cell as markup: its text literal, coloured by its first word (ok, FAIL...)."""
    style = STYLES.get(cell.split()[0]) if cell and cell.split() else None
    return f"[{style}]{escape(cell)}[/]" if style else escape(cell)


def progress_bar(disable: bool = False, *extra) -> Progress:
    """A transient progress bar on stderr; `extra` columns replace the time remaining."""
    columns = extra or (TimeRemainingColumn(),)
    return Progress(
        TextColumn("{task.description} {task.fields[entry]:<24}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        *columns,
        console=errors,
        transient=True,
        disable=disable,
    )
