"""The atlas command: every catalog entry on one offline HTML page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from actlab.cli.app import app, console, fail, progress_bar
from actlab.errors import ActlabError


@app.command()
def atlas(
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path(
        "atlas.html"
    ),
    db: Annotated[
        str | None, typer.Option(help="Results database URL: adds each entry's benchmark ranks.")
    ] = None,
) -> None:
    """Write the atlas: a searchable, interactive card for every entry, in one offline file."""
    from actlab.atlas import write_atlas
    from actlab.catalog import catalog

    specs = catalog()
    with progress_bar() as progress:
        task = progress.add_task("atlas", total=len(specs), entry="")
        try:
            path = write_atlas(
                output, db, specs, lambda name: progress.update(task, advance=1, entry=name)
            )
        except ActlabError as err:
            raise fail(err) from None
    console.print(f"wrote {path} ({len(specs)} entries, {path.stat().st_size / 1e6:.1f} MB)")
