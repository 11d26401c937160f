"""Low-rank predictors of which units of a feed-forward layer will be active, from the layer's
input (Liu et al. 2023, "Deja Vu", arXiv:2310.17157; Song et al. 2023, "PowerInfer",
arXiv:2312.12456): ``sigmoid(x A B)`` with A (dim, rank) and B (rank, units), trained with binary
cross-entropy on recorded activations, reported with recall and precision on held-out data.

A unit is active on a token when its output magnitude exceeds the site's threshold (0 by
default: exactly nonzero, the ReLU notion; pass PPL-p% thresholds for dense activations). The
predictor's input is the input of the module that holds the site (the feed-forward block).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import torch
from torch import nn

from actlab.errors import ModelError
from actlab.probe.measure import Forward, call, no_sites
from actlab.probe.sites import Site
from actlab.probe.stats import as_rows
from actlab.probe.tap import Tap


@dataclass(frozen=True)
class PredictorResult:
    """One site's predictor with its held-out recall and precision and the active fraction."""

    site: str
    rank: int
    recall: float
    precision: float
    active: float
    predictor: nn.Module


def _block(site: Site) -> str:
    """The module whose input the predictor reads: a gated block itself, else the owner."""
    return site.name if site.kind == "gated" else site.owner


def record(
    model: nn.Module,
    batches: Iterable[Any],
    forward: Forward = call,
    select: Callable[[Site], bool] | None = None,
) -> dict[str, tuple[torch.Tensor, torch.Tensor]]:
    """(block inputs (rows, dim), site outputs (rows, units)) of each site over ``batches``."""
    modules = dict(model.named_modules())
    inputs: dict[str, torch.Tensor] = {}
    pairs: dict[str, tuple[list, list]] = {}

    def on(site: Site, x, h: torch.Tensor) -> None:
        block = _block(site)
        if block in inputs:
            xs, hs = pairs.setdefault(site.name, ([], []))
            xs.append(as_rows(inputs[block]).float())
            hs.append(as_rows(h.detach()).float())

    def keep_input(name: str):
        def hook(module, args):
            inputs[name] = args[0].detach()

        return hook

    with Tap(model, on, select) as tap, torch.no_grad():
        blocks = {_block(s) for s in tap.sites.values()}
        handles = [modules[b].register_forward_pre_hook(keep_input(b)) for b in blocks]
        try:
            for batch in batches:
                forward(model, batch)
        finally:
            for handle in handles:
                handle.remove()
    if not pairs:
        raise no_sites(model, select is not None)
    out = {}
    for name, (xs, hs) in pairs.items():
        x, h = torch.cat(xs), torch.cat(hs)
        if len(x) != len(h):
            raise ModelError(
                f"site {name}: its block's input has {len(x)} rows, its output "
                f"{len(h)}; pass select= to leave it out"
            )
        out[name] = (x, h)
    return out


def train_predictors(
    model: nn.Module,
    train: Iterable[Any],
    held_out: Iterable[Any],
    *,
    forward: Forward = call,
    select: Callable[[Site], bool] | None = None,
    thresholds: dict[str, float] | None = None,
    rank: int = 32,
    steps: int = 300,
    lr: float = 1e-2,
    seed: int = 0,
) -> list[PredictorResult]:
    """Train one low-rank predictor per site on ``train`` batches; score it on ``held_out``.

    >>> torch.manual_seed(0) and None
    >>> net = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 8))
    >>> data = [torch.randn(128, 8) for _ in range(2)]
    >>> [result] = train_predictors(net, data[:1], data[1:], rank=8, steps=100)
    >>> result.site, result.recall > 0.9
    ('1', True)
    """
    thresholds = thresholds or {}
    fit, test = record(model, train, forward, select), record(model, held_out, forward, select)
    generator = torch.Generator().manual_seed(seed)
    results = []
    for name, (x, h) in fit.items():
        if name not in test:
            continue
        cut = thresholds.get(name, 0.0)
        active = (h.abs() > cut).float()
        net = nn.Sequential(nn.Linear(x.shape[1], rank, bias=False), nn.Linear(rank, h.shape[1]))
        with torch.no_grad():
            for p in net.parameters():
                p.copy_(torch.randn(p.shape, generator=generator) / p.shape[-1] ** 0.5)
        optimizer = torch.optim.Adam(net.parameters(), lr=lr)
        loss_fn = nn.BCEWithLogitsLoss()
        for _ in range(steps):
            optimizer.zero_grad()
            loss_fn(net(x), active).backward()
            optimizer.step()
        x_test, h_test = test[name]
        with torch.no_grad():
            predicted = net(x_test) > 0
        truth = h_test.abs() > cut
        hits, positives, claimed = (int(t.sum()) for t in (predicted & truth, truth, predicted))
        results.append(
            PredictorResult(
                name,
                rank,
                hits / positives if positives else 1.0,
                hits / claimed if claimed else 1.0,
                truth.float().mean().item(),
                net.requires_grad_(False),
            )
        )
    return results
