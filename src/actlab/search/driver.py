"""A search as one call: propose candidates, train each as a benchmark run in the results
database, feed the scores back, then re-run the finalists over more seeds against baselines.

Every candidate is a (formula, task, model, seed 0) run of :mod:`actlab.bench`, stored with its
formula, so a search is resumable (a killed search rerun with the same arguments replays the
same proposals, finds their runs stored and continues where it stopped), runs on the local
process pool or Ray, and its runs appear in ``actlab report``::

    from actlab.search import run

    result = run(task="digits", strategy="surrogate", budget_runs=100, seed=0,
                 db="sqlite:///results/search.sqlite")
    print(result.best.formula, result.best.score)
    print(result.finalists[0].define_text)
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from actlab.bench import ActChoice, RunKey, RunSpec, Store, get_task, sweep
from actlab.bench.runner import Progress, check_backend
from actlab.bench.stats import holm, paired_test, summarize
from actlab.bench.store import Run
from actlab.catalog import Citation, Param, Spec, identify
from actlab.catalog.identify import Match
from actlab.errors import ParameterError
from actlab.files import atomic_write, check_writable
from actlab.search.space import DEFAULTS, Candidate, Grammar, SearchError
from actlab.search.strategies import Evaluation, strategy
from actlab.tables import Table

log = logging.getLogger(__name__)

SEARCH_SEED = 0  # the training seed of every search run: a candidate is trained once per task


@dataclass(frozen=True)
class Finalist:
    """A finalist re-run over seeds: its scores and its paired tests against each baseline
    (p Holm-adjusted over every finalist-baseline pair)."""

    name: str
    formula: str
    search_score: float
    scores: dict[int, float]
    tests: dict[str, tuple[int, float, float]]  # baseline -> (pairs, mean difference, p adj.)
    matches: tuple[Match, ...]
    citation: Citation

    @property
    def define_text(self) -> str:
        """The ``actlab.define`` line that makes this finalist an entry, with its citation."""
        return (
            f"# {self.citation}\nactlab.define({self.formula!r}, name={self.name!r}, "
            f"beta={DEFAULTS['beta']})"
        )

    def spec(self) -> Spec:
        """The finalist as a Spec (learnable ``beta``) citing the search run."""
        return Spec(
            self.name,
            self.formula,
            "user",
            self.citation,
            None,
            (Param("beta", DEFAULTS["beta"], learnable=True),),
        )


@dataclass(frozen=True)
class SearchResult:
    """What a search measured: every evaluation in proposal order, the finalists, and where
    its runs and record are."""

    search_id: str
    task: str
    model: str
    metric: str
    strategy: str
    seed: int
    evaluations: tuple[Evaluation, ...]
    finalists: tuple[Finalist, ...]
    db: str
    record: Path

    @property
    def best(self) -> Evaluation:
        scored = [e for e in self.evaluations if e.score is not None]
        return max(scored, key=lambda e: e.score)

    def best_so_far(self) -> list[float]:
        """The best score after each evaluation (NaN until one succeeded)."""
        best, curve = -math.inf, []
        for e in self.evaluations:
            best = max(best, e.score if e.score is not None else -math.inf)
            curve.append(best if math.isfinite(best) else math.nan)
        return curve

    def table(self, top: int = 10) -> Table:
        """The ``top`` candidates by score, each with its nearest catalog entry."""
        ranked = sorted(
            (e for e in self.evaluations if e.score is not None), key=lambda e: -e.score
        )[:top]
        rows = []
        for e in ranked:
            match = identify(e.candidate.formula, top=1, **DEFAULTS)
            near = (
                f"{match[0].label} {match[0].verdict} ({match[0].distance:.2g})" if match else "-"
            )
            rows.append((e.candidate.formula, f"{e.score:.4g}", near))
        return Table.of(
            ("formula", self.metric, "nearest catalog entry"),
            rows,
            f"search {self.search_id}: top {len(rows)} of {len(self.evaluations)} "
            f"({self.strategy}, seed {self.seed}, {self.task}/{self.model})",
        )

    def finalist_table(self) -> Table:
        baselines = list(self.finalists[0].tests) if self.finalists else []
        rows = []
        for f in self.finalists:
            summary = summarize(list(f.scores.values()))
            cells = [
                f"{d:+.3g} (p={p:.2g})" if not math.isnan(p) else f"{d:+.3g}"
                for _, d, p in f.tests.values()
            ]
            rows.append((f.name, f.formula, f"{summary.mean:.4g}", summary.interval_text(), *cells))
        return Table.of(
            ("finalist", "formula", "mean", "95% interval", *(f"vs {b}" for b in baselines)),
            rows,
            f"finalists over seeds on {self.task}/{self.model}: {self.metric}",
            "Paired t-tests over seeds, Holm-adjusted over every finalist and "
            "baseline; differences are finalist minus baseline.",
        )


def run(
    *,
    task: str = "digits",
    model: str | None = None,
    strategy_name: str = "surrogate",
    budget_runs: int = 100,
    seed: int = 0,
    suite: str = "quick",
    config: Any = None,
    db: str | None = None,
    out: Path | str = "results",
    backend: str = "local",
    workers: int | None = None,
    ray_address: str | None = None,
    batch: int = 8,
    max_units: int = 2,
    grammar: Grammar | None = None,
    finalists: int = 3,
    finalist_seeds: int = 5,
    baselines: Sequence[str] = ("relu", "swish", "gelu"),
    progress: Callable[[int, int], None] | None = None,
) -> SearchResult:
    """Search ``budget_runs`` candidates on ``task``/``model`` (default: its first model) with
    ``strategy_name`` (random, evolution or surrogate) and ``seed``, then re-run the best
    ``finalists`` over ``finalist_seeds`` fresh seeds (1, 2, ...: not seed 0, on which they were
    selected) beside ``baselines``.

    ``config`` overrides the task's ``suite`` budget; ``db`` is a database URL (default: the
    SQLite file ``out/search.sqlite``); ``backend``/``workers``/``ray_address`` as in
    :func:`actlab.bench.run`; ``batch`` candidates are proposed and trained at a time; trees
    have at most ``max_units`` core units. ``progress(done, budget)`` follows the search.
    Bad input raises an :class:`~actlab.errors.ActlabError` before any run.
    """
    if budget_runs < 1:
        raise SearchError(f"the search needs a budget of at least one run, got {budget_runs}")
    if batch < 1 or finalists < 0 or finalist_seeds < 1:
        raise ParameterError("batch and finalist_seeds must be at least 1, finalists at least 0")
    definition = get_task(task)
    model = model or definition.models[0]
    budget = definition.budget(suite, model)  # unknown suite or model: the error names them
    config = budget if config is None else config
    check_backend(backend, workers)
    grammar = grammar or Grammar.swish()
    searcher = strategy(strategy_name, grammar, seed, max_units)
    baseline_choices = [ActChoice.of(b) for b in baselines]
    out = check_writable(Path(out))
    store = Store(db or f"sqlite:///{(out / 'search.sqlite').resolve()}")
    sign = 1.0 if definition.primary.higher_is_better else -1.0
    search_id = _search_id(
        task, model, config, strategy_name, seed, budget_runs, max_units, grammar
    )

    def train(choices: list[ActChoice], seeds: Sequence[int]) -> dict[tuple[str, int], float]:
        specs = [RunSpec.create(task, model, c, s, suite, config) for s in seeds for c in choices]
        sweep(
            specs,
            store,
            backend=backend,
            workers=workers,
            ray_address=ray_address,
            on_progress=_quiet,
        )
        keys = {spec.key for spec in specs}
        return {
            (r.act, r.seed): sign * r.primary_value
            for r in store.runs(suite)
            if _key(r) in keys and r.status == "ok" and r.primary_value is not None
        }

    history: list[Evaluation] = []
    while len(history) < budget_runs:
        units = searcher.propose(history, min(batch, budget_runs - len(history)))
        if not units:
            raise SearchError(
                "the strategy found no new valid candidate: the grammar's "
                "space is exhausted or every candidate is rejected"
            )
        candidates = [Candidate(u.formula(grammar)) for u in units]
        choices = [ActChoice.defined(c.formula, **DEFAULTS) for c in candidates]
        scores = train(choices, [SEARCH_SEED])
        history += [
            Evaluation(u, c, scores.get((choice.name, SEARCH_SEED)))
            for u, c, choice in zip(units, candidates, choices)
        ]
        if progress is not None:
            progress(len(history), budget_runs)
    if not any(e.score is not None for e in history):
        raise SearchError(
            f"every one of the {len(history)} search runs failed; see the "
            f"reasons in {store.display_url}"
        )

    chosen = _finalists(history, finalists)
    picked = [ActChoice.defined(e.candidate.formula, **DEFAULTS) for e in chosen]
    seeds = range(SEARCH_SEED + 1, SEARCH_SEED + 1 + finalist_seeds)  # not the selection seed
    scores = train(picked + baseline_choices, seeds) if chosen else {}
    made = _compare(
        chosen, picked, baseline_choices, scores, seeds, search_id, store, task, strategy_name, seed
    )
    result = SearchResult(
        search_id,
        task,
        model,
        definition.primary.name,
        strategy_name,
        seed,
        tuple(history),
        made,
        store.display_url,
        out / f"search-{search_id}.json",
    )
    atomic_write(result.record, json.dumps(_record(result), indent=1).encode())
    return result


def _quiet(_progress: Progress) -> None:
    """Sweeps inside a search report through the search's own progress."""


def _key(run: Run) -> RunKey:
    return RunKey(run.task, run.model, run.act, run.params, run.seed, run.config_hash)


def _search_id(*parts: Any) -> str:
    text = json.dumps([repr(p) for p in parts], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def _finalists(history: list[Evaluation], n: int) -> list[Evaluation]:
    scored = sorted((e for e in history if e.score is not None), key=lambda e: -e.score)
    return scored[:n]


def _compare(
    chosen: list[Evaluation],
    picked: list[ActChoice],
    baselines: list[ActChoice],
    scores: dict[tuple[str, int], float],
    seeds: range,
    search_id: str,
    store: Store,
    task: str,
    strategy_name: str,
    seed: int,
) -> tuple[Finalist, ...]:
    """Paired tests of every finalist against every baseline, Holm-adjusted together."""

    def series(name: str) -> dict[int, float]:
        return {s: scores[(name, s)] for s in seeds if (name, s) in scores}

    tests = [(f, b, paired_test(series(f.name), series(b.name))) for f in picked for b in baselines]
    adjusted = holm([p for _, _, (_, _, p) in tests])
    year = datetime.now(timezone.utc).year
    made = []
    for evaluation, choice in zip(chosen, picked):
        own = {
            b.label: (n, d, p_adj)
            for (f, b, (n, d, _)), p_adj in zip(tests, adjusted)
            if f is choice
        }
        citation = Citation(
            f"found by actlab search {search_id} ({strategy_name}, seed {seed}) "
            f"on {task}, runs of {choice.name} in {store.display_url}",
            "actlab search",
            year,
        )
        made.append(
            Finalist(
                choice.name,
                evaluation.candidate.formula,
                evaluation.score,
                series(choice.name),
                own,
                tuple(identify(evaluation.candidate.formula, **DEFAULTS)),
                citation,
            )
        )
    return tuple(made)


def _record(result: SearchResult) -> dict[str, Any]:
    return {
        "search": result.search_id,
        "task": result.task,
        "model": result.model,
        "metric": result.metric,
        "strategy": result.strategy,
        "seed": result.seed,
        "db": result.db,
        "evaluations": [
            {"formula": e.candidate.formula, "score": e.score} for e in result.evaluations
        ],
        "finalists": [
            {
                "name": f.name,
                "formula": f.formula,
                "scores": f.scores,
                "tests": f.tests,
                "define": f.define_text,
                "nearest": [[m.label, m.verdict, m.distance] for m in f.matches],
            }
            for f in result.finalists
        ],
    }
