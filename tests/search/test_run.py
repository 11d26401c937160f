"""A search through the benchmark store: its runs are stored, a rerun replays them, bad input is
one clear error before any run."""

from __future__ import annotations

import json

import pytest
from bench.helpers import micro

from actlab.bench import Store
from actlab.errors import UnknownNameError
from actlab.search import Grammar, SearchError, run

TINY = {
    "task": "digits",
    "model": "mlp",
    "config": micro("digits", "mlp", steps=5),
    "workers": 1,
    "batch": 3,
}


def test_a_search_stores_its_runs_and_a_rerun_continues_from_them(tmp_path):
    db = f"sqlite:///{tmp_path / 'search.sqlite'}"
    first = run(
        strategy_name="random", budget_runs=3, seed=4, db=db, out=tmp_path, finalists=0, **TINY
    )
    store = Store(db)
    assert len(store.runs()) == 3 and len(store.formulas()) == 3
    assert all(e.score is not None and 0 <= e.score <= 1 for e in first.evaluations)
    record = json.loads(first.record.read_text())
    assert [e["formula"] for e in record["evaluations"]] == [
        e.candidate.formula for e in first.evaluations
    ]

    again = run(
        strategy_name="random",
        budget_runs=3,
        seed=4,
        db=db,
        out=tmp_path,
        finalists=1,
        finalist_seeds=1,
        baselines=("relu",),
        **TINY,
    )  # the search's runs are stored: only the finalist and the baseline train, on seed 1
    assert again.evaluations == first.evaluations
    assert {(r.act, r.seed) for r in store.runs()} - {(r.act, 0) for r in store.runs()} == {
        (again.finalists[0].name, 1),
        ("relu", 1),
    }
    finalist = again.finalists[0]
    assert finalist.formula == again.best.candidate.formula
    assert again.search_id in str(finalist.spec().citation)
    assert finalist.define_text.splitlines()[1].startswith(f"actlab.define({finalist.formula!r}")


@pytest.mark.parametrize("change, error, match", [
    ({"budget_runs": 0}, SearchError, "at least one run"),
    ({"task": "digitz"}, UnknownNameError, "Did you mean: digits"),
    ({"strategy_name": "annealing"}, UnknownNameError, "search strategy"),
    ({"grammar": Grammar({"sqrt": "sqrt({})"}, {"add": "({a}) + ({b})"})}, SearchError,
     "no new valid candidate"),
])  # fmt: skip
def test_bad_input_is_one_clear_error_before_any_run(tmp_path, change, error, match):
    options = {
        **TINY,
        "budget_runs": 2,
        "db": f"sqlite:///{tmp_path / 's.sqlite'}",
        "out": tmp_path,
        **change,
    }
    with pytest.raises(error, match=match):
        run(**options)
    assert not Store(options["db"]).runs()
