"""`probe`: run a model over data and measure every activation site, streaming."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
from torch import nn

from actlab.errors import ModelError
from actlab.files import atomic_write
from actlab.probe.sites import Site
from actlab.probe.stats import Options, SiteStats
from actlab.probe.tap import Tap
from actlab.tables import Table

Forward = Callable[[nn.Module, Any], Any]
Loss = Callable[[Any, Any], torch.Tensor]

COLUMNS = (
    "site",
    "entry",
    "units",
    "zeros",
    "fat_eps",
    "top_mass",
    "dead_units",
    "dormant_units",
    "flat",
    "massive_ratio",
    "kurtosis",
    "variance",
    "grad_norm",
)


DEFAULTS = Options()


def call(model: nn.Module, batch: Any) -> Any:
    """The default forward: ``model(**batch)`` for a mapping, ``model(batch)`` otherwise."""
    return model(**batch) if isinstance(batch, dict) else model(batch)


def checked_loss(value: torch.Tensor, what: str = "the loss") -> torch.Tensor:
    """``value`` if it is a finite scalar, else a ModelError naming it."""
    if not isinstance(value, torch.Tensor) or value.numel() != 1:
        raise ModelError(f"{what} must be a scalar tensor, got {type(value).__name__}")
    if not torch.isfinite(value):
        raise ModelError(
            f"{what} is {value.item()}: probes need a finite loss (check the model's "
            f"outputs and the batch)"
        )
    return value


def no_sites(model: nn.Module, selected: bool) -> ModelError:
    what = "no activation site matches the selection" if selected else "no activation sites"
    return ModelError(
        f"{type(model).__name__} has {what}: probes see torch.nn, actlab and "
        f"transformers activation modules and functional calls such as F.gelu"
    )


@dataclass
class ProbeReport:
    """Per-site records (one dict per site, in the order sites ran), per-unit records, and
    samples of each site's inputs and outputs for histograms."""

    records: list[dict[str, Any]]
    units: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    samples: dict[str, tuple[torch.Tensor, torch.Tensor]] = field(default_factory=dict)
    loss: float | None = None

    def table(self, columns: tuple[str, ...] = COLUMNS) -> Table:
        """The records as a Table (numbers to 4 significant digits)."""
        return Table.of(
            columns,
            [[_cell(r.get(c)) for c in columns] for r in self.records],
            title="activation sites",
            note="" if self.loss is None else f"mean loss {self.loss:.4g}",
        )

    def csv(self) -> str:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(self.records[0]))
        writer.writeheader()
        writer.writerows(self.records)
        return out.getvalue()

    def json(self) -> str:
        return json.dumps({"loss": self.loss, "sites": self.records, "units": self.units}, indent=1)

    def save(self, path: Path) -> Path:
        """Write the records as ``.csv`` or, with units, as ``.json`` (by the suffix)."""
        path = Path(path)
        if path.suffix not in (".csv", ".json"):
            raise ModelError(f"{path}: probe results are written as .csv or .json")
        text = self.csv() if path.suffix == ".csv" else self.json()
        return atomic_write(path, text.encode())


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def probe(
    model: nn.Module,
    batches: Iterable[Any],
    *,
    forward: Forward = call,
    loss: Loss | None = None,
    mask: Callable[[Any], torch.Tensor] | None = None,
    select: Callable[[Site], bool] | None = None,
    options: Options = DEFAULTS,
    progress: Callable[[int], None] | None = None,
) -> ProbeReport:
    """Measure every activation site of ``model`` over ``batches``.

    ``forward(model, batch)`` runs one batch (default ``model(batch)``, ``model(**batch)`` for a
    dict). With ``loss(output, batch)``, gradient norms at each site are measured as well (no
    parameter gradient is touched). ``mask(batch)`` gives a boolean (batch, positions) mask of
    the tokens to count (padding left out). ``select`` filters sites; ``progress(k)`` is called
    after each batch.

    >>> net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
    >>> report = probe(net, [torch.randn(16, 4) for _ in range(3)])
    >>> report.records[0]["site"], report.records[0]["units"], report.records[0]["rows"]
    ('1', 8, 48)
    """
    generator = torch.Generator().manual_seed(0)
    stats: dict[str, SiteStats] = {}
    state: dict[str, Any] = {"batch": 0, "select": None, "held": {}}

    def on(site: Site, x: torch.Tensor | None, h: torch.Tensor) -> None:
        if site.name not in stats:
            stats[site.name] = SiteStats(site.entry, options, generator)
        select_rows = state["select"]
        if select_rows is not None and tuple(h.shape[:2]) != tuple(select_rows.shape):
            select_rows = None
        stats[site.name].update(x, h, state["batch"], select_rows)
        if loss is not None and h.requires_grad:
            state["held"][site.name] = h

    losses = []
    with Tap(model, on, select) as tap:
        for batch in batches:
            state["select"] = None if mask is None else mask(batch).bool()
            state["held"] = {}
            with torch.set_grad_enabled(loss is not None):
                output = forward(model, batch)
                if loss is not None:
                    value = checked_loss(loss(output, batch))
                    losses.append(value.item())
                    _gradients(value, state["held"], stats)
            state["batch"] += 1
            if progress is not None:
                progress(state["batch"])
        sites = tap.sites
    if not stats:
        raise no_sites(model, select is not None)
    records = []
    for name, s in stats.items():
        site = sites[name]
        records.append(
            {
                "site": name,
                "kind": site.kind,
                "entry": site.entry.label()
                if site.entry
                else site.extra.get(
                    "block",
                    type(model.get_submodule(name)).__name__ if site.kind == "module" else "-",
                ),
                **s.summary(),
            }
        )
    return ProbeReport(
        records,
        {n: s.unit_records() for n, s in stats.items()},
        {n: (s.inputs.values, s.outputs.values) for n, s in stats.items()},
        sum(losses) / len(losses) if losses else None,
    )


def _gradients(
    value: torch.Tensor, held: dict[str, torch.Tensor], stats: dict[str, SiteStats]
) -> None:
    if not held:
        return
    names = list(held)
    grads = torch.autograd.grad(value, [held[n] for n in names], allow_unused=True)
    for name, grad in zip(names, grads):
        if grad is not None:
            stats[name].add_gradient(grad)
