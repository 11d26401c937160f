"""CETT and PPL-p% sparsity (Luo et al. 2024, "Sparsing Law", arXiv:2411.02335; Zhang et al.
2024, "ReLU^2 Wins", arXiv:2402.03804).

A unit is inactive on a token when its output magnitude ``|h_i| * ||W_i||`` (``W_i`` its column
in the layer that consumes the site, all ones when there is none) is at or below a threshold. The
cumulative error of tail truncation of a threshold is ``CETT = ||W h_inactive|| / ||W h||``,
averaged over tokens. PPL-p% sparsity takes, for one CETT value shared by all layers, each
layer's threshold that reaches it, and searches by bisection the largest CETT whose
thresholds raise perplexity by at most p% (``exp`` of a mean cross-entropy loss); the sparsity
is the fraction of inactive units on the data at those thresholds.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import torch
from torch import nn

from actlab.errors import ModelError, ParameterError
from actlab.probe.measure import Forward, Loss, call, checked_loss, no_sites
from actlab.probe.sites import Site
from actlab.probe.stats import as_rows
from actlab.probe.tap import Tap


def cett(h: torch.Tensor, threshold: float, down: torch.Tensor | None = None) -> float:
    """The mean over rows of ``||W (h * inactive)|| / ||W h||``; h (rows, units), W (out, units).

    >>> cett(torch.tensor([[1.0, 2.0, 3.0, 4.0]]), 2.5)  # sqrt((1 + 4) / 30)
    0.408248...
    """
    scale = column_norms(down, h.shape[1], h.dtype)
    inactive = h * (h.abs() * scale <= threshold)
    full, tail = (t if down is None else t @ down.T.to(h.dtype) for t in (h, inactive))
    norms = full.norm(dim=1)
    keep = norms > 0
    return float((tail.norm(dim=1)[keep] / norms[keep]).mean()) if keep.any() else 0.0


def column_norms(down: torch.Tensor | None, units: int, dtype: torch.dtype) -> torch.Tensor:
    """||W_i|| for each unit (ones without a consumer layer)."""
    if down is None:
        return torch.ones(units, dtype=dtype)
    if down.shape[1] != units:
        raise ModelError(f"the consumer layer takes {down.shape[1]} inputs, the site has {units}")
    return down.detach().to(dtype).norm(dim=0)


def threshold_for(
    h: torch.Tensor, target: float, down: torch.Tensor | None = None, steps: int = 40
) -> float:
    """The largest magnitude threshold whose CETT on ``h`` (rows, units) is at most ``target``
    (bisection: CETT grows with the threshold)."""
    low, high = 0.0, float((h.abs() * column_norms(down, h.shape[1], h.dtype)).max()) * 1.0001
    for _ in range(steps):
        middle = (low + high) / 2
        low, high = (middle, high) if cett(h, middle, down) <= target else (low, middle)
    return low


def consumer(model: nn.Module, site: Site, units: int) -> torch.Tensor | None:
    """The weight (out, units) of the layer that consumes a site: a gated FeedForward's
    ``proj_out``, or the next ``nn.Linear`` sibling taking ``units`` inputs; None otherwise."""
    modules = dict(model.named_modules())
    if site.kind == "gated":
        return modules[site.name].proj_out.weight.detach()
    if site.kind != "module":
        return None
    parent = modules[site.owner]
    names = [name for name, _ in parent.named_children()]
    leaf = site.name.rpartition(".")[2]
    if leaf not in names:
        return None
    for name in names[names.index(leaf) + 1 :]:
        child = getattr(parent, name)
        if isinstance(child, nn.Linear) and child.in_features == units:
            return child.weight.detach()
    return None


@dataclass(frozen=True)
class LayerSparsity:
    site: str
    threshold: float
    sparsity: float


@dataclass(frozen=True)
class PPLSparsity:
    """The outcome of :func:`ppl_sparsity`: the CETT found, losses, and sparsity per layer and
    overall (units inactive over all sites' elements)."""

    p: float
    cett: float
    base_loss: float
    loss: float
    sparsity: float
    layers: tuple[LayerSparsity, ...]


def masking(
    thresholds: dict[str, float], scales: dict[str, torch.Tensor], counts: dict[str, list[int]]
) -> Callable:
    """A Tap callback that zeroes units at or below their site's threshold, counting them."""

    def on(site: Site, x, h: torch.Tensor) -> torch.Tensor | None:
        if site.name not in thresholds:
            return None
        scale = scales[site.name].to(h.dtype).to(h.device)
        keep = (h.abs() * _unit_shape(scale, h)) > thresholds[site.name]
        count = counts.setdefault(site.name, [0, 0])
        count[0] += int((~keep).sum())
        count[1] += keep.numel()
        return h * keep

    return on


def _unit_shape(scale: torch.Tensor, h: torch.Tensor) -> torch.Tensor:
    """Per-unit values shaped to broadcast against h (units last, or dim 1 for 4+ dims)."""
    return scale.view(-1, *([1] * (h.dim() - 2))) if h.dim() >= 4 else scale


def mean_loss(model: nn.Module, batches: Sequence[Any], forward: Forward, loss: Loss) -> float:
    with torch.no_grad():
        values = [checked_loss(loss(forward(model, b), b)).item() for b in batches]
    return sum(values) / len(values)


def ppl_sparsity(
    model: nn.Module,
    batches: Iterable[Any],
    loss: Loss,
    *,
    p: float = 1.0,
    forward: Forward = call,
    select: Callable[[Site], bool] | None = None,
    rows: int = 4096,
    steps: int = 12,
) -> PPLSparsity:
    """PPL-p% sparsity of ``model`` on ``batches`` (a list: it is read once per bisection step).

    ``loss(output, batch)`` is a mean cross-entropy (perplexity ``exp(loss)``); thresholds come
    from ``rows`` tokens per site sampled from the same batches.
    """
    if not p > 0:
        raise ParameterError(f"p is a tolerated perplexity rise in percent (> 0), got {p}")
    batches = list(batches)
    samples: dict[str, list[torch.Tensor]] = {}
    sites: dict[str, Site] = {}

    def keep(site: Site, x, h: torch.Tensor) -> None:
        samples.setdefault(site.name, []).append(as_rows(h.detach()).double())
        sites[site.name] = site

    with Tap(model, keep, select):
        base = mean_loss(model, batches, forward, loss)
    if not samples:
        raise no_sites(model, select is not None)
    generator = torch.Generator().manual_seed(0)
    calibration, scales, downs = {}, {}, {}
    for name, parts in samples.items():
        h = torch.cat(parts)
        h = h[torch.randperm(len(h), generator=generator)[:rows]]
        downs[name] = consumer(model, sites[name], h.shape[1])
        calibration[name], scales[name] = h, column_norms(downs[name], h.shape[1], h.dtype)
    budget = base + math.log1p(p / 100)

    def attempt(target: float) -> tuple[float, dict[str, float], dict[str, list[int]]]:
        thresholds = {n: threshold_for(h, target, downs[n]) for n, h in calibration.items()}
        counts: dict[str, list[int]] = {}
        with Tap(model, masking(thresholds, scales, counts), lambda s: s.name in thresholds):
            return mean_loss(model, batches, forward, loss), thresholds, counts

    low, high = 0.0, 1.0
    best = attempt(0.0)
    for _ in range(steps):
        middle = (low + high) / 2
        outcome = attempt(middle)
        if outcome[0] <= budget:
            low, best = middle, outcome
        else:
            high = middle
    value, thresholds, counts = best
    layers = tuple(LayerSparsity(n, thresholds[n], counts[n][0] / counts[n][1]) for n in counts)
    total = sum(c[0] for c in counts.values()) / sum(c[1] for c in counts.values())
    return PPLSparsity(p, low, base, value, total, layers)
