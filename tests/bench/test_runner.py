"""The local backend: a failing run is stored with its reason and the sweep goes on; progress is
reported through the callback."""

from __future__ import annotations

from dataclasses import replace

from actlab.bench import ActChoice, RunSpec, Store, sweep
from bench.helpers import micro


def test_a_failing_run_is_recorded_and_the_sweep_continues(tmp_path, corpus_dir):
    broken = replace(micro("shakespeare_char", "gpt"), heads=3)  # width 8 is not divisible by 3
    specs = [RunSpec.create("shakespeare_char", "gpt", ActChoice.of("relu"), 0, "quick", broken,
                            data_dir=str(corpus_dir)),
             RunSpec.create("digits", "mlp", ActChoice.of("relu"), 0, "quick",
                            micro("digits", "mlp"))]
    store = Store(f"sqlite:///{tmp_path / 'r.sqlite'}")
    seen = []
    progress = sweep(specs, store, workers=2, on_progress=lambda p: seen.append(p.done))
    assert (progress.ok, progress.failed, progress.done) == (1, 1, 2)
    assert seen == [0, 1, 2]
    failed = next(r for r in store.runs() if r.status == "failed")
    assert failed.task == "shakespeare_char" and "divisible by heads 3" in failed.reason
    assert sweep(specs, store, workers=2).skipped == 2
