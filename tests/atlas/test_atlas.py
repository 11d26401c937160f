"""The atlas without a browser: the JavaScript printer, sliders, neighbours, benchmark ranks and
bad input (nothing half-written)."""

from __future__ import annotations

import pytest
from bench.helpers import record
from typer.testing import CliRunner

import actlab
from actlab.atlas import write_atlas
from actlab.atlas.entries import Slider, nearest, slider
from actlab.atlas.javascript import expression, function_source
from actlab.atlas.ranks import read
from actlab.bench.store import Store
from actlab.cli import app
from actlab.errors import FormulaError, OutputError, StoreError
from actlab.formula import parse

SMALL = ("relu", "gelu", "swish", "silu", "tanh")


@pytest.mark.parametrize(
    ("text", "js"),
    [
        ("clamp(x, 0, 6)", "Math.min(6, Math.max(0, x))"),
        ("x**2 + sqrt(x) / x", "((x * x) + Math.pow(x, (-0.5)))"),
        (
            "where(x > 0 and x < 1, erf(x), heaviside(-x))",
            "(((x > 0) && (x < 1)) ? A.erf(x) : A.step(((-1) * x)))",
        ),
        ("x * normal_cdf(x) + 2 * pi", "(6.283185307179586 + (x * A.ndtr(x)))"),
    ],
)
def test_expressions_print_as_javascript(text, js):
    assert expression(parse(text)) == js


def test_parameters_are_read_from_p_and_subexpressions_shared():
    f = actlab.lookup("swish").expression
    source = function_source([f.expr, f.derivative()], ("beta",))
    assert source.count("A.sigmoid(_t0)") == 1 and source.count('p["beta"]') == 1
    assert source.startswith("(x, p) => {") and source.endswith("}")


def test_an_expression_without_javascript_counterpart_is_refused():
    import sympy

    with pytest.raises(FormulaError, match="cannot write gamma in JavaScript"):
        expression(sympy.gamma(sympy.Symbol("x")))


def test_sliders_stay_inside_the_valid_range():
    for spec in actlab.catalog():
        for param in spec.params:
            s = slider(param)
            assert s.low <= s.default <= s.high, (spec.name, param.name)
            steps = (s.default - s.low) / s.step
            assert abs(steps - round(steps)) < 1e-6, (spec.name, param.name)  # on the grid
            for value in (s.low, s.high):
                param.check(value)  # raises if a slider end is invalid
    assert slider(actlab.Param("a", 2.0, 2.0, 2.0)) == Slider("a", 2.0, 2.0, 2.0, 1.0, False, "")


def test_nearest_entries_by_curve_distance():
    specs = [actlab.lookup(n) for n in SMALL]
    near = dict(zip(SMALL, nearest(specs)))
    assert near["silu"][0] == ("swish", 0.0)  # the same curve at default beta
    assert [name for name, _ in near["relu"]][:1] == ["gelu"]
    assert all(len(n) == 3 and name not in dict(n) for name, n in near.items())


def test_ranks_come_from_the_results_database(tmp_path):
    url = f"sqlite:///{tmp_path / 'results.sqlite'}"
    store = Store(url)
    for seed in range(3):
        for act, value in (("relu", 0.80), ("gelu", 0.90), ("swiglu", 0.85)):
            store.record(record(seed, act, value=value + 0.01 * seed))
    ranks = read(url)
    assert set(ranks) == {"relu", "gelu"}  # the gated block has no card
    assert [(r.board, r.rank, r.of) for r in ranks["gelu"]] == [("digits / mlp", 1, 3)]
    assert ranks["relu"][0].rank == 3
    page = write_atlas(tmp_path / "atlas.html", url, [actlab.lookup(n) for n in SMALL]).read_text()
    assert "rank 1 of 3" in page and "not in the benchmark database" in page


def test_bad_input_writes_nothing(tmp_path):
    specs = [actlab.lookup("relu")]
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(OutputError, match="cannot write"):
        write_atlas(blocker / "atlas.html", specs=specs)
    with pytest.raises(OutputError, match="is a directory"):
        write_atlas(tmp_path, specs=specs)
    with pytest.raises(StoreError, match="no database file"):
        write_atlas(tmp_path / "atlas.html", f"sqlite:///{tmp_path / 'missing.sqlite'}", specs)
    with pytest.raises(StoreError, match="cannot open database"):
        write_atlas(tmp_path / "atlas.html", "postgresql+psycopg://nobody@127.0.0.1:1/none", specs)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_the_command_fails_in_one_line(tmp_path):
    runner = CliRunner()
    out = tmp_path / "atlas.html"
    for args in (
        ["-o", str(tmp_path / "file" / "atlas.html")],
        ["-o", str(out), "--db", f"sqlite:///{tmp_path / 'missing.sqlite'}"],
    ):
        (tmp_path / "file").write_text("")
        result = runner.invoke(app, ["atlas", *args])
        assert result.exit_code == 2
        assert result.output.count("error:") == 1
    assert not out.exists()
