"""Micro budgets: the quick configurations shrunk to a few steps of tiny models."""

from __future__ import annotations

from dataclasses import fields, replace

from actlab.bench.store import RunKey, RunRecord
from actlab.bench.tasks import get_task
from actlab.bench.training import Schedule

MICRO = {"steps": 3, "points": 3, "layers": 1, "heads": 2, "width": 8, "context": 8,
         "batch_size": 4, "eval_batches": 1, "warmup": 1, "samples": 500, "train_points": 64,
         "test_points": 64, "depth": 4}


def micro(task: str, model: str, steps: int = 3):
    """The quick configuration of ``task``/``model`` shrunk to a few steps of a tiny model."""
    config = get_task(task).budget("quick", model)
    changes = {f.name: MICRO[f.name] for f in fields(config) if f.name in MICRO}
    if "steps" in changes:
        changes["steps"] = steps
    if isinstance(getattr(config, "schedule", None), Schedule):
        changes["schedule"] = replace(config.schedule, steps=steps, points=3)
    return replace(config, **changes)




def record(seed: int = 0, act: str = "relu", status: str = "ok", value: float = 0.9,
           task: str = "digits", model: str = "mlp") -> RunRecord:
    """A stored-run record made up without training."""
    key = RunKey(task, model, act, "{}", seed, "abc123")
    metrics = {"test_accuracy": value, "test_loss": 0.3} if status == "ok" else {}
    curves = {"train_loss": [(1, 2.0), (2, 1.5)], "test_accuracy": [(2, value)]}
    return RunRecord(key, "quick", {"steps": 2}, status, None if status == "ok" else "boom",
                     "test_accuracy", metrics, curves if status == "ok" else {}, 1.25,
                     {"torch": "x", "threads": 1})
