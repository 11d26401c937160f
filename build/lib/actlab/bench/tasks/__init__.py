"""Benchmark tasks. Each task is one module here that builds a :class:`Task` and registers it.

A task declares its models, its metrics (the first is the primary one, with its direction), a
training configuration per suite (``quick``, ``standard``, ``full``), the published numbers it can
be compared with, and the function that trains one model with one nonlinearity.
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


_TASKS: dict[str, Task] = {}


def register(task: Task) -> Task:
    """Add ``task`` to the registry (a task module calls this once at import)."""
    if task.name in _TASKS:
        raise ParameterError(f"task {task.name!r} is already registered")
    if task.primary.higher_is_better is None:
        raise ParameterError(f"task {task.name!r}: the primary metric needs a direction")
    for suite in SUITES:
        if set(task.budgets.get(suite, ())) != set(task.models):
            raise ParameterError(f"task {task.name!r} needs a {suite} budget for each model")
    _TASKS[task.name] = task
    return task


def get_task(name: str) -> Task:
    """The task registered as ``name``; unknown names list close matches."""
    if name not in _TASKS:
        raise UnknownNameError("task", name, _TASKS)
    return _TASKS[name]


def task_names() -> list[str]:
    return list(_TASKS)


from actlab.bench.tasks import (  # noqa: E402, F401  (each module registers its task)
    deep_narrow,
    digits,
    fit,
    mnist1d,
    periodic,
    shakespeare_char,
)
