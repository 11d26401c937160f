"""Every task trains and evaluates with a micro budget; runs are deterministic; failures are
recorded, not raised."""

from __future__ import annotations

import math

import pytest

from actlab.bench import ActChoice, RunSpec, execute, get_task, task_names
from actlab.errors import DataError
from bench.helpers import micro

CASES = [(t, m) for t in task_names() for m in get_task(t).models]


@pytest.mark.parametrize(("task", "model"), CASES, ids=[f"{t}-{m}" for t, m in CASES])
def test_every_task_runs_with_a_micro_budget(task, model, corpus_dir):
    spec = RunSpec.create(task, model, ActChoice.of("gelu"), 0, "quick", micro(task, model),
                          data_dir=str(corpus_dir))
    record = execute(spec)
    assert record.status == "ok", record.reason
    primary = get_task(task).primary.name
    assert math.isfinite(record.metrics[primary])
    assert record.curves and all(len(points) >= 1 for points in record.curves.values())
    assert record.environment["threads"] == 1


def test_runs_are_deterministic_given_the_seed():
    spec = RunSpec.create("digits", "cnn", ActChoice.of("swish", beta=2), 3, "quick",
                          micro("digits", "cnn", steps=20))
    first, second = execute(spec), execute(spec)
    assert first.metrics == second.metrics and first.curves == second.curves
    other = execute(RunSpec.create("digits", "cnn", ActChoice.of("swish", beta=2), 4, "quick",
                                   micro("digits", "cnn", steps=20)))
    assert other.curves != first.curves


def test_nan_loss_is_a_failed_run_with_its_reason(scratch_registry):
    import actlab

    actlab.define("log(x)", name="log_unit")  # NaN for negative inputs
    record = execute(RunSpec.create("digits", "mlp", ActChoice.of("log_unit"), 0, "quick",
                                    micro("digits", "mlp")))
    assert record.status == "failed"
    assert "Diverged" in record.reason and "nan" in record.reason
    assert record.metrics == {}


def test_config_hash_separates_budgets_and_models():
    task = get_task("mnist1d")
    hashes = {task.config_hash(m, task.budget(s, m)) for s in ("quick", "standard")
              for m in task.models}
    assert len(hashes) == 4


def test_missing_corpus_says_where_to_put_it(offline, tmp_path):
    from actlab.bench.tasks.shakespeare_char import data_file

    with pytest.raises(DataError, match="tinyshakespeare.txt not found in .*--data-dir"):
        data_file(tmp_path / "empty")


def test_data_dir_then_environment_then_cache(offline, monkeypatch, tmp_path, corpus_dir):
    from actlab.bench.tasks.shakespeare_char import data_file

    monkeypatch.setenv("ACTLAB_DATA", str(corpus_dir))
    assert data_file(None) == corpus_dir / "tinyshakespeare.txt"
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "tinyshakespeare.txt").write_text("x")
    assert data_file(mine) == mine / "tinyshakespeare.txt"
