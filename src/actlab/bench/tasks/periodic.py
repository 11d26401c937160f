"""Extrapolating periodic series: fit an MLP on a window, score it outside the window.

Networks with ReLU or tanh extrapolate as a line or a constant outside the training data, so they
miss the continuing oscillation; periodic nonlinearities such as Snake continue it (Liu Ziyin et
al., "Neural Networks Fail to Learn Periodic Functions and How to Fix It", NeurIPS 2020).
Errors are RMSE divided by the series' standard deviation on the window.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import torch

from actlab.bench.models import mlp
from actlab.bench.task import ActFactory, Context, Metric, Outcome, Task, by_suite
from actlab.bench.training import Schedule, fit_regression, rmse

SERIES: dict[str, Callable[[torch.Tensor], torch.Tensor]] = {
    "sine": torch.sin,
    "compound": lambda x: torch.sin(x) + 0.4 * torch.sin(3 * x + 1),
    "seasonal_trend": lambda x: 0.15 * x + torch.sin(x),
}


@dataclass(frozen=True)
class Config:
    schedule: Schedule
    width: int = 64
    window: float = 4 * math.pi  # train on [-window, window]
    horizon: float = 8 * math.pi  # extrapolate on window < |x| <= horizon
    samples: int = 512


def run(model: str, act: ActFactory, config: Config, context: Context) -> Outcome:
    inside = torch.linspace(-config.window, config.window, config.samples).unsqueeze(1)
    between = inside[:-1] + 0.5 * (inside[1:] - inside[:-1])  # held-out points in the window
    right = torch.linspace(config.window, config.horizon, config.samples // 2 + 1)[1:]
    outside = torch.cat([-right.flip(0), right]).unsqueeze(1)
    metrics, curves = {}, {}
    for name, series in SERIES.items():
        scale = series(inside).std().item()
        net = mlp([1, config.width, config.width, 1], act)
        curves[f"train_loss/{name}"] = fit_regression(net, inside, series(inside) / scale,
                                                      config.schedule, context)
        net.cpu()
        metrics[f"interpolation_nrmse/{name}"] = rmse(net, between, series(between) / scale)
        metrics[f"extrapolation_nrmse/{name}"] = rmse(net, outside, series(outside) / scale)
    for kind in ("extrapolation", "interpolation"):
        values = [metrics[f"{kind}_nrmse/{name}"] for name in SERIES]
        metrics[f"{kind}_nrmse"] = sum(values) / len(values)
    return Outcome(metrics, curves)


TASK = Task(
    name="periodic",
    description="fit sine, compound sine and sine-plus-trend on [-4pi, 4pi]; extrapolate to 8pi",
    models=("mlp",),
    metrics=(
        Metric("extrapolation_nrmse", False, "mean over series of RMSE / std outside the window"),
        Metric("interpolation_nrmse", False, "mean over series of RMSE / std inside the window"),
        *(Metric(f"{kind}_nrmse/{name}", False) for kind in ("extrapolation", "interpolation")
          for name in SERIES),
    ),
    budgets=by_suite(lambda steps: {"mlp": Config(Schedule(steps, 3e-3, points=25))},
                     500, 3000, 10000),
    run=run,
)
