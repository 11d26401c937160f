"""Function fitting: symbolic regression targets on [-1, 1]^d scored by RMSE on held-out points.

Targets cover smooth, oscillatory, compositional and KAN-style functions (the last two from Liu
et al., "KAN: Kolmogorov-Arnold Networks", 2024). The primary score averages RMSE divided by each
target's standard deviation, so targets of different scale weigh alike.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import torch

from actlab.bench.models import mlp
from actlab.bench.task import ActFactory, Context, Metric, Outcome, Task, by_suite
from actlab.bench.training import Schedule, fit_regression, rmse


@dataclass(frozen=True)
class Target:
    inputs: int
    f: Callable[[torch.Tensor], torch.Tensor]  # (n, inputs) -> (n,)


TARGETS: dict[str, Target] = {
    "gaussian_bump": Target(2, lambda x: torch.exp(-2 * (x**2).sum(1))),
    "runge": Target(1, lambda x: 1 / (1 + 25 * x[:, 0] ** 2)),
    "oscillation": Target(1, lambda x: torch.sin(3 * math.pi * x[:, 0])),
    "kan_exp_sin": Target(2, lambda x: torch.exp(torch.sin(math.pi * x[:, 0]) + x[:, 1] ** 2)),
    "kan_product": Target(2, lambda x: x[:, 0] * x[:, 1]),
    "nested": Target(2, lambda x: torch.tanh(3 * torch.sin(2 * x[:, 0]) * torch.cos(2 * x[:, 1]))),
}


@dataclass(frozen=True)
class Config:
    schedule: Schedule
    width: int = 64
    train_points: int = 1024
    test_points: int = 1024


def run(model: str, act: ActFactory, config: Config, context: Context) -> Outcome:
    data = torch.Generator().manual_seed(0)  # the same points for every run
    metrics, curves, normalized = {}, {}, []
    for name, target in TARGETS.items():
        x = 2 * torch.rand(config.train_points, target.inputs, generator=data) - 1
        x_test = 2 * torch.rand(config.test_points, target.inputs, generator=data) - 1
        y, y_test = target.f(x).unsqueeze(1), target.f(x_test).unsqueeze(1)
        net = mlp([target.inputs, config.width, config.width, 1], act)
        curves[f"train_loss/{name}"] = fit_regression(net, x, y, config.schedule, context)
        net.cpu()
        metrics[f"rmse/{name}"] = rmse(net, x_test, y_test)
        normalized.append(metrics[f"rmse/{name}"] / y_test.std().item())
    metrics["nrmse"] = sum(normalized) / len(normalized)
    return Outcome(metrics, curves)


TASK = Task(
    name="fit",
    description="regress six functions of one or two variables (smooth, oscillatory, KAN-style)",
    models=("mlp",),
    metrics=(Metric("nrmse", False, "mean over targets of test RMSE / target std"),
             *(Metric(f"rmse/{name}", False) for name in TARGETS)),
    budgets=by_suite(lambda steps: {"mlp": Config(Schedule(steps, 3e-3, points=25))},
                     300, 2000, 8000),
    run=run,
)
