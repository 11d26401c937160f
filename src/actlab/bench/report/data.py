"""From stored runs to the numbers a report shows."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

import numpy as np

from actlab.bench.acts import ActChoice
from actlab.bench.stats import Comparison, Summary, compare, mean_ranks, summarize
from actlab.bench.store import Run, Store
from actlab.bench.task import Metric, Published
from actlab.bench.tasks import get_task
from actlab.errors import ActlabError

ALPHA = 0.05


@dataclass(frozen=True)
class Row:
    """One nonlinearity on one board."""

    act: str
    summary: Summary
    comparison: Comparison | None  # None for the baseline itself
    published: Published | None
    failed: int


@dataclass
class Board:
    """A leaderboard: one task, model and configuration."""

    task: str
    model: str
    suite: str
    config_hash: str
    description: str
    metric: Metric
    rows: list[Row]  # best first
    curves: dict[str, dict[str, tuple[list[int], list[float]]]]  # curve -> act -> (steps, mean)
    failures: list[tuple[str, int, str]]  # (act, seed, reason)
    values: dict[str, list[float]]  # act -> primary metric per seed
    published: tuple[Published, ...] = ()
    gated: tuple[str, ...] = ()  # the gated feed-forward blocks among the rows

    @property
    def title(self) -> str:
        return f"{self.task} / {self.model}"

    @property
    def anchor(self) -> str:
        """The board's HTML id, e.g. ``board-digits-mlp-1a2b3c``."""
        return f"board-{self.task}-{self.model}-{self.config_hash}"

    @property
    def better(self) -> list[str]:
        return [r.act for r in self.rows if r.comparison and r.comparison.verdict == "better"]

    @property
    def untested(self) -> bool:
        """No comparison could be tested (too few paired seeds)."""
        tested = [r.comparison for r in self.rows if r.comparison]
        return bool(tested) and all(c.verdict == "untested" for c in tested)

    @property
    def worse(self) -> list[str]:
        return [r.act for r in self.rows if r.comparison and r.comparison.verdict == "worse"]


@dataclass
class ReportData:
    """Everything a report shows."""

    baseline: str
    boards: list[Board]
    ranks: dict[str, Summary]  # act -> mean rank over boards, best first
    runs: list[dict[str, Any]]
    environments: list[dict[str, Any]]
    acts: dict[str, ActChoice]
    generated: str = field(
        default_factory=lambda: datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))

    @property
    def rank_intervals(self) -> bool:
        """Every ranked act has a rank interval (at least 3 seeds of it on every board)."""
        return all(s.has_interval for s in self.ranks.values())

    @property
    def leader(self) -> str | None:
        """The act whose rank interval lies wholly below every other's, if there is one (never
        without rank intervals)."""
        if len(self.ranks) < 2 or not self.rank_intervals:
            return None
        (first, best), *others = self.ranks.items()
        return first if all(best.high < s.low for _, s in others) else None


def act_label(name: str, params: str) -> str:
    """``swish(beta=2)`` style label of a stored act; parameters in full if it is not in the
    catalog of this process."""
    values = stored_params(params)
    if values is None:
        return f"{name}({params})"
    try:
        return ActChoice.stored(name, values).label
    except ActlabError:
        inner = ", ".join(f"{k}={v:g}" if isinstance(v, int | float) else f"{k}={v}"
                          for k, v in values.items())
        return f"{name}({inner})" if inner else name


def stored_params(params: str) -> dict[str, object] | None:
    """The parameter values of a stored run (numbers, and the attention normalizer under
    ``"attention"``); None if the text is not such a JSON object.

    >>> stored_params('{"beta": 2.0}'), stored_params("beta=2")
    ({'beta': 2.0}, None)
    """
    try:
        values = json.loads(params)
    except ValueError:
        return None
    if not isinstance(values, dict):
        return None
    attention = values.get("attention", {"name": "softmax", "params": {}})
    numbers = all(type(v) in (int, float) for k, v in values.items() if k != "attention")
    normalizer = (isinstance(attention, dict) and isinstance(attention.get("name"), str)
                  and isinstance(attention.get("params"), dict)
                  and all(type(v) in (int, float) for v in attention["params"].values()))
    return values if numbers and normalizer else None


def collect(store: Store, baseline: str = "relu", suite: str | None = None) -> ReportData:
    """Leaderboards, comparisons against ``baseline`` and mean ranks of the stored runs."""
    runs = store.runs(suite)
    groups: dict[tuple[str, str, str, str], list[Run]] = defaultdict(list)
    for run in runs:
        groups[(run.task, run.model, run.config_hash, run.suite)].append(run)
    curves = store.curves(r.id for r in runs if r.status == "ok")
    boards = [_board(key, members, curves, baseline) for key, members in sorted(groups.items())]
    boards = [b for b in boards if b is not None]
    ranked = mean_ranks([(b.values, b.metric.higher_is_better) for b in boards if b.rows])
    ranked = dict(sorted(ranked.items(), key=lambda item: item[1].mean))
    formulas = store.formulas()
    acts = {act_label(r.act, r.params): _choice(r, formulas) for r in runs}
    return ReportData(baseline, boards, ranked, [_export_row(r) for r in runs],
                      _environments(runs), {k: v for k, v in acts.items() if v is not None})


def _choice(run: Run, formulas: dict[str, str]) -> ActChoice | None:
    try:
        values = stored_params(run.params)
        return None if values is None else ActChoice.stored(run.act, values, formulas)
    except ActlabError:
        return None


def _board(key: tuple[str, str, str, str], runs: list[Run], curves, baseline: str
           ) -> Board | None:
    task_name, model, config_hash, suite = key
    try:
        task = get_task(task_name)
    except ActlabError:
        return None
    metric = task.primary
    values: dict[str, dict[int, float]] = defaultdict(dict)
    failures, failed = [], defaultdict(int)
    for run in runs:
        label = act_label(run.act, run.params)
        if run.status == "ok" and run.primary_value is not None:
            values[label][run.seed] = run.primary_value
        else:
            failures.append((label, run.seed, run.reason or "no primary metric"))
            failed[label] += 1
    comparisons = {c.act: c for c in compare(values, baseline, metric.higher_is_better, ALPHA)}
    references = tuple(p for p in task.published if p.model == model)
    published = {(p.act, p.metric): p for p in references}
    rows = [Row(act, summarize(list(v.values())), comparisons.get(act),
                published.get((act, metric.name)), failed[act]) for act, v in values.items()]
    sign = -1 if metric.higher_is_better else 1
    rows.sort(key=lambda r: sign * r.summary.mean)
    gated = tuple(sorted({act_label(r.act, r.params) for r in runs if ActChoice(r.act).gated}))
    return Board(task_name, model, suite, config_hash, task.description, metric, rows,
                 _mean_curves(runs, curves), failures,
                 {act: list(v.values()) for act, v in values.items()}, references, gated)


def _mean_curves(runs: list[Run], curves) -> dict[str, dict[str, tuple[list[int], list[float]]]]:
    """Per curve family (``train_loss/sine`` belongs to ``train_loss``) and act: the mean over
    members and seeds at the steps all of them logged."""
    collected: dict[str, dict[str, list[dict[int, float]]]] = defaultdict(lambda: defaultdict(list))
    for run in runs:
        for name, points in curves.get(run.id, {}).items():
            collected[name.split("/")[0]][act_label(run.act, run.params)].append(dict(points))
    result: dict[str, dict[str, tuple[list[int], list[float]]]] = {}
    for family, by_act in collected.items():
        result[family] = {}
        for act, series in by_act.items():
            steps = sorted(set.intersection(*(set(s) for s in series)))
            if steps:
                means = [float(np.mean([s[step] for s in series])) for step in steps]
                result[family][act] = (steps, means)
    return result


def _export_row(run: Run) -> dict[str, Any]:
    return {"task": run.task, "model": run.model, "act": run.act,
            "label": act_label(run.act, run.params),
            "params": stored_params(run.params) or run.params,
            "seed": run.seed, "suite": run.suite, "config_hash": run.config_hash,
            "status": run.status, "reason": run.reason, "primary_metric": run.primary_metric,
            "primary_value": run.primary_value, "metrics": run.metrics,
            "seconds": round(run.seconds, 3), "config": run.config,
            "finished": run.finished.isoformat() if run.finished else None}


ENVIRONMENT = ("actlab", "torch", "python", "device", "cpu", "cpus", "gpu", "threads", "host")


def _environments(runs: list[Run]) -> list[dict[str, Any]]:
    """The distinct environments, each with its run count."""
    counts: dict[str, int] = defaultdict(int)
    for run in runs:
        env = {k: run.environment.get(k) for k in ENVIRONMENT}
        counts[json.dumps(env, sort_keys=True)] += 1
    return [{**json.loads(env), "runs": n} for env, n in counts.items()]
