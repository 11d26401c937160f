"""Surgery on all-MiniLM-L6-v2 with numbers: TEAL and CATS thresholds calibrated on one set of
lines and measured on another, and the GELU -> ReLU swap without and with a short recovery
(distilling the original sentence embeddings), each with its embedding fidelity (mean cosine to
the original embeddings on the held-out lines)."""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import torch
from torch import nn

from actlab.probe import probe
from actlab.probe.minilm import batches, embed, embeddings, fidelity, tokens
from actlab.surgery.relufy import relufy
from actlab.surgery.threshold import calibrate
from actlab.tables import Table

ENCODER_FFN = "*.intermediate.*"  # the GELU of each layer's feed-forward block


@dataclass(frozen=True)
class ThresholdRow:
    method: str
    target: float
    held_out: float
    fidelity: float


@dataclass(frozen=True)
class SwapRow:
    recovery_steps: int
    fidelity: float
    sparsity: float


def threshold_study(
    model: nn.Module,
    tokenizer,
    calibration: Sequence[str],
    held_out: Sequence[str],
    levels: Sequence[float] = (0.25, 0.4, 0.5),
    methods: Sequence[str] = ("teal", "cats"),
    batch_size: int = 64,
    progress: Callable[[str], None] | None = None,
) -> list[ThresholdRow]:
    """For each method: calibrate once on ``calibration`` lines; for each target sparsity,
    measure the sparsity reached on ``held_out`` lines and the embeddings' fidelity. TEAL gates the
    encoder's linear layers (the pooler, unused by the embedding, is left out); CATS the
    feed-forward GELUs."""
    cal, test = (
        batches(tokenizer, calibration, batch_size),
        batches(tokenizer, held_out, batch_size),
    )
    reference = embeddings(model, test)
    rows = []
    for method in methods:
        if progress is not None:
            progress(f"{method}: calibration")
        select = (lambda name: name.startswith("encoder.")) if method == "teal" else None
        calibrated = calibrate(model, cal, method=method, mask=tokens, select=select)
        for level in levels:
            if progress is not None:
                progress(f"{method} {level:.0%}")
            found = calibrated.at(level)
            try:
                outputs = found.run(model, test, forward=embed, mask=tokens)
                rows.append(
                    ThresholdRow(
                        method, level, found.sparsity(), fidelity(reference, torch.cat(outputs))
                    )
                )
            finally:
                found.remove()
    return rows


def swap_study(
    model: nn.Module,
    tokenizer,
    calibration: Sequence[str],
    held_out: Sequence[str],
    steps: Sequence[int] = (0, 200),
    lr: float = 5e-5,
    batch_size: int = 32,
    progress: Callable[[str], None] | None = None,
) -> list[SwapRow]:
    """GELU -> ReLU in every feed-forward block, then ``steps`` of recovery on the calibration
    lines distilling the original embeddings (loss ``1 - cos``); fidelity and ReLU sparsity
    (exact zeros on real tokens) on the held-out lines."""
    cal, test = (
        batches(tokenizer, calibration, batch_size),
        batches(tokenizer, held_out, batch_size),
    )
    reference = embeddings(model, test)
    teacher = [embeddings(model, [b]) for b in cal]
    targets = {id(b): t for b, t in zip(cal, teacher)}

    def distill(output: torch.Tensor, batch) -> torch.Tensor:
        return 1 - torch.nn.functional.cosine_similarity(output, targets[id(batch)]).mean()

    rows = []
    for count in steps:
        if progress is not None:
            progress(f"relu, {count} recovery steps")
        student = copy.deepcopy(model)
        relufy(
            student,
            cal,
            distill,
            steps=count,
            lr=lr,
            where=ENCODER_FFN,
            forward=embed,
            backend="native",
        )
        rows.append(
            SwapRow(count, fidelity(reference, embeddings(student, test)), _zeros(student, test))
        )
    return rows


def _zeros(model: nn.Module, data) -> float:
    report = probe(
        model,
        data,
        forward=embed,
        mask=tokens,
        select=lambda site: site.name.endswith("intermediate_act_fn"),
    )
    return sum(r["zeros"] for r in report.records) / len(report.records)


def threshold_table(rows: Sequence[ThresholdRow]) -> Table:
    return Table.of(
        ("method", "target", "sparsity (held-out)", "fidelity"),
        [(r.method, f"{r.target:.0%}", f"{r.held_out:.1%}", f"{r.fidelity:.4f}") for r in rows],
        title="TEAL and CATS thresholds on all-MiniLM-L6-v2",
        note="fidelity: mean cosine to the dense model's embeddings, held-out lines",
    )


def swap_table(rows: Sequence[SwapRow]) -> Table:
    return Table.of(
        ("recovery steps", "fidelity", "ReLU zeros (held-out)"),
        [(r.recovery_steps, f"{r.fidelity:.4f}", f"{r.sparsity:.1%}") for r in rows],
        title="GELU -> ReLU in all-MiniLM-L6-v2",
        note="recovery: distillation of the original embeddings on the calibration lines",
    )
