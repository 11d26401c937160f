"""The `actlab` command line: parses arguments, calls the library, renders its tables and
progress with Rich. It holds no logic of its own."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table as RichTable

from actlab.catalog import catalog, listing, lookup
from actlab.errors import ActlabError
from actlab.tables import Table

app = typer.Typer(help="actlab: the laboratory for neural-network nonlinearities.",
                  no_args_is_help=True, add_completion=False)
console = Console()
errors = Console(stderr=True)
STYLES = {"ok": "green", "FAIL": "bold red", "n/a": "dim", "better": "green", "worse": "red"}


def _fail(err: Exception) -> typer.Exit:
    errors.print(f"[bold red]error:[/] {err}", highlight=False)
    return typer.Exit(2)


def _show(table: Table, markdown: bool = False) -> None:
    """A table in the terminal (Rich), or as markdown on stdout."""
    if markdown:
        print("\n\n".join(part for part in (table.markdown(), table.note) if part))
        return
    rich = RichTable(title=table.title or None, title_justify="left",
                     show_header=any(table.columns))
    for column in table.columns:
        rich.add_column(column, overflow="fold")
    for row in table.rows:
        rich.add_row(*(f"[{STYLES[c.split()[0]]}]{c}[/]" if c and c.split()[0] in STYLES else c
                       for c in row))
    console.print(rich)
    if table.note:
        console.print(table.note, highlight=False)


def _progress(disable: bool = False, *extra) -> Progress:
    columns = extra or (TimeRemainingColumn(),)
    return Progress(TextColumn("{task.description} {task.fields[entry]:<24}"), BarColumn(),
                    MofNCompleteColumn(), *columns, console=errors, transient=True,
                    disable=disable)


@app.command("list")
def list_(
    family: Annotated[str | None, typer.Option(help="Only this family.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON array on stdout.")] = False,
    markdown: Annotated[bool, typer.Option("--markdown", help="The docs/catalog.md page.")] = False,
) -> None:
    """List the catalog."""
    try:
        specs = catalog(family=family)
    except ActlabError as err:
        raise _fail(err) from None
    if as_json:
        print(json.dumps([listing.record(s) for s in specs], indent=1))
    elif markdown:
        print(listing.page(specs))
    else:
        _show(listing.table(specs))


@app.command()
def show(name: Annotated[str, typer.Argument(help="Name or alias.")]) -> None:
    """Formula, derivative, parameters, properties and citation of one entry."""
    try:
        spec = lookup(name)
    except ActlabError as err:
        raise _fail(err) from None
    rows = [("family", spec.family)]
    rows += [("aliases", ", ".join(spec.aliases))] if spec.aliases else []
    rows += [("about", spec.description)] if spec.description else []
    rows += [("f(x)", spec.formula), ("f'(x)", str(spec.expression.derivative()))]
    if spec.custom_backward:
        rows.append(("backward", f"d/dx of {spec.derivative} = {spec.derivative_expression()}"))
    rows.append(("LaTeX", spec.expression.latex()))
    rows += [(f"param {p.name}", f"{p.default:g} in {p.range_text}, "
              f"{'learnable' if p.learnable else 'fixed'} {p.doc}") for p in spec.params]
    rows += [("properties", ", ".join(spec.properties.labels()))] if spec.properties else []
    rows.append(("native", "yes" + (" (in place)" if spec.inplace else "")
                 if spec.native else "no"))
    rows.append(("citation", str(spec.citation) if spec.citation else "user-defined"))
    _show(Table.of(("", ""), rows, spec.name))


@app.command()
def plot(
    names: Annotated[list[str], typer.Argument(help="One or more names.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="PNG file to write.")] = Path(
        "activations.png"),
    low: Annotated[float, typer.Option(help="Left end of the x range.")] = -5.0,
    high: Annotated[float, typer.Option(help="Right end of the x range.")] = 5.0,
) -> None:
    """Plot functions and their derivatives side by side."""
    from actlab.plot import plot_functions

    try:
        plot_functions([lookup(n) for n in names], output, low, high)
    except (ActlabError, OSError) as err:
        raise _fail(err) from None
    console.print(f"wrote {output}")


@app.command()
def verify(
    names: Annotated[list[str] | None, typer.Argument(help="Entries (default: all).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON record per entry.")] = False,
) -> None:
    """Check entries: forward vs mpmath, gradients, stability, properties, identities."""
    import actlab.verify as checks

    try:
        specs = [lookup(n) for n in names] if names else catalog()
    except ActlabError as err:
        raise _fail(err) from None
    reports = []
    with _progress(as_json) as progress:
        task = progress.add_task("verify", total=len(specs), entry="")
        for spec, report in zip(specs, checks.verify_all(specs)):
            progress.update(task, advance=1, entry=spec.name)
            reports.append(report)
    if as_json:
        for report in reports:
            print(json.dumps(report.to_dict()))
    else:
        _show(checks.table(reports))
    if not all(r.ok for r in reports):
        raise typer.Exit(1)


DTYPES = ("float32", "float64", "bfloat16", "float16")


@app.command()
def perf(
    names: Annotated[str | None, typer.Option(
        help="Comma-separated entries (default: the whole catalog).")] = None,
    size: Annotated[int, typer.Option(help="Elements per tensor.", min=1024)] = 2**22,
    dtype: Annotated[str, typer.Option(help="float32, bfloat16, float16 or float64.")] = "float32",
    device: Annotated[str, typer.Option(help="cpu or cuda.")] = "cpu",
    calibrate: Annotated[bool, typer.Option(
        "--calibrate", help="Measure this machine's primitive cost table first.")] = False,
    record: Annotated[bool, typer.Option(
        help="Remember the fastest backend per entry for backend='auto'.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="JSON on stdout.")] = False,
    markdown: Annotated[bool, typer.Option("--markdown", help="A docs/performance.md table.")
                        ] = False,
    modules: Annotated[bool, typer.Option(
        "--modules", help="Benchmark the learnable modules (PAU, gate*up, KAN) instead.")] = False,
) -> None:
    """Time every implementation of each entry against eager, native, copy and primitive floors."""
    import torch

    if modules:
        _perf_modules(as_json, markdown)
        return

    from actlab.ops import backend as backends
    from actlab.ops import costs
    from actlab.ops.fused import check_device
    from actlab.perf import activations

    try:
        specs = [lookup(n.strip()) for n in names.split(",") if n.strip()] if names else catalog()
        if dtype not in DTYPES:
            raise ActlabError(f"unknown dtype {dtype!r}; choose one of {', '.join(DTYPES)}")
        check_device(device)
    except ActlabError as err:
        raise _fail(err) from None
    with _progress(as_json or markdown) as progress:
        if calibrate:
            task = progress.add_task("calibrate", total=len(costs.PRIMITIVES) + 1, entry="")
            costs.calibrate(device, progress=lambda name: progress.update(
                task, advance=1, entry=name))
            progress.remove_task(task)
        task = progress.add_task("perf", total=len(specs), entry="")
        results = []
        for spec, result in zip(specs, activations.measure(
                specs, size=size, dtype=getattr(torch, dtype), device=device)):
            progress.update(task, advance=1, entry=spec.name)
            results.append(result)
    if record:
        path = backends.record_choices(device, {r.name: r.auto for r in results})
        errors.print(f"recorded auto choices in {path}", highlight=False)
    if as_json:
        print(json.dumps({"size": size, "dtype": dtype, "device": device,
                          "summary": activations.summary(results),
                          "entries": [r.to_dict() for r in results]}, indent=1))
    else:
        _show(activations.table(results), markdown)


def _perf_modules(as_json: bool, markdown: bool) -> None:
    from actlab.perf import modules

    with errors.status("timing PAU, the gate*up product and KAN against their plain forms"):
        rows = modules.all_benchmarks()
    if as_json:
        print(json.dumps([{**asdict(r), "speedup": r.speedup} for r in rows], indent=1))
    else:
        _show(modules.table(rows), markdown)


@app.command()
def bench(
    suite: Annotated[str, typer.Option(help="Budget: quick, standard or full.")] = "quick",
    acts: Annotated[str, typer.Option(
        help="Nonlinearities and gated blocks, e.g. relu,gelu,swish:beta=2,swiglu (params "
             "after ':').")] = "relu,gelu,swish,mish,selu,snake",
    tasks: Annotated[str | None, typer.Option(help="Comma-separated tasks (default: all).")
                     ] = None,
    seeds: Annotated[int, typer.Option(help="Seeds per run (0..N-1); 3 or more for intervals "
                                            "and tests.")] = 3,
    db: Annotated[str | None, typer.Option(
        help="Database URL (default: sqlite:///OUT/bench.sqlite).")] = None,
    backend: Annotated[str, typer.Option(help="local (process pool) or ray.")] = "local",
    workers: Annotated[int | None, typer.Option(help="Parallel runs (default: CPU count).")
                       ] = None,
    ray_address: Annotated[str | None, typer.Option(
        help="Ray cluster to join ('auto': the running one); default: a local instance.")] = None,
    out: Annotated[Path, typer.Option(help="Directory for the database and report.html.")
                   ] = Path("results"),
    data_dir: Annotated[Path | None, typer.Option(
        help="Where datasets are (else $ACTLAB_DATA, then the user cache).")] = None,
    device: Annotated[str, typer.Option(help="cpu or cuda.")] = "cpu",
    baseline: Annotated[str, typer.Option(help="Nonlinearity the others are tested against.")
                        ] = "relu",
) -> None:
    """Train every task with every nonlinearity over seeds, store the runs, write the report."""
    from actlab.bench import run

    with _progress(False, TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn()
                   ) as progress:
        bar = progress.add_task("bench", total=None, entry="")

        def update(state) -> None:
            last = state.last
            label = f"{last.key.task}/{last.key.model} {last.key.act} s{last.key.seed}" \
                if last else ""
            progress.update(bar, total=state.total, completed=state.done, entry=label)
            if last is not None and last.status != "ok":
                errors.print(f"[yellow]failed[/] {label}: {last.reason}", highlight=False)

        try:
            result = run(suite=suite, acts=acts, tasks=tasks, seeds=seeds, db=db, out=out,
                         backend=backend, workers=workers, ray_address=ray_address,
                         data_dir=data_dir, device=device, baseline=baseline, progress=update)
        except KeyboardInterrupt:
            errors.print("interrupted: every completed run is stored; rerun the same command "
                         "to continue")
            raise typer.Exit(130) from None
        except ActlabError as err:
            raise _fail(err) from None
    for table in result.tables():
        _show(table)
    console.print(result.line, highlight=False)


@app.command()
def report(
    db: Annotated[str, typer.Option(help="Database URL, e.g. sqlite:///results/bench.sqlite.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path(
        "report.html"),
    baseline: Annotated[str, typer.Option(help="Nonlinearity the others are tested against.")
                        ] = "relu",
    suite: Annotated[str | None, typer.Option(help="Only runs of this suite.")] = None,
) -> None:
    """Write the HTML report of a results database."""
    from actlab.bench import ActChoice, Store
    from actlab.bench.report import collect, write_report

    try:
        data = collect(Store(db, create=False), ActChoice.of(baseline).label, suite)
        if not data.runs:
            raise ActlabError(f"no runs{f' of suite {suite}' if suite else ''} in {db}")
        path = write_report(data, output)
    except ActlabError as err:
        raise _fail(err) from None
    console.print(f"wrote {path}")
