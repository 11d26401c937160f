"""What a benchmark task is: its metrics, budgets, published numbers and how one run is made.

A task is one module in :mod:`actlab.bench.tasks` that defines ``TASK = Task(...)``; this module
holds only the types, so the store, the models and the training loops depend on it and not on
the tasks themselves.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import torch
from torch import nn

from actlab.errors import ParameterError, UnknownNameError

Suite = Literal["quick", "standard", "full"]
SUITES: tuple[Suite, ...] = ("quick", "standard", "full")
ActFactory = Callable[[], nn.Module]
Curves = dict[str, list[tuple[int, float]]]


@dataclass(frozen=True)
class Metric:
    """A reported number; ``higher_is_better`` orders leaderboards and tests (None: neither
    direction is better, as for a quantity with an ideal value; never a primary metric)."""

    name: str
    higher_is_better: bool | None
    doc: str = ""


@dataclass(frozen=True)
class Published:
    """A number from the literature to show beside ours."""

    model: str
    act: str
    metric: str
    value: float
    setting: str
    source: str


@dataclass(frozen=True)
class Context:
    """What a run gets besides its configuration: seed, device and where data lives."""

    seed: int
    device: torch.device = torch.device("cpu")
    data_dir: Path | None = None

    def generator(self, offset: int = 0) -> torch.Generator:
        """A CPU generator seeded from the run seed (``offset`` separates independent streams)."""
        return torch.Generator().manual_seed(1_000_003 * self.seed + offset)


@dataclass(frozen=True)
class Outcome:
    """What one training run measured: final metrics and per-step curves."""

    metrics: dict[str, float]
    curves: Curves = field(default_factory=dict)


@dataclass(frozen=True)
class Task:
    """A benchmark task; ``run(model, act, config, context)`` trains and evaluates once.

    ``budgets[suite][model]`` is the configuration (a plain dataclass) of that model in that suite.
    ``act`` makes a fresh nonlinearity module per call; a task with ``gated=True`` also takes a
    gated block (:class:`actlab.bench.acts.ActChoice` with ``gated`` set) for its feed-forward
    layers; a task with ``attention=True`` builds its attention with the choice's normalizer.
    """

    name: str
    description: str
    models: tuple[str, ...]
    metrics: tuple[Metric, ...]
    budgets: Mapping[str, Mapping[str, Any]]
    run: Callable[[str, ActFactory, Any, Context], Outcome]
    published: tuple[Published, ...] = ()
    check: Callable[[Path | None], object] | None = None  # raises DataError if data is missing
    version: int = 1  # bump when a change makes old results incomparable
    gated: bool = False  # its models take gated feed-forward blocks (swiglu...) as well
    attention: bool = False  # its models have attention, whose normalizer is a choice too

    def __post_init__(self) -> None:
        if self.primary.higher_is_better is None:
            raise ParameterError(f"task {self.name!r}: the primary metric needs a direction")
        for suite in SUITES:
            if set(self.budgets.get(suite, ())) != set(self.models):
                raise ParameterError(f"task {self.name!r} needs a {suite} budget for each model")

    @property
    def primary(self) -> Metric:
        return self.metrics[0]

    def budget(self, suite: str, model: str) -> Any:
        if suite not in self.budgets:
            raise UnknownNameError("suite", suite, self.budgets)
        if model not in self.models:
            raise UnknownNameError(f"{self.name} model", model, self.models)
        return self.budgets[suite][model]

    def config_hash(self, model: str, config: Any) -> str:
        """A short digest of everything that makes results of this model comparable."""
        text = json.dumps({"task": self.name, "version": self.version, "model": model,
                           "config": asdict(config)}, sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:16]


def by_suite(budget: Callable[[int], Mapping[str, Any]], quick: int, standard: int,
             full: int) -> dict[str, Mapping[str, Any]]:
    """Every suite's ``{model: config}`` from one function of the step count.

    >>> by_suite(lambda steps: {"mlp": steps}, 10, 100, 1000)["standard"]
    {'mlp': 100}
    """
    return {"quick": budget(quick), "standard": budget(standard), "full": budget(full)}

