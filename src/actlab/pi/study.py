"""The private-inference studies: accuracy against ReLU budget (SNL against random
linearization) and deep all-polynomial networks with and without range-aware training.

Each run is stored as a :class:`~actlab.bench.store.RunRecord` in a results database (its own
file by default, ``results/pi.sqlite``: ``actlab report`` reads benchmark tasks only), so an
interrupted study resumes; the tables and figures are made from the database with the
benchmark's statistics (Student-t intervals, paired t-tests with Holm's correction).
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from types import SimpleNamespace

import torch
import torch.nn.functional as F
from torch import nn

from actlab.bench.models import ConvNet1d, ConvNet2d, mlp
from actlab.bench.runner import environment
from actlab.bench.stats import compare, holm, summarize
from actlab.bench.store import RunKey, RunRecord, Store
from actlab.bench.task import Context
from actlab.bench.tasks import digits, mnist1d
from actlab.bench.training import Schedule, accuracy, train_classifier
from actlab.errors import ParameterError
from actlab.files import atomic_write
from actlab.pi.approx import least_squares
from actlab.pi.ckks import EncryptedRun, encrypted_inference
from actlab.pi.count import count
from actlab.pi.linearize import METHODS, linearize
from actlab.pi.monitor import RangeMonitor
from actlab.pi.sites import polynomialize
from actlab.tables import Table

FRACTIONS = (1.0, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01)
BUDGET_TASK, DEEP_TASK = "pi_budget", "pi_deep"
Progress = Callable[[str, int, int], None]  # (what, done, total)


@dataclass(frozen=True)
class BudgetConfig:
    """One task's budget study: the ReLU network's training, then per budget the mask search
    (``steps``) and fine-tuning (``finetune_steps``) at ``lr``, per-element masks."""

    task: str
    train: Schedule
    steps: int
    finetune_steps: int
    lr: float = 1e-3
    granularity: str = "element"


BUDGET_QUICK = (
    BudgetConfig("digits", Schedule(400, 3e-3, batch_size=64), 150, 150),
    BudgetConfig("mnist1d", Schedule(600, 1e-2, batch_size=100), 150, 150),
)


def _data(task: str) -> tuple[torch.Tensor, ...]:
    if task == "digits":
        return digits.dataset()
    if task == "mnist1d":
        return mnist1d.dataset(5000)
    raise ParameterError(f"the budget study runs on digits or mnist1d, got {task!r}")


def _cnn(task: str) -> nn.Module:
    return ConvNet2d(nn.ReLU, channels=16) if task == "digits" else ConvNet1d(nn.ReLU)


def _key(task: str, model: str, act: str, params: dict, seed: int, config: object) -> RunKey:
    text = json.dumps(asdict(config), sort_keys=True)
    return RunKey(
        task,
        model,
        act,
        json.dumps(params, sort_keys=True),
        seed,
        hashlib.sha256(text.encode()).hexdigest()[:16],
    )


def _record(
    key: RunKey, config: object, metrics: dict[str, float], seconds: float, curves=None
) -> RunRecord:
    return RunRecord(
        key,
        "quick",
        asdict(config),
        "ok",
        None,
        "test_accuracy",
        metrics,
        curves or {},
        seconds,
        environment(SimpleNamespace(device="cpu")),
    )


def budget_study(
    store: Store,
    configs: Sequence[BudgetConfig] = BUDGET_QUICK,
    fractions: Sequence[float] = FRACTIONS,
    methods: Sequence[str] = ("snl", "random"),
    seeds: int = 3,
    progress: Progress | None = None,
) -> int:
    """Train each task's ReLU CNN per seed, linearize it to every budget with every method and
    store the test accuracy; runs already stored are skipped. Returns the runs made."""
    if seeds < 1:
        raise ParameterError(f"need at least one seed, got {seeds}")
    bad = [m for m in methods if m not in METHODS]
    if bad or any(not 0 <= f <= 1 for f in fractions):
        raise ParameterError(
            f"methods must be among {METHODS} and fractions in [0, 1]; got "
            f"{list(methods)}, {list(fractions)}"
        )
    notify = progress or (lambda *_: None)
    total = len(configs) * seeds * len(fractions) * len(methods)
    made = done = 0
    for config in configs:
        x, y, x_test, y_test = _data(config.task)
        for seed in range(seeds):
            keys = {
                (f, m): _key(BUDGET_TASK, f"{config.task}_cnn", m, {"fraction": f}, seed, config)
                for f in fractions
                for m in methods
            }
            missing = set(keys.values()) - store.completed(keys.values())
            if not missing:
                done += len(keys)
                notify(config.task, done, total)
                continue
            torch.manual_seed(seed)
            net = _cnn(config.task)
            base = train_classifier(net, x, y, x_test, y_test, config.train, Context(seed))
            relus = count(net, x[:1]).relus
            for (fraction, method), key in keys.items():
                if key in missing:
                    start = time.perf_counter()
                    budget = math.floor(fraction * relus)
                    small = linearize(
                        net,
                        budget,
                        method,
                        data=(x, y),
                        granularity=config.granularity,
                        steps=config.steps,
                        finetune_steps=config.finetune_steps,
                        lr=config.lr,
                        seed=seed,
                    )
                    metrics = {
                        "test_accuracy": accuracy(small, x_test, y_test),
                        "relus": float(count(small, x[:1]).relus),
                        "budget": float(budget),
                        "relus_before": float(relus),
                        "baseline_accuracy": base.metrics["test_accuracy"],
                    }
                    store.record(_record(key, config, metrics, time.perf_counter() - start))
                    made += 1
                done += 1
                notify(config.task, done, total)
    return made


def budget_tables(store: Store, baseline: str = "random") -> list[Table]:
    """Per task: accuracy per ReLU fraction and method (mean, 95% interval) and the paired
    test of every other method against ``baseline`` over seeds, Holm-corrected over the
    fractions; the budget column shows the largest ReLU count any run kept against its budget."""
    runs = [r for r in store.runs() if r.task == BUDGET_TASK and r.status == "ok"]
    tables = []
    for model in sorted({r.model for r in runs}):
        mine = [r for r in runs if r.model == model]
        fractions = sorted({json.loads(r.params)["fraction"] for r in mine}, reverse=True)
        methods = sorted({r.act for r in mine})
        values = {
            (f, m): {
                r.seed: r.metrics["test_accuracy"]
                for r in mine
                if r.act == m and json.loads(r.params)["fraction"] == f
            }
            for f in fractions
            for m in methods
        }
        others = [m for m in methods if m != baseline]
        tests = {
            f: compare({m: values[f, m] for m in methods}, baseline, True)
            if baseline in methods
            else []
            for f in fractions
        }
        flat = [(f, c) for f in fractions for c in tests[f]]
        adjusted = holm([c.p_value for _, c in flat])
        verdicts = {(f, c.act): (c, p) for (f, c), p in zip(flat, adjusted)}
        rows = []
        for f in fractions:
            kept = [r for r in mine if json.loads(r.params)["fraction"] == f]
            relus = max(int(r.metrics["relus"]) for r in kept)
            budget = int(kept[0].metrics["budget"])
            row = [f"{f:g}", f"{relus} / {budget}"]
            for m in methods:
                s = summarize(list(values[f, m].values()))
                row.append(f"{s.mean:.4f} {s.interval_text(3)}")
            for m in others:
                c, p = verdicts.get((f, m), (None, math.nan))
                row.append(
                    "untested" if c is None or math.isnan(p) else f"{c.difference:+.4f} (p={p:.2g})"
                )
            rows.append(row)
        base = summarize(list({r.seed: r.metrics["baseline_accuracy"] for r in mine}.values()))
        tables.append(
            Table.of(
                (
                    "ReLU fraction",
                    "ReLUs kept / budget",
                    *(f"{m} accuracy [95%]" for m in methods),
                    *(f"{m} - {baseline}" for m in others),
                ),
                rows,
                f"{model}: test accuracy against ReLU budget "
                f"({len(values[fractions[0], methods[0]])} seeds)",
                f"ReLU network before linearization: {base.mean:.4f} {base.interval_text(3)}; "
                "p: paired t-test over seeds, Holm-corrected over the fractions",
            )
        )
    return tables


@dataclass(frozen=True)
class DeepConfig:
    """An all-polynomial MLP on digits: ``depth`` hidden layers of ``width``, every ReLU
    replaced by the degree-``degree`` least-squares fit of ReLU on ``(-bound, bound)`` under a
    unit normal input distribution; trained ``steps`` Adam steps at ``lr``, with
    ``range_weight`` times the monitor's penalty added to the loss."""

    depth: int = 10
    width: int = 64
    degree: int = 2
    bound: float = 4.0
    steps: int = 600
    lr: float = 1e-2
    batch_size: int = 64


def deep_run(
    config: DeepConfig, range_weight: float, seed: int
) -> tuple[dict[str, float], list[tuple[int, float]]]:
    """Train one all-polynomial network; metrics: test accuracy (NaN after divergence), the
    step of the first escape (0: none), the step the loss became NaN/inf (0: never), and the
    step count."""
    x, y, x_test, y_test = digits.dataset()
    torch.manual_seed(seed)
    samples = torch.randn(100_000, generator=torch.Generator().manual_seed(0))
    poly = least_squares(
        "relu", (-config.bound, config.bound), config.degree, samples=samples
    ).module.float()
    net = polynomialize(mlp([64, *[config.width] * config.depth, 10], nn.ReLU), poly)
    optimizer = torch.optim.Adam(net.parameters(), lr=config.lr)
    generator = torch.Generator().manual_seed(seed)
    curve, diverged = [], 0
    with RangeMonitor(net) as monitor:
        for step in range(1, config.steps + 1):
            index = torch.randint(len(x), (config.batch_size,), generator=generator)
            task_loss = F.cross_entropy(net(x[index]), y[index])
            if not math.isfinite(task_loss.item()):
                diverged = step
                break
            loss = task_loss + range_weight * monitor.penalty() if range_weight else task_loss
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            if step % 20 == 0:
                curve.append((step, task_loss.item()))
        escaped = monitor.first.forward if monitor.first else 0
    test = math.nan if diverged else accuracy(net, x_test, y_test)
    return (
        {
            "test_accuracy": test,
            "first_escape": float(escaped),
            "diverged_at": float(diverged),
            "escaped_sites": float(len(monitor.escapes)),
        },
        curve,
    )


def deep_study(
    store: Store,
    config: DeepConfig = DeepConfig(),
    range_weights: Sequence[float] = (0.0, 100.0),
    seeds: int = 3,
    progress: Progress | None = None,
) -> int:
    """:func:`deep_run` for every range weight and seed, stored; returns the runs made."""
    notify = progress or (lambda *_: None)
    total, made = len(range_weights) * seeds, 0
    for i, (seed, weight) in enumerate((s, w) for s in range(seeds) for w in range_weights):
        key = _key(
            DEEP_TASK,
            f"mlp{config.depth}",
            "range_aware" if weight else "plain",
            {"range_weight": weight},
            seed,
            config,
        )
        if not store.completed([key]):
            start = time.perf_counter()
            metrics, curve = deep_run(config, weight, seed)
            store.record(
                _record(key, config, metrics, time.perf_counter() - start, {"train_loss": curve})
            )
            made += 1
        notify("deep", i + 1, total)
    return made


def _steps(runs: list, metric: str) -> str:
    """The step ``metric`` of each run, "-" for never (0)."""
    return ", ".join(str(int(r.metrics[metric])) if r.metrics[metric] else "-" for r in runs)


def deep_table(store: Store) -> Table:
    """Per training (plain, range-aware): runs, runs that escaped, first escape and divergence
    steps, and test accuracy of the runs that finished."""
    runs = [r for r in store.runs() if r.task == DEEP_TASK and r.status == "ok"]
    rows = []
    for act in sorted({r.act for r in runs}):
        mine = sorted((r for r in runs if r.act == act), key=lambda r: r.seed)
        finished = [r.metrics["test_accuracy"] for r in mine if "test_accuracy" in r.metrics]
        accuracy_text = (
            f"{summarize(finished).mean:.4f} {summarize(finished).interval_text(3)}"
            f" ({len(finished)} finished)"
            if finished
            else "none finished"
        )
        rows.append(
            (
                act,
                mine[0].model,
                len(mine),
                sum(r.metrics["escaped_sites"] > 0 for r in mine),
                _steps(mine, "first_escape"),
                _steps(mine, "diverged_at"),
                accuracy_text,
            )
        )
    return Table.of(
        (
            "training",
            "model",
            "seeds",
            "runs with an escape",
            "first escape (step, per seed)",
            "loss NaN/inf (step, per seed)",
            "test accuracy [95%]",
        ),
        rows,
        "all-polynomial network: escaping activations",
        "'-': never; an escape is an input outside the fitted interval",
    )


@dataclass(frozen=True)
class EncryptedConfig:
    """The digits MLP run under CKKS: ``widths`` hidden layers, each followed by the degree-2
    least-squares fit of ReLU on ``(-bound, bound)``, trained range-aware (``range_weight``)."""

    widths: tuple[int, ...] = (32, 16)
    bound: float = 4.0
    steps: int = 600
    lr: float = 1e-2
    range_weight: float = 100.0
    batch_size: int = 64


def encrypted_study(
    config: EncryptedConfig = EncryptedConfig(), images: int = 10, seed: int = 0
) -> tuple[EncryptedRun, float]:
    """Train the polynomial digits MLP and run the first ``images`` test images encrypted;
    returns the encrypted run and the model's plaintext test accuracy."""
    x, y, x_test, y_test = digits.dataset()
    torch.manual_seed(seed)
    samples = torch.randn(100_000, generator=torch.Generator().manual_seed(0))
    poly = least_squares("relu", (-config.bound, config.bound), 2, samples=samples).module
    net = polynomialize(mlp([64, *config.widths, 10], nn.ReLU), poly.float())
    optimizer = torch.optim.Adam(net.parameters(), lr=config.lr)
    generator = torch.Generator().manual_seed(seed)
    with RangeMonitor(net) as monitor:
        for _ in range(config.steps):
            index = torch.randint(len(x), (config.batch_size,), generator=generator)
            loss = (
                F.cross_entropy(net(x[index]), y[index]) + config.range_weight * monitor.penalty()
            )
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
    net.eval()
    return encrypted_inference(net, x_test[:images]), accuracy(net, x_test, y_test)


def task_model(task: str, model: str) -> tuple[nn.Module, torch.Tensor]:
    """A benchmark task's ReLU network (untrained) and one example input.

    >>> net, example = task_model("digits", "cnn")
    >>> count(net, example).relus
    1536
    """
    models = {
        ("digits", "cnn"): lambda: ConvNet2d(nn.ReLU, channels=16),
        ("digits", "mlp"): lambda: mlp([64, 64, 64, 10], nn.ReLU),
        ("mnist1d", "cnn"): lambda: ConvNet1d(nn.ReLU),
        ("mnist1d", "mlp"): lambda: mlp([40, 100, 100, 10], nn.ReLU),
    }
    if (task, model) not in models:
        raise ParameterError(
            f"no network {task}/{model}; choose one of {', '.join('/'.join(k) for k in models)}"
        )
    return models[task, model](), torch.zeros(1, 64 if task == "digits" else 40)


def budget_figure(store: Store, path: Path | str) -> None:
    """Test accuracy against the fraction of ReLUs kept (log scale), one panel per task, the
    mean of every method with its 95% interval; written to ``path`` (PNG or SVG)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    runs = [r for r in store.runs() if r.task == BUDGET_TASK and r.status == "ok"]
    models = sorted({r.model for r in runs})
    if not models:
        raise ParameterError("the database holds no budget-study runs: run the study first")
    figure, axes = plt.subplots(1, len(models), figsize=(5 * len(models), 3.6), squeeze=False)
    for ax, model in zip(axes[0], models):
        mine = [r for r in runs if r.model == model]
        for method in sorted({r.act for r in mine}):
            points = sorted({json.loads(r.params)["fraction"] for r in mine if r.act == method})
            stats = [
                summarize(
                    [
                        r.metrics["test_accuracy"]
                        for r in mine
                        if r.act == method and json.loads(r.params)["fraction"] == f
                    ]
                )
                for f in points
            ]
            means = [s.mean for s in stats]
            ax.plot(points, means, marker="o", label=method)
            if all(s.has_interval for s in stats):
                ax.fill_between(points, [s.low for s in stats], [s.high for s in stats], alpha=0.2)
        ax.set_xscale("log")
        ax.set(title=model, xlabel="fraction of ReLUs kept", ylabel="test accuracy")
        ax.grid(alpha=0.3)
        ax.legend()
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format=Path(path).suffix.lstrip(".") or "png", dpi=120)
    plt.close(figure)
    atomic_write(Path(path), buffer.getvalue())
