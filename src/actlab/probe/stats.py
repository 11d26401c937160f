"""Streaming statistics of one activation site: nothing grows with the data but a fixed-size
uniform sample of values (for medians and histograms) and the top few magnitudes.

Rows are tokens (or samples, or pixels), units the channel dimension: the last one, or dimension
1 for inputs of four or more dimensions (images).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache

import torch

from actlab.probe.sites import Entry


@dataclass(frozen=True)
class Options:
    """What counts as what. ``eps``: |h| < eps is FAT-eps small; ``delta``: |f'(x)| < delta is
    flat; ``tau``: ReDo's dormancy score threshold; ``top``: the fraction of units whose share of
    |h| mass is the top-k mass; ``sample``: values kept per site for medians and histograms;
    ``extremes``: largest magnitudes kept with their location."""

    eps: float = 1e-2
    delta: float = 1e-2
    tau: float = 0.1
    top: float = 0.1
    sample: int = 20_000
    extremes: int = 5


@cache
def derivative_function(entry: Entry):
    """``f'(x)`` of a catalog entry as a torch function of x, parameters bound."""
    spec = entry.spec
    values = spec.resolve(dict(entry.params))
    run = spec.expression.torch_function(spec.expression.derivative())
    return lambda x: run(x, **{k: torch.tensor(v, dtype=x.dtype) for k, v in values.items()})[0]


def as_rows(t: torch.Tensor) -> torch.Tensor:
    """(..., units) -> (rows, units); (batch, channels, *spatial) -> (rows, channels) at 4+ dims."""
    if t.dim() >= 4:
        t = t.movedim(1, -1)
    return t.reshape(-1, t.shape[-1]) if t.dim() else t.reshape(1, 1)


class Reservoir:
    """A uniform sample of at most ``size`` values of a stream: each value gets a random key and
    the ``size`` smallest keys stay."""

    def __init__(self, size: int, generator: torch.Generator):
        self.size, self.generator = size, generator
        self.values = torch.empty(0)
        self.keys = torch.empty(0)

    def add(self, values: torch.Tensor) -> None:
        values = values.detach().reshape(-1).float().cpu()
        keys = torch.rand(values.numel(), generator=self.generator)
        if self.keys.numel() == self.size:  # full: only keys below the largest kept can enter
            entering = keys < self.keys.max()
            keys, values = keys[entering], values[entering]
        if keys.numel() > self.size:
            keys, order = keys.topk(self.size, largest=False)
            values = values[order]
        self.values = torch.cat([self.values, values])
        self.keys = torch.cat([self.keys, keys])
        if self.keys.numel() > self.size:
            self.keys, order = self.keys.topk(self.size, largest=False)
            self.values = self.values[order]


@dataclass
class SiteStats:
    """Running sums for one site; :meth:`update` takes a batch, :meth:`summary` reads them out."""

    entry: Entry | None
    options: Options
    generator: torch.Generator
    units: int = 0
    rows: int = 0
    sums: torch.Tensor = field(default_factory=lambda: torch.zeros(5, dtype=torch.float64))
    zeros: torch.Tensor | None = None  # per unit: count of h == 0
    small: torch.Tensor | None = None  # per unit: count of |h| < eps
    abs_sum: torch.Tensor | None = None  # per unit: sum of |h|
    flat: torch.Tensor | None = None  # per unit: count of |f'(x)| < delta
    top_mass: float = 0.0  # sum over rows of the top-k share of |h|
    grad_sq: float = 0.0
    grad_batches: int = 0
    extremes: list[tuple[float, int, int, int, int]] = field(default_factory=list)
    outputs: Reservoir | None = None
    inputs: Reservoir | None = None

    def update(
        self,
        x: torch.Tensor | None,
        h: torch.Tensor,
        batch: int,
        select: torch.Tensor | None = None,
    ) -> None:
        """Add one batch: ``h`` the site's output, ``x`` its input (same shape) or None;
        ``select`` a boolean mask over the leading dimensions of ``h`` (padding left out)."""
        positions = h.shape[1] if h.dim() == 3 else 1
        h = h.detach()
        if select is not None:
            index = select.reshape(-1).nonzero().squeeze(1)
            h = h.reshape(-1, h.shape[-1])[index]
            x = None if x is None else x.detach().reshape(-1, x.shape[-1])[index]
            positions = 1
        rows = as_rows(h).float()
        if self.zeros is None:
            self._start(rows.shape[1])
        magnitude = rows.abs()
        self.rows += rows.shape[0]
        square = rows * rows
        self.sums += torch.stack(
            [
                torch.tensor(float(rows.numel()), dtype=torch.float64),
                *(
                    t.sum(dtype=torch.float64)
                    for t in (rows, square, square * rows, square * square)
                ),
            ]
        )
        self.zeros += (rows == 0).sum(0)
        self.small += (magnitude < self.options.eps).sum(0)
        self.abs_sum += magnitude.sum(0, dtype=torch.float64)
        k = max(1, math.ceil(self.options.top * self.units))
        total = magnitude.sum(1)
        share = magnitude.topk(k, dim=1).values.sum(1) / total.clamp_min(1e-300)
        self.top_mass += float(torch.where(total > 0, share, torch.zeros_like(share)).sum())
        self._keep_extremes(magnitude, batch, positions)
        self.outputs.add(rows)
        if x is not None and self.entry is not None:
            inputs = as_rows(x.detach()).float()
            slope = derivative_function(self.entry)(inputs)
            self.flat += (slope.abs() < self.options.delta).sum(0)
            self.inputs.add(inputs)

    def add_gradient(self, grad: torch.Tensor) -> None:
        """Add the squared norm of d loss / d h of one batch."""
        self.grad_sq += float(grad.double().pow(2).sum())
        self.grad_batches += 1

    def _start(self, units: int) -> None:
        self.units = units
        self.zeros, self.small, self.abs_sum, self.flat = (
            torch.zeros(units, dtype=torch.float64) for _ in range(4)
        )
        self.outputs = Reservoir(self.options.sample, self.generator)
        self.inputs = Reservoir(self.options.sample, self.generator)

    def _keep_extremes(self, magnitude: torch.Tensor, batch: int, positions: int) -> None:
        values, where = magnitude.reshape(-1).topk(min(self.options.extremes, magnitude.numel()))
        for value, index in zip(values.tolist(), where.tolist()):
            row, unit = divmod(index, magnitude.shape[1])
            self.extremes.append((value, batch, *divmod(row, positions), unit))
        self.extremes = sorted(self.extremes, reverse=True)[: self.options.extremes]

    def summary(self) -> dict[str, float | int | str | None]:
        """The site's numbers (one record of the probe's table)."""
        count, s1, s2, s3, s4 = self.sums.tolist()
        mean = s1 / count
        var = s2 / count - mean**2
        central4 = s4 / count - 4 * mean * s3 / count + 6 * mean**2 * s2 / count - 3 * mean**4
        elements = self.rows * self.units
        median = float(self.outputs.values.abs().median()) if self.outputs.values.numel() else 0.0
        max_abs = self.extremes[0][0] if self.extremes else 0.0
        unit_mean = self.abs_sum / self.rows
        tau_score = unit_mean / unit_mean.mean().clamp_min(1e-300)
        flat = self.flat / self.rows
        _, batch, sample, position, unit = (
            self.extremes[0] if self.extremes else (0.0, -1, -1, -1, -1)
        )
        return {
            "units": self.units,
            "rows": self.rows,
            "zeros": float(self.zeros.sum()) / elements,
            "fat_eps": float(self.small.sum()) / elements,
            "top_mass": self.top_mass / self.rows,
            "dead_units": int((self.zeros == self.rows).sum()),
            "dormant_units": int((tau_score <= self.options.tau).sum()),
            "flat": float(flat.mean()) if self.entry is not None else None,
            "flat_units": int((flat >= 0.99).sum()) if self.entry is not None else None,
            "mean": mean,
            "variance": var,
            "kurtosis": central4 / var**2 - 3 if var > 0 else None,
            "max_abs": max_abs,
            "median_abs": median,
            "massive_ratio": max_abs / median if median > 0 else None,
            "max_at": f"batch {batch} row {sample} position {position} unit {unit}",
            "grad_norm": (
                math.sqrt(self.grad_sq / self.grad_batches) if self.grad_batches else None
            ),
        }

    def unit_records(self) -> list[dict[str, float | int]]:
        """Per unit: fraction of zeros, of |h| < eps, flat occupancy, mean |h| and ReDo score."""
        unit_mean = self.abs_sum / self.rows
        tau_score = unit_mean / unit_mean.mean().clamp_min(1e-300)
        return [
            {
                "unit": i,
                "zeros": float(self.zeros[i]) / self.rows,
                "fat_eps": float(self.small[i]) / self.rows,
                "flat": float(self.flat[i]) / self.rows if self.entry is not None else None,
                "mean_abs": float(unit_mean[i]),
                "tau_score": float(tau_score[i]),
            }
            for i in range(self.units)
        ]
