"""Sigmoid-family units of the survey (sections 3.1, 3.2, 3.18, 4.20): the sign function, the
probit, the complementary log-log and its modified form, Aranda-Ordaz and the scaled softsign."""

import torch
import torch.nn.functional as F

from actlab.catalog.silu_variants import PISHCHIK_2023
from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

HUBARA_2016 = Citation(
    "Binarized Neural Networks",
    "Itay Hubara, Matthieu Courbariaux, Daniel Soudry, Ran El-Yaniv, Yoshua Bengio",
    2016,
    arxiv="1602.02830",
    venue="NeurIPS 2016",
)
BLISS_1934 = Citation("The Method of Probits", "Chester I. Bliss", 1934, venue="Science 79")
GOMES_2011 = Citation(
    "Comparison of new activation functions in neural network for forecasting financial time "
    "series",
    "Gecynalda S. da S. Gomes, Teresa B. Ludermir, Leyla M. M. R. Lima",
    2011,
    venue="Neural Computing and Applications 20(3), 417-439",
)
ARANDA_ORDAZ_1981 = Citation(
    "On two families of transformations to additivity for binary response data",
    "Francisco J. Aranda-Ordaz",
    1981,
    venue="Biometrika 68(2), 357-363",
)
_UNIT_SIGMOID = dict(
    monotonic=True, lower=0.0, upper=1.0, smoothness="Cinf", zero_at_zero=False, zero_centered=False
)

SPECS: tuple[Spec, ...] = (
    Spec(
        name="sign",
        formula="sign(x)",
        family="sigmoidal",
        citation=HUBARA_2016,
        aliases=("signum",),
        description="Sign function: -1, 0 or 1, the deterministic binarization of binarized "
        "networks (trained through a straight-through estimator; its derivative is "
        "0 almost everywhere).",
        properties=Properties(
            monotonic=True,
            lower=-1.0,
            upper=1.0,
            smoothness="discontinuous",
            zero_at_zero=True,
            zero_centered=True,
        ),
        native=torch.sign,
    ),
    Spec(
        name="probit",
        formula="normal_cdf(x)",
        family="sigmoidal",
        citation=BLISS_1934,
        aliases=("normal_cdf",),
        description="Probit unit: the standard normal CDF Phi(x) used as a sigmoid (the probit "
        "link of Bliss); GELU is x Phi(x).",
        properties=Properties(**_UNIT_SIGMOID),
        references=(Reference(torch.special.ndtr, atol=1e-12, note="= torch.special.ndtr"),),
    ),
    Spec(
        name="cloglog",
        formula="-expm1(-exp(min(x, 5)))",
        family="sigmoidal",
        citation=GOMES_2011,
        aliases=("complementary_log_log",),
        description="Complementary log-log 1 - e^(-e^x), an asymmetric sigmoid (the mirror of "
        "the Gumbel/LogLog gate e^(-e^(-x))). Written -expm1(-e^x); above x = 5 "
        "it equals 1 to within e^(-148), so e^x is capped there and the derivative "
        "never forms 0 * inf.",
        properties=Properties(**_UNIT_SIGMOID),
        references=(
            Reference(
                lambda x: 1 - torch.exp(-torch.exp(x)),
                atol=1e-12,
                note="= 1 - exp(-exp(x)) written directly",
            ),
        ),
    ),
    Spec(
        name="cloglogm",
        formula="-1 - 2 * expm1(-0.7 * exp(min(x, 5)))",
        family="sigmoidal",
        citation=GOMES_2011,
        aliases=("modified_cloglog",),
        description="Modified complementary log-log 1 - 2 e^(-0.7 e^x), rescaled to (-1, 1); "
        "written with expm1, and e^x capped at x = 5 where the value is 1 to within "
        "e^(-103).",
        properties=Properties(
            monotonic=True,
            lower=-1.0,
            upper=1.0,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: 1 - 2 * torch.exp(-0.7 * torch.exp(x)),
                atol=1e-12,
                note="= 1 - 2 exp(-0.7 exp(x)) written directly",
            ),
        ),
    ),
    Spec(
        name="aranda_ordaz",
        formula="-expm1(-softplus(x + log(a)) / a)",
        family="sigmoidal",
        citation=ARANDA_ORDAZ_1981,
        params=(Param("a", 2.0, 0.0, open_low=True, doc="asymmetry lambda; 1 is the sigmoid"),),
        description="Aranda-Ordaz asymmetric link 1 - (1 + a e^x)^(-1/a) used as a sigmoid "
        "(a = 2 as in its neural-network use); evaluated as "
        "-expm1(-softplus(x + ln a) / a), exact in both tails.",
        properties=Properties(**_UNIT_SIGMOID),
        references=(
            Reference("sigmoid", params={"a": 1.0}, atol=1e-12, note="a = 1 is sigmoid"),
            Reference(
                lambda x: 1 - (1 + 2 * torch.exp(x)) ** -0.5,
                atol=1e-9,
                note="a = 2 written directly",
            ),
        ),
    ),
    Spec(
        name="scaled_softsign",
        formula="a * x / (b + abs(x))",
        family="sigmoidal",
        citation=PISHCHIK_2023,
        params=(
            Param("a", 1.0, 0.0, open_low=True, learnable=True, doc="output range (-a, a)"),
            Param("b", 1.0, 0.0, open_low=True, learnable=True, doc="rate of the transition"),
        ),
        description="Scaled softsign a x / (b + |x|) with trained amplitude a and rate b; "
        "a = b = 1 is softsign.",
        properties=Properties(
            monotonic=True,
            lower=-1.0,
            upper=1.0,
            smoothness="C1",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference("softsign", atol=0.0, note="a = b = 1 is softsign"),
            Reference(
                lambda x: 2 * F.softsign(x / 3),
                params={"a": 2.0, "b": 3.0},
                atol=1e-12,
                note="a softsign(x / b)",
            ),
        ),
    ),
)
