"""Units of the survey of Kunc and Kléma (arXiv:2402.09092) that once failed verification for
reasons of the checks rather than of the functions: a continuous unit with an infinite slope at
0 (the signed square root) and a shifted piecewise-linear unit whose root is set by a parameter
that float32 cannot hold (Dual Line)."""

from actlab.catalog.polynomial import KUNC_KLEMA_2024
from actlab.catalog.spec import Param, Properties, Spec

_UNBOUNDED = {"lower": None, "upper": None}

SPECS: tuple[Spec, ...] = (
    Spec(
        name="signed_sqrt",
        formula="sign(x) * sqrt(abs(x))",
        family="unbounded",
        citation=KUNC_KLEMA_2024,
        checked_against="survey",
        aliases=("sqrt_activation",),
        description="Square-root-based activation function (SQRT) sign(x) sqrt(|x|), as given "
        "by the survey (section 3.9); the original paper could not be checked. Odd and "
        "increasing, growing like sqrt(|x|); continuous, with a slope that is infinite at 0, "
        "so it is C0 though it has no kink.",
        properties=Properties(
            monotonic=True, smoothness="C0", zero_at_zero=True, zero_centered=True, **_UNBOUNDED
        ),
    ),
    Spec(
        name="dual_line",
        formula="where(x >= 0, a * x, b * x) + m",
        family="piecewise",
        citation=KUNC_KLEMA_2024,
        checked_against="survey",
        params=(
            Param("a", 1.0, low=0.0, open_low=True, learnable=True, doc="slope for x >= 0"),
            Param("b", 0.01, low=0.0, open_low=True, learnable=True, doc="slope for x < 0"),
            Param("m", -0.22, learnable=True, doc="shift of both lines"),
        ),
        description="Dual Line: a x + m for x >= 0 and b x + m below, a leaky ReLU with a "
        "second trained slope and a trained shift, as given by the survey (section 4.2.21) "
        "with its initial values a = 1, b = 0.01, m = -0.22; the original paper could not be "
        "checked. Increasing, with a kink at 0 (C0) and f(0) = m.",
        properties=Properties(
            monotonic=True, smoothness="C0", zero_at_zero=False, zero_centered=True, **_UNBOUNDED
        ),
    ),
)
