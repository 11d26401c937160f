"""The benchmark as one call: plan a sweep, run it into a results database, collect the
statistics and write the HTML report. ``actlab bench`` is this function with a progress bar::

    from actlab.bench import run

    result = run(suite="quick", acts="relu,gelu,swiglu", tasks="digits,shakespeare_char",
                 seeds=3, out="results", data_dir="../shared/data")
    print(result.line)
    for table in result.tables():
        print(table.title, table.markdown(), sep="\n")
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from actlab.bench.acts import ActChoice, parse_acts, parse_attention
from actlab.bench.report import ReportData, collect, write_report
from actlab.bench.runner import Progress, RunSpec, check_backend, plan, sweep
from actlab.bench.stats import Comparison
from actlab.bench.store import Store
from actlab.errors import ParameterError, StoreError, UnknownNameError
from actlab.files import check_writable
from actlab.ops.fused import check_device
from actlab.tables import Table

log = logging.getLogger(__name__)

DEFAULT_ACTS = "relu,gelu,swish,mish,selu,snake"


@dataclass(frozen=True)
class BenchResult:
    """What a benchmark did: the planned runs, how the sweep went, the statistics of every run
    in the database (this sweep's and earlier ones of the same suite) and the report's path."""

    planned: tuple[RunSpec, ...]
    progress: Progress
    data: ReportData
    db: str  # the database URL, password hidden
    report: Path | None

    @property
    def line(self) -> str:
        """One line: runs done, skipped, failed; where the report is."""
        where = f"; report: {self.report}" if self.report else ""
        return f"{self.progress.line}{where}"

    @property
    def failed(self) -> int:
        """How many runs of this call failed (stored failures it skipped not counted)."""
        return self.progress.failed

    def tables(self) -> list[Table]:
        """The leaderboards and the mean ranks, as the terminal summary shows them."""
        return summary_tables(self.data)


def run(*, suite: str = "quick", acts: str | Sequence[str | ActChoice] = DEFAULT_ACTS,
        tasks: str | Sequence[str] | None = None, seeds: int = 3, db: str | None = None,
        out: Path | str = "results", backend: str = "local", workers: int | None = None,
        ray_address: str | None = None, data_dir: Path | str | None = None,
        device: str = "cpu", baseline: str = "relu", report: bool = True,
        retry_failed: bool = False,
        attention: str | Sequence[str] | None = None,
        progress: Callable[[Progress], None] | None = None) -> BenchResult:
    """Train every task with every nonlinearity over ``seeds`` seeds and store each run.

    ``acts`` is text such as ``"relu,swish:beta=2,swiglu"`` or a list of names/ActChoices;
    ``tasks`` a comma-separated text or list (default: all); a name that is not in the catalog
    may be a formula earlier runs stored in the database; ``db`` a database URL (default: a
    SQLite file ``out/bench.sqlite``); ``backend`` ``"local"`` (a process pool of ``workers``)
    or ``"ray"`` (a local instance, or the cluster at ``ray_address``). Runs already in the
    database are skipped, so an interrupted call resumes; stored failures are rerun with
    ``retry_failed``. SIGTERM and SIGHUP stop the sweep like Ctrl-C (KeyboardInterrupt), with
    every completed run kept. ``progress`` is called after every run with a
    :class:`~actlab.bench.runner.Progress`. ``attention`` (e.g.
    ``"softmax,sigmoid,ssmax:s=0.5"``) is a second axis: every nonlinearity with every attention
    normalizer on the tasks with attention (the others run softmax's choices only). Everything is
    checked before the first run starts; bad input raises an :class:`~actlab.errors.ActlabError`.
    """
    for what, value in (("tasks", tasks), ("db", db), ("out", out)):
        if isinstance(value, str) and not value.strip():
            raise ParameterError(f"{what} is empty; leave it out for the default")
    out = check_writable(Path(out))
    url = db or f"sqlite:///{(out / 'bench.sqlite').resolve()}"
    try:
        choices = parse_acts(acts)
    except UnknownNameError:  # perhaps a formula of earlier runs: the database knows it
        choices = parse_acts(acts, _stored_formulas(url))
    base = ActChoice.of(baseline)
    if attention is not None:
        normalizers = parse_attention(attention)
        choices = [c.with_attention(name, **values) for c in choices
                   for name, values in normalizers]
        if base not in choices:  # no plain softmax among them: the first normalizer is the base
            base = base.with_attention(normalizers[0][0], **normalizers[0][1])
    if base not in choices:
        raise ParameterError(f"the baseline {base.label!r} is not among the nonlinearities; add "
                             "it or choose another baseline")
    check_device(device)
    names = [t.strip() for t in tasks.split(",")] if isinstance(tasks, str) else tasks
    data = Path(data_dir) if data_dir is not None else None
    specs = plan(choices, seeds, suite, names, data, device)
    check_backend(backend, workers)
    store = Store(url)
    log.info("%d runs (%s) into %s", len(specs), suite, store.display_url)
    done = sweep(specs, store, backend=backend, workers=workers, ray_address=ray_address,
                 retry_failed=retry_failed, on_progress=progress)
    collected = collect(store, base.label, suite)
    path = write_report(collected, out / "report.html") if report else None
    return BenchResult(tuple(specs), done, collected, store.display_url, path)


def _stored_formulas(url: str) -> dict[str, str]:
    """The formulas stored in the database at ``url``, if it exists (none otherwise)."""
    try:
        return Store(url, create=False).formulas()
    except StoreError:
        return {}


def summary_tables(data: ReportData) -> list[Table]:
    """Per board: seeds, mean, 95% interval and the verdict against the baseline; then the mean
    ranks over boards when there are several."""
    tables = []
    for board in data.boards:
        direction = "higher" if board.metric.higher_is_better else "lower"
        rows = [(row.act, row.summary.n, f"{row.summary.mean:.4g}", row.summary.interval_text(),
                 _verdict(row.comparison)) for row in board.rows]
        tables.append(Table.of(("nonlinearity", "seeds", "mean", "95% interval",
                                f"vs {data.baseline}"), rows,
                               f"{board.title} ({board.suite}): {board.metric.name}, {direction} "
                               "is better"))
    if len(data.ranks) > 1:
        rows = [(act, f"{s.mean:.2f}", s.interval_text(2)) for act, s in data.ranks.items()]
        note = (f"{data.leader} ranks first." if data.leader else
                "No nonlinearity ranks clearly first.")
        tables.append(Table.of(("nonlinearity", "mean rank", "95% interval"), rows,
                               "mean rank over boards (1 = best)", note))
    return tables


def _verdict(comparison: Comparison | None) -> str:
    """The verdict with its Holm-adjusted p, or with the smallest difference the seeds could
    have detected where none was found."""
    if comparison is None:
        return "baseline"
    if comparison.verdict in ("better", "worse"):
        return f"{comparison.verdict} (p={comparison.p_adjusted:.2g})"
    if comparison.verdict == "no significant difference":
        return f"{comparison.verdict} (could detect >= {comparison.detectable:.2g})"
    return comparison.verdict
