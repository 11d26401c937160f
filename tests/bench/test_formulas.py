"""A nonlinearity that is not built in travels with its runs: to spawned workers, into the
database, into the report and into reruns in a fresh process."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from actlab.bench import ActChoice, RunSpec, Store, parse_acts, sweep
from actlab.bench.report import collect
from actlab.catalog import define
from actlab.catalog.registry import CATALOG
from actlab.errors import FormulaError, ParameterError, StoreError, UnknownNameError
from bench.helpers import micro, record

FORMULA = "x * tanh(beta * x) + 0.1 * x"


def specs(choice: ActChoice, seeds: int = 1) -> list[RunSpec]:
    return [
        RunSpec.create("digits", "mlp", choice, seed, "quick", micro("digits", "mlp"))
        for seed in range(seeds)
    ]


def test_a_defined_entry_runs_in_a_spawned_worker_and_is_stored(tmp_path):
    with CATALOG.scratch():
        choice = ActChoice.of(define(FORMULA, name="tanh_mix", beta=1.5).name, beta=2)
    assert choice.formula == FORMULA and choice.params == (("beta", 2.0),)
    store = Store(f"sqlite:///{tmp_path / 'bench.sqlite'}")
    progress = sweep(specs(choice), store, workers=1)  # the worker never saw define
    assert progress.ok == 1, [r.reason for r in progress.failures]
    assert store.formulas() == {"tanh_mix": FORMULA}
    data = collect(store)
    assert data.acts["tanh_mix(beta=2)"].formula == FORMULA


def test_reruns_rebuild_a_stored_formula_from_the_database(tmp_path):
    url = f"sqlite:///{tmp_path / 'bench.sqlite'}"
    store = Store(url)
    store.record(replace(record(act="f_1"), formula="x * sigmoid(x) - 0.5"))
    with pytest.raises(UnknownNameError, match="'f_1'"):
        parse_acts("relu,f_1")
    choices = parse_acts("relu,f_1", store.formulas())
    assert choices[1] == ActChoice.defined("x * sigmoid(x) - 0.5", "f_1")


def test_a_name_cannot_be_stored_with_two_formulas(database_url):
    store = Store(database_url)
    store.record(replace(record(act="mine"), formula="x * sigmoid(x)"))
    with pytest.raises(StoreError, match="another name"):
        sweep(specs(ActChoice.defined("x * tanh(x)", "mine")), store)


def test_a_catalog_name_or_a_bad_formula_is_refused_at_once():
    with pytest.raises(ParameterError, match="catalog entry"):
        ActChoice.defined("x * tanh(x)", "relu")
    with pytest.raises(FormulaError, match="undeclared name"):
        ActChoice.defined("x * sigmoid(b * x)")


def test_a_database_written_before_formulas_were_stored_still_opens(tmp_path):
    path = tmp_path / "old.sqlite"
    Store(f"sqlite:///{path}").record(record())
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TABLE formulas")
    store = Store(f"sqlite:///{path}")
    assert store.formulas() == {} and len(store.runs()) == 1
