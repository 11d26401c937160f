"""actlab perf: the measurement machinery on tiny tensors. Benchmarks time; tests never do: the
clock is replaced by a stand-in that runs the work once and reports a fixed duration."""

import json

import pytest
import torch
from typer.testing import CliRunner

import actlab
from actlab.cli import app
from actlab.ops import backend
from actlab.perf.activations import ActivationPerf, accuracy, measure, published, summary
from actlab.perf.memory import peak_bytes

runner = CliRunner()


@pytest.fixture
def clock(monkeypatch):
    """Every timed piece of work runs once and takes 1 ms."""
    from actlab.perf import activations

    monkeypatch.setattr(activations, "median_seconds", lambda work, **_: (work(), 1e-3)[1])


def test_measure_fills_every_column(clock, fresh_cache):
    (result,) = measure([actlab.lookup("mish")], size=4096, min_run_time=0.01)
    assert result.auto in ("fused", "eager", "native") and result.composite
    assert set(result.forward_ms) >= {"fused", "eager", "native", "composite", "plain",
                                      "compiled", "auto", "copy", "floor"}
    assert result.forward_ms["composite"] == result.train_ms["composite"] == 1.0
    # under the shipped cost table, Mish's cheapest sound form needs a single exp
    assert (result.form, result.primitives) == ("exp-rational", ("exp",))
    assert result.saved_bytes["auto"] < result.saved_bytes["composite"]
    assert 0 < result.peak_mlp_bytes["auto"] <= result.peak_mlp_bytes["composite"]
    assert result.error["auto"] < 1e-5 and result.finite["auto"]


def test_published_formula_loses_accuracy_where_the_catalog_form_does_not():
    spec = actlab.lookup("squareplus")
    error, finite = accuracy(spec, published(spec))
    assert error == 1.0 and not finite  # cancels to 0 far left, x**2 overflows far right
    fused = backend.implementation(spec, "fused")
    error, finite = accuracy(spec, lambda x: fused(x, spec.defaults))
    assert error < 1e-6 and finite


def _result(name, auto_ms, composite_ms, native_ms, copy_ms, floor_ms, composite=True,
            compiled_ms=None, errors=(1e-7, 1e-7)):
    return ActivationPerf(name, "fused", "as written", ("exp",), composite,
                          forward_ms={"auto": auto_ms, "copy": copy_ms, "floor": floor_ms},
                          train_ms={"auto": auto_ms, "composite": composite_ms,
                                    "native": native_ms, "plain": composite_ms,
                                    "compiled": compiled_ms},
                          error=dict(zip(("auto", "compiled"), errors)),
                          finite={"auto": True, "compiled": True})


def test_summary_of_known_numbers():
    results = [_result("a", 1.0, 3.0, 2.0, 1.0, 0.5), _result("b", 2.0, 2.0, None, 1.0, 1.9),
               _result("c", 1.0, 10.0, None, 1.0, 1.0, composite=False)]
    totals = summary(results)
    assert totals["median_speedup_over_composite"] == 2.0  # (3.0, 1.0): c is not composite
    assert totals["min_speedup_over_native"] == 2.0
    assert totals["share_within_1.25x_of_floor"] == 1.0
    assert summary([_result("d", 3.0, 3.0, None, 1.0, 2.0)])["outside_floor"] == ["d"]


def test_summary_against_the_compiled_formula():
    results = [_result("a", 1.0, 3.0, None, 1.0, 1.0, compiled_ms=2.0),
               _result("b", 1.0, 3.0, None, 1.0, 1.0, compiled_ms=0.9, errors=(1e-3, 1e-7)),
               _result("c", 1.0, 3.0, None, 1.0, 1.0, compiled_ms=0.5)]
    totals = summary(results)
    assert totals["median_speedup_over_compiled"] == 0.9
    assert totals["median_speedup_over_plain"] == 3.0
    assert totals["slower_than_compiled"] == {"b": 0.9, "c": 0.5}
    assert totals["less_accurate_than_compiled"] == ["b"]


def test_peak_memory_grows_with_the_tensors_kept():
    def step(n):
        return lambda: [torch.ones(n) for _ in range(4)]

    assert peak_bytes(step(1 << 20)) >= 4 * 4 * (1 << 20) > peak_bytes(step(1 << 10))


def test_cli_json_records_the_auto_choice(clock, fresh_cache):
    result = runner.invoke(app, ["perf", "--names", "swish", "--size", "4096", "--json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    (entry,) = report["entries"]
    assert entry["name"] == "swish" and report["summary"]["entries"] == 1
    assert backend.measured_choices("cpu")["swish"] == entry["auto"]
    markdown = runner.invoke(app, ["perf", "--names", "relu", "--size", "4096", "--markdown",
                                   "--no-record"])
    assert markdown.exit_code == 0 and markdown.stdout.startswith("| entry |")


def test_cli_bad_input():
    for args, message in ((["--names", "mihs"], "Did you mean"),
                          (["--dtype", "float8"], "unknown dtype"),
                          (["--device", "tpu"], "not available")):
        result = runner.invoke(app, ["perf", *args])
        assert result.exit_code == 2 and message in result.stderr
