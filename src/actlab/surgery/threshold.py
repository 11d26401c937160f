"""`threshold`: training-free magnitude sparsity, calibrated per layer to a target.

- ``"cats"`` (Lee et al. 2024, "CATS: Contextually-Aware Thresholding for Sparsity in Large
  Language Models", arXiv:2404.08763): zero the outputs of every activation site whose magnitude
  is below the site's threshold, the ``target`` quantile of |h| on the calibration data.
- ``"teal"`` (Liu et al. 2024, "Training-Free Activation Sparsity in Large Language Models",
  arXiv:2408.14690): zero the entries of the hidden state entering every ``nn.Linear`` below
  that linear's threshold, the ``target`` quantile of |x| on the calibration data (TEAL's
  uniform allocation; its greedy per-layer allocation is not implemented).

Both count only the tokens ``mask(batch)`` keeps (padding left out).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

import torch
from torch import nn

from actlab.errors import ModelError, ParameterError
from actlab.probe import Reservoir, Tap, call, no_sites

Method = Literal["teal", "cats"]


@dataclass
class Thresholds:
    """Thresholds in force on a model: ``values`` by site (an activation site for CATS, a
    linear layer for TEAL). ``counts`` accumulate (zeroed, counted) entries; :meth:`sparsity`
    reads them, :meth:`run` and :meth:`measure` run held-out data; :meth:`remove` restores the
    dense model."""

    method: str
    target: float
    values: dict[str, float]
    counts: dict[str, list[int]] = field(default_factory=dict)
    _handles: list = field(default_factory=list, repr=False)
    _select: list = field(default_factory=lambda: [None], repr=False)

    def sparsity(self) -> float:
        """The fraction of thresholded entries set to zero since the last reset."""
        zeroed = sum(c[0] for c in self.counts.values())
        total = sum(c[1] for c in self.counts.values())
        return zeroed / total if total else 0.0

    def layer_sparsity(self) -> dict[str, float]:
        return {n: c[0] / c[1] for n, c in self.counts.items() if c[1]}

    def run(
        self,
        model: nn.Module,
        batches: Iterable[Any],
        *,
        forward: Callable[[nn.Module, Any], Any] = call,
        mask: Callable[[Any], torch.Tensor] | None = None,
    ) -> list[Any]:
        """Run ``batches`` through the thresholded model, counting afresh; the outputs."""
        self.counts.clear()
        outputs = []
        with torch.no_grad():
            for batch in batches:
                self._select[0] = None if mask is None else mask(batch).bool()
                outputs.append(forward(model, batch))
        self._select[0] = None
        return outputs

    def measure(
        self,
        model: nn.Module,
        batches: Iterable[Any],
        *,
        forward: Callable[[nn.Module, Any], Any] = call,
        mask: Callable[[Any], torch.Tensor] | None = None,
    ) -> float:
        """The sparsity the thresholds reach on ``batches``."""
        self.run(model, batches, forward=forward, mask=mask)
        return self.sparsity()

    def remove(self) -> None:
        for handle in self._handles:
            handle.remove()
        self._handles.clear()

    def zero_below(self, name: str, t: torch.Tensor) -> torch.Tensor:
        """``t`` with entries at or below the threshold of ``name`` set to zero, counted."""
        keep = t.abs() > self.values[name]
        select = self._select[0]
        counted = (
            keep if select is None or tuple(t.shape[:2]) != tuple(select.shape) else (keep[select])
        )
        count = self.counts.setdefault(name, [0, 0])
        count[0] += int((~counted).sum())
        count[1] += counted.numel()
        return t * keep


def _magnitudes(select: torch.Tensor | None, t: torch.Tensor) -> torch.Tensor:
    t = t.detach().abs()
    if select is not None and tuple(t.shape[:2]) == tuple(select.shape):
        return t[select]
    return t


@dataclass
class Calibration:
    """Samples of the magnitudes each site gates, from :func:`calibrate`; :meth:`at` turns them
    into thresholds for any target, so several targets share one calibration pass."""

    model: nn.Module
    method: str
    samples: dict[str, torch.Tensor]

    def at(self, target_sparsity: float) -> Thresholds:
        """Put in force the thresholds that zero a fraction ``target_sparsity`` of each site."""
        _check_target(target_sparsity)
        values = {
            name: float(torch.quantile(v, target_sparsity)) for name, v in self.samples.items()
        }
        result = Thresholds(self.method, target_sparsity, values)
        result._handles.append(
            _attached(self.model, self.method, lambda n: n in values, result.zero_below)
        )
        return result


def _check_target(target: float) -> None:
    if not 0 < target < 1:
        raise ParameterError(f"target_sparsity is a fraction in (0, 1), got {target}")


def calibrate(
    model: nn.Module,
    calibration: Iterable[Any],
    *,
    method: Method = "teal",
    forward: Callable[[nn.Module, Any], Any] = call,
    mask: Callable[[Any], torch.Tensor] | None = None,
    select: Callable[[str], bool] | None = None,
    sample: int = 200_000,
) -> Calibration:
    """Sample the magnitudes each site gates over ``calibration`` batches (at most ``sample``
    per site). ``select(name)`` limits the sites: activation sites for CATS, linear layers for
    TEAL."""
    if method not in ("teal", "cats"):
        raise ParameterError(f"method is 'teal' or 'cats', got {method!r}")
    keep = select or (lambda name: True)
    generator = torch.Generator().manual_seed(0)
    samples: dict[str, Reservoir] = {}
    current: list[torch.Tensor | None] = [None]

    def record(name: str, t: torch.Tensor) -> None:
        samples.setdefault(name, Reservoir(sample, generator)).add(_magnitudes(current[0], t))

    with _attached(model, method, keep, record), torch.no_grad():
        for index, batch in enumerate(calibration):
            current[0] = None if mask is None else mask(batch).bool()
            try:
                forward(model, batch)
            except (RuntimeError, ValueError, TypeError, IndexError) as err:
                raise ModelError(
                    f"calibration batch {index} does not fit the model: {err}"
                ) from None
    if not samples:
        if method == "teal":
            raise ModelError(f"{type(model).__name__} has no nn.Linear layers for TEAL to gate")
        raise no_sites(model, select is not None)
    return Calibration(model, method, {name: r.values for name, r in samples.items()})


def threshold(
    model: nn.Module,
    calibration: Iterable[Any],
    target_sparsity: float,
    *,
    method: Method = "teal",
    forward: Callable[[nn.Module, Any], Any] = call,
    mask: Callable[[Any], torch.Tensor] | None = None,
    select: Callable[[str], bool] | None = None,
    sample: int = 200_000,
) -> Thresholds:
    """Calibrate per-layer magnitude thresholds on ``calibration`` batches so that a fraction
    ``target_sparsity`` of the entries they gate is zero, and put them in force on ``model``
    (:func:`calibrate` then :meth:`Calibration.at`).

    >>> net = nn.Sequential(nn.Linear(8, 32), nn.GELU(), nn.Linear(32, 8))
    >>> data = [torch.randn(64, 8) for _ in range(4)]
    >>> th = threshold(net, data, 0.5, method="cats")
    >>> round(th.measure(net, data), 2)
    0.5
    """
    _check_target(target_sparsity)
    return calibrate(
        model, calibration, method=method, forward=forward, mask=mask, select=select, sample=sample
    ).at(target_sparsity)


class _attached:
    """Hooks calling ``act(name, t)`` on each selected site's output (CATS) or linear input
    (TEAL); a returned tensor replaces it. A context manager, or ``remove()``."""

    def __init__(
        self,
        model: nn.Module,
        method: str,
        keep: Callable[[str], bool],
        act: Callable[[str, torch.Tensor], torch.Tensor | None],
    ):
        self.handles: list = []
        if method == "cats":
            self.handles.append(
                Tap(model, lambda site, x, h: act(site.name, h), lambda site: keep(site.name))
            )
            return
        for name, module in model.named_modules():
            if isinstance(module, nn.Linear) and keep(name):
                self.handles.append(module.register_forward_pre_hook(self._hook(name, act)))

    @staticmethod
    def _hook(name: str, act):
        def hook(module, args):
            replaced = act(name, args[0])
            return None if replaced is None else (replaced, *args[1:])

        return hook

    def __enter__(self) -> _attached:
        return self

    def __exit__(self, *exc) -> None:
        self.remove()

    def remove(self) -> None:
        for handle in self.handles:
            handle.remove()
        self.handles.clear()
