"""Plan a sweep, run it on a backend, and store each run as it completes.

A run is (task, model, nonlinearity with parameters, seed, config hash); it is deterministic given
the seed. Workers only compute: each returns a :class:`~actlab.bench.store.RunRecord` to this
process, which writes it in one transaction. One writer per sweep keeps database credentials and
SQLite files on the machine that started the sweep (Ray workers may run elsewhere), and the
database's unique run key still guards against other sweeps writing the same runs at once.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import platform
import random
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any, Literal

import numpy as np
import torch

from actlab.bench import shutdown
from actlab.bench.acts import ActChoice
from actlab.bench.store import RunKey, RunRecord, Store
from actlab.bench.task import SUITES, Context
from actlab.bench.tasks import get_task, task_names
from actlab.errors import ActlabError, ParameterError, UnknownNameError
from actlab.ops.machine import cpu_model

log = logging.getLogger(__name__)

Backend = Literal["local", "ray"]
BACKENDS: tuple[Backend, ...] = ("local", "ray")
MAX_SEEDS = 1_000


@dataclass(frozen=True)
class RunSpec:
    """Everything a worker needs for one run."""

    key: RunKey
    act: ActChoice
    suite: str
    config: Any
    data_dir: str | None = None
    device: str = "cpu"
    threads: int = 1

    @classmethod
    def create(cls, task: str, model: str, act: ActChoice, seed: int, suite: str, config: Any,
               **options: Any) -> RunSpec:
        key = RunKey(task, model, act.name, act.params_json, seed,
                     get_task(task).config_hash(model, config))
        return cls(key, act, suite, config, **options)


def plan(acts: Sequence[ActChoice], seeds: int, suite: str = "quick",
         tasks: Sequence[str] | None = None, data_dir: Path | None = None,
         device: str = "cpu") -> list[RunSpec]:
    """The runs of a sweep, seed by seed (so early results already cover every pair), after
    checking that every task's data is present. Gated blocks run on the tasks that take them,
    attention normalizers other than plain softmax on the tasks with attention.
    """
    if suite not in SUITES:
        raise UnknownNameError("suite", suite, SUITES)
    if seeds < 1:
        raise ParameterError(f"need at least one seed, got {seeds}")
    if seeds > MAX_SEEDS:
        raise ParameterError(f"at most {MAX_SEEDS} seeds per sweep, got {seeds}")
    if not acts:
        raise ParameterError("name at least one nonlinearity")
    chosen = [get_task(name) for name in (tasks or task_names())]
    gated = [act.label for act in acts if act.gated]
    if gated and not any(task.gated for task in chosen):
        takers = [name for name in task_names() if get_task(name).gated]
        raise ParameterError(f"{', '.join(gated)}: gated feed-forward blocks run only on tasks "
                             f"with feed-forward blocks ({', '.join(takers)}); add one to the "
                             "tasks")
    for task in chosen:
        if task.check is not None:
            task.check(data_dir)
    data = str(data_dir) if data_dir else None
    return [RunSpec.create(task.name, model, act, seed, suite, task.budget(suite, model),
                           data_dir=data, device=device)
            for seed in range(seeds) for task in chosen for model in task.models for act in acts
            if (task.gated or not act.gated) and (task.attention or act.plain_attention)]


def execute(spec: RunSpec) -> RunRecord:
    """Run ``spec`` deterministically; an exception or a NaN loss gives a failed record."""
    torch.set_num_threads(spec.threads)
    torch.use_deterministic_algorithms(True, warn_only=True)
    torch.manual_seed(spec.key.seed)
    random.seed(spec.key.seed)
    np.random.seed(spec.key.seed)
    task = get_task(spec.key.task)
    context = Context(spec.key.seed, torch.device(spec.device),
                      Path(spec.data_dir) if spec.data_dir else None)
    start = time.perf_counter()
    try:
        outcome = task.run(spec.key.model, spec.act, spec.config, context)
        status, reason, metrics, curves = "ok", None, outcome.metrics, outcome.curves
    except Exception as err:  # noqa: BLE001 - any failure of one run is recorded, not raised
        status, reason, metrics, curves = "failed", f"{type(err).__name__}: {err}", {}, {}
        log.debug("run %s failed\n%s", spec.key, traceback.format_exc())
    return RunRecord(spec.key, spec.suite, asdict(spec.config), status, reason,
                     task.primary.name, metrics, curves, time.perf_counter() - start,
                     environment(spec), spec.act.formula)


def environment(spec: RunSpec) -> dict[str, Any]:
    """Versions and hardware of the process running ``spec``."""
    gpu = torch.cuda.get_device_name() if spec.device.startswith("cuda") else None
    return {"actlab": version("actlab"), "torch": torch.__version__,
            "python": platform.python_version(), "platform": platform.platform(),
            "cpu": cpu_model(), "cpus": os.cpu_count(), "gpu": gpu, "device": spec.device,
            "threads": torch.get_num_threads(), "host": platform.node()}


@dataclass
class Progress:
    """Where a sweep stands; handed to the progress callback after every run.

    ``skipped`` runs were stored before the sweep started (``skipped_failed`` of them as
    failures, not retried); ``duplicates`` were stored by another sweep while this one ran them.
    """

    total: int
    skipped: int = 0
    skipped_failed: int = 0
    ok: int = 0
    failed: int = 0
    duplicates: int = 0
    failures: list[RunRecord] = field(default_factory=list)
    last: RunRecord | None = None

    @property
    def done(self) -> int:
        return self.skipped + self.ok + self.failed + self.duplicates

    @property
    def line(self) -> str:
        """One line: runs done, skipped, stored meanwhile by another sweep, failed.

        >>> print(*Progress(8, 3, 1, ok=2, duplicates=2, failed=1).line.split(", "), sep="\\n")
        2 runs done
        3 already stored (1 failed earlier: --retry-failed reruns it)
        2 stored meanwhile by another sweep
        1 failed
        """
        stored = f"{self.skipped} already stored"
        if self.skipped_failed:
            them = "it" if self.skipped_failed == 1 else "them"
            stored += f" ({self.skipped_failed} failed earlier: --retry-failed reruns {them})"
        parts = [f"{self.ok} runs done", stored]
        parts += [f"{self.duplicates} stored meanwhile by another sweep"] if self.duplicates else []
        return ", ".join([*parts, f"{self.failed} failed"])


def sweep(specs: Sequence[RunSpec], store: Store, *, backend: Backend = "local",
          workers: int | None = None, ray_address: str | None = None,
          retry_failed: bool = False,
          on_progress: Callable[[Progress], None] | None = None) -> Progress:
    """Run every spec whose key is not in ``store`` yet and record each result as it arrives.

    Completed runs are skipped, so an interrupted sweep resumes where it stopped; stored
    failures are skipped too unless ``retry_failed`` (a rerun replaces the failure). SIGTERM and
    SIGHUP stop the sweep like Ctrl-C (KeyboardInterrupt): the workers are terminated, every
    completed run is kept. A formula that is not built in must not be stored under its name with
    another text.
    """
    check_backend(backend, workers)
    workers = workers or os.cpu_count() or 1
    unique = list(dict.fromkeys(specs))
    store.check_formulas({s.act.name: s.act.formula for s in unique if s.act.formula})
    stored = store.statuses(s.key for s in unique)
    rerun = {k for k, status in stored.items() if retry_failed and status == "failed"}
    pending = [s for s in unique if s.key not in stored or s.key in rerun]
    progress = Progress(total=len(unique), skipped=len(unique) - len(pending))
    progress.skipped_failed = sum(s == "failed" for k, s in stored.items() if k not in rerun)
    notify = on_progress or (lambda _progress: None)
    notify(progress)
    if not pending:
        return progress
    run_all = _run_local if backend == "local" else _run_ray
    with shutdown.signals_interrupt():
        for record in run_all(pending, workers, ray_address):
            if not store.record(record):
                progress.duplicates += 1
            elif record.status == "ok":
                progress.ok += 1
            else:
                progress.failed += 1
                progress.failures.append(record)
            progress.last = record
            notify(progress)
    return progress


def check_backend(backend: str, workers: int | None) -> None:
    """Raise for an unknown backend or a worker count below one."""
    if backend not in BACKENDS:
        raise UnknownNameError("backend", backend, BACKENDS)
    if workers is not None and workers < 1:
        raise ParameterError(f"need at least one worker, got {workers}")


def _run_local(specs: Sequence[RunSpec], workers: int, _address: str | None
               ) -> Iterator[RunRecord]:
    """A pool of spawned processes (fork is unsafe with torch's threads)."""
    pool = ProcessPoolExecutor(min(workers, len(specs)),
                               mp_context=multiprocessing.get_context("spawn"),
                               initializer=shutdown.exit_with_parent, initargs=(os.getpid(),))
    reaper = shutdown.Reaper()
    try:
        futures = [pool.submit(execute, spec) for spec in specs]
        reaper.watch(pool)  # every worker has started by now
        for future in as_completed(futures):
            yield future.result()
    except BrokenProcessPool as err:
        raise ActlabError(f"a worker process died ({err}); completed runs are stored, "
                          "rerun the same command to continue") from None
    finally:
        shutdown.terminate(pool)
        reaper.close()


def _run_ray(specs: Sequence[RunSpec], workers: int, address: str | None
             ) -> Iterator[RunRecord]:
    """Ray tasks of one CPU each, on a cluster at ``address`` ("auto": the running one) or on a
    local instance of ``workers`` CPUs."""
    try:
        import ray
    except ImportError:
        raise ActlabError("the ray backend needs Ray: pip install 'actlab[ray]'") from None
    started = not ray.is_initialized()
    if started:
        try:
            ray.init(address=address, num_cpus=None if address else workers,
                     include_dashboard=False, log_to_driver=False,
                     logging_level=logging.WARNING)
        except (ConnectionError, RuntimeError, ValueError) as err:
            raise ActlabError(f"cannot start or join Ray at {address or 'a local instance'}: "
                              f"{err}") from None
    remote = ray.remote(num_cpus=1, max_retries=0)(execute)
    pending = [remote.remote(spec) for spec in specs]
    try:
        while pending:
            ready, pending = ray.wait(pending, num_returns=1)
            yield ray.get(ready[0])
    finally:
        for ref in pending:
            ray.cancel(ref, force=True)
        if started:
            ray.shutdown()
