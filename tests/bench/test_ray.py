"""The Ray backend on a local two-CPU instance gives the same results as the local backend."""

from __future__ import annotations

import pytest

from actlab.bench import ActChoice, RunSpec, Store, execute, sweep
from bench.helpers import micro

ray = pytest.importorskip("ray")


@pytest.fixture
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def test_ray_backend_runs_and_stores_a_sweep(local_ray, tmp_path):
    specs = [RunSpec.create("digits", "mlp", ActChoice.of(act), 0, "quick",
                            micro("digits", "mlp", steps=10)) for act in ("relu", "gelu")]
    store = Store(f"sqlite:///{tmp_path / 'ray.sqlite'}")
    progress = sweep(specs, store, backend="ray", workers=2)
    assert (progress.ok, progress.failed) == (2, 0)
    stored = {r.act: r.metrics for r in store.runs()}
    assert stored["gelu"] == execute(specs[1]).metrics  # deterministic across backends
    assert ray.is_initialized()  # a running instance is joined, not shut down
    assert sweep(specs, store, backend="ray").skipped == 2
