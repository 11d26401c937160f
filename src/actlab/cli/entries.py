"""Commands on catalog entries: list, show, plot, verify."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer

from actlab.catalog import catalog, listing, lookup
from actlab.cli.app import app, fail, progress_bar, render, say
from actlab.errors import ActlabError
from actlab.tables import Table


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
        raise fail(err) from None
    if as_json:
        print(json.dumps([listing.record(s) for s in specs], indent=1))
    elif markdown:
        print(listing.page(specs))
    else:
        render(listing.table(specs))


@app.command()
def show(name: Annotated[str, typer.Argument(help="Name or alias.")]) -> None:
    """Formula, derivative, parameters, properties and citation of one entry."""
    try:
        spec = lookup(name)
    except ActlabError as err:
        raise fail(err) from None
    rows = [("family", spec.family)]
    rows += [("aliases", ", ".join(spec.aliases))] if spec.aliases else []
    rows += [("about", spec.description)] if spec.description else []
    rows += [("f(x)", spec.formula), ("f'(x)", str(spec.expression.derivative()))]
    if spec.custom_backward:
        rows.append(("backward", f"d/dx of {spec.derivative} = {spec.derivative_expression()}"))
    rows.append(("LaTeX", spec.expression.latex()))
    rows += [
        (
            f"param {p.name}",
            f"{p.default:g} in {p.range_text}, {'learnable' if p.learnable else 'fixed'} {p.doc}",
        )
        for p in spec.params
    ]
    rows += [("properties", ", ".join(spec.properties.labels()))] if spec.properties else []
    rows.append(
        ("native", "yes" + (" (in place)" if spec.inplace else "") if spec.native else "no")
    )
    rows.append(("citation", str(spec.citation) if spec.citation else "user-defined"))
    if spec.citation:
        checked = {"original": "the original paper",
                   "secondary": "a source citing the paper (the original's body not reached)",
                   "survey": "the survey only (original not reached)"}
        rows.append(("formula checked against", checked[spec.checked_against]))
    render(Table.of(("", ""), rows, spec.name))


@app.command()
def plot(
    names: Annotated[list[str], typer.Argument(help="One or more names.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="PNG file to write.")] = Path(
        "activations.png"
    ),
    low: Annotated[float, typer.Option(help="Left end of the x range.")] = -5.0,
    high: Annotated[float, typer.Option(help="Right end of the x range.")] = 5.0,
) -> None:
    """Plot functions and their derivatives side by side."""
    from actlab.plot import plot_functions

    try:
        plot_functions([lookup(n) for n in names], output, low, high)
    except (ActlabError, OSError) as err:
        raise fail(err) from None
    say(f"wrote {output}")


@app.command()
def verify(
    names: Annotated[list[str] | None, typer.Argument(help="Entries (default: all).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON record per entry.")] = False,
    workers: Annotated[
        int, typer.Option(min=1, help="Processes verifying entries side by side (default: CPUs).")
    ] = os.cpu_count() or 1,
    attention: Annotated[bool, typer.Option(
        "--attention", help="Check attention normalizers instead (NAMES: normalizers).")] = False,
) -> None:
    """Check entries: forward vs mpmath, gradients, stability, properties, identities; with
    --attention, the attention normalizers: chunked vs dense, float32, gradcheck, +-1e4 scores,
    independent oracles."""
    import actlab.attention as attn
    import actlab.verify as checks

    try:
        if attention:
            items = [attn.lookup(n) for n in names] if names else attn.normalizers()
        else:
            items = [lookup(n) for n in names] if names else catalog()
    except ActlabError as err:
        raise fail(err) from None
    reports = []
    with progress_bar(as_json) as progress:
        task = progress.add_task("verify", total=len(items), entry="")
        results = (map(checks.verify_normalizer, items) if attention
                   else checks.verify_all(items, workers=workers))
        for item, report in zip(items, results):
            progress.update(task, advance=1, entry=item.name)
            reports.append(report)
    if as_json:
        for report in reports:
            print(json.dumps(report.to_dict()))
    elif attention:
        render(checks.table(reports, attn.checks.CHECKS, "actlab verify --attention"))
    else:
        render(checks.table(reports))
    if not all(r.ok for r in reports):
        raise typer.Exit(1)
