"""`actlab.bench.run` is what `actlab bench` does: the same runs, values and summary."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from actlab.bench import Store, get_task, run
from actlab.cli import app
from bench.helpers import micro


@pytest.fixture
def tiny_digits(monkeypatch):
    """The quick digits budget shrunk to a few steps of tiny models, for this test only."""
    budgets = get_task("digits").budgets["quick"]
    for model in ("mlp", "cnn"):
        monkeypatch.setitem(budgets, model, micro("digits", model, steps=30))


def stored(db: str) -> list[tuple]:
    return [(r.task, r.model, r.act, r.seed, r.status, r.primary_value)
            for r in Store(db, create=False).runs()]


def test_run_reproduces_the_command(tiny_digits, tmp_path):
    args = dict(tasks="digits", acts="relu,tanh", seeds=3, workers=2)
    cli = CliRunner().invoke(app, ["bench", "--tasks", "digits", "--acts", "relu,tanh",
                                   "--seeds", "3", "--workers", "2", "--out",
                                   str(tmp_path / "cli")])
    assert cli.exit_code == 0, cli.output
    seen = []
    result = run(**args, out=tmp_path / "api", progress=lambda p: seen.append(p.done))
    assert stored(f"sqlite:///{tmp_path / 'cli' / 'bench.sqlite'}") == stored(
        f"sqlite:///{tmp_path / 'api' / 'bench.sqlite'}")
    assert len(result.planned) == 12 and seen == list(range(13))
    assert result.line.startswith("12 runs done, 0 already stored, 0 failed; report:")
    assert "12 runs done, 0 already stored, 0 failed" in cli.stdout
    assert result.report == tmp_path / "api" / "report.html"
    for table in result.tables():
        assert table.title in " ".join(cli.stdout.split())
    assert run(**args, out=tmp_path / "api", report=False).progress.skipped == 12
