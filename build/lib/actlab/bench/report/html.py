"""Render :class:`ReportData` to one self-contained HTML file (inline CSS, PNGs and exports as
data URIs: it opens offline)."""

from __future__ import annotations

import base64
import csv
import io
import json
import math
from pathlib import Path

import jinja2

from actlab.bench.report import figures
from actlab.bench.report.data import ReportData
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


def runs_json(data: ReportData) -> str:
    boards = [{"task": b.task, "model": b.model, "suite": b.suite, "metric": b.metric.name,
               "higher_is_better": b.metric.higher_is_better,
               "rows": [{"act": r.act, "n": r.summary.n, "mean": r.summary.mean,
                         "std": _nan_to_none(r.summary.std),
                         "ci95": [_nan_to_none(r.summary.low), _nan_to_none(r.summary.high)],
                         "vs_baseline": r.comparison and {
                             "difference": _nan_to_none(r.comparison.difference),
                             "p": _nan_to_none(r.comparison.p_value),
                             "p_holm": _nan_to_none(r.comparison.p_adjusted),
                             "verdict": r.comparison.verdict}} for r in b.rows]}
              for b in data.boards]
    ranks = {act: {"mean_rank": s.mean, "ci95": [s.low, s.high]} for act, s in data.ranks.items()}
    return json.dumps({"baseline": data.baseline, "boards": boards, "mean_ranks": ranks,
                       "environments": data.environments, "runs": data.runs}, indent=1,
                      allow_nan=False)


def _nan_to_none(value: float | None) -> float | None:
    return None if value is None or math.isnan(value) else value


def render(data: ReportData) -> str:
    """The report as one HTML string."""
    template = _ENV.get_template("report.html.j2")
    return template.render(
        data=data,
        leaderboards={b.title + b.config_hash: figures.leaderboard(b, data.baseline)
                      for b in data.boards if b.rows},
        curves={b.title + b.config_hash: figures.curves(b) for b in data.boards},
        shapes=figures.shapes(data.acts),
        csv_uri=_data_uri("text/csv", runs_csv(data)),
        json_uri=_data_uri("application/json", runs_json(data)),
    )


def write_report(data: ReportData, path: Path) -> Path:
    """Render ``data`` and write it to ``path`` atomically (all or nothing)."""
    return atomic_write(Path(path), render(data).encode("utf-8"))
