"""The studies store their runs, resume, and report budgets, intervals and escapes."""

from __future__ import annotations

import pytest

from actlab.bench.store import Store
from actlab.bench.training import Schedule
from actlab.pi.study import (
    BudgetConfig,
    DeepConfig,
    budget_figure,
    budget_study,
    budget_tables,
    deep_run,
)

TINY = (BudgetConfig("digits", Schedule(20, 3e-3, batch_size=32, points=2), 4, 4),)


def test_a_tiny_budget_study_stores_resumes_and_reports(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'pi.sqlite'}")
    made = budget_study(store, TINY, fractions=(0.1,), seeds=3)
    assert made == 6
    assert budget_study(store, TINY, fractions=(0.1,), seeds=3) == 0  # all stored
    (table,) = budget_tables(store)
    assert [row[:2] for row in table.rows] == [("0.1", "153 / 153")]
    assert table.columns[-1] == "snl - random" and "[" in table.rows[0][2]  # 95% interval
    budget_figure(store, tmp_path / "budget.png")
    assert (tmp_path / "budget.png").stat().st_size > 10_000


@pytest.mark.slow
def test_without_range_control_the_escape_comes_before_the_nan_and_with_it_none():
    plain, _ = deep_run(DeepConfig(steps=300), 0.0, 0)
    assert 0 < plain["first_escape"] < plain["diverged_at"]
    aware, _ = deep_run(DeepConfig(steps=300), 100.0, 0)
    assert aware["escaped_sites"] == 0 and aware["diverged_at"] == 0
