"""verify catches what it claims to catch: each check fails on a wrong declaration."""

import dataclasses

import pytest
import torch

from actlab import Citation, Param, Properties, Reference, Spec, lookup
from actlab.verify import _is_monotonic, _smoothness, verification_points, verify

CITE = Citation("Test entry", "Nobody", 2024)
SWISH_PROPS = Properties(monotonic=False, lower=-0.2785, upper=None, smoothness="Cinf",
                         zero_at_zero=True, zero_centered=True, self_gated=True)


def swish(**changes):
    fields = dict(name="swish_under_test", formula="x * sigmoid(x)", family="test",
                  citation=CITE, properties=SWISH_PROPS,
                  references=(Reference(torch.nn.functional.silu),))
    return Spec(**{**fields, **changes})


def outcome(spec, check):
    return {c.name: c for c in verify(spec).checks}[check]


def test_points_cover_near_zero_and_far():
    x = verification_points()
    assert len(x) >= 1000 and x.min() <= -1e4 and x.max() >= 1e4
    assert ((x.abs() < 1e-3) & (x != 0)).sum() > 50


def test_a_correct_spec_passes_everything():
    report = verify(swish())
    assert report.ok, [c for c in report.checks if c.ok is False]


@pytest.mark.parametrize("change, message", [
    (dict(monotonic=True), "monotonic"),
    (dict(lower=0.0), "lower bound"),
    (dict(lower=-1.0), "not tight"),
    (dict(upper=10.0), "upper bound"),
    (dict(smoothness="C0"), "smoothness"),
    (dict(zero_at_zero=False), "zero_at_zero"),
    (dict(zero_centered=False), "zero_centered"),
    (dict(sparse=True), "sparse"),
    (dict(period="pi"), "period"),
])
def test_wrong_property_is_caught(change, message):
    check = outcome(swish(properties=dataclasses.replace(SWISH_PROPS, **change)), "properties")
    assert check.ok is False and message in check.detail


def test_smoothness_levels_are_measured():
    grid = torch.linspace(-8, 8, 160_001, dtype=torch.float64)

    def level(formula):
        return _smoothness(swish(formula=formula), grid, {})

    assert level("where(x > 0.5, 1, 0)") == "discontinuous"
    assert level("abs(x)") == "C0"
    assert level("x * abs(x)") == "C1"
    assert level("tanh(x)") == "Cinf"


@pytest.mark.parametrize("formula, measured", [
    # a jump of f'' at knots off the grid, split over two difference quotients (bi-firing)
    ("where(abs(x) > 1.00005, abs(x) - 1.00005 / 2, x**2 / (2 * 1.00005))", "C1"),
    ("where(abs(x) > 1.23456789, abs(x) - 1.23456789 / 2, x**2 / (2 * 1.23456789))", "C1"),
    # f'' unbounded at 0 (m-arcsinh, |x|^1.5, one-sided)
    ("asinh(x) * sqrt(abs(x)) / 12", "C1"),
    ("abs(x)**1.5", "C1"),
    ("relu(x)**1.5", "C1"),
    # bounded f'' (C2), and steep but smooth: still Cinf
    ("abs(x)**2.5", "Cinf"),
    ("(1.25 * x + sqrt((0.75 * x)**2 + 4.35e-9**2)) / 2", "Cinf"),
    ("sinh(x)", "Cinf"),
])
def test_smoothness_finds_split_jumps_and_unbounded_curvature(formula, measured):
    grid = torch.linspace(-8, 8, 160_001, dtype=torch.float64)
    assert _smoothness(swish(formula=formula), grid, {}) == measured


@pytest.mark.parametrize("formula, measured", [
    # continuous, with a slope infinite at a point (|x|^0.5, |x|^(1/3), one-sided, off 0): C0
    ("sign(x) * sqrt(abs(x))", "C0"),
    ("sign(x) * abs(x)**(1/3)", "C0"),
    ("relu(x)**0.5", "C0"),
    ("sqrt(abs(x - 0.3))", "C0"),
    # the same cusp with a jump of f there is still a jump
    ("where(x > 0.5, sqrt(x - 0.5) + 1, sqrt(abs(x - 0.5)))", "discontinuous"),
    # a steep but smooth step has a bounded slope
    ("tanh(x / 1e-6)", "Cinf"),
])
def test_smoothness_finds_an_unbounded_slope_without_a_jump(formula, measured):
    grid = torch.linspace(-8, 8, 160_001, dtype=torch.float64)
    assert _smoothness(swish(formula=formula), grid, {}) == measured


def test_float32_accuracy_is_measured_at_the_float32_parameters():
    # m = -0.22 is -0.2199999988 in float32: at the float32 point x = 0.2199999988 the float32
    # evaluation is exactly 0, which f with that m is; f with the float64 m is -1.2e-9
    props = Properties(monotonic=True, lower=None, upper=None, smoothness="Cinf",
                       zero_at_zero=False, zero_centered=True)
    shifted = swish(formula="x + m", params=(Param("m", -0.22),), properties=props,
                    references=())
    assert outcome(shifted, "forward").ok
    # a float32 error the rounding of m does not explain still fails
    off = swish(formula="exp(x + m + 0.22) - 1",
                params=(Param("m", -0.22),), properties=props, references=())
    assert outcome(off, "forward").ok is False


def test_monotonicity_is_checked_where_f_overflows_float64():
    props = Properties(monotonic=True, lower=None, upper=None, smoothness="Cinf",
                       zero_at_zero=True, zero_centered=True)
    assert outcome(swish(formula="sinh(x)", properties=props, references=()), "properties").ok
    wavy = swish(formula="sinh(x) - 3 * x", properties=props, references=())
    assert "declared monotonic=True but measured False" in outcome(wavy, "properties").detail
    inf = float("inf")
    assert _is_monotonic(torch.tensor([-inf, -inf, 1.0, 2.0, inf, inf], dtype=torch.float64))
    assert not _is_monotonic(torch.tensor([1.0, inf, 2.0], dtype=torch.float64))
    assert not _is_monotonic(torch.tensor([1.0, 2.0, -inf], dtype=torch.float64))


def test_unstable_formula_fails_stability():
    naive = swish(formula="x * exp(x) / (1 + exp(x))", references=())
    check = outcome(naive, "stability")
    assert check.ok is False and "true value" in check.detail


def test_wrong_formula_fails_forward_and_reference():
    wrong = swish(formula="x * sigmoid(1.01 * x)")
    assert outcome(wrong, "references").ok is False
    inaccurate = swish(formula="x * sigmoid(x) + 1e-3 * sin(x)", references=(), rtol=1e-5)
    assert outcome(inaccurate, "references").ok is None
    assert verify(inaccurate).ok is False


def test_wrong_native_is_caught():
    spec = swish(native=lambda x: torch.nn.functional.gelu(x))
    assert outcome(spec, "references").ok is False


def test_custom_backward_skips_gradcheck():
    helu = swish(formula="relu(x)", derivative="relu(x + 0.05)", references=(), properties=None)
    report = {c.name: c.ok for c in verify(helu).checks}
    assert report["gradcheck"] is None and report["derivative"] is None
    assert report["forward"] and report["stability"]


def test_a_kink_beyond_the_fine_grid_is_found():
    clipped = swish(formula="min(x * sigmoid(x), 10)")
    assert outcome(clipped, "properties").detail.endswith("declared smoothness Cinf but "
                                                          "measured C0")


def test_parallel_verification_gives_the_serial_reports_in_order(scratch_registry):
    from actlab import register
    from actlab.verify import verify_all

    specs = [register(swish()), swish(name="wrong_swish", formula="x * sigmoid(2 * x)"),
             lookup("relu")]
    checks = ("forward", "references")
    serial = [r.to_dict() for r in verify_all(specs, checks)]
    parallel = [r.to_dict() for r in verify_all(specs, checks, workers=2)]
    assert parallel == serial
    assert [r["ok"] for r in parallel] == [True, False, True]
