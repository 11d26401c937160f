"""`actlab bench` and `actlab report`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import TextColumn, TimeElapsedColumn, TimeRemainingColumn

from actlab.cli.app import app, fail, interrupted, progress_bar, render, say
from actlab.errors import ActlabError


@app.command()
def bench(
    suite: Annotated[str, typer.Option(help="Budget: quick, standard or full.")] = "quick",
    acts: Annotated[
        str,
        typer.Option(
            help="Nonlinearities and gated blocks, e.g. relu,gelu,swish:beta=2,swiglu (params "
            "after ':')."
        ),
    ] = "relu,gelu,swish,mish,selu,snake",
    tasks: Annotated[str | None, typer.Option(help="Comma-separated tasks (default: all).")] = None,
    seeds: Annotated[
        int, typer.Option(help="Seeds per run (0..N-1); 3 or more for intervals and tests.")
    ] = 3,
    db: Annotated[
        str | None, typer.Option(help="Database URL (default: sqlite:///OUT/bench.sqlite).")
    ] = None,
    backend: Annotated[str, typer.Option(help="local (process pool) or ray.")] = "local",
    workers: Annotated[int | None, typer.Option(help="Parallel runs (default: CPU count).")] = None,
    ray_address: Annotated[
        str | None,
        typer.Option(
            help="Ray cluster to join ('auto': the running one); default: a local instance."
        ),
    ] = None,
    out: Annotated[str, typer.Option(help="Directory for the database and report.html.")] = (
        "results"
    ),
    data_dir: Annotated[
        Path | None,
        typer.Option(help="Where datasets are (else $ACTLAB_DATA, then the user cache)."),
    ] = None,
    device: Annotated[str, typer.Option(help="cpu or cuda.")] = "cpu",
    baseline: Annotated[
        str, typer.Option(help="Nonlinearity the others are tested against.")
    ] = "relu",
    retry_failed: Annotated[
        bool, typer.Option("--retry-failed", help="Rerun the runs stored as failed.")
    ] = False,
    attn: Annotated[
        str | None,
        typer.Option(
            help="Attention normalizers, a second axis for tasks with attention, e.g. "
            "softmax,sigmoid,relu_l,ssmax:s=0.5 (default: softmax)."
        ),
    ] = None,
) -> None:
    """Train every task with every nonlinearity over seeds, store the runs, write the report.

    Exits with status 1 when a run of this invocation failed; SIGTERM and SIGHUP stop it like
    Ctrl-C, keeping every completed run."""
    from actlab.bench import run

    with progress_bar(
        False, TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn()
    ) as progress:
        bar = progress.add_task("bench", total=None, entry="")

        def update(state) -> None:
            last = state.last
            label = (
                f"{last.key.task}/{last.key.model} {last.key.act} s{last.key.seed}" if last else ""
            )
            progress.update(bar, total=state.total, completed=state.done, entry=label)
            if last is not None and last.status != "ok":
                say(f"failed {label}: {last.reason}", stderr=True, style="yellow")

        try:
            result = run(
                suite=suite,
                acts=acts,
                tasks=tasks,
                seeds=seeds,
                db=db,
                out=out,
                backend=backend,
                workers=workers,
                ray_address=ray_address,
                data_dir=data_dir,
                device=device,
                baseline=baseline,
                retry_failed=retry_failed,
                attention=attn,
                progress=update,
            )
        except KeyboardInterrupt:
            raise interrupted() from None
        except ActlabError as err:
            raise fail(err) from None
    for table in result.tables():
        render(table)
    say(result.line)
    if result.failed:
        raise typer.Exit(1)


@app.command()
def report(
    db: Annotated[str, typer.Option(help="Database URL, e.g. sqlite:///results/bench.sqlite.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path(
        "report.html"
    ),
    baseline: Annotated[
        str, typer.Option(help="Nonlinearity the others are tested against.")
    ] = "relu",
    suite: Annotated[str | None, typer.Option(help="Only runs of this suite.")] = None,
) -> None:
    """Write the HTML report of a results database."""
    from actlab.bench import ActChoice, Store
    from actlab.bench.report import collect, write_report

    try:
        store = Store(db, create=False)
        data = collect(store, ActChoice.of(baseline).label, suite)
        if not data.runs:
            raise ActlabError(f"no runs{f' of suite {suite}' if suite else ''} in "
                              f"{store.display_url}")
        path = write_report(data, output)
    except ActlabError as err:
        raise fail(err) from None
    say(f"wrote {path}")
