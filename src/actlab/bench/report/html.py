"""Render :class:`ReportData` to one self-contained HTML file (inline CSS, PNGs and exports as
data URIs: it opens offline)."""

from __future__ import annotations

import base64
import csv
import io
import json
import math
from pathlib import Path
from typing import Any

import jinja2

from actlab.bench.report import figures
from actlab.bench.report.data import ALPHA, ReportData
from actlab.bench.stats import MIN_SEEDS, POWER, Comparison, Summary
from actlab.files import atomic_write

_ENV = jinja2.Environment(loader=jinja2.PackageLoader("actlab.bench.report", "templates"),
                          autoescape=True, undefined=jinja2.StrictUndefined)


def _number(value: float | None, digits: int = 4) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:.{digits}g}"


_ENV.filters["num"] = _number


def _data_uri(mime: str, text: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(text.encode()).decode('ascii')}"


def runs_csv(data: ReportData) -> str:
    """One line per run; metrics and parameters as JSON cells."""
    out = io.StringIO()
    columns = ["task", "model", "act", "label", "params", "seed", "suite", "config_hash",
               "status", "reason", "primary_metric", "primary_value", "seconds", "metrics"]
    writer = csv.DictWriter(out, columns, extrasaction="ignore")
    writer.writeheader()
    for run in data.runs:
        writer.writerow({**run, "params": json.dumps(run["params"], sort_keys=True),
                         "metrics": json.dumps(run["metrics"], sort_keys=True)})
    return out.getvalue()


STATISTICS = {
    "ci95": f"95% Student-t interval of the mean over seeds; null below {MIN_SEEDS} seeds",
    "p_holm": "paired t-test against the baseline over shared seeds, Holm-corrected within "
              f"the board; a verdict needs p_holm < {ALPHA} and {MIN_SEEDS} paired seeds",
    "detectable_difference": "smallest true mean difference from the baseline that the paired "
                             f"t-test detects with {POWER:.0%} power at the level of the board's "
                             f"first Holm rejection ({ALPHA} / tests), given the observed spread",
    "mean_ranks": "mean rank over boards (1 = best); 95% two-level bootstrap interval, null "
                  f"unless every board has {MIN_SEEDS} seeds of every ranked nonlinearity",
}


def _interval(summary: Summary) -> dict[str, Any]:
    bounds = [summary.low, summary.high] if summary.has_interval else None
    return {"ci95": bounds, "interval": summary.interval_text()}


def _comparison(comparison: Comparison | None) -> dict[str, Any] | None:
    if comparison is None:
        return None
    return {"difference": _nan_to_none(comparison.difference),
            "p": _nan_to_none(comparison.p_value),
            "p_holm": _nan_to_none(comparison.p_adjusted),
            "verdict": comparison.verdict,
            "detectable_difference": _nan_to_none(comparison.detectable)}


def runs_json(data: ReportData) -> str:
    """Leaderboards, comparisons, mean ranks, environments and every run, as JSON."""
    boards = [{"task": b.task, "model": b.model, "suite": b.suite, "metric": b.metric.name,
               "higher_is_better": b.metric.higher_is_better,
               "rows": [{"act": r.act, "n": r.summary.n, "mean": r.summary.mean,
                         "std": _nan_to_none(r.summary.std), **_interval(r.summary),
                         "vs_baseline": _comparison(r.comparison)} for r in b.rows]}
              for b in data.boards]
    ranks = {act: {"mean_rank": s.mean, **_interval(s)} for act, s in data.ranks.items()}
    return json.dumps({"baseline": data.baseline, "statistics": STATISTICS, "boards": boards,
                       "mean_ranks": ranks, "environments": data.environments,
                       "runs": data.runs}, indent=1, allow_nan=False)


def _nan_to_none(value: float | None) -> float | None:
    return None if value is None or math.isnan(value) else value


def render(data: ReportData) -> str:
    """The report as one HTML string."""
    template = _ENV.get_template("report.html.j2")
    return template.render(
        data=data,
        leaderboards={b.anchor: figures.leaderboard(b, data.baseline)
                      for b in data.boards if b.rows},
        curves={b.anchor: figures.curves(b) for b in data.boards},
        shapes=figures.shapes(data.acts),
        csv_uri=_data_uri("text/csv", runs_csv(data)),
        json_uri=_data_uri("application/json", runs_json(data)),
    )


def write_report(data: ReportData, path: Path) -> Path:
    """Render ``data`` and write it to ``path`` atomically (all or nothing)."""
    return atomic_write(Path(path), render(data).encode("utf-8"))
