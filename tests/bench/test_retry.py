"""Failed runs can be retried, the summary and exit status say when runs failed, and stored
values the report cannot read (or would render as markup) do not break it."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

import actlab.bench
from actlab.bench import ActChoice, RunSpec, Store, sweep
from actlab.bench.report import collect, write_report
from actlab.bench.runner import MAX_SEEDS
from actlab.bench.store import RunKey, hide_password
from actlab.cli import app
from actlab.errors import ActlabError, ParameterError
from bench.helpers import micro, record


def test_retry_failed_reruns_a_stored_failure_and_replaces_it(tmp_path):
    spec = RunSpec.create("digits", "mlp", ActChoice.of("relu"), 0, "quick", micro("digits", "mlp"))
    store = Store(f"sqlite:///{tmp_path / 'r.sqlite'}")
    failure = replace(record(0, status="failed"), key=spec.key, reason="OSError: corrupt file")
    assert store.record(failure)

    again = sweep([spec], store, workers=1)
    assert (again.skipped, again.skipped_failed, again.ok) == (1, 1, 0)
    assert "1 failed earlier: --retry-failed reruns it" in again.line

    retried = sweep([spec], store, workers=1, retry_failed=True)
    assert (retried.skipped, retried.ok, retried.failed) == (0, 1, 0)
    [run] = store.runs()
    assert run.status == "ok" and run.reason is None
    assert not store.record(failure)  # a failure never replaces a result


@pytest.mark.parametrize(("failed", "status"), [(0, 0), (2, 1)])
def test_bench_exit_status_says_whether_a_run_of_this_invocation_failed(
    monkeypatch, failed, status
):
    seen = {}

    def fake_run(**options):
        seen.update(options)
        return SimpleNamespace(
            tables=list, failed=failed, line=f"0 runs done, 0 already stored, {failed} failed"
        )

    monkeypatch.setattr(actlab.bench, "run", fake_run)
    result = CliRunner().invoke(app, ["bench", "--retry-failed"])
    assert result.exit_code == status and seen["retry_failed"] is True
    assert f"{failed} failed" in result.stdout


def test_runs_stored_by_a_concurrent_sweep_are_counted_as_such(tmp_path, monkeypatch):
    specs = [
        RunSpec.create("digits", "mlp", ActChoice.of("relu"), 0, "quick", micro("digits", "mlp"))
    ]
    store = Store(f"sqlite:///{tmp_path / 'r.sqlite'}")
    monkeypatch.setattr(store, "record", lambda record: False)  # the other sweep was first
    progress = sweep(specs, store, workers=1)
    assert progress.line == (
        "0 runs done, 0 already stored, 1 stored meanwhile by another sweep, 0 failed"
    )


@pytest.mark.parametrize(
    ("option", "value"),
    [("seeds", 10**12), ("seeds", MAX_SEEDS + 1), ("tasks", ""), ("db", " "), ("out", "")],
)
def test_one_argument_cannot_ask_for_unbounded_or_default_work(option, value, tmp_path):
    options = {"acts": "relu", "tasks": "digits", "out": str(tmp_path), option: value}
    with pytest.raises(ParameterError, match=option if option != "seeds" else "at most"):
        actlab.bench.run(**options)


def test_report_reads_unreadable_params_and_markup_names_literally(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'r.sqlite'}")
    for seed in range(3):
        store.record(record(seed, "relu"))
        odd = record(seed, "relu", value=0.5)
        store.record(
            replace(odd, key=RunKey("digits", "mlp", "$\\frac{", "beta=2", seed, "abc123"))
        )
    data = collect(store, "relu")
    assert any(r["label"] == "$\\frac{(beta=2)" for r in data.runs)
    assert write_report(data, tmp_path / "report.html").stat().st_size > 0


def test_connection_errors_hide_the_password():
    assert (
        hide_password("x postgresql://ann:s3cret@host/db y") == "x postgresql://ann:***@host/db y"
    )
    with pytest.raises(ActlabError) as caught:
        Store("postgresql+pg8000://ann:s3cret@127.0.0.1:9/db")
    assert "s3cret" not in str(caught.value)
