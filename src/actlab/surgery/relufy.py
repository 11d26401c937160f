"""`relufy`: ReLUfication with a ProSparse-style schedule (Song et al. 2024, "ProSparse:
Introducing and Enhancing Intrinsic Activation Sparsity within Large Language Models",
arXiv:2402.13516): swap the activations to ReLU, recover for some steps on the user's data with
an L1 penalty on the activation outputs whose factor rises smoothly from 0 to ``l1``, then shift
the activation threshold (ReLU -> FATReLU: ``x if x > shift else 0``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import cycle, islice
from typing import Any

import torch
from torch import nn

from actlab.nn import Activation
from actlab.ops.backend import Backend
from actlab.probe import Site, Tap, call, checked_loss
from actlab.surgery.swap import Change, Where, swap


@dataclass(frozen=True)
class Relufication:
    """What :func:`relufy` did: the swaps, and the task loss at each recovery step."""

    changes: list[Change]
    losses: list[float]


def l1_factor(step: int, steps: int, l1: float) -> float:
    """The penalty factor at ``step`` of ``steps``: rises from 0 to ``l1`` along a half cosine.

    >>> [round(l1_factor(s, 4, 1.0), 2) for s in range(5)]
    [0.0, 0.15, 0.5, 0.85, 1.0]
    """
    return l1 * (1 - math.cos(math.pi * min(step, steps) / max(1, steps))) / 2


def relufy(
    model: nn.Module,
    batches: Iterable[Any],
    loss: Callable[[Any, Any], torch.Tensor],
    *,
    steps: int,
    lr: float = 1e-4,
    l1: float = 0.0,
    shift: float = 0.0,
    where: Where = None,
    example: Any = None,
    forward: Callable = call,
    parameters: Iterable[torch.nn.Parameter] | None = None,
    backend: Backend = "auto",
    progress: Callable[[int], None] | None = None,
) -> Relufication:
    """Swap the selected activations to ReLU, train ``steps`` steps on ``batches`` (cycled)
    minimizing ``loss(output, batch) + factor * mean |h|`` over the new units with AdamW at
    ``lr``, then, if ``shift > 0``, make them FATReLU with that threshold. ``parameters``
    (default: all of the model's) are the ones trained; ``backend`` is the new units'
    (``"native"`` avoids compiling). ``steps=0`` is a bare swap.

    >>> net = nn.Sequential(nn.Linear(4, 16), nn.GELU(), nn.Linear(16, 1))
    >>> data = [(torch.randn(32, 4), torch.randn(32, 1)) for _ in range(2)]
    >>> out = relufy(net, data, lambda o, b: ((o - b[1]) ** 2).mean(), steps=3, l1=1e-3,
    ...              forward=lambda m, b: m(b[0]), backend="native")
    >>> [c.after for c in out.changes], len(out.losses)
    (['relu'], 3)
    """
    changes = swap(model, "relu", where, example=example, forward=forward, backend=backend)
    swapped = {c.module for c in changes}
    outputs: list[torch.Tensor] = []

    def keep(site: Site, x, h: torch.Tensor) -> None:
        outputs.append(h)

    losses = []
    if steps > 0:
        optimizer = torch.optim.AdamW(
            list(parameters or model.parameters()), lr=lr, weight_decay=0.0
        )
        model.train()
        with Tap(model, keep, lambda s: s.name in swapped):
            for step, batch in enumerate(islice(cycle(list(batches)), steps), start=1):
                outputs.clear()
                task = checked_loss(loss(forward(model, batch), batch), "the recovery loss")
                factor = l1_factor(step, steps, l1)
                penalty = sum(h.abs().mean() for h in outputs) if factor and outputs else 0.0
                optimizer.zero_grad(set_to_none=True)
                (task + factor * penalty).backward()
                optimizer.step()
                losses.append(task.item())
                if progress is not None:
                    progress(step)
        model.eval()
    if shift > 0:
        modules = dict(model.named_modules())
        for name in swapped:
            parent, _, leaf = name.rpartition(".")
            modules[parent]._modules[leaf] = Activation(
                "threshold", threshold=shift, value=0.0, backend=backend
            )
    return Relufication(changes, losses)
