"""`actlab probe`: what the nonlinearities do inside a model, and surgery on a real one."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from actlab.cli.app import app, console, errors, fail, render
from actlab.errors import ActlabError

MODELS = ("minilm", "gpt")


@app.command()
def probe(
    model: Annotated[
        str,
        typer.Argument(
            help="minilm (all-MiniLM-L6-v2, needs actlab[models]) or gpt (the shakespeare bench "
            "GPT, trained first)."
        ),
    ] = "minilm",
    lines: Annotated[
        int, typer.Option(help="minilm: calibration lines (as many held out).", min=1)
    ] = 512,
    act: Annotated[str, typer.Option(help="gpt: the nonlinearity or gated block.")] = "relu",
    suite: Annotated[str, typer.Option(help="gpt: the bench budget.")] = "quick",
    seed: Annotated[int, typer.Option(help="gpt: the training seed.")] = 0,
    surgery: Annotated[
        bool,
        typer.Option(
            "--surgery", help="minilm: also TEAL/CATS thresholds and the GELU -> ReLU swap."
        ),
    ] = False,
    recovery_steps: Annotated[
        int, typer.Option(help="minilm --surgery: distillation steps after the swap.", min=1)
    ] = 200,
    data_dir: Annotated[
        Path | None,
        typer.Option(help="Where tinyshakespeare.txt is (else $ACTLAB_DATA, then the cache)."),
    ] = None,
    out: Annotated[Path | None, typer.Option(help="Write the records as .csv or .json.")] = None,
    plot: Annotated[
        Path | None, typer.Option(help="Write a PNG: sparsity per site, pre-activation histograms.")
    ] = None,
    markdown: Annotated[bool, typer.Option("--markdown", help="Markdown tables.")] = False,
) -> None:
    """Measure every activation site: sparsity, dead, dormant and flat units, massive
    activations, signal propagation; with --surgery, thresholds and swaps on MiniLM."""
    from actlab.bench.tasks import shakespeare_char, shakespeare_sparsity
    from actlab.probe import probe as run_probe
    from actlab.probe.minilm import batches, load_minilm, text_lines, tokens

    if model not in MODELS:
        raise fail(ActlabError(f"model is one of {', '.join(MODELS)}, got {model!r}"))
    start = time.perf_counter()
    try:
        if model == "gpt":
            report = shakespeare_sparsity.probe_gpt(act, suite, seed, data_dir)
        else:
            net, tokenizer = load_minilm()
            calibration, held_out = text_lines(shakespeare_char.data_file(data_dir), lines)
            with console.status(f"probing {lines} lines"):
                report = run_probe(net, batches(tokenizer, calibration), mask=tokens)
        render(report.table(), markdown)
        if out is not None:
            errors.print(f"records: {report.save(out)}")
        if plot is not None:
            from actlab.probe.figures import plot_report

            errors.print(f"figure: {plot_report(report, plot)}")
        if surgery and model == "minilm":
            _surgery(net, tokenizer, calibration, held_out, recovery_steps, markdown)
    except ActlabError as err:
        raise fail(err) from None
    errors.print(f"{time.perf_counter() - start:.0f} s", highlight=False)


def _surgery(net, tokenizer, calibration, held_out, steps: int, markdown: bool) -> None:
    from actlab.surgery.minilm import swap_study, swap_table, threshold_study, threshold_table

    with console.status("thresholds") as status:
        rows = threshold_study(net, tokenizer, calibration, held_out, progress=status.update)
    render(threshold_table(rows), markdown)
    with console.status("swap") as status:
        swaps = swap_study(
            net, tokenizer, calibration, held_out, steps=(0, steps), progress=status.update
        )
    render(swap_table(swaps), markdown)
