"""`actlab pi ...`: private-inference tools (counts and costs, polynomial fits, studies)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from actlab.cli.app import app, console, fail, progress_bar, render
from actlab.errors import ActlabError

pi = typer.Typer(
    help="Private inference: count nonlinearities, fit polynomials, run studies.",
    no_args_is_help=True,
)
app.add_typer(pi, name="pi")

METHODS = ("remez", "chebyshev", "least_squares")


def _interval(text: str) -> tuple[float, float]:
    try:
        low, high = (float(v) for v in text.split(","))
    except ValueError:
        raise ActlabError(f"an interval is LOW,HIGH (e.g. -4,4), got {text!r}") from None
    return low, high


@pi.command()
def approx(
    name: Annotated[str, typer.Argument(help="A catalog nonlinearity.")],
    interval: Annotated[str, typer.Option(help="LOW,HIGH.")] = "-4,4",
    degree: Annotated[str, typer.Option(help="Degrees, comma-separated.")] = "2,4,8",
    methods: Annotated[
        str, typer.Option(help="remez, chebyshev, least_squares.")
    ] = "remez,chebyshev,least_squares",
    markdown: Annotated[bool, typer.Option("--markdown", help="Markdown table.")] = False,
) -> None:
    """Fit polynomials to NAME: max error, CKKS depth and multiplications, coefficients."""
    from actlab.pi import approx as fits
    from actlab.tables import Table

    try:
        bounds = _interval(interval)
        degrees = [int(d) for d in degree.split(",")]
        chosen = [m.strip() for m in methods.split(",")]
        unknown = [m for m in chosen if m not in METHODS]
        if unknown:
            raise ActlabError(f"unknown method {unknown[0]!r}; choose among {', '.join(METHODS)}")
        rows = []
        for d in degrees:
            for method in chosen:
                fit = getattr(fits, method)(name, bounds, d)
                rows.append(
                    (
                        fit.target,
                        f"({bounds[0]:g}, {bounds[1]:g})",
                        method,
                        d,
                        f"{fit.max_error:.3e}",
                        fit.depth,
                        fit.multiplications,
                        _coefficients(fit.module.power_coefficients()),
                    )
                )
    except (ActlabError, ValueError) as err:
        raise fail(err) from None
    render(
        Table.of(
            (
                "function",
                "interval",
                "method",
                "degree",
                "max error",
                "depth",
                "ct-ct mults",
                "power coefficients",
            ),
            rows,
            "polynomial approximations",
        ),
        markdown,
    )


def _coefficients(power: list[float]) -> str:
    """The power coefficients, rounding-level ones (below 1e-12 of the largest) shown as 0."""
    floor = 1e-12 * max(abs(a) for a in power)
    return " ".join("0" if abs(a) < floor else f"{a:.6g}" for a in power)


@pi.command()
def composite(
    bound: Annotated[float, typer.Option(help="ReLU on (-bound, bound).")] = 10.0,
    n: Annotated[int, typer.Option(help="Stage f_n, degree 2n+1.")] = 3,
    stages: Annotated[str, typer.Option(help="Stage counts, comma-separated.")] = "3,4,5,6",
    epsilon: Annotated[float, typer.Option(help="Sign is exact beyond |x| >= epsilon.")] = 0.05,
    markdown: Annotated[bool, typer.Option("--markdown", help="Markdown table.")] = False,
) -> None:
    """Composite sign and ReLU polynomials: error, degree, depth, multiplications."""
    from actlab.pi.approx import composite_relu, composite_sign
    from actlab.tables import Table

    rows = []
    try:
        for k in (int(s) for s in stages.split(",")):
            for fit, where in (
                (composite_sign(n, k, epsilon), f"eps <= |x| <= 1 (eps={epsilon:g})"),
                (composite_relu(bound, n, k, epsilon), f"(-{bound:g}, {bound:g})"),
            ):
                rows.append(
                    (
                        fit.target,
                        where,
                        f"f{n}^{k}",
                        fit.degree,
                        fit.depth,
                        fit.multiplications,
                        f"{fit.max_error:.3e}",
                    )
                )
    except (ActlabError, ValueError) as err:
        raise fail(err) from None
    render(
        Table.of(
            ("function", "interval", "composition", "degree", "depth", "ct-ct mults", "max error"),
            rows,
            "composite polynomials",
        ),
        markdown,
    )


@pi.command("count")
def count_command(
    task: Annotated[str, typer.Option(help="digits or mnist1d.")] = "digits",
    model: Annotated[str, typer.Option(help="cnn or mlp.")] = "cnn",
    markdown: Annotated[bool, typer.Option("--markdown", help="Markdown tables.")] = False,
) -> None:
    """Nonlinearity sites of a benchmark network and their MPC, CKKS and TFHE costs."""
    from actlab.pi.count import cost_table, count
    from actlab.pi.study import task_model

    try:
        net, example = task_model(task, model)
        counted = count(net, example)
    except ActlabError as err:
        raise fail(err) from None
    render(counted.table(), markdown)
    render(cost_table(counted), markdown)


@pi.command()
def study(
    which: Annotated[str, typer.Argument(help="budget, deep or ckks.")],
    seeds: Annotated[int, typer.Option(help="Seeds per setting.", min=1)] = 3,
    out: Annotated[Path, typer.Option(help="Directory for pi.sqlite and figures.")] = Path(
        "results"
    ),
    db: Annotated[str | None, typer.Option(help="Database URL (default OUT/pi.sqlite).")] = None,
    images: Annotated[int, typer.Option(help="ckks: test images to encrypt.", min=1)] = 5,
    markdown: Annotated[bool, typer.Option("--markdown", help="Markdown tables.")] = False,
) -> None:
    """Run a study (stored; reruns skip stored runs) and print its tables."""
    import torch

    from actlab.bench.store import Store
    from actlab.files import check_writable
    from actlab.pi import study as studies
    from actlab.tables import Table

    torch.set_num_threads(1)
    try:
        if which == "ckks":
            run, accuracy = studies.encrypted_study(images=images)
            rows = [
                ("images", len(run.encrypted)),
                ("max |logit difference|", f"{run.max_difference:.2e}"),
                ("depth counted", run.counted_depth),
                ("depth measured", run.measured_depth),
                ("ring degree", run.ring),
                ("seconds per image", f"{run.seconds_per_input:.1f}"),
                ("plaintext test accuracy", f"{accuracy:.4f}"),
                ("same class", int((run.encrypted.argmax(1) == run.plaintext.argmax(1)).sum())),
            ]
            render(Table.of(("", "value"), rows, "CKKS inference (TenSEAL)"), markdown)
            return
        if which not in ("budget", "deep"):
            raise ActlabError(f"unknown study {which!r}; choose budget, deep or ckks")
        out = check_writable(out)
        store = Store(db or f"sqlite:///{(out / 'pi.sqlite').resolve()}")
        with progress_bar() as bar:
            task = bar.add_task(which, total=None, entry="")

            def progress(what: str, done: int, total: int) -> None:
                bar.update(task, completed=done, total=total, entry=what)

            if which == "budget":
                studies.budget_study(store, seeds=seeds, progress=progress)
            else:
                studies.deep_study(store, seeds=seeds, progress=progress)
        if which == "budget":
            for table in studies.budget_tables(store):
                render(table, markdown)
            studies.budget_figure(store, out / "pi-budget.png")
            console.print(f"figure: {out / 'pi-budget.png'}")
        else:
            render(studies.deep_table(store), markdown)
    except ActlabError as err:
        raise fail(err) from None
