"""Gain functions of firing-rate models: the input-output curves that turn a population's or a
neuron's net input into a firing rate in the recurrent networks of computational neuroscience
(Wilson-Cowan populations, the decision circuit of Wong and Wang, the saccade generator of
Gancarz and Grossberg), each with the constants its paper simulates with. The survey of Kunc
and Kléma (arXiv:2402.09092) lists none of them."""

import math

import torch

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

WILSON_COWAN_1972 = Citation(
    "Excitatory and inhibitory interactions in localized populations of model neurons",
    "Hugh R. Wilson, Jack D. Cowan",
    1972,
    venue="Biophysical Journal 12(1), 1-24",
)

WONG_WANG_2006 = Citation(
    "A recurrent network mechanism of time integration in perceptual decisions",
    "Kong-Fatt Wong, Xiao-Jing Wang",
    2006,
    venue="Journal of Neuroscience 26(4), 1314-1328; after Abbott and Chance (2005)",
)

GANCARZ_GROSSBERG_1998 = Citation(
    "A neural model of the saccade generator in the reticular formation",
    "Gregory Gancarz, Stephen Grossberg",
    1998,
    venue="Neural Networks 11(7-8), 1159-1174; as NEST's sigmoid_rate_gg_1998",
)

# Wilson-Cowan: S(x) = sigma(a (x - theta)) - sigma(-a theta). Below a x = 1 the difference of
# two close logistics is written as expm1(a x) sigma(-a theta) sigma(-a (x - theta)), the same
# function without the cancellation that costs relative accuracy near x = 0.
_WC_NEAR = "expm1(a * x) * sigmoid(-a * theta) * sigmoid(a * (theta - x))"
_WC_FAR = "sigmoid(a * (x - theta)) - sigmoid(-a * theta)"
_WC_FLOOR = 1 / (1 + math.exp(1.2 * 2.8))  # sigma(-a theta) at the defaults

# Abbott-Chance: H = y / (1 - exp(-d y)) with y = a x - b, i.e. (1/d) z / (1 - e^-z) at z = d y.
# Near z = 0 the Taylor series 1 + z/2 + z^2/12 (next term z^4/720) replaces 0/0; below z = -1
# it is (-z) e^z / (1 - e^z), with the small factor formed as one exp(z + log(-z) - log d) so
# that it does not pass through subnormals; above z = 40 it is a x - b to float64 precision
# (relative remainder e^-z), whose slope a needs no a x that could overflow; inside exp, z is
# floored at -800 (the rate is below every float format there), which keeps an a x that
# overflowed float16 into -inf from reaching log(-z) - z as inf - inf.
_AC_Z = "(d * (a * x - b))"
_AC_LOW = "clamp(d * (a * x - b), -800, -1)"  # z on the branch z < -1
_AC_MID = "clamp(d * (a * x - b), -1, 40)"  # z on the branch -1 <= z <= 40
_AC = (
    f"where({_AC_Z} < -1, exp({_AC_LOW} + log(-{_AC_LOW}) - log(d)) / (-expm1({_AC_LOW})), "
    f"where(abs({_AC_Z}) < 0.01, (1 + {_AC_Z} * (0.5 + {_AC_Z} / 12)) / d, "
    f"where({_AC_Z} > 40, a * x - b, {_AC_MID} / (-expm1(-{_AC_MID})) / d)))"
)

# Gancarz-Grossberg: (g x)^4 / (0.1^4 + (g x)^4) = sigmoid(4 log|w|) at w = 10 g x; below
# |w| = 1e-3 it is w^4 to a relative 1e-12 (next term -w^8), so that the derivative never forms
# 4 / x (it overflows float16 and float32 for the tiniest x); the rational form would divide by
# (1 + w^4)^2 with w^4's constant 10^4 squared, past float16's range.
_GG = "where(abs(10 * g * x) < 0.001, (10 * g * x)**4, sigmoid(4 * log(abs(10 * g * x))))"

SPECS: tuple[Spec, ...] = (
    Spec(
        name="wilson_cowan",
        checked_against="secondary",
        formula=f"where(a * x < 1, {_WC_NEAR}, {_WC_FAR})",
        published="1 / (1 + exp(-a * (x - theta))) - 1 / (1 + exp(a * theta))",
        family="sigmoidal",
        citation=WILSON_COWAN_1972,
        params=(
            Param("a", 1.2, 0.0, open_low=True, doc="slope of the population response"),
            Param("theta", 2.8, doc="threshold: position of the steepest slope"),
        ),
        aliases=("wilson_cowan_sigmoid",),
        description="Response function of the Wilson-Cowan population model, "
        "1/(1 + exp(-a (x - theta))) - 1/(1 + exp(a theta)): the fraction of a population "
        "that fires, a logistic in the net input shifted down so that no input gives no "
        "response (S(0) = 0). Defaults a = 1.2, theta = 2.8 are the excitatory population's "
        "constants (the inhibitory one has a = 1, theta = 4). It dips slightly below 0 for "
        "negative input (to -1/(1 + e^(a theta)) = -0.034) and saturates at "
        "1 - 1/(1 + e^(a theta)) = 0.966. Below a x = 1 it is evaluated as "
        "expm1(a x) sigma(-a theta) sigma(a (theta - x)), the same function without "
        "cancellation near 0. The paper's text could not be read here; the form was checked "
        "against Neuromatch Academy's Wilson-Cowan tutorial, form and constants against "
        "BrainPy's implementation of the model.",
        properties=Properties(
            monotonic=True,
            lower=-_WC_FLOOR,
            upper=1 - _WC_FLOOR,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: torch.sigmoid(1.2 * (x - 2.8)) - _WC_FLOOR,
                atol=1e-12,
                note="= sigma(1.2 (x - 2.8)) - sigma(-3.36)",
            ),
        ),
    ),
    Spec(
        name="abbott_chance",
        checked_against="secondary",
        formula=_AC,
        published="(a * x - b) / (1 - exp(-d * (a * x - b)))",
        family="exponential",
        citation=WONG_WANG_2006,
        params=(
            Param("a", 270.0, 0.0, open_low=True, doc="gain, Hz per nA of input current"),
            Param("b", 108.0, doc="threshold offset, Hz"),
            Param("d", 0.154, 0.0, open_low=True, doc="curvature near threshold, seconds"),
        ),
        aliases=("wong_wang", "abbott_chance_rate"),
        description="Input-output function of Abbott and Chance, (a x - b) / "
        "(1 - exp(-d (a x - b))), the firing rate (Hz) of an integrate-and-fire neuron "
        "receiving the synaptic current x (nA), fitted to the spiking network it reduces. "
        "It is linear, a x - b, far above threshold, decays exponentially to 0 far below it, "
        "and passes through 1/d at x = b/a. Defaults a = 270 Hz/nA, b = 108 Hz, d = 0.154 s are "
        "the excitatory populations of Wong and Wang's two-variable decision-making network, "
        "the usual form of the function in recurrent rate models. Evaluated as "
        "(1/d) z / (1 - e^-z) at z = d (a x - b): by its Taylor series 1 + z/2 + z^2/12 "
        "for |z| < 0.01 in place of 0/0, as (-z) e^z / (1 - e^z) below z = -1, with z "
        "floored at -800 there (the rate is below every float format); above "
        "z = 40 it is a x - b to float64 precision. The paper's appendix could not be read "
        "here; form and constants were checked against three independent implementations "
        "that cite it.",
        properties=Properties(
            monotonic=True,
            lower=0.0,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=False,
        ),
        references=(
            Reference(
                lambda x: (270 * x - 108) / -torch.expm1(-0.154 * (270 * x - 108)),
                atol=1e-9,
                note="= (270 x - 108) / (1 - exp(-0.154 (270 x - 108)))",
            ),
        ),
    ),
    Spec(
        name="gancarz_grossberg",
        checked_against="secondary",
        formula=_GG,
        published="(g * x)**4 / (0.1**4 + (g * x)**4)",
        family="sigmoidal",
        citation=GANCARZ_GROSSBERG_1998,
        params=(Param("g", 1.0, 0.0, open_low=True, doc="input gain"),),
        aliases=("sigmoid_rate_gg_1998",),
        description="Sigmoidal rate function (g x)^4 / (0.1^4 + (g x)^4) of Gancarz and "
        "Grossberg's saccade-generator model, a Hill (Naka-Rushton) function with exponent 4 "
        "and half-saturation at g x = 0.1, as NEST implements it for its rate neurons "
        "(gain g = 1 by default). Even in x: it is 0 at 0, 1/2 at |g x| = 0.1 and tends to 1 "
        "either way. Evaluated as sigmoid(4 log|10 g x|), and as (10 g x)^4 (relative error "
        "below 1e-12) where |10 g x| < 1e-3, so that no float format overflows in f or f'. "
        "The paper's text could not be read here; the form is NEST's documentation of its "
        "sigmoid_rate_gg_1998 model.",
        properties=Properties(
            monotonic=False,
            lower=0.0,
            upper=1.0,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=False,
        ),
        references=(
            Reference(lambda x: x**4 / (1e-4 + x**4), atol=1e-12, note="= x^4 / (1e-4 + x^4)"),
        ),
    ),
)
