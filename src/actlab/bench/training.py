"""Training loops shared by the tasks: minibatch classification and full-batch regression."""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn

from actlab.bench.task import Context, Curves, Metric, Outcome


class Diverged(ArithmeticError):
    """The training loss became NaN or infinite."""


@dataclass(frozen=True)
class Schedule:
    """Adam steps, batch size, learning rate, weight decay and how many curve points to keep."""

    steps: int
    lr: float
    batch_size: int = 0  # 0: full batch
    weight_decay: float = 0.0
    points: int = 50


def check_finite(loss: torch.Tensor, step: int) -> float:
    value = loss.item()
    if not math.isfinite(value):
        raise Diverged(f"loss is {value} at step {step}")
    return value


def clipped_step(model: nn.Module, optimizer: torch.optim.Optimizer, loss: torch.Tensor,
                 step: int) -> float:
    """One optimizer step on ``loss`` with the gradient norm clipped to 1; the loss as a float
    (:class:`Diverged` if it is not finite)."""
    value = check_finite(loss, step)
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimizer.step()
    return value


def logging_steps(steps: int, points: int) -> set[int]:
    """Steps at which curves get a point: about ``points`` evenly spaced, always the last.

    >>> sorted(logging_steps(10, 4))
    [2, 4, 6, 8, 10]
    """
    every = max(1, steps // points)
    return {s for s in range(1, steps + 1) if s % every == 0} | {steps}


def classification_metrics(test_set: str) -> tuple[Metric, ...]:
    """Test accuracy (the primary metric), test loss and train loss of :func:`train_classifier`.

    >>> [m.name for m in classification_metrics("450 test images")]
    ['test_accuracy', 'test_loss', 'train_loss']
    """
    return (Metric("test_accuracy", True, f"fraction of the {test_set} classified right"),
            Metric("test_loss", False), Metric("train_loss", False))


def train_classifier(model: nn.Module, x: torch.Tensor, y: torch.Tensor, x_test: torch.Tensor,
                     y_test: torch.Tensor, schedule: Schedule, context: Context) -> Outcome:
    """Adam with cross-entropy on random minibatches; test accuracy and loss at the end."""
    model.to(context.device)
    x, y, x_test, y_test = (t.to(context.device) for t in (x, y, x_test, y_test))
    optimizer = torch.optim.Adam(model.parameters(), lr=schedule.lr,
                                 weight_decay=schedule.weight_decay)
    generator, log_at = context.generator(), logging_steps(schedule.steps, schedule.points)
    curves: Curves = {"train_loss": [], "test_accuracy": []}
    batch = schedule.batch_size or len(x)
    for step in range(1, schedule.steps + 1):
        index = torch.randint(len(x), (batch,), generator=generator).to(context.device)
        loss = F.cross_entropy(model(x[index]), y[index])
        value = check_finite(loss, step)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        if step in log_at:
            curves["train_loss"].append((step, value))
            curves["test_accuracy"].append((step, accuracy(model, x_test, y_test)))
    with torch.no_grad():
        model.train(False)
        test_loss = F.cross_entropy(model(x_test), y_test).item()
        train_loss = F.cross_entropy(model(x), y).item()
    return Outcome({"test_accuracy": curves["test_accuracy"][-1][1], "test_loss": test_loss,
                    "train_loss": train_loss}, curves)


def accuracy(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> float:
    with torch.no_grad():
        return (model(x).argmax(1) == y).float().mean().item()


def fit_regression(model: nn.Module, x: torch.Tensor, y: torch.Tensor, schedule: Schedule,
                   context: Context) -> list[tuple[int, float]]:
    """Full-batch Adam on mean squared error; the training-loss curve."""
    model.to(context.device)
    x, y = x.to(context.device), y.to(context.device)
    optimizer = torch.optim.Adam(model.parameters(), lr=schedule.lr,
                                 weight_decay=schedule.weight_decay)
    log_at, curve = logging_steps(schedule.steps, schedule.points), []
    for step in range(1, schedule.steps + 1):
        loss = F.mse_loss(model(x), y)
        value = check_finite(loss, step)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        if step in log_at:
            curve.append((step, value))
    return curve


def rmse(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> float:
    with torch.no_grad():
        return torch.sqrt(F.mse_loss(model(x), y)).item()
