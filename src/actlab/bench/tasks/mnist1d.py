"""MNIST-1D: ten 1-D digit templates, shifted, scaled, sheared and noised (Greydanus 2020).

Generated offline by the ``mnist1d`` package (5000 samples, 4000/1000 split). The paper's test
accuracies with ReLU: logistic regression 32%, MLP 68%, CNN 94%.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import torch

from actlab.bench.models import ConvNet1d, mlp
from actlab.bench.task import ActFactory, Context, Outcome, Published, Task
from actlab.bench.training import Schedule, classification_metrics, train_classifier

SOURCE = ("Greydanus & Kobak, 'Scaling Down Deep Learning with MNIST-1D', ICML 2024 "
          "(arXiv:2011.14439)")
PAPER_SETTING = "4000/1000 split, Adam lr 1e-2, batch 100, 6000 steps"


@dataclass(frozen=True)
class Config:
    schedule: Schedule
    width: int  # hidden units (MLP) or channels (CNN)
    samples: int = 5000


@cache
def dataset(samples: int) -> tuple[torch.Tensor, ...]:
    """``x, y, x_test, y_test`` from ``mnist1d.data.make_dataset`` (80/20 split, seed 42)."""
    from mnist1d.data import get_dataset_args, make_dataset

    args = get_dataset_args()
    args.num_samples = samples
    data = make_dataset(args)
    return (torch.as_tensor(data["x"], dtype=torch.float32), torch.as_tensor(data["y"]).long(),
            torch.as_tensor(data["x_test"], dtype=torch.float32),
            torch.as_tensor(data["y_test"]).long())


def run(model: str, act: ActFactory, config: Config, context: Context) -> Outcome:
    x, y, x_test, y_test = dataset(config.samples)
    net = (mlp([x.shape[1], config.width, config.width, 10], act) if model == "mlp"
           else ConvNet1d(act, length=x.shape[1], channels=config.width))
    return train_classifier(net, x, y, x_test, y_test, config.schedule, context)


def _budget(steps_mlp: int, steps_cnn: int) -> dict[str, Config]:
    return {"mlp": Config(Schedule(steps_mlp, 1e-2, batch_size=100), width=100),
            "cnn": Config(Schedule(steps_cnn, 1e-2, batch_size=100), width=25)}


TASK = Task(
    name="mnist1d",
    description="MNIST-1D classification (mnist1d.make_dataset, 4000 train / 1000 test)",
    models=("mlp", "cnn"),
    metrics=classification_metrics("1000 test signals"),
    budgets={"quick": _budget(1500, 1000), "standard": _budget(6000, 6000),
             "full": _budget(12000, 12000)},
    run=run,
    published=(Published("mlp", "relu", "test_accuracy", 0.68, PAPER_SETTING, SOURCE),
               Published("cnn", "relu", "test_accuracy", 0.94, PAPER_SETTING, SOURCE)),
)
