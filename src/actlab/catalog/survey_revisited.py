"""Units of the survey of Kunc and Kléma (arXiv:2402.09092) whose original could not be checked,
taken as the survey gives them: some once failed verification for reasons of the checks rather
than of the functions (the signed square root, continuous with an infinite slope at 0; Dual Line,
whose root is set by a parameter that float32 cannot hold), others lacked a citable original
(OAF, SaRa)."""

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
    Spec(
        name="oaf",
        formula="relu(x) + x * sigmoid(x)",
        family="gated",
        citation=KUNC_KLEMA_2024,
        checked_against="survey",
        aliases=("optimal_activation_function",),
        description="Optimal activation function (OAF) relu(x) + x sigmoid(x), the sum of ReLU "
        "and swish, as given by the survey (section 3.6.47); the original paper could not be "
        "identified. Equal to swish below 0 (minimum -0.2785 near x = -1.28) and to x + swish "
        "above; f' jumps from 1/2 to 3/2 at 0 (C0).",
        properties=Properties(
            monotonic=False,
            lower=-0.2785,
            upper=None,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=True,
        ),
    ),
    Spec(
        name="sara",
        formula="where(x >= 0, x, x * sigmoid(b * x - log(a)))",
        published="where(x >= 0, x, x / (1 + a * exp(-b * x)))",
        family="gated",
        citation=KUNC_KLEMA_2024,
        checked_against="survey",
        params=(
            Param("a", 0.5, low=0.0, open_low=True, doc="weight of the exponential"),
            Param("b", 0.7, low=0.0, open_low=True, doc="rate of the exponential"),
        ),
        aliases=("swish_and_relu",),
        description="Swish and ReLU activation (SaRa): x for x >= 0 and x / (1 + a e^(-b x)) "
        "below, with a = 0.5 and b = 0.7, in the survey's reading (section 3.6.53), which "
        "corrects the original's malformed formula; the original (Qureshi and Sarosh Umar) "
        "could not be checked. Below 0 it is x sigmoid(b x - ln a), a swish-like gate that "
        "reaches 2/3 at 0, where f' jumps from 2/3 to 1 (C0); written so for stability "
        "(e^(-b x) overflows float16 below x = -16).",
        properties=Properties(
            monotonic=False,
            lower=-0.661508,
            upper=None,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=True,
            self_gated=True,
        ),
    ),
)
