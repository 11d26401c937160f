"""Closed-form approximations of erf that libraries evaluate in place of the exact function (in
GELU among others): Eigen's clamped minimax rational, which XLA and TVM inherit, and Hastings'
three approximations of Abramowitz and Stegun (7.1.26, 7.1.27, 7.1.28), odd extensions of fits on
x >= 0."""

from actlab.catalog.rational_text import horner, odd_rational, scaled_odd_rational
from actlab.catalog.spec import Citation, Properties, Reference, Smoothness, Spec

EIGEN_ERF = Citation(
    "Eigen: a C++ template library for linear algebra",
    "Gaël Guennebaud, Benoît Jacob et al.",
    2016,
    venue="Eigen, unsupported/Eigen/src/SpecialFunctions (generic_fast_erf_float); "
    "the same rational in XLA's erf lowering and TVM's fast_erf",
)

ABRAMOWITZ_STEGUN_1964 = Citation(
    "Handbook of Mathematical Functions with Formulas, Graphs, and Mathematical Tables",
    "Milton Abramowitz, Irene A. Stegun (eds.)",
    1964,
    venue="NBS Applied Mathematics Series 55, formulas 7.1.26-7.1.28 (after C. Hastings, "
    "1955); 7.1.26 as tinygrad's Tensor.erf (tinygrad/tensor.py)",
)

# A&S 7.1.26 on |x|: 1 - t (a1 + a2 t + ... + a5 t^4) e^(-x^2), t = 1 / (1 + p |x|), odd in x.
# 1 - t S(t) is rewritten as M(|x|) t^5, M the quintic (1 + p a)^5 - sum a_k (1 + p a)^(5 - k)
# expanded in exact arithmetic (coefficients all positive, M(0) = 1e-9), and e^(-x^2) as
# 1 + expm1(-x^2): no cancellation near 0, where the published form loses every digit; the
# powers of |x| enter as s = |x| t < 1/p, so nothing overflows.
_AS_A = (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)
_AS_M = (
    1e-09,
    1.1283863597081736,
    0.8481284004552538,
    0.32572423106344695,
    0.054648744723080775,
    0.0037727712301482484,
)
_AS_T = "(1 / (1 + 0.3275911 * abs(x)))"
_AS_S = "(abs(x) / (1 + 0.3275911 * abs(x)))"


def _as_m_times_t5() -> str:
    """M(a) t^5 = sum m_k s^k t^(5 - k) as formula text, nested in s."""
    text = repr(_AS_M[5])
    for k in range(4, -1, -1):
        text = f"{_AS_M[k]!r} * {_AS_T}**{5 - k} + {_AS_S} * ({text})"
    return text


_AS_ERF = f"sign(x) * ({_as_m_times_t5()} - {_AS_T} * ({horner(_AS_A, _AS_T)}) * expm1(-x**2))"
_AS_ERF_PUBLISHED = f"sign(x) * (1 - {_AS_T} * ({horner(_AS_A, _AS_T)}) * exp(-x**2))"

# Eigen's float erf: a 13/8 odd rational on x clamped to [-4, 4]
_EIGEN_ERF_P = (
    -1.60960333262415e-02,
    -2.95459980854025e-03,
    -7.34990630326855e-04,
    -5.69250639462346e-05,
    -2.10102402082508e-06,
    2.77068142495902e-08,
    -2.72614225801306e-10,
)
_EIGEN_ERF_Q = (
    -1.42647390514189e-02,
    -7.37332916720468e-03,
    -1.68282697438203e-03,
    -2.13374055278905e-04,
    -1.45660718464996e-05,
)

# A&S 7.1.27 and 7.1.28 on a = |x|: 1 - (1 + a1 a + ... + ak a^k)^(-n), n = 4 and 16, written
# -expm1(-n log1p(a1 a + ...)) so that nothing cancels near 0. The argument is held at |x| = 20
# (7.1.27) and 6 (7.1.28), where 1 - f is 4e-17 and 3e-16, below double resolution, so that the
# polynomial cannot overflow (nor its derivative turn into inf / inf) in float16.
_AS_7127 = (0.278393, 0.230389, 0.000972, 0.078108)
_AS_7128 = (0.0705230784, 0.0422820123, 0.0092705272, 0.0001520143, 0.0002765672, 0.0000430638)


def _as_power_form(coefficients: tuple[float, ...], power: int, hold: float) -> str:
    a = f"min(abs(x), {hold!r})"
    return f"-sign(x) * expm1(-{power} * log1p({a} * ({horner(coefficients, a)})))"


def _as_power_published(coefficients: tuple[float, ...], power: int) -> str:
    return f"sign(x) * (1 - (1 + abs(x) * ({horner(coefficients, 'abs(x)')}))**(-{power}))"


def _erf_like(smoothness: Smoothness) -> Properties:
    """Properties of an increasing odd approximation of erf bounded by +-1."""
    return Properties(
        monotonic=True,
        lower=-1.0,
        upper=1.0,
        smoothness=smoothness,
        zero_at_zero=True,
        zero_centered=True,
    )


SPECS: tuple[Spec, ...] = (
    Spec(
        name="eigen_erf",
        formula=scaled_odd_rational(_EIGEN_ERF_P, _EIGEN_ERF_Q, "clamp(x, -4, 4)", 4.0),
        published=odd_rational(_EIGEN_ERF_P, _EIGEN_ERF_Q, "clamp(x, -4, 4)"),
        family="sigmoidal",
        citation=EIGEN_ERF,
        aliases=("generic_fast_erf_float", "tvm_fast_erf"),
        checked_against="secondary",
        description="The single-precision erf of Eigen, which XLA lowers erf to and TVM's "
        "FastMath pass substitutes for erf (fast_erf): the 13/8-degree odd "
        "rational x P(x^2) / Q(x^2) with P = (-1.60960333262415e-2, -2.95459980854025e-3, "
        "-7.34990630326855e-4, -5.69250639462346e-5, -2.10102402082508e-6, "
        "2.77068142495902e-8, -2.72614225801306e-10) and Q = (-1.42647390514189e-2, "
        "-7.37332916720468e-3, -1.68282697438203e-3, -2.13374055278905e-4, "
        "-1.45660718464996e-5) on x clamped to [-4, 4]. Within 6.5e-8 of erf; it peaks at "
        "0.99999992 at x = 3.775, dips and ends at 1.00000005 at the clamp (computed here), so "
        "it is not monotonic on the scale of 1e-7. The coefficients were read from XLA's and "
        "TVM's copies (Eigen's own file was not read here).",
        properties=Properties(
            monotonic=False,
            lower=-1.0000000494069672,
            upper=1.0000000494069672,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(Reference(lambda x: x.erf(), atol=7e-8, note="within 6.5e-8 of erf"),),
    ),
    Spec(
        name="as_erf_7126",
        formula=_AS_ERF,
        published=_AS_ERF_PUBLISHED,
        family="sigmoidal",
        citation=ABRAMOWITZ_STEGUN_1964,
        aliases=("as_erf", "abramowitz_stegun_erf", "tinygrad_erf"),
        checked_against="secondary",
        description="Hastings' approximation of erf, formula 7.1.26 of Abramowitz and Stegun, "
        "which tinygrad's Tensor.erf evaluates: sign(x) (1 - t (a1 + a2 t + a3 t^2 + a4 t^3 "
        "+ a5 t^4) e^(-x^2)) with "
        "t = 1 / (1 + p |x|), p = 0.3275911, a = (0.254829592, -0.284496736, 1.421413741, "
        "-1.453152027, 1.061405429). Within 1.4e-7 of erf (the handbook states 1.5e-7). The "
        "coefficients sum to 1 - 1e-9, so the value jumps by 2e-9 across 0, and the second "
        "derivative jumps by 4.7e-4 there (the odd extension of a fit on x >= 0), both below "
        "what the smoothness probe resolves: the entry is listed by its visible class. The "
        "formula is the published one rearranged without cancellation near 0. The handbook "
        "page was not read here; the constants are those of tinygrad and of many "
        "independent implementations, which agree.",
        properties=_erf_like("Cinf"),
        references=(Reference(lambda x: x.erf(), atol=1.5e-7, note="within 1.4e-7 of erf"),),
    ),
    Spec(
        name="as_erf_7127",
        formula=_as_power_form(_AS_7127, 4, 20.0),
        published=_as_power_published(_AS_7127, 4),
        family="sigmoidal",
        citation=ABRAMOWITZ_STEGUN_1964,
        checked_against="secondary",
        description="Hastings' coarsest erf, formula 7.1.27 of Abramowitz and Stegun: "
        "sign(x) (1 - (1 + a1 |x| + a2 x^2 + a3 |x|^3 + a4 x^4)^(-4)) with a = (0.278393, "
        "0.230389, 0.000972, 0.078108), no exponential and one division. Within 4.7e-4 of "
        "erf (the handbook states 5e-4); its slope at 0 is 4 a1 = 1.1136 against 1.1284, and "
        "the odd extension leaves a jump of 0.59 in the second derivative at 0 (C1). Written "
        "without cancellation near 0 and held at |x| = 20, where 1 - f = 4e-17. The handbook "
        "page was not read here; the constants are those of several implementations, which "
        "agree.",
        properties=_erf_like("C1"),
        references=(Reference(lambda x: x.erf(), atol=5e-4, note="within 4.7e-4 of erf"),),
    ),
    Spec(
        name="as_erf_7128",
        formula=_as_power_form(_AS_7128, 16, 6.0),
        published=_as_power_published(_AS_7128, 16),
        family="sigmoidal",
        citation=ABRAMOWITZ_STEGUN_1964,
        checked_against="secondary",
        description="Hastings' sextic erf, formula 7.1.28 of Abramowitz and Stegun, a common "
        "fast erf of SIMD math libraries: sign(x) (1 - (1 + a1 |x| + ... + a6 |x|^6)^(-16)) "
        "with a = (0.0705230784, 0.0422820123, 0.0092705272, 0.0001520143, 0.0002765672, "
        "0.0000430638), evaluated by four squarings and one division. Within 2.6e-7 of erf "
        "(the handbook states 3e-7). The odd extension leaves a jump of 4.6e-4 in the second "
        "derivative at 0, below what the smoothness probe resolves: the entry is listed by "
        "its visible class. Written without cancellation near 0 and held at |x| = 6, where "
        "1 - f = 3e-16. The handbook page was not read here; the constants are those of "
        "several implementations, which agree.",
        properties=_erf_like("Cinf"),
        references=(Reference(lambda x: x.erf(), atol=3e-7, note="within 2.6e-7 of erf"),),
    ),
)
