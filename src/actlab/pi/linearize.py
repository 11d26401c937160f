"""Budgeted linearization: keep at most ``budget`` ReLUs per example, replace the rest.

Every ReLU module becomes a :class:`~actlab.pi.sites.MaskedReLU` with one mask entry per
channel or per element. The methods differ in how they choose what to keep:

- ``"snl"`` (Cho et al., "Selective Network Linearization for Efficient Private Inference",
  ICML 2022): continuous masks ``a`` in ``a relu(x) + (1 - a) x`` trained with the weights
  under an L1 penalty on ``a`` (weighted by each entry's ReLU count), whose strength doubles
  while the masks above 1/2 still hold more ReLUs than the budget;
- ``"autorep"`` (Peng et al., "AutoReP: Automatic ReLU Replacement for Fast Private Network
  Inference", ICCV 2023): a hysteresis gate (on above ``+h``, off below ``-h``, unchanged
  between) on a score trained through a straight-through estimator, with a penalty on the ReLUs
  above budget; linearized units become a degree-2 polynomial fitted to ReLU under the site's
  recorded input distribution (their DaPa);
- ``"random"``: entries kept uniformly at random (the control).

Then the entries to keep are chosen by score, largest first, while they fit the budget (so the
budget is never exceeded), the masks are frozen and the weights fine-tuned.

>>> from actlab.pi.count import count
>>> torch.manual_seed(0)  # doctest: +ELLIPSIS
<torch._C.Generator object at ...>
>>> model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3))
>>> x, y = torch.randn(64, 4), torch.randint(0, 3, (64,))
>>> small = linearize(model, budget=5, method="snl", data=(x, y), steps=20, finetune_steps=20)
>>> count(small, x[:1]).relus
5
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from typing import Literal

import torch
import torch.nn.functional as F
from torch import nn

from actlab.errors import ParameterError
from actlab.pi.approx import least_squares
from actlab.pi.sites import (
    GRANULARITIES,
    Granularity,
    MaskedReLU,
    record_inputs,
    relu_sites,
    replace,
)

log = logging.getLogger(__name__)

Method = Literal["snl", "autorep", "random"]
METHODS: tuple[Method, ...] = ("snl", "autorep", "random")
Loss = Callable[[torch.Tensor, torch.Tensor], torch.Tensor]


class BudgetError(ParameterError):
    """A ReLU budget below zero or above the model's current count."""


def linearize(
    model: nn.Module,
    budget: int,
    method: Method = "snl",
    *,
    data: tuple[torch.Tensor, torch.Tensor],
    granularity: Granularity = "channel",
    steps: int = 300,
    finetune_steps: int = 300,
    lr: float = 1e-3,
    batch_size: int = 64,
    penalty: float = 1e-3,
    hysteresis: float = 0.1,
    loss: Loss = F.cross_entropy,
    seed: int = 0,
) -> nn.Module:
    """A copy of ``model`` that evaluates at most ``budget`` ReLUs per example.

    ``data`` is ``(inputs, targets)`` for the mask search and fine-tuning (minibatches of
    ``batch_size``, Adam at ``lr``, ``loss`` default cross-entropy); ``steps`` trains the masks
    (unused by ``"random"``), ``finetune_steps`` the weights with the masks frozen. ``model``
    itself is left unchanged.
    """
    if method not in METHODS:
        raise ParameterError(f"method must be one of {', '.join(METHODS)}, got {method!r}")
    if granularity not in GRANULARITIES:
        raise ParameterError(
            f"granularity must be one of {', '.join(GRANULARITIES)}, got {granularity!r}"
        )
    x, y = data
    net = copy.deepcopy(model)
    names = relu_sites(net)
    generator = torch.Generator().manual_seed(seed)
    sites = _mask_sites(net, names, granularity, x, replacement=method == "autorep")
    total = sum(site.relu_elements for site in sites)
    if isinstance(budget, bool) or not isinstance(budget, int) or not 0 <= budget <= total:
        raise BudgetError(
            f"budget must be an integer ReLU count from 0 to the model's {total}; got {budget!r}"
        )
    torch.manual_seed(seed)
    if method == "random":
        scores = [torch.rand(site.mask.shape, generator=generator) for site in sites]
    else:
        search = _snl if method == "snl" else _autorep
        scores = search(
            net, sites, budget, x, y, steps, lr, batch_size, penalty, hysteresis, loss, generator
        )
    _keep_best(sites, scores, budget)
    _train(net, x, y, finetune_steps, lr, batch_size, loss, generator)
    net.eval()
    return net


def _mask_sites(
    net: nn.Module, names: list[str], granularity: Granularity, x: torch.Tensor, replacement: bool
) -> list[MaskedReLU]:
    """Put a MaskedReLU at every ReLU (masks all on); AutoReP's replacement is fitted to the
    inputs each site sees on ``x``."""
    inputs = record_inputs(net, names, lambda: net(x[:512]))
    sites = []
    for name in names:
        old = net.get_submodule(name)
        seen = inputs[name]
        poly = None
        if replacement:
            bound = float(seen.abs().max().clamp_min(1e-3))
            poly = least_squares("relu", (-bound, bound), 2, samples=seen).module.float()
        site = (
            old
            if isinstance(old, MaskedReLU)
            else MaskedReLU(tuple(seen.shape[1:]), granularity, poly)
        )
        if isinstance(old, MaskedReLU):
            site.replacement = poly if poly is not None else site.replacement
        replace(net, name, site)
        sites.append(site)
    return sites


def _batches(
    x: torch.Tensor, y: torch.Tensor, steps: int, batch_size: int, generator: torch.Generator
):
    for step in range(steps):
        index = torch.randint(len(x), (min(batch_size, len(x)),), generator=generator)
        yield step, x[index], y[index]


def _train(
    net: nn.Module,
    x,
    y,
    steps: int,
    lr: float,
    batch_size: int,
    loss: Loss,
    generator: torch.Generator,
) -> None:
    """Adam on the weights (masks are buffers and stay as they are)."""
    net.train()
    optimizer = torch.optim.Adam(net.parameters(), lr=lr)
    for _, xb, yb in _batches(x, y, steps, batch_size, generator):
        value = loss(net(xb), yb)
        optimizer.zero_grad(set_to_none=True)
        value.backward()
        optimizer.step()


def _snl(
    net, sites, budget, x, y, steps, lr, batch_size, penalty, _hysteresis, loss, generator
) -> list[torch.Tensor]:
    alphas = [nn.Parameter(torch.ones(site.mask.shape)) for site in sites]
    sizes = [site.unit_size for site in sites]
    total = sum(site.relu_elements for site in sites)
    optimizer = torch.optim.Adam([*net.parameters(), *alphas], lr=lr)
    strength = penalty
    net.train()
    try:
        for step, xb, yb in _batches(x, y, steps, batch_size, generator):
            for site, alpha in zip(sites, alphas):
                site.weights = alpha
            l1 = sum(alpha.abs().sum() * size for alpha, size in zip(alphas, sizes)) / total
            value = loss(net(xb), yb) + strength * total / max(budget, 1) * l1
            optimizer.zero_grad(set_to_none=True)
            value.backward()
            optimizer.step()
            kept = sum(int((a.detach().abs() > 0.5).sum()) * s for a, s in zip(alphas, sizes))
            if step % 10 == 9 and kept > budget:
                strength *= 2
    finally:
        for site in sites:
            site.weights = None
    return [alpha.detach().abs() for alpha in alphas]


class _HysteresisGate(torch.autograd.Function):
    """On above +h, off below -h, the previous state between; identity gradient."""

    @staticmethod
    def forward(ctx, score, previous, h):
        return torch.where(score > h, 1.0, torch.where(score < -h, 0.0, previous))

    @staticmethod
    def backward(ctx, grad):
        return grad, None, None


def _autorep(
    net, sites, budget, x, y, steps, lr, batch_size, penalty, hysteresis, loss, generator
) -> list[torch.Tensor]:
    scores = [nn.Parameter(torch.ones(site.mask.shape)) for site in sites]
    states = [torch.ones(site.mask.shape) for site in sites]
    sizes = [site.unit_size for site in sites]
    total = sum(site.relu_elements for site in sites)
    optimizer = torch.optim.Adam([*net.parameters(), *scores], lr=max(lr, 1e-2))
    net.train()
    try:
        for _, xb, yb in _batches(x, y, steps, batch_size, generator):
            gates = [
                _HysteresisGate.apply(s, state, hysteresis) for s, state in zip(scores, states)
            ]
            for site, gate in zip(sites, gates):
                site.weights = gate
            kept = sum(g.sum() * size for g, size in zip(gates, sizes))
            over = F.relu(kept - budget) / total
            value = loss(net(xb), yb) + penalty * total / max(budget, 1) * over
            optimizer.zero_grad(set_to_none=True)
            value.backward()
            optimizer.step()
            states = [g.detach() for g in gates]
    finally:
        for site in sites:
            site.weights = None
    return [s.detach() for s in scores]


def _keep_best(sites: list[MaskedReLU], scores: list[torch.Tensor], budget: int) -> None:
    """Masks on for the highest-scoring entries that still fit the budget (greedy, exact)."""
    entries = sorted(
        (
            (float(v), i, j)
            for i, score in enumerate(scores)
            for j, v in enumerate(score.flatten().tolist())
        ),
        reverse=True,
    )
    masks = [torch.zeros(site.mask.numel()) for site in sites]
    left = budget
    for _, i, j in entries:
        size = sites[i].unit_size
        if size <= left:
            masks[i][j] = 1.0
            left -= size
    for site, mask in zip(sites, masks):
        site.mask.copy_(mask.view(site.mask.shape))
    log.info("kept %d of budget %d ReLUs", budget - left, budget)
