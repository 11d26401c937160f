"""Trainability of deep, narrow, unnormalized MLPs (depth 20 and 50, width 32) on the 8x8 digits.

Each network starts from the variance-preserving initialization of its nonlinearity
(:func:`actlab.bench.models.init_for`: He for ReLU, LeCun for SELU), so depth, not a mismatched
init, decides whether gradients reach the first layer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn

from actlab.bench.models import init_for, mlp
from actlab.bench.task import ActFactory, Context, Metric, Outcome, Task, by_suite
from actlab.bench.tasks.digits import dataset
from actlab.bench.training import Schedule, train_classifier

DEPTHS = {"depth20": 20, "depth50": 50}


@dataclass(frozen=True)
class Config:
    schedule: Schedule
    depth: int
    width: int = 32


def gradient_ratio(net: nn.Sequential, x: torch.Tensor, y: torch.Tensor) -> float:
    """log10 of |grad W_first| / |grad W_last| at initialization: 0 means gradients keep their
    size through depth, large negative values mean they vanish before the first layer."""
    linears = [m for m in net if isinstance(m, nn.Linear)]
    net.zero_grad()
    F.cross_entropy(net(x), y).backward()
    first, last = (layer.weight.grad.norm().item() for layer in (linears[0], linears[-1]))
    net.zero_grad()
    if not (first > 0 and last > 0 and math.isfinite(first) and math.isfinite(last)):
        return -math.inf if last > 0 else math.nan
    return math.log10(first / last)


def run(model: str, act: ActFactory, config: Config, context: Context) -> Outcome:
    x, y, x_test, y_test = dataset()
    net = mlp([64, *[config.width] * (config.depth - 1), 10], act)
    init_for(net, act)
    ratio = gradient_ratio(net, x[:256], y[:256])
    outcome = train_classifier(net, x, y, x_test, y_test, config.schedule, context)
    return Outcome({**outcome.metrics, "gradient_ratio_log10": ratio}, outcome.curves)


TASK = Task(
    name="deep_narrow",
    description="plain MLPs of depth 20 and 50 (width 32, no normalization) on 8x8 digits",
    models=tuple(DEPTHS),
    metrics=(Metric("test_accuracy", True, "test accuracy after training"),
             Metric("train_loss", False, "training cross-entropy after training"),
             Metric("gradient_ratio_log10", None, "log10 |grad first layer| / |grad last layer| "
                    "at init: 0 is ideal, below 0 vanishing, above 0 exploding gradients"),
             Metric("test_loss", False)),
    budgets=by_suite(lambda steps: {name: Config(Schedule(steps, 1e-3, batch_size=64), depth)
                                    for name, depth in DEPTHS.items()}, 300, 1500, 5000),
    run=run,
)
