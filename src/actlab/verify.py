"""Verification of catalog entries: every check derives from the Spec alone.

For each entry (default parameters unless stated):

- ``forward``: float32 forward against a 30-digit mpmath evaluation of the formula at >= 1000
  points, dense near 0 and out to +-1e4, within ``|y - ref| <= rtol * (1 + |ref|)``; and
  float64 and float32 at the same points within ``|y - ref| <= tol * max(|ref|, tiny)``, tiny
  the dtype's smallest normal number and tol from :data:`RELATIVE_TOLERANCE`: relative accuracy
  where f is small (the tails, zeros), which ``1 + |ref|`` does not see. That evaluation is given
  the parameters rounded to its dtype, and is measured against f at those parameters: a
  float32 kernel cannot hold m = -0.22, nor place the root of x + m anywhere else;
- ``gradcheck``: ``torch.autograd.gradcheck`` in float64 over the input and every parameter;
- ``derivative``: the symbolic derivative (the backward pass) against autograd through the
  op-by-op composite, float64;
- ``stability``: float32, bfloat16 and float16 inputs across each dtype's finite range: forward and
  backward finite wherever the true value is, NaN propagates, +-inf give the mathematical limits;
- ``properties``: every declared property holds numerically;
- ``references``: torch's native op (where named) and every declared identity.
"""

from __future__ import annotations

import functools
import logging
import math
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field

import mpmath
import torch

from actlab.attention import checks as attention_checks
from actlab.attention.normalizer import Normalizer
from actlab.catalog.registry import lookup
from actlab.catalog.spec import Reference, Spec
from actlab.formula import Formula
from actlab.ops import eager
from actlab.precision import (
    REFERENCE_DIGITS,
    dtype_points,
    floored_relative_error,
    reference,
    reference_values,
    relative_error,
    verification_points,
)
from actlab.tables import Table

log = logging.getLogger(__name__)

DTYPES = (torch.float32, torch.bfloat16, torch.float16)
CHECKS = ("forward", "gradcheck", "derivative", "stability", "properties", "references")
# relative error allowed by ``forward`` (measured worst over the catalog: docs/verification.md)
RELATIVE_TOLERANCE = {torch.float64: 1e-8, torch.float32: 1e-3}


@dataclass
class Check:
    name: str
    ok: bool | None  # None: not applicable
    detail: str = ""


@dataclass
class Report:
    name: str
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(c.ok is not False for c in self.checks)

    def failures(self) -> list[Check]:
        return [c for c in self.checks if c.ok is False]

    def to_dict(self) -> dict:
        return {"name": self.name, "ok": self.ok, "checks": [asdict(c) for c in self.checks]}


def table(reports: list[Report], checks: Iterable[str] = CHECKS, title: str = "actlab verify"
          ) -> Table:
    """One row per entry, one column per check: ok, FAIL or n/a; each failure's detail below."""
    checks = tuple(checks)
    word = {True: "ok", False: "FAIL", None: "n/a"}
    rows = [(r.name, *(word[{c.name: c.ok for c in r.checks}.get(c)] for c in checks))
            for r in reports]
    failures = [f"{r.name} {c.name}: {c.detail}" for r in reports for c in r.failures()]
    passed = sum(r.ok for r in reports)
    note = "\n".join([*failures, f"{passed} of {len(reports)} entries pass every check."])
    return Table.of(("entry", *checks), rows, title, note)


def verify(name: str | Spec, checks: Iterable[str] = CHECKS) -> Report:
    """Run the named checks on one entry; an exception inside a check is a failed check."""
    spec = lookup(name)
    report = Report(spec.name)
    for check in checks:
        try:
            report.checks.append(_CHECKS[check](spec))
        except Exception as err:  # a crashing check is a failing check, reported with its cause
            log.debug("check %s of %s crashed", check, spec.name, exc_info=True)
            report.checks.append(Check(check, False, f"raised {type(err).__name__}: {err}"))
    return report


def verify_all(specs: Iterable[Spec], checks: Iterable[str] = CHECKS,
               workers: int = 1) -> Iterator[Report]:
    """Reports of ``specs`` in their order; ``workers`` > 1 verifies entries in that many forked
    processes (each on one thread; user registrations carry over), where the platform can fork.
    """
    global _JOB
    checks, specs = tuple(checks), list(specs)
    if workers <= 1 or len(specs) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        for spec in specs:
            yield verify(spec, checks)
        return
    _JOB = (specs, checks)  # read by the forked workers; Specs need not pickle
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(min(workers, len(specs)), mp_context=context,
                                 initializer=torch.set_num_threads, initargs=(1,)) as pool:
            yield from pool.map(_verify_job, range(len(specs)))
    finally:
        _JOB = None


_JOB: tuple[list[Spec], tuple[str, ...]] | None = None


def _verify_job(index: int) -> Report:
    specs, checks = _JOB
    return verify(specs[index], checks)


def verify_normalizer(rule: Normalizer) -> Report:
    """The checks of :mod:`actlab.attention.checks` on one attention normalizer."""
    report = Report(rule.name)
    try:
        report.checks += [Check(*result) for result in attention_checks.check_normalizer(rule)]
    except Exception as err:  # a crashing check is a failing check, reported with its cause
        log.debug("attention checks of %s crashed", rule.name, exc_info=True)
        report.checks.append(Check("dense", False, f"raised {type(err).__name__}: {err}"))
    return report


# --- helpers ----------------------------------------------------------------------------------


def _reference(spec: Spec, expr=None, formula: Formula | None = None) -> Callable[[float], float]:
    return reference(formula or spec.expression, spec.defaults, expr)


def _evaluate(spec: Spec, x: torch.Tensor, params=None, grad: bool = False):
    """Forward (and the backward's dy/dx when ``grad``) through actlab's eager path."""
    values = spec.defaults if params is None else params
    x = x.detach().clone().requires_grad_(grad)
    y = eager.apply(spec, x, values)
    if not grad:
        return y.detach()
    (g,) = torch.autograd.grad(y.sum(), x)
    return y.detach(), g


def _generic_points(n: int, low: float, high: float) -> torch.Tensor:
    """Points that avoid round numbers, where kinks and thresholds of catalog entries sit."""
    return torch.linspace(low, high, n, dtype=torch.float64) + 0.01234567


def _params64(spec: Spec) -> dict[str, torch.Tensor]:
    return {k: torch.tensor(v, dtype=torch.float64) for k, v in spec.defaults.items()}


# --- the checks -------------------------------------------------------------------------------


def check_forward(spec: Spec) -> Check:
    x = verification_points()
    y = _evaluate(spec, x)
    ref = reference_values(spec.expression, spec.defaults, x)
    err = relative_error(y, ref)
    bad = ~(err <= spec.rtol)
    worst = err.argmax()
    detail = (f"{len(x)} points, max error {err[worst].item():.2e} at x={x[worst].item():.4g} "
              f"(tolerance {spec.rtol:g} * (1 + |f|))")
    if bad.any():
        i = bad.nonzero()[0].item()
        detail += f"; first failure x={x[i].item():.6g}: got {y[i].item():.8g}, want {ref[i]:.8g}"
    relative_ok = True
    for dtype, tol in RELATIVE_TOLERANCE.items():
        params = _rounded_params(spec, dtype)
        if params == spec.defaults and dtype == y.dtype:
            got, want = y, ref
        else:
            got = _evaluate(spec, x.to(dtype), params)
            want = _reference_at(spec, params, x, ref, y)
        rel = floored_relative_error(got, want)
        i = rel.argmax().item()
        detail += (f"; {dtype} max relative error {rel[i].item():.1e} at x={x[i].item():.4g} "
                   f"(tolerance {tol:g} * max(|f|, tiny))")
        relative_ok &= bool((rel <= tol).all())
    return Check("forward", not bad.any() and relative_ok, detail)


def _rounded_params(spec: Spec, dtype: torch.dtype) -> dict[str, float]:
    """The defaults as ``dtype`` holds them: the parameters an evaluation in ``dtype`` is given."""
    return {k: torch.tensor(v, dtype=dtype).item() for k, v in spec.defaults.items()}


def _reference_at(spec: Spec, params: dict[str, float], x: torch.Tensor, ref: torch.Tensor,
                  y: torch.Tensor) -> torch.Tensor:
    """The 30-digit f at ``params`` (rounded defaults), given ``ref`` and the float64 ``y`` at
    the defaults: recomputed where the rounding moves float64 f by more than 1e-6 relative (a
    root set by a parameter, such as x + m at x = -m), elsewhere ``ref`` (within 1e-6 of it,
    far below any tolerance)."""
    if params == spec.defaults:
        return ref
    x64 = x.double()
    moved = floored_relative_error(_evaluate(spec, x64, params), y) > 1e-6
    if not moved.any():
        return ref
    want = ref.clone()
    want[moved] = reference_values(spec.expression, params, x64[moved])
    return want


def check_gradcheck(spec: Spec) -> Check:
    if spec.custom_backward:
        return Check("gradcheck", None, "custom backward by design (not the derivative of f)")
    x = _generic_points(24, -6, 6).requires_grad_()
    names = [p.name for p in spec.params]
    values = [v.requires_grad_() for v in _params64(spec).values()]

    def f(x, *values):
        return eager.apply(spec, x, dict(zip(names, values)))

    ok = torch.autograd.gradcheck(f, (x, *values), eps=1e-6, atol=1e-5, rtol=1e-4,
                                  raise_exception=False)
    return Check("gradcheck", ok, f"float64, input and {len(values)} parameter(s)")


def check_derivative(spec: Spec) -> Check:
    if spec.custom_backward:
        return Check("derivative", None, "custom backward by design")
    x = _generic_points(401, -20, 20).requires_grad_()
    params = _params64(spec)
    (auto,) = torch.autograd.grad(eager.composite(spec, x, params).sum(), x)
    _, symbolic = _evaluate(spec, x, params, grad=True)
    finite = auto.isfinite() & symbolic.isfinite()
    err = ((auto - symbolic).abs() / (1 + auto.abs()))[finite]
    worst = err.max().item() if err.numel() else 0.0
    ok = worst <= 1e-8 and finite.float().mean().item() > 0.9
    return Check("derivative", ok, f"symbolic vs autograd max rel error {worst:.1e} "
                                   f"on {int(finite.sum())} points")


def check_stability(spec: Spec) -> Check:
    problems: list[str] = []
    f_ref = _reference(spec)
    d_ref = _reference(spec, spec.derivative_expression("x"), spec.backward_formula)
    limits = dict(zip((-1, 1), eager.kernel(spec).limits))
    for dtype in DTYPES:
        big = torch.finfo(dtype).max
        x = dtype_points(dtype)
        y, g = _evaluate(spec, x, grad=True)
        xs = x.double().tolist()
        for label, out, ref_of in (("f", y, f_ref), ("f'", g, d_ref)):
            ref = torch.tensor([ref_of(v) for v in xs], dtype=torch.float64)
            bad = ref.isfinite() & (ref.abs() <= big) & ~out.isfinite()
            if bad.any():
                i = bad.nonzero()[0].item()
                problems.append(f"{dtype}: {label}({xs[i]:.3g}) = {out[i].item()} "
                                f"but the true value is {ref[i].item():.4g}")
        specials = torch.tensor([math.nan, -math.inf, math.inf], dtype=dtype)
        out = _evaluate(spec, specials).double().tolist()
        if not math.isnan(out[0]):
            problems.append(f"{dtype}: NaN input gave {out[0]}")
        for sign, got in ((-1, out[1]), (1, out[2])):
            want = limits[sign]
            if want is None:
                continue
            tol = 1e-2 * (1 + abs(want)) if math.isfinite(want) else 0.0
            if not (got == want or abs(got - want) <= tol):
                problems.append(f"{dtype}: f({sign * math.inf}) = {got}, limit is {want}")
    detail = "; ".join(problems[:4]) or "finite where the true value is, NaN kept, limits at +-inf"
    return Check("stability", not problems, detail)


def check_properties(spec: Spec) -> Check:
    props = spec.properties
    if props is None:
        return Check("properties", None, "no properties declared")
    grid, x = _property_points()
    params = _params64(spec)
    y = _evaluate(spec, x, params)
    problems = []

    def expect(declared: bool, measured: bool, what: str) -> None:
        if declared != measured:
            problems.append(f"declared {what}={declared} but measured {measured}")

    expect(props.monotonic, _is_monotonic(y), "monotonic")
    expect(props.zero_at_zero, abs(_evaluate(spec, torch.zeros(1, dtype=torch.float64),
                                             params).item()) <= 1e-12, "zero_at_zero")
    expect(props.zero_centered, bool(y.min() < 0 < y.max()), "zero_centered")
    expect(props.sparse, _exact_zero_fraction(spec) >= 0.01, "sparse")
    problems += _bound_problems(props.lower, y, x, -1) + _bound_problems(props.upper, y, x, 1)
    if props.self_gated and not _is_self_gated(x, y):
        problems.append("declared self_gated but f(x)/x is not a gate rising from ~0 to ~1")
    measured = _smoothness(spec, grid, params)
    if measured != props.smoothness:
        problems.append(f"declared smoothness {props.smoothness} but measured {measured}")
    if props.period is not None:
        problems += _period_problems(spec, props.period, params)
    return Check("properties", not problems, "; ".join(problems) or ", ".join(props.labels()))


@functools.cache
def _property_points() -> tuple[torch.Tensor, torch.Tensor]:
    """A uniform grid of [-8, 8] (160 001 points), and it with +-[1e-3, 1e4] added, sorted."""
    grid = torch.linspace(-8, 8, 160_001, dtype=torch.float64)
    wide = torch.logspace(-3, 4, 400, dtype=torch.float64)
    return grid, torch.unique(torch.cat([grid, wide, -wide]))


def _is_monotonic(y: torch.Tensor) -> bool:
    """Whether ``y`` never decreases (up to rounding); where f overflows float64, two equal
    infinities in a row are a step of 0 (e^x on the wide grid), and a fall to or from an infinity
    is a fall."""
    steps = torch.diff(y)
    steps = steps.masked_fill(y[1:].isinf() & (y[1:] == y[:-1]), 0.0)
    scale = (1 + y[1:].abs()).nan_to_num(posinf=1.0)
    return bool((steps >= -1e-12 * scale).all())


def _exact_zero_fraction(spec: Spec) -> float:
    """Share of points in [-8, 8] where the 30-digit reference is exactly 0 (not an underflow)."""
    f = spec.expression.mpmath_function()
    with mpmath.workdps(REFERENCE_DIGITS):
        values = [f(x, **spec.defaults) for x in _generic_points(321, -8, 8).tolist()]
    return sum(v == 0 for v in values) / len(values)


def _bound_problems(bound: float | None, y: torch.Tensor, x: torch.Tensor, side: int) -> list[str]:
    what = "upper" if side > 0 else "lower"
    extreme = (y.max() if side > 0 else y.min()).item()
    if bound is None:
        inner = y[x.abs() <= 100]
        outer = y[x.abs() >= 1000]
        inner_ext = inner.max() if side > 0 else inner.min()
        outer_ext = outer.max() if side > 0 else outer.min()
        if side * (outer_ext - inner_ext).item() < 1:
            return [f"declared unbounded {what} but f levels off near {extreme:.4g}"]
        return []
    slack = 1e-9 * (1 + abs(bound))
    if side * (extreme - bound) > slack:
        return [f"{what} bound {bound:g} is violated: f reaches {extreme:.6g}"]
    if side * (bound - extreme) > 1e-2 * (1 + abs(bound)):
        return [f"{what} bound {bound:g} is not tight: f only reaches {extreme:.6g}"]
    return []


def _is_self_gated(x: torch.Tensor, y: torch.Tensor) -> bool:
    keep = (x.abs() >= 1e-3) & (x.abs() <= 100)
    gate = y[keep] / x[keep]
    low, high = gate[0].item(), gate[-1].item()
    return bool(gate.min() >= -1.0 and gate.max() <= 2.0 and high - low > 0.5 and abs(low) < 0.5)


def _jump_at(g: torch.Tensor, span: int = 1) -> int | None:
    """Index i where g changes from i to i + ``span`` much more than over the ``span`` steps
    either side: a jump between neighbours (span 1), or one split over two steps (span 2), as
    where a difference quotient of f' straddles a knot and takes a value between the two sides."""
    g = g.nan_to_num(nan=0.0, posinf=1e300, neginf=-1e300)
    d = (g[span:] - g[:-span]).abs()
    around = torch.zeros_like(d)
    around[span:-span] = d[: -2 * span] + d[2 * span :]
    found = ((d > 1e-6) & (d > 20 * around + 1e-9))[span:-span].nonzero()
    return int(found[0]) + span if len(found) else None


Levels = Callable[[torch.Tensor], tuple[torch.Tensor, ...]]


def _smoothness(spec: Spec, grid: torch.Tensor, params) -> str:
    """The class of f from jumps in f, f' and f'' (differences of f') on a uniform grid, and from
    an f' or f'' that grows without bound at a point (|x|^0.5 or |x|^1.5 at 0).

    A jump counts only if it persists when the grid around it is refined twice (1000x each):
    steep but smooth transitions (a tiny width parameter) then resolve, real kinks do not. A jump
    of f'' is also looked for split over two steps, where the difference quotient of f' straddles
    the knot. Jumps and kinks are also looked for on a coarser grid out to +-64 (a clip at f = 10,
    say). A continuous f whose slope is infinite at a point (sign(x) sqrt(|x|)) is C0: f' is
    unbounded there, which the difference quotients of f show, while f itself does not jump.
    """
    f = spec.expression
    function = f.torch_function(f.expr, f.derivative())

    def levels(x: torch.Tensor) -> tuple[torch.Tensor, ...]:
        value, slope = function(x, **params)
        return value, slope, torch.diff(slope) / (x[1] - x[0])

    wide = torch.linspace(-64, 64, 32_001, dtype=torch.float64)  # jumps and kinks further out
    for order, name in enumerate(("discontinuous", "C0", "C1")):
        starts = (grid, wide) if order < 2 else (grid,)
        spans = (1, 2) if order == 2 else (1,)
        if any(_jump_persists(levels, order, x, span) for x in starts for span in spans):
            return name
        if order > 0 and _derivative_unbounded(levels, order - 1, grid):
            return name
    return "Cinf"


def _refined(x: torch.Tensor, at: int) -> torch.Tensor:
    """20 001 points over the 20 steps of ``x`` around ``x[at]``: 1000x finer."""
    step = (x[1] - x[0]).item()
    return torch.linspace(x[at].item() - 10 * step, x[at].item() + 10 * step, 20_001,
                          dtype=torch.float64)


def _jump_persists(levels: Levels, order: int, x: torch.Tensor, span: int = 1) -> bool:
    """Whether level ``order`` of f jumps on ``x`` and still jumps on two refinements."""
    for _ in range(3):
        at = _jump_at(levels(x)[order], span)
        if at is None:
            return False
        x = _refined(x, at)
    return True


def _derivative_unbounded(levels: Levels, order: int, x: torch.Tensor,
                          candidates: int = 8) -> bool:
    """Whether the derivative of level ``order`` of f (f' for 0, f'' for 1) grows without bound
    at a point: at one of the sharpest local peaks of the difference quotient of that level, the
    peak keeps growing (more than 5x) on each of three 1000x refinements and stays above the
    rounding noise. Near a bounded peak of width w the growth stops once the step falls below w;
    near |x - x0|^-p it goes on as 1000^p."""
    values = levels(x)[order]
    g = _curvature(values, x)
    inner = g[3:-3]
    peak = (inner >= g[2:-4]) & (inner >= g[4:-2]) & (inner > 1.1 * torch.maximum(g[:-6], g[6:]))
    found = (peak & (inner > _noise(values, x))).nonzero().flatten() + 3
    for at in found[g[found].argsort(descending=True)[:candidates]].tolist():
        top, points = g[at].item(), x
        for _ in range(3):
            points = _refined(points, at)
            values = levels(points)[order]
            quotient = _curvature(values, points)
            at = int(quotient.argmax())
            grown = quotient[at].item()
            if not (grown > 5 * top and grown > _noise(values, points)):
                break
            top = grown
        else:
            return True
    return False


def _curvature(slope: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    """|difference quotient| of ``slope`` (f, or f') on ``x`` (entry i between x[i] and
    x[i + 1]), with a lone wrong value (a Heaviside(0) at a branch point of the symbolic f')
    replaced by the mean of its neighbours: one that departs from them 100x more than the next
    steps change. A cusp (|x|^0.5 at 0) is not lone: its steps shrink gradually away from it."""
    s = slope.clone()
    mean = (s[1:-3] + s[3:-1]) / 2
    lone = (s[2:-2] - mean).abs() > 100 * ((s[3:-1] - s[4:]).abs() + (s[1:-3] - s[:-4]).abs())
    s[2:-2] = torch.where(lone, mean, s[2:-2])
    return (torch.diff(s) / (x[1] - x[0])).abs().nan_to_num(nan=0.0, posinf=0.0)


def _noise(slope: torch.Tensor, x: torch.Tensor) -> float:
    """A bound on the rounding noise of a difference quotient of ``slope`` (f, or f') on ``x``'s
    step."""
    scale = slope.nan_to_num(nan=0.0, posinf=0.0, neginf=0.0).abs().max().item()
    return 100 * torch.finfo(torch.float64).eps * (1 + scale) / (x[1] - x[0]).item()


def _period_problems(spec: Spec, period: str, params) -> list[str]:
    p = Formula(period, tuple(params)).torch_function()(torch.zeros(1, dtype=torch.float64),
                                                       **params)[0].item()
    x = _generic_points(401, -10, 10)
    shift = _evaluate(spec, x + p, params) - _evaluate(spec, x, params)
    spread = (shift.max() - shift.min()).item()
    if spread > 1e-9 * (1 + shift.abs().max().item()):
        return [f"f(x + {p:.6g}) - f(x) varies by {spread:.2e}: period is wrong"]
    return []


def check_references(spec: Spec) -> Check:
    x = torch.cat([_generic_points(2001, -10, 10), torch.logspace(-4, 2, 200, dtype=torch.float64),
                   -torch.logspace(-4, 2, 200, dtype=torch.float64)])
    results = []
    if spec.native is not None:
        for dtype, tol in ((torch.float64, 1e-10), (torch.float32, spec.rtol)):
            xd = x.to(dtype)
            ours = _evaluate(spec, xd).double()
            theirs = spec.native(xd, **spec.defaults).double()
            err = ((ours - theirs).abs() / (1 + theirs.abs())).max().item()
            results.append((f"native {dtype} {err:.1e}", err <= tol))
    for ref in spec.references:
        err = _reference_error(spec, ref, x)
        results.append((f"{_describe(ref)} {err:.1e}", err <= ref.atol))
    if not results:
        return Check("references", None, "no native op or identity declared")
    detail = "; ".join(f"{text} {'ok' if ok else 'FAILED'}" for text, ok in results)
    return Check("references", all(ok for _, ok in results), detail)


def _reference_error(spec: Spec, ref: Reference, x: torch.Tensor) -> float:
    params = {**spec.defaults, **ref.params}
    ours = _evaluate(spec, x, params)
    if isinstance(ref.target, str):
        target = lookup(ref.target)
        theirs = _evaluate(target, x, {**target.defaults, **ref.target_params})
    else:
        theirs = ref.target(x, **ref.target_params)
    return (ours - theirs).abs().max().item()


def _describe(ref: Reference) -> str:
    target = ref.target if isinstance(ref.target, str) else getattr(ref.target, "__name__", "fn")
    given = ", ".join(f"{k}={v:g}" for k, v in ref.params.items())
    return ref.note or f"= {target}" + (f" at {given}" if given else "")


_CHECKS: dict[str, Callable[[Spec], Check]] = {
    "forward": check_forward,
    "gradcheck": check_gradcheck,
    "derivative": check_derivative,
    "stability": check_stability,
    "properties": check_properties,
    "references": check_references,
}
