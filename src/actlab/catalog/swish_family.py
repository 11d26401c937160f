"""SiLU and swish variants of the survey's section 3.3: x times a squashing gate other than the
logistic sigmoid (Laplace CDF, exponential-composed sigmoid, complementary log-log, tanh of a
sigmoid, arctan-composed sigmoid) and squashing functions applied to SiLU itself."""

import math

import torch
import torch.nn.functional as F

from actlab.catalog.fixed_products import KOCAK_2021
from actlab.catalog.sigmoid_family import SECH, SURVEY_ONLY
from actlab.catalog.sigmoidal import KUNC_KLEMA_2024
from actlab.catalog.spec import Properties, Reference, Spec

_GATED = dict(smoothness="Cinf", zero_at_zero=True, zero_centered=True)


def _dipping(lower: float, **declared: bool) -> Properties:
    """Properties of a unit with one negative dip down to ``lower``, unbounded above."""
    return Properties(monotonic=False, lower=lower, upper=None, **{**_GATED, **declared})


SPECS: tuple[Spec, ...] = (
    Spec(
        name="lalu",
        published="x * where(x >= 0, 1 - exp(-x) / 2, exp(x) / 2)",
        formula="where(x >= 0, x - x * exp(-abs(x)) / 2, x * exp(-abs(x)) / 2)",
        family="gated",
        citation=KUNC_KLEMA_2024,
        aliases=("laplace_linear_unit",),
        description="Laplace linear unit x F(x), F the CDF of the standard Laplace distribution "
        "(1 - e^-x / 2 above 0, e^x / 2 below): GELU with a Laplace instead of a Gaussian "
        "gate. Its second derivative is continuous and its third jumps at 0. Both pieces "
        "use e^-|x| so that neither overflows. As given by the survey (section 3.3.4); "
        f"{SURVEY_ONLY}.",
        properties=_dipping(-0.18393972058572117, self_gated=True),
        references=(
            Reference(
                lambda x: (
                    x
                    * torch.where(
                        x >= 0, 1 - torch.exp(-x.clamp(min=0)) / 2, torch.exp(x.clamp(max=0)) / 2
                    )
                ),
                atol=1e-12,
                note="= x F_Laplace(x) written piecewise",
            ),
        ),
        checked_against="survey",
    ),
    Spec(
        name="generalized_swish",
        published="x * sigmoid(exp(-x))",
        formula="where(x < -10, x, x * sigmoid(exp(-x)))",
        family="gated",
        citation=KOCAK_2021,
        description="Generalized swish x sigmoid(e^-x): a gate falling from 1 (x -> -inf) to 1/2 "
        "(x -> inf), so the unit is the identity on the far left and x / 2 on the far "
        "right. Below x = -10 the gate equals 1 to within e^(-22026) and x is used, so "
        f"that e^-x never overflows. As given by the survey (section 3.3.7); {SURVEY_ONLY}.",
        properties=Properties(monotonic=True, lower=None, upper=None, **_GATED),
        references=(
            Reference(
                lambda x: x * torch.sigmoid(torch.exp(-x)),
                atol=1e-12,
                note="= x sigmoid(exp(-x)) written directly",
            ),
        ),
        checked_against="survey",
    ),
    Spec(
        name="loglogish",
        published="x * (1 - exp(-exp(x)))",
        formula="where(x > 5, x, -x * expm1(-exp(x)))",
        family="gated",
        citation=KUNC_KLEMA_2024,
        description="LogLogish x (1 - e^(-e^x)), x gated by the complementary log-log sigmoid "
        "(the cloglog entry); written -x expm1(-e^x), exact in the left tail, and x above "
        "x = 5, where the gate is 1 to within e^(-148). As given by the "
        f"survey (section 3.3.12); {SURVEY_ONLY}.",
        properties=_dipping(-0.31218251608651626, self_gated=True),
        references=(
            Reference(
                lambda x: x * (1 - torch.exp(-torch.exp(x))),
                atol=1e-12,
                note="= x (1 - exp(-exp(x))) written directly",
            ),
        ),
        checked_against="survey",
    ),
    Spec(
        name="tsrelu",
        formula="x * tanh(sigmoid(x))",
        family="gated",
        citation=KUNC_KLEMA_2024,
        aliases=("tangent_sigmoid_relu",),
        description="Tangent-sigmoid ReLU x tanh(sigmoid(x)): a gate rising from 0 to tanh 1 = "
        "0.7616, so the unit approaches 0.7616 x for large x and dips to -0.2742 at "
        f"x = -1.309. As given by the survey (section 3.3.18); {SURVEY_ONLY}.",
        properties=_dipping(-0.27424287816686216, self_gated=True),
        checked_against="survey",
    ),
    Spec(
        name="tbsrelu",
        published="x * tanh((1 - exp(-x)) / (1 + exp(-x)))",
        formula="x * tanh(tanh(x / 2))",
        family="gated",
        citation=KUNC_KLEMA_2024,
        aliases=("tangent_bipolar_sigmoid_relu",),
        description="Tangent-bipolar-sigmoid ReLU x tanh((1 - e^-x) / (1 + e^-x)): the bipolar "
        "sigmoid (1 - e^-x) / (1 + e^-x) = tanh(x / 2) passed through tanh is odd, so "
        "the unit is even and non-negative, approaching 0.7616 |x|. As given by the "
        f"survey (section 3.3.19); {SURVEY_ONLY}.",
        properties=Properties(
            monotonic=False,
            lower=0.0,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=False,
        ),
        references=(
            Reference(
                lambda x: x * torch.tanh((1 - torch.exp(-x)) / (1 + torch.exp(-x))),
                atol=1e-12,
                note="the published bipolar-sigmoid form",
            ),
        ),
        checked_against="survey",
    ),
    Spec(
        name="double_silu",
        formula="x * sigmoid(x * sigmoid(x))",
        family="gated",
        citation=KUNC_KLEMA_2024,
        aliases=("doublesilu",),
        description="Double SiLU x sigmoid(x sigmoid(x)): x gated by the sigmoid of SiLU. As SiLU "
        "is bounded below, the gate only falls to 1/2 on the left, so the unit tends to "
        f"x / 2 there. As given by the survey (section 3.3.22); {SURVEY_ONLY}.",
        properties=Properties(monotonic=True, lower=None, upper=None, **_GATED),
        references=(
            Reference(
                lambda x: x * torch.sigmoid(F.silu(x)), atol=1e-12, note="= x sigmoid(silu(x))"
            ),
        ),
        checked_against="survey",
    ),
    Spec(
        name="msilu",
        formula="x * sigmoid(x) + exp(-x**2 - 1) / 4",
        family="gated",
        citation=KUNC_KLEMA_2024,
        aliases=("modified_silu",),
        description="Modified SiLU x sigmoid(x) + e^(-x^2 - 1) / 4: SiLU plus a small Gaussian "
        "bump (height 1/(4e) = 0.092 at 0), so that f(0) > 0 and the negative dip "
        "reaches -0.2643 at x = -1.448. As given by the survey (section 3.3.23); "
        f"{SURVEY_ONLY}.",
        properties=_dipping(-0.2642687762880736, zero_at_zero=False),
        references=(
            Reference(
                lambda x: F.silu(x) + torch.exp(-(x**2) - 1) / 4,
                atol=1e-12,
                note="= silu(x) + exp(-x^2 - 1) / 4",
            ),
        ),
        checked_against="survey",
    ),
    Spec(
        name="tsilu",
        published="(exp(x * sigmoid(x)) - exp(-x * sigmoid(x))) / "
        "(exp(x * sigmoid(x)) + exp(-x * sigmoid(x)))",
        formula="tanh(x * sigmoid(x))",
        family="gated",
        citation=KUNC_KLEMA_2024,
        aliases=("tanh_silu",),
        description="Hyperbolic tangent SiLU tanh(x sigmoid(x)), SiLU squashed into "
        "(tanh(-0.2785), 1). The survey writes it through exponentials with the "
        "denominator e^u + e^u (u = x sigmoid(x)), evidently a misprint of the tanh "
        "denominator e^u + e^-u; the entry follows the name. As given by the survey "
        f"(section 3.3.24); {SURVEY_ONLY}.",
        properties=Properties(monotonic=False, lower=-0.27148338523245374, upper=1.0, **_GATED),
        references=(
            Reference(lambda x: torch.tanh(F.silu(x)), atol=1e-12, note="= tanh(silu(x))"),
        ),
        checked_against="survey",
    ),
    Spec(
        name="atsilu",
        formula="where(x < -100, x * sigmoid(x), atan(x * sigmoid(x)))",
        family="gated",
        citation=KUNC_KLEMA_2024,
        aliases=("arctan_silu",),
        description="Arctan SiLU atan(x sigmoid(x)), SiLU squashed by the arctangent into "
        f"(atan(-0.2785), pi/2). Below x = -100, where x sigmoid(x) < 1e-41, atan(u) = u "
        "is used, so that the derivative never squares x. As given by the survey "
        f"(section 3.3.25); {SURVEY_ONLY}.",
        properties=Properties(
            monotonic=False, lower=-0.27158430714064885, upper=math.pi / 2, **_GATED
        ),
        references=(
            Reference(lambda x: torch.atan(F.silu(x)), atol=1e-12, note="= atan(silu(x))"),
        ),
        checked_against="survey",
    ),
    Spec(
        name="swat",
        formula="x * sigmoid(atan(x))",
        family="gated",
        citation=KUNC_KLEMA_2024,
        description="SwAT x sigmoid(atan(x)), swish with the arctangent inside the gate: the gate "
        "only runs from sigmoid(-pi/2) = 0.172 to sigmoid(pi/2) = 0.828, so the unit is "
        "monotonic and roughly linear with slopes 0.172 and 0.828 in the tails. As given "
        f"by the survey (section 3.3.26); {SURVEY_ONLY}.",
        properties=Properties(monotonic=True, lower=None, upper=None, self_gated=True, **_GATED),
        checked_against="survey",
    ),
    Spec(
        name="rectified_hyperbolic_secant",
        published="x / cosh(x)",
        formula=f"x * {SECH}",
        family="gated",
        citation=KUNC_KLEMA_2024,
        aliases=("resech",),
        description="Rectified hyperbolic secant x sech(x), an odd bump pair: it peaks at "
        "+-0.6627 at x = +-1.1997 and decays to 0 in both tails. Beyond |x| = 10 sech x is "
        "2 e^-|x| (1 - e^-2|x|), so that cosh never overflows. As given by the survey "
        f"(section 3.3.27); {SURVEY_ONLY}.",
        properties=Properties(
            monotonic=False, lower=-0.6627434193491816, upper=0.6627434193491816, **_GATED
        ),
        references=(Reference(lambda x: x / torch.cosh(x), atol=1e-12, note="= x / cosh(x)"),),
        checked_against="survey",
    ),
)
