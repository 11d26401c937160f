"""`actlab perf`: timing of entries and learnable modules."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated

import typer

from actlab.catalog import catalog, lookup
from actlab.cli.app import app, errors, fail, progress_bar, render, say
from actlab.errors import ActlabError

DTYPES = ("float32", "float64", "bfloat16", "float16")
MAX_SIZE = 2**28


def _entries(names: str) -> list:
    """The Specs named in a comma-separated list; an empty list is an error, not 'all'."""
    items = [n.strip() for n in names.split(",")]
    if not any(items) or not all(items):
        raise ActlabError(f"--names {names!r} has an empty name; leave --names out for the whole "
                          "catalog")
    return [lookup(n) for n in items]


@app.command()
def perf(
    names: Annotated[
        str | None, typer.Option(help="Comma-separated entries (default: the whole catalog).")
    ] = None,
    size: Annotated[int, typer.Option(help="Elements per tensor.", min=1024)] = 2**22,
    dtype: Annotated[str, typer.Option(help="float32, bfloat16, float16 or float64.")] = "float32",
    device: Annotated[str, typer.Option(help="cpu or cuda.")] = "cpu",
    calibrate: Annotated[
        bool, typer.Option("--calibrate", help="Measure this machine's primitive cost table first.")
    ] = False,
    record: Annotated[
        bool, typer.Option(help="Remember the fastest backend per entry for backend='auto'.")
    ] = True,
    as_json: Annotated[bool, typer.Option("--json", help="JSON on stdout.")] = False,
    markdown: Annotated[
        bool, typer.Option("--markdown", help="A docs/performance.md table.")
    ] = False,
    modules: Annotated[
        bool,
        typer.Option(
            "--modules", help="Benchmark the learnable modules (PAU, gate*up, KAN) instead."
        ),
    ] = False,
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
        specs = catalog() if names is None else _entries(names)
        if size > MAX_SIZE:
            raise ActlabError(f"--size {size} is more than the {MAX_SIZE} elements perf times")
        if dtype not in DTYPES:
            raise ActlabError(f"unknown dtype {dtype!r}; choose one of {', '.join(DTYPES)}")
        check_device(device)
    except ActlabError as err:
        raise fail(err) from None
    with progress_bar(as_json or markdown) as progress:
        if calibrate:
            task = progress.add_task("calibrate", total=len(costs.PRIMITIVES) + 1, entry="")
            try:
                costs.calibrate(
                    device, progress=lambda name: progress.update(task, advance=1, entry=name)
                )
            except ActlabError as err:
                raise fail(err) from None
            progress.remove_task(task)
        task = progress.add_task("perf", total=len(specs), entry="")
        results = []
        for spec, result in zip(
            specs, activations.measure(specs, size=size, dtype=getattr(torch, dtype), device=device)
        ):
            progress.update(task, advance=1, entry=spec.name)
            results.append(result)
    if record and dtype != "float32":
        say("auto choices not recorded: backend='auto' follows float32 timings", stderr=True)
    elif record:
        try:
            path = backends.record_choices(device, {r.name: r.auto for r in results})
        except ActlabError as err:
            raise fail(err) from None
        say(f"recorded auto choices in {path}", stderr=True)
    if as_json:
        print(
            json.dumps(
                {
                    "size": size,
                    "dtype": dtype,
                    "device": device,
                    "summary": activations.summary(results),
                    "entries": [r.to_dict() for r in results],
                },
                indent=1,
            )
        )
    else:
        render(activations.table(results), markdown)


def _perf_modules(as_json: bool, markdown: bool) -> None:
    from actlab.perf import modules

    with errors.status("timing PAU, the gate*up product and KAN against their plain forms"):
        rows = modules.all_benchmarks()
    if as_json:
        print(json.dumps([{**asdict(r), "speedup": r.speedup} for r in rows], indent=1))
    else:
        render(modules.table(rows), markdown)
