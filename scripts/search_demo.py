"""The search demonstration of docs/search.md: random search, regularized evolution and the
surrogate on one task with the same run budget over several search seeds; best-so-far curves
with Student-t intervals, the surrogate's rank correlation on held-out candidates, the top-10 of
each strategy through the rediscovery detector, and the overall finalists against ReLU, Swish
and GELU.

    python scripts/search_demo.py --budget 60 --seeds 5 --out results/search-demo

Everything goes into one results database (OUT/search.sqlite), so a killed demonstration
resumes; the summary is written to OUT/summary.md and the curves to OUT/best_so_far.png.
"""

from __future__ import annotations

import argparse
import math
import time
from pathlib import Path

import numpy as np

from actlab.bench.stats import summarize
from actlab.catalog import identify
from actlab.search import STRATEGIES, run
from actlab.search.space import DEFAULTS
from actlab.search.surrogate import NearestNeighbours, features, rank_correlation


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--task", default="digits")
    parser.add_argument("--budget", type=int, default=60)
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--batch", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--finalists", type=int, default=3)
    parser.add_argument("--finalist-seeds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=Path("results/search-demo"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    db = f"sqlite:///{(args.out / 'search.sqlite').resolve()}"
    start = time.perf_counter()
    import ray  # one Ray instance for every sweep: its workers stay warm between batches

    ray.init(
        num_cpus=args.workers,
        include_dashboard=False,
        log_to_driver=False,
        object_store_memory=200 * 2**20,
    )
    results = {
        name: [
            run(
                task=args.task,
                strategy_name=name,
                budget_runs=args.budget,
                seed=s,
                db=db,
                out=args.out,
                batch=args.batch,
                backend="ray",
                finalists=0,
            )
            for s in range(args.seeds)
        ]
        for name in STRATEGIES
    }
    lines = [
        f"# search demonstration: {args.task}, budget {args.budget} runs, "
        f"{args.seeds} search seeds per strategy",
        "",
    ]
    lines += curves(results, args.out / "best_so_far.png")
    lines += held_out_correlation(results)
    for name, searches in results.items():
        lines += top_ten(name, searches)
    lines += finalists(results, args, db)
    lines += ["", f"Wall time: {time.perf_counter() - start:.0f} s (search database {db})."]
    (args.out / "summary.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


def curves(results, path: Path) -> list[str]:
    """Best-so-far after each run: mean and 95% t-interval over search seeds."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axis = plt.subplots(figsize=(6, 4))
    lines = [
        "## best so far (test accuracy, mean over search seeds, 95% t-interval)",
        "",
        "| strategy | after 25% | after 50% | after 100% of the budget |",
        "|---|---|---|---|",
    ]
    for name, searches in results.items():
        matrix = np.array([s.best_so_far() for s in searches])
        summaries = [summarize([v for v in column if not math.isnan(v)]) for column in matrix.T]
        steps = np.arange(1, matrix.shape[1] + 1)
        means = np.array([s.mean for s in summaries])
        axis.plot(steps, means, label=name)
        axis.fill_between(steps, [s.low for s in summaries], [s.high for s in summaries], alpha=0.2)
        cells = [
            f"{summaries[i].mean:.4f} {summaries[i].interval_text()}"
            for i in (len(steps) // 4 - 1, len(steps) // 2 - 1, len(steps) - 1)
        ]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    axis.set(xlabel="runs", ylabel="best test accuracy so far")
    axis.legend()
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    return [*lines, "", f"![best so far]({path.name})", ""]


def held_out_correlation(results) -> list[str]:
    """Leave-one-out: the k-NN surrogate fitted on every other measured candidate predicts the
    held-out one; Spearman's rank correlation of predictions with measured scores."""
    measured = {
        e.candidate.formula: e
        for searches in results.values()
        for s in searches
        for e in s.evaluations
        if e.score is not None
    }
    evaluations = list(measured.values())
    x = np.stack([features(e.candidate) for e in evaluations])
    y = np.array([e.score for e in evaluations])
    predicted = np.array(
        [
            NearestNeighbours().fit(np.delete(x, i, 0), np.delete(y, i)).predict(x[i : i + 1])[0]
            for i in range(len(y))
        ]
    )
    rho = rank_correlation(predicted, y)
    return [
        "## surrogate on held-out candidates",
        "",
        f"Leave-one-out over {len(y)} distinct measured candidates: Spearman rho = "
        f"{rho:.3f} between the k-NN prediction and the measured test accuracy.",
        "",
    ]


def top_ten(name: str, searches) -> list[str]:
    best = {}
    for s in searches:
        for e in s.evaluations:
            if e.score is not None:
                best[e.candidate.formula] = e.score
    ranked = sorted(best.items(), key=lambda item: -item[1])[:10]
    lines = [
        f"## top 10 of {name} (all seeds) through the rediscovery detector",
        "",
        "| formula | accuracy | nearest catalog entry | verdict | sup-norm on [-6, 6] |",
        "|---|---|---|---|---|",
    ]
    for formula, score in ranked:
        match = identify(formula, top=1, **DEFAULTS)[0]
        lines.append(
            f"| `{formula}` | {score:.4f} | {match.label} | {match.verdict} | "
            f"{match.distance:.2g} |"
        )
    return [*lines, ""]


def finalists(results, args, db: str) -> list[str]:
    """The overall best candidates, re-run over more seeds against relu, swish and gelu."""
    best = max((s for searches in results.values() for s in searches), key=lambda s: s.best.score)
    again = run(
        task=args.task,
        strategy_name=best.strategy,
        budget_runs=args.budget,
        seed=best.seed,
        db=db,
        out=args.out,
        batch=args.batch,
        backend="ray",
        finalists=args.finalists,
        finalist_seeds=args.finalist_seeds,
    )
    table = again.finalist_table()
    return [
        f"## finalists of the best search ({best.strategy}, seed {best.seed})",
        "",
        table.markdown(),
        "",
        table.note or "",
        "",
        *(f"    {line}" for f in again.finalists for line in f.define_text.splitlines()),
        "",
    ]


if __name__ == "__main__":
    main()
