"""Escaping activations: polynomial sites whose inputs leave the interval they were fitted on.

A polynomial fitted on [-B, B] grows like x^d outside it; in a deep polynomial network one
site's overshoot feeds the next and the activations escape to inf and NaN within a few steps
(Garimella et al., "Sisyphus: A Cautionary Tale of Using Low-Degree Polynomial Activations in
Privacy-Preserving Deep Learning", 2021). :class:`RangeMonitor` hooks every polynomial site,
records the range of its inputs at each forward and flags the first site to escape; its
:meth:`~RangeMonitor.penalty` is the remedy, range-aware training: add it to the loss.

>>> from actlab.pi.polynomial import Polynomial
>>> model = nn.Sequential(nn.Linear(2, 2), Polynomial.from_power([0, 0, 1], (-1, 1)))
>>> with RangeMonitor(model) as monitor:
...     _ = model(torch.tensor([[0.1, 0.2]]))
...     _ = model(torch.tensor([[50.0, -50.0]]))
>>> monitor.first.forward, monitor.first.site
(2, '1')
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn

from actlab.pi.count import polynomial_sites
from actlab.tables import Table


@dataclass(frozen=True)
class Escape:
    """The first forward (counted from 1) in which a site saw inputs outside its interval."""

    forward: int
    site: str
    interval: tuple[float, float]
    low: float
    high: float
    outside: float  # the fraction of the site's inputs outside the interval

    @property
    def finite(self) -> bool:
        """Whether the inputs were still finite when the escape was flagged."""
        return bool(abs(self.low) < float("inf") and abs(self.high) < float("inf"))


class RangeMonitor:
    """Forward hooks on every polynomial site of ``model``; a context manager that removes them.

    ``ranges[site]`` is the (min, max) of the site's inputs over every forward seen;
    ``escapes`` the first escape of each site, in the order they happened; ``first`` the
    earliest (None while every input stayed inside). ``margin`` widens each interval by that
    fraction of its width before an input counts as outside.
    """

    def __init__(self, model: nn.Module, margin: float = 0.0):
        self.sites = dict(polynomial_sites(model))
        self.margin = margin
        self.forwards = 0
        self.ranges: dict[str, tuple[float, float]] = {}
        self.escapes: list[Escape] = []
        self._inputs: dict[str, torch.Tensor] = {}
        self._hooks = [model.register_forward_pre_hook(self._count)]
        self._hooks += [
            module.register_forward_hook(
                lambda _m, args, _out, name=name: self._observe(name, args[0])
            )
            for name, module in self.sites.items()
        ]

    def __enter__(self) -> RangeMonitor:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        """Remove the hooks."""
        for hook in self._hooks:
            hook.remove()
        self._hooks = []

    @property
    def first(self) -> Escape | None:
        return self.escapes[0] if self.escapes else None

    def _bounds(self, name: str) -> tuple[float, float]:
        low, high = self.sites[name].interval
        slack = self.margin * (high - low)
        return low - slack, high + slack

    def _count(self, _module, _args) -> None:
        self.forwards += 1

    def _observe(self, name: str, x: torch.Tensor) -> None:
        self._inputs[name] = x
        with torch.no_grad():
            seen_low, seen_high = float(x.min()), float(x.max())
            old = self.ranges.get(name)
            self.ranges[name] = (
                (seen_low, seen_high)
                if old is None
                else (min(old[0], seen_low), max(old[1], seen_high))
            )
            low, high = self._bounds(name)
            outside = ((x < low) | (x > high) | ~torch.isfinite(x)).float().mean().item()
        if outside > 0 and all(e.site != name for e in self.escapes):
            self.escapes.append(
                Escape(self.forwards, name, self.sites[name].interval, seen_low, seen_high, outside)
            )

    def penalty(self, inner: float = 0.5) -> torch.Tensor:
        """Mean squared distance of the latest inputs beyond the central ``inner`` fraction of
        each interval, summed over sites; differentiable: add it, weighted, to the loss. With
        ``inner < 1`` it pushes back before an input reaches the interval's edge."""
        total = torch.zeros(())
        for name, x in self._inputs.items():
            low, high = self.sites[name].interval
            centre, half = (low + high) / 2, inner * (high - low) / 2
            total = total + (F.relu((x - centre).abs() - half) ** 2).mean()
        return total

    def table(self) -> Table:
        """Per site: interval, the input range seen, and the forward it first escaped in."""
        first = {e.site: e.forward for e in self.escapes}
        rows = [
            (
                name,
                f"({m.interval[0]:g}, {m.interval[1]:g})",
                *(f"{v:.4g}" for v in self.ranges.get(name, (float("nan"),) * 2)),
                first.get(name, ""),
            )
            for name, m in self.sites.items()
        ]
        note = (
            f"first escape: site {self.first.site} at forward {self.first.forward}"
            if self.first
            else "no site left its interval"
        )
        return Table.of(
            ("site", "interval", "min input", "max input", "escaped at forward"),
            rows,
            "polynomial input ranges",
            note,
        )
