"""scikit-learn's bundled 8x8 handwritten digits (1797 images, UCI), stratified 75/25 split."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import torch

from actlab.bench.models import ConvNet2d, mlp
from actlab.bench.task import ActFactory, Context, Outcome, Task, by_suite
from actlab.bench.training import Schedule, classification_metrics, train_classifier


@dataclass(frozen=True)
class Config:
    schedule: Schedule
    width: int  # hidden units (MLP) or first-layer channels (CNN)


@cache
def dataset() -> tuple[torch.Tensor, ...]:
    """``x, y, x_test, y_test``: pixels scaled to [0, 1], a fixed stratified split."""
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    images, labels = load_digits(return_X_y=True)
    x, x_test, y, y_test = train_test_split(images / 16.0, labels, test_size=0.25,
                                            stratify=labels, random_state=0)
    return (torch.as_tensor(x, dtype=torch.float32), torch.as_tensor(y).long(),
            torch.as_tensor(x_test, dtype=torch.float32), torch.as_tensor(y_test).long())


def run(model: str, act: ActFactory, config: Config, context: Context) -> Outcome:
    x, y, x_test, y_test = dataset()
    net = (mlp([64, config.width, config.width, 10], act) if model == "mlp"
           else ConvNet2d(act, channels=config.width))
    return train_classifier(net, x, y, x_test, y_test, config.schedule, context)


TASK = Task(
    name="digits",
    description="8x8 digits (sklearn.datasets.load_digits), 1347 train / 450 test",
    models=("mlp", "cnn"),
    metrics=classification_metrics("450 test images"),
    budgets=by_suite(lambda steps: {model: Config(Schedule(steps, 3e-3, batch_size=64), width)
                                    for model, width in (("mlp", 64), ("cnn", 16))},
                     400, 2000, 6000),
    run=run,
)
