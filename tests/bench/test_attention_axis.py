"""The attention normalizer as a second benchmark axis: in the run key, in the report, only on
tasks with attention; runs stored before it existed keep their keys."""

from __future__ import annotations

import json
import math
from dataclasses import replace

import pytest

from actlab.bench import ActChoice, RunSpec, Store, execute
from actlab.bench.acts import parse_attention
from actlab.bench.report import collect
from actlab.bench.runner import plan
from actlab.errors import ParameterError, UnknownNameError
from bench.helpers import micro, record


def test_plain_softmax_keeps_the_keys_of_earlier_runs():
    gelu = ActChoice.of("gelu")
    assert gelu.with_attention("softmax") == gelu and gelu.params_json == "{}"
    chosen = gelu.with_attention("ssmax", s=0.5)
    assert chosen.label == "gelu [attn=ssmax(s=0.5)]"
    assert ActChoice.stored("gelu", json.loads(chosen.params_json)) == chosen


def test_parse_attention_checks_names_and_parameters():
    assert parse_attention(["sigmoid:b=-3", "relu_l"]) == [("sigmoid", {"b": -3.0}), ("relu_l", {})]
    with pytest.raises(UnknownNameError):
        parse_attention("softmaxx")
    with pytest.raises(ParameterError, match="out of range"):
        parse_attention("entmax:alpha=0.5")
    with pytest.raises(ParameterError, match="twice"):
        parse_attention("relu_l,relu_l")


def test_tasks_without_attention_run_softmax_choices_only():
    choices = [ActChoice.of("gelu").with_attention(a) for a in ("softmax", "sigmoid")]
    runs = plan(choices, 1, tasks=["digits", "recall"])
    assert {(r.key.task, r.act.attention) for r in runs} == {
        ("digits", "softmax"),
        ("recall", "softmax"),
        ("recall", "sigmoid"),
    }


def test_recall_trains_with_a_chosen_normalizer_and_stores_probes():
    act = ActChoice.of("gelu").with_attention("stick_breaking")
    config = replace(micro("recall", "transformer"), eval_batch=2)
    result = execute(RunSpec.create("recall", "transformer", act, 0, "quick", config))
    assert result.status == "ok", result.reason
    assert result.key.params == act.params_json
    assert 0 <= result.metrics["accuracy_1024"] <= 1
    assert math.isfinite(result.metrics["attn_entropy"])


def test_the_report_shows_the_normalizer():
    store = Store("sqlite://")
    sigmoid = ActChoice.of("relu").with_attention("sigmoid")
    for seed in range(3):
        store.record(record(seed, value=0.9))
        plain = record(seed, value=0.8)
        store.record(replace(plain, key=replace(plain.key, params=sigmoid.params_json)))
    rows = {row.act for row in collect(store, "relu").boards[0].rows}
    assert rows == {"relu", "relu [attn=sigmoid]"}
