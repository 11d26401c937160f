"""Gated feed-forward blocks in the benchmark: planned only where a model has feed-forward
blocks, trained at the parameter count of the plain block they replace."""

from __future__ import annotations

import pytest

from actlab.bench import ActChoice, RunSpec, execute, parse_acts, plan
from actlab.bench.models import GPT
from actlab.errors import ParameterError
from bench.helpers import micro


def test_gated_blocks_run_only_on_tasks_that_take_them(corpus_dir):
    runs = plan(parse_acts("relu,swiglu"), 3, tasks=["digits", "shakespeare_char"],
                data_dir=corpus_dir)
    pairs = {(r.key.task, r.act.label) for r in runs}
    assert pairs == {("digits", "relu"), ("shakespeare_char", "relu"),
                     ("shakespeare_char", "swiglu")}
    with pytest.raises(ParameterError, match=r"swiglu: gated .* \(.*shakespeare_char.*\)"):
        plan(parse_acts("relu,swiglu"), 3, tasks=["digits"])


def test_a_gated_block_is_not_an_elementwise_module():
    with pytest.raises(ParameterError, match="gated feed-forward block"):
        ActChoice.of("geglu")()
    assert ActChoice.of("xglu", alpha=0.5).label == "xglu(alpha=0.5)"
    with pytest.raises(ParameterError, match="bilinear has no parameters"):
        ActChoice.of("bilinear", alpha=1.0)


@pytest.mark.parametrize("block", ["swiglu", "geglu", "reglu"])
def test_gated_gpt_matches_the_plain_parameter_count(block):
    def size(act: ActChoice) -> int:
        net = GPT(65, 32, 2, 4, 96, act.feed_forward)
        return sum(p.numel() for p in net.parameters())

    plain, gated = size(ActChoice.of("gelu")), size(ActChoice.of(block))
    assert abs(gated - plain) / plain < 0.01


def test_shakespeare_trains_a_gated_block(corpus_dir):
    spec = RunSpec.create("shakespeare_char", "gpt", ActChoice.of("swiglu"), 0, "quick",
                          micro("shakespeare_char", "gpt"), data_dir=str(corpus_dir))
    record = execute(spec)
    assert record.status == "ok", record.reason
    assert record.key.act == "swiglu" and record.metrics["val_loss"] > 0
