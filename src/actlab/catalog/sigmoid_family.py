"""Sigmoid variants of the survey's section 3.2: shifted, linearly leaked, sinc- and Gumbel-
composed, algebraic and sigmoid-weighted S-curves (SSS, SigLin, Sinc-Sigmoid, Sigmoid-Gumbel,
NewSigmoid, SechSig, TanhSig, rootsig)."""

import torch

from actlab.catalog.fixed_products import KOCAK_2021
from actlab.catalog.sigmoidal import KUNC_KLEMA_2024
from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

ROODSCHILD_2020 = Citation(
    "A new approach for the vanishing gradient problem on sigmoid activation",
    "Matías Roodschild, Jorge Gotay Sardiñas, Adrián Will",
    2020,
    venue="Progress in Artificial Intelligence 9(4), 351-360",
)
KOZKURT_2023 = Citation(
    "αSechSig and αTanhSig: two novel non-monotonic activation functions",
    "Cemil Közkurt, Serhat Kiliçarslan, Selçuk Baş, Abdullah Elen",
    2023,
    venue="Soft Computing",
)

SURVEY_ONLY = "the original paper could not be checked"
# sech x as 1 / cosh x, and beyond |x| = 10, where cosh would overflow float16, as
# 2 e^-|x| (1 - e^-2|x|) (relative error e^-4|x| < 1e-17)
SECH = "where(abs(x) < 10, 1 / cosh(x), 2 * exp(-abs(x)) * (1 - exp(-2 * abs(x))))"
# x + sech x near its root r = -0.76500995...: with d = x - r taken as (x + 49/64) - r_lo (the
# first difference exact in float32; relu(u) - relu(-u) = u keeps the two constants from being
# folded into one rounded r), x + sech x = d + sech x - sech r = d - 2 sinh((x + r)/2)
# sinh(d/2) / (cosh x cosh r), accurate relative to its small value
_D = "(relu(x + 0.765625) - relu(-0.765625 - x) - 0.0006150454492678773)"
_SECHSIG_NEAR_ROOT = (
    f"({_D} - 2 * sinh((x - 0.7650099545507321) / 2) * sinh({_D} / 2) "
    "/ (1.3071725329211835 * cosh(x)))"
)
_UNIT = dict(
    monotonic=True, lower=0.0, upper=1.0, smoothness="Cinf", zero_at_zero=False, zero_centered=False
)
_SIGMOID_WEIGHTED = dict(
    monotonic=False, upper=None, smoothness="Cinf", zero_at_zero=False, zero_centered=True
)

SPECS: tuple[Spec, ...] = (
    Spec(
        name="sss",
        formula="sigmoid(a * (x - b))",
        family="sigmoidal",
        citation=KUNC_KLEMA_2024,
        aliases=("shifted_scaled_sigmoid",),
        params=(
            Param(
                "a", 0.02, 0.0, open_low=True, doc="horizontal scale: the slope at x = b is a / 4"
            ),
            Param("b", 600.0, doc="horizontal shift: the midpoint f(b) = 1/2"),
        ),
        description="Shifted and scaled sigmoid 1 / (1 + e^(-a (x - b))), the logistic sigmoid "
        "stretched by a and centred at b; Arai and Imamura used a = 0.02, b = 600 (so "
        "that on inputs of order one the unit sits in its lower tail). As given by the "
        f"survey (section 3.2.1); {SURVEY_ONLY}.",
        properties=Properties(**_UNIT),
        references=(
            Reference(
                "sigmoid",
                params={"a": 1.0, "b": 0.0},
                atol=0.0,
                note="a = 1, b = 0 is the logistic sigmoid",
            ),
        ),
        checked_against="survey",
    ),
    Spec(
        name="siglin",
        formula="sigmoid(x) + a * x",
        family="sigmoidal",
        citation=ROODSCHILD_2020,
        params=(Param("a", 0.1, 0.0, doc="slope of the added linear term"),),
        description="SigLin sigmoid(x) + a x, the logistic sigmoid plus a linear term that keeps "
        "the gradient from vanishing; Roodschild, Gotay Sardiñas and Will tried "
        "a in {0, 0.05, 0.1, 0.15} (the default 0.1 is one of those; no single value is "
        "recommended) and used it within a modified training procedure. The name is the "
        f"survey's. As given by the survey (section 3.2.8); {SURVEY_ONLY}.",
        properties=Properties(
            monotonic=True,
            lower=None,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=True,
        ),
        references=(Reference("sigmoid", params={"a": 0.0}, atol=0.0, note="a = 0 is sigmoid"),),
        checked_against="survey",
    ),
    Spec(
        name="sinc_sigmoid",
        published="sin(sigmoid(x)) / sigmoid(x)",
        formula="where(x < -5, 1 - sigmoid(x)**2 / 6 + sigmoid(x)**4 / 120 - sigmoid(x)**6 / 5040, "
        "sin(sigmoid(x)) / sigmoid(x))",
        family="sigmoidal",
        citation=KOCAK_2021,
        description="Sinc-Sigmoid sinc(sigmoid(x)) with the unnormalized sinc sin(u) / u: a "
        "decreasing S-curve from 1 (x -> -inf) to sin 1 (x -> inf). The survey notes "
        "that the paper does not say which sinc, and that its derivative implies the "
        "unnormalized one. Below x = -5 (sigmoid < 0.0067) the Taylor series to u^6 is "
        "used (error below 1e-22), so that sin(u) / u never divides two vanishing "
        f"numbers. As given by the survey (section 3.2.16); {SURVEY_ONLY}.",
        properties=Properties(
            monotonic=False,
            lower=0.8414709848078965,
            upper=1.0,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=False,
        ),
        references=(
            Reference(
                lambda x: torch.sinc(torch.sigmoid(x) / torch.pi),
                atol=1e-12,
                note="= torch.sinc(sigmoid(x) / pi), torch's sinc being normalized",
            ),
        ),
        checked_against="survey",
    ),
    Spec(
        name="sigmoid_gumbel",
        published="sigmoid(x) * exp(-exp(-x))",
        formula="where(x > -10, sigmoid(x) * exp(-exp(-x)), 0)",
        family="sigmoidal",
        citation=KUNC_KLEMA_2024,
        aliases=("sg",),
        description="Sigmoid-Gumbel sigmoid(x) e^(-e^(-x)), the product of the logistic and the "
        "Gumbel CDFs (the CDF of the larger of two independent logistic and Gumbel "
        "variables): an asymmetric sigmoid in (0, 1). Set to 0 below x = -10, where it is "
        f"below e^(-22026). As given by the survey (section 3.2.17); {SURVEY_ONLY}.",
        properties=Properties(**_UNIT),
        references=(
            Reference(
                lambda x: torch.sigmoid(x) * torch.exp(-torch.exp(-x)),
                atol=1e-12,
                note="= sigmoid(x) exp(-exp(-x)) written directly",
            ),
        ),
        checked_against="survey",
    ),
    Spec(
        name="new_sigmoid",
        published="(exp(x) - exp(-x)) / sqrt(2 * (exp(2 * x) + exp(-2 * x)))",
        formula="tanh(x) / sqrt(1 + tanh(x)**2)",
        family="sigmoidal",
        citation=KUNC_KLEMA_2024,
        aliases=("newsigmoid",),
        description="NewSigmoid (e^x - e^-x) / sqrt(2 (e^2x + e^-2x)) = sinh(x) / sqrt(cosh 2x), "
        "a zero-centred S-curve in (-1/sqrt 2, 1/sqrt 2) proposed as an alternative to "
        "tansig and logsig (Journal of Intelligent & Fuzzy Systems, "
        "doi:10.3233/JIFS-212333). Evaluated as tanh(x) / sqrt(1 + tanh(x)^2), the same "
        f"function without overflow. As given by the survey (section 3.2.18); {SURVEY_ONLY}.",
        properties=Properties(
            monotonic=True,
            lower=-0.7071067811865476,
            upper=0.7071067811865476,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: torch.sinh(x) / torch.sqrt(torch.cosh(2 * x)),
                atol=1e-12,
                note="= sinh(x) / sqrt(cosh(2x))",
            ),
        ),
        checked_against="survey",
    ),
    Spec(
        name="sechsig",
        published="(x + 1 / cosh(x)) * sigmoid(x)",
        formula=f"where(abs(x + 0.765) < 0.25, {_SECHSIG_NEAR_ROOT}, x + {SECH}) * sigmoid(x)",
        family="gated",
        citation=KOZKURT_2023,
        description="SechSig (x + sech x) sigmoid(x): SiLU with a hyperbolic-secant bump added to "
        "the gated input, so that f(0) = 1/2 and the negative part dips to -0.2097 before "
        "returning to 0. sech is 2 e^-|x| (1 - e^-2|x|) beyond |x| = 10, where cosh "
        "would overflow float16; near the zero of x + sech x (x = -0.76501) the sum is "
        "rewritten without cancellation, so that float32 keeps its relative accuracy "
        "there. As given by the "
        f"survey (section 3.2.22); {SURVEY_ONLY}.",
        properties=Properties(lower=-0.2097429015687291, **_SIGMOID_WEIGHTED),
        references=(
            Reference(
                lambda x: (x + 1 / torch.cosh(x)) * torch.sigmoid(x),
                atol=1e-12,
                note="= (x + sech x) sigmoid(x) written directly",
            ),
        ),
        checked_against="survey",
    ),
    Spec(
        name="tanhsig",
        formula="(x + tanh(x)) * sigmoid(x)",
        family="gated",
        citation=KOZKURT_2023,
        description="TanhSig (x + tanh x) sigmoid(x): SiLU with tanh added to the gated input; "
        "it grows like x + 1 for large x and dips to -0.4749 at x = -1.066 before "
        f"returning to 0. As given by the survey (section 3.2.23); {SURVEY_ONLY}.",
        properties=Properties(
            lower=-0.47491606735826625, **{**_SIGMOID_WEIGHTED, "zero_at_zero": True}
        ),
        checked_against="survey",
    ),
    Spec(
        name="rootsig",
        published="a * x / (1 + sqrt(1 + a**2 * x**2))",
        formula="tanh(asinh(a * x) / 2)",
        family="sigmoidal",
        citation=KUNC_KLEMA_2024,
        params=(Param("a", 1.0, 0.0, open_low=True, doc="input scale (slope a / 2 at 0)"),),
        description="Rootsig a x / (1 + sqrt(1 + a^2 x^2)), an algebraic sigmoid in (-1, 1) that "
        "approaches its bounds like 1 - 1/(a |x|); the variant listed under this name has "
        "a = 1. Evaluated as tanh(asinh(a x) / 2), the same function (put a x = sinh t) "
        f"without overflow of a^2 x^2. As given by the survey (section 3.2.25); "
        f"{SURVEY_ONLY}.",
        properties=Properties(
            monotonic=True,
            lower=-1.0,
            upper=1.0,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: x / (1 + torch.sqrt(1 + x**2)),
                atol=1e-12,
                note="= x / (1 + sqrt(1 + x^2)) written directly",
            ),
        ),
        checked_against="survey",
    ),
)
