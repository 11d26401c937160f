"""`actlab search` and `actlab identify`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from actlab.cli.app import app, console, fail, interrupted, progress_bar, render
from actlab.errors import ActlabError


@app.command()
def search(
    task: Annotated[str, typer.Option(help="Benchmark task the candidates are trained on.")] = (
        "digits"
    ),
    model: Annotated[str | None, typer.Option(help="Model of the task (default: its first).")] = (
        None
    ),
    strategy: Annotated[str, typer.Option(help="random, evolution or surrogate.")] = "surrogate",
    budget_runs: Annotated[int, typer.Option(help="Candidates to train (one run each).")] = 100,
    seed: Annotated[int, typer.Option(help="Seed of the search's own choices.")] = 0,
    suite: Annotated[str, typer.Option(help="Training budget of each run.")] = "quick",
    db: Annotated[
        str | None, typer.Option(help="Database URL (default: sqlite:///OUT/search.sqlite).")
    ] = None,
    out: Annotated[Path, typer.Option(help="Directory for the database and the record.")] = Path(
        "results"
    ),
    backend: Annotated[str, typer.Option(help="local (process pool) or ray.")] = "local",
    workers: Annotated[int | None, typer.Option(help="Parallel runs (default: CPU count).")] = None,
    ray_address: Annotated[str | None, typer.Option(help="Ray cluster to join.")] = None,
    batch: Annotated[int, typer.Option(help="Candidates proposed and trained at a time.")] = 8,
    max_units: Annotated[int, typer.Option(help="Core units per candidate at most.")] = 2,
    finalists: Annotated[int, typer.Option(help="Best candidates re-run over seeds.")] = 3,
    finalist_seeds: Annotated[int, typer.Option(help="Seeds of the finalists' re-runs.")] = 5,
) -> None:
    """Search nonlinearities: propose, train through the benchmark store, compare finalists
    with relu, swish and gelu. A killed search resumes when rerun with the same arguments."""
    from actlab.search import run

    with progress_bar() as progress:
        bar = progress.add_task("search", total=budget_runs, entry=strategy)
        try:
            result = run(
                task=task,
                model=model,
                strategy_name=strategy,
                budget_runs=budget_runs,
                seed=seed,
                suite=suite,
                db=db,
                out=out,
                backend=backend,
                workers=workers,
                ray_address=ray_address,
                batch=batch,
                max_units=max_units,
                finalists=finalists,
                finalist_seeds=finalist_seeds,
                progress=lambda done, total: progress.update(bar, completed=done),
            )
        except KeyboardInterrupt:
            raise interrupted() from None
        except ActlabError as err:
            raise fail(err) from None
    render(result.table())
    if result.finalists:
        render(result.finalist_table())
        for finalist in result.finalists:
            console.print(finalist.define_text, highlight=False)
    console.print(f"record: {result.record}; runs in {result.db}", highlight=False)


@app.command()
def identify(
    formula: Annotated[str, typer.Argument(help="Formula in x, e.g. 'x*sigmoid(1.702*x)'.")],
    top: Annotated[int, typer.Option(help="How many entries to list after the equal ones.")] = 5,
    markdown: Annotated[bool, typer.Option(help="Print a markdown table.")] = False,
) -> None:
    """The catalog entries nearest to a formula: equal ones first, then by sup-norm distance on
    [-6, 6] after fitting each entry's parameters."""
    from actlab.catalog import identify as nearest
    from actlab.tables import Table

    try:
        matches = nearest(formula, top=top)
    except ActlabError as err:
        raise fail(err) from None
    rows = [
        (
            m.name,
            m.verdict,
            f"{m.distance:.3g}",
            ", ".join(f"{k}={v:.6g}" for k, v in m.params.items()) or "-",
        )
        for m in matches
    ]
    render(
        Table.of(
            ("entry", "verdict", "sup-norm on [-6, 6]", "fitted parameters"),
            rows,
            f"nearest catalog entries to {formula}",
        ),
        markdown,
    )
