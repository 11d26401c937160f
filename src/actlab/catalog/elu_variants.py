"""Exponential- and softplus-like units from the survey's ELU and softplus sections (3.6-3.8,
3.13-3.17, 4.2): rectified exponential units, multiple-parametric ELU, power and first-power
linear units, the softplus linear unit, Soft++ and the bendable linear unit."""

import math

import torch
import torch.nn.functional as F

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

YING_2019 = Citation(
    "Rectified Exponential Units for Convolutional Neural Networks",
    "Yao Ying, Jianlin Su, Peng Shan, Ligang Miao, Xiaolian Wang, Silong Peng",
    2019,
    venue="IEEE Access 7, 101633-101640",
)
LI_2018_MPELU = Citation(
    "Improving Deep Neural Network with Multiple Parametric Exponential Linear Units",
    "Yang Li, Chunxiao Fan, Yong Li, Qiong Wu, Yue Ming",
    2016,
    arxiv="1606.00305",
    venue="Neurocomputing 301 (2018)",
)
LI_DING_LI_2018 = Citation(
    "Training Neural Networks by Using Power Linear Units (PoLUs)",
    "Yikang Li, Pak Lun Kevin Ding, Baoxin Li",
    2018,
    arxiv="1802.00212",
)
DUAN_2021 = Citation(
    "First Power Linear Unit with Sign",
    "Boxi Duan et al.",
    2021,
    arxiv="2111.14349",
    venue="Electronics 11(13), 1980 (2022)",
)
ZHAO_2018 = Citation(
    "A novel softplus linear unit for deep CNN",
    "Huizhen Zhao, Fuxian Liu, Longyue Li",
    2018,
    venue="Journal of Harbin Institute of Technology 50(4), 117-123",
)
CIUPARU_2020 = Citation(
    "Soft++, a multi-parametric non-saturating non-linearity that improves convergence in deep "
    "neural architectures",
    "Andrei Ciuparu, Adriana Nagy-Dăbâcan, Raul C. Mureşan",
    2020,
    venue="Neurocomputing 384, 376-388",
)
GODFREY_2019 = Citation(
    "An Evaluation of Parametric Activation Functions for Deep Learning",
    "Luke B. Godfrey",
    2019,
    venue="IEEE SMC 2019",
)

LN2 = math.log(2.0)

_SATURATING = dict(monotonic=True, upper=None, zero_at_zero=True, zero_centered=True)
_NEGATIVE_DIP = dict(
    monotonic=False, upper=None, smoothness="C1", zero_at_zero=True, zero_centered=True
)

SPECS: tuple[Spec, ...] = (
    Spec(
        name="reu",
        formula="where(x > 0, x, where(x > -1000, x * exp(x), 0))",
        family="exponential",
        citation=YING_2019,
        aliases=("rectified_exponential_unit",),
        description="Rectified exponential unit: x for x > 0 and x e^x below, a swish-like dip "
        "with minimum -1/e at x = -1. x e^x (< 1e-430) is taken as 0 below "
        "x = -1000 so that -inf * 0 never forms.",
        properties=Properties(lower=-1 / math.e, **_NEGATIVE_DIP),
    ),
    Spec(
        name="preu",
        formula="a * where(x > 0, x, where(b * x > -1000, x * exp(b * x), 0))",
        family="exponential",
        citation=YING_2019,
        aliases=("parametric_reu",),
        params=(
            Param("a", 1.0, 0.0, open_low=True, learnable=True, doc="output scale alpha"),
            Param(
                "b",
                1.0,
                0.0,
                open_low=True,
                learnable=True,
                doc="decay rate beta of the negative part",
            ),
        ),
        description="Parametric REU: a x for x > 0 and a x e^(b x) below, a and b trained per "
        "channel; a = b = 1 is REU.",
        properties=Properties(lower=-1 / math.e, **_NEGATIVE_DIP),
        references=(Reference("reu", atol=0.0, note="a = b = 1 is REU"),),
    ),
    Spec(
        name="mpelu",
        formula="where(x > 0, x, a * expm1(b * x))",
        family="exponential",
        citation=LI_2018_MPELU,
        aliases=("multiple_parametric_elu",),
        params=(
            Param("a", 1.0, learnable=True, doc="negative saturation -a (trained)"),
            Param(
                "b",
                1.0,
                0.0,
                open_low=True,
                learnable=True,
                doc="rate of the exponential (trained, > 0)",
            ),
        ),
        description="Multiple parametric ELU: x for x > 0 and a (e^(b x) - 1) below, a and b "
        "trained per channel; a = b = 1 is ELU, a = 0 is ReLU. C1 only when "
        "a b = 1 (as at the defaults).",
        properties=Properties(lower=-1.0, smoothness="C1", **_SATURATING),
        references=(
            Reference("elu", atol=0.0, note="a = b = 1 is ELU"),
            Reference("relu", params={"a": 0.0}, atol=0.0, note="a = 0 is ReLU"),
        ),
    ),
    Spec(
        name="fplus",
        formula="where(x >= 0, x, expm1(-log1p(-min(x, 0))))",
        family="exponential",
        citation=DUAN_2021,
        aliases=("first_power_linear_unit", "polylu"),
        description="First power linear unit with sign (sgn(x) x + 1)^sgn(x) - 1: x for x >= 0 "
        "and 1 / (1 - x) - 1 = x / (1 - x) below, saturating at -1; evaluated as "
        "expm1(-log1p(-x)). The polynomial linear unit (PolyLU, Feng and Yang 2023) "
        "is the same function.",
        properties=Properties(lower=-1.0, smoothness="C1", **_SATURATING),
        references=(
            Reference(
                lambda x: torch.where(x >= 0, x, x / (1 - x)),
                atol=1e-12,
                note="= x / (1 - x) for x < 0",
            ),
        ),
    ),
    Spec(
        name="pfplus",
        formula="where(x >= 0, lam * x, lam * x / (1 - mu * min(x, 0)))",
        family="exponential",
        citation=DUAN_2021,
        aliases=("parametric_fplus",),
        params=(
            Param("lam", 1.0, 0.0, open_low=True, learnable=True, doc="overall slope lambda"),
            Param(
                "mu",
                1.0,
                0.0,
                open_low=True,
                learnable=True,
                doc="rate mu of the negative saturation -lambda/mu",
            ),
        ),
        description="Parametric FPLUS: lambda x for x >= 0 and lambda x / (1 - mu x) below (the "
        "authors' code), saturating at -lambda/mu; lambda and mu are trained, and "
        "lambda = mu = 1 (FPLUS) is used as the starting point, the paper giving "
        "none. Near ReLU at (0.2, 10), near linear at (5, 0.1).",
        properties=Properties(lower=-1.0, smoothness="C1", **_SATURATING),
        references=(Reference("fplus", atol=1e-12, note="lambda = mu = 1 is FPLUS"),),
    ),
    Spec(
        name="polu",
        formula="where(x >= 0, x, expm1(-n * log1p(-min(x, 0))))",
        family="exponential",
        citation=LI_DING_LI_2018,
        aliases=("power_linear_unit",),
        params=(Param("n", 1.0, 0.0, open_low=True, doc="power; the paper tries 1, 1.5 and 2"),),
        description="Power linear unit: x for x >= 0 and (1 - x)^(-n) - 1 below, saturating at "
        "-1, evaluated as expm1(-n log1p(-x)). The paper gives no single default; "
        "n = 1 (the smallest value it tests, C1 there) is used here, where PoLU is "
        "FPLUS. The slope at 0- is n, so it is C0 for n != 1.",
        properties=Properties(lower=-1.0, smoothness="C1", **_SATURATING),
        references=(Reference("fplus", atol=0.0, note="n = 1 is FPLUS"),),
    ),
    Spec(
        name="slu",
        published=f"where(x >= 0, x, 2 * softplus(x) - {2 * LN2!r})",
        formula="where(x >= 0, x, 2 * log1p(expm1(x) / 2))",
        family="exponential",
        citation=ZHAO_2018,
        aliases=("softplus_linear_unit",),
        description="Softplus linear unit: x for x >= 0 and 2 softplus(x) - 2 ln 2 below, the "
        "paper's constants a = 1, b = 2, c = 2 ln 2 that make it C1 at 0; it "
        "saturates at -2 ln 2.",
        properties=Properties(lower=-2 * LN2, smoothness="C1", **_SATURATING),
    ),
    Spec(
        name="soft_plus_plus",
        published=f"softplus(k * x) + x / c - {LN2!r}",
        formula="where(k * x < 1, log1p(expm1(k * x) / 2), softplus(k * x) - log(2)) + x / c",
        family="exponential",
        citation=CIUPARU_2020,
        aliases=("softplusplus", "soft_pp"),
        params=(
            Param("k", 1.0, 0.0, open_low=True, doc="sharpness of the softplus"),
            Param("c", 2.0, 0.0, open_low=True, doc="the linear term is x / c"),
        ),
        description="Soft++ ln(1 + e^(k x)) + x / c - ln 2, a non-saturating softplus with a "
        "linear leak through the origin; k = 1, c = 2 is the setting the paper "
        "found to work well.",
        properties=Properties(lower=None, smoothness="Cinf", **_SATURATING),
        references=(
            Reference(
                lambda x: F.softplus(x) + x / 2 - LN2,
                atol=1e-12,
                note="k = 1, c = 2 written with torch's softplus",
            ),
        ),
    ),
    Spec(
        name="blu",
        formula="where(abs(x) > 1, beta * (abs(x) * sqrt(1 + 1 / max(abs(x), 1)**2) - 1) + x, "
        "beta * x**2 / (sqrt(x**2 + 1) + 1) + x)",
        family="exponential",
        citation=GODFREY_2019,
        aliases=("bendable_linear_unit", "bent_identity"),
        params=(
            Param(
                "beta",
                0.5,
                -1.0,
                1.0,
                learnable=True,
                doc="bend: 0 is the identity, 1/2 the bent identity",
            ),
        ),
        description="Bendable linear unit beta (sqrt(x^2 + 1) - 1) + x with beta in [-1, 1] "
        "trained per channel. The paper gives no initial value; beta = 1/2, the "
        "fixed 'bent identity', is used here. Evaluated as beta x^2 / (sqrt(x^2 + "
        "1) + 1) + x for |x| <= 1 (no cancellation) and with x^2 factored out "
        "beyond (no overflow).",
        properties=Properties(lower=None, smoothness="Cinf", **_SATURATING),
        references=(
            Reference(
                lambda x: (torch.sqrt(x * x + 1) - 1) / 2 + x,
                atol=1e-9,
                note="beta = 1/2: (sqrt(x^2 + 1) - 1) / 2 + x, bent identity",
            ),
            Reference(lambda x: x, params={"beta": 0.0}, atol=0.0, note="beta = 0 is the identity"),
        ),
    ),
)
