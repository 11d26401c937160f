"""Adaptive gated and tanh-linear units from the survey's sections 4.2, 4.4 and 4.38: the
parametric shifted SiLU, the Richards-curve weighted activations ARiA and ARiA2, tanhLU and the
rectified linear tanh, and EIS-1."""

import math

import torch
import torch.nn.functional as F

from actlab.catalog.silu_variants import BISWAS_EIS_2020
from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

DAI_2021 = Citation(
    "Parameterizing Activation Functions for Adversarial Robustness",
    "Sihui Dai, Saeed Mahloujifar, Prateek Mittal",
    2021,
    arxiv="2110.05626",
)
PATWARDHAN_2018 = Citation(
    "ARiA: Utilizing Richard's Curve for Controlling the Non-monotonicity of the Activation "
    "Function in Deep Neural Nets",
    "Narendra Patwardhan, Madhura Ingalhalikar, Rahee Walambe",
    2018,
    arxiv="1805.08878",
)
SHEN_2022 = Citation(
    "Enhancement of neural networks with an alternative activation function tanhLU",
    "Shui-Long Shen, Ning Zhang, Annan Zhou, Zhen-Yu Yin",
    2022,
    venue="Expert Systems with Applications 199, 117181",
)

WANG_2019 = Citation(
    "ReLTanh: An activation function with vanishing gradient resistance for SAE-based DNNs and "
    "its application to rotating machinery fault diagnosis",
    "Xin Wang, Yi Qin, Yi Wang, Sheng Xiang, Haizhou Chen",
    2019,
    venue="Neurocomputing 363, 88-98",
)

_GATED = {"smoothness": "Cinf", "zero_at_zero": True, "zero_centered": True}


def _positive(name: str, default: float, doc: str, learnable: bool = False) -> Param:
    return Param(name, default, 0.0, open_low=True, learnable=learnable, doc=doc)


SPECS: tuple[Spec, ...] = (
    Spec(
        name="pssilu",
        formula="x * (1 - sigmoid(-a * x) / (1 - b))",
        family="gated",
        citation=DAI_2021,
        aliases=("parametric_shifted_silu",),
        params=(
            _positive("a", 1.0, "slope of the sigmoid gate (trained)", learnable=True),
            Param(
                "b",
                0.1,
                0.0,
                1.0,
                open_high=True,
                learnable=True,
                doc="shift of the gate, in [0, 1) (trained)",
            ),
        ),
        description="Parametric shifted sigmoidal linear unit x (sigmoid(a x) - b) / (1 - b): "
        "the gate is lowered by b and renormalized, so negative inputs give positive outputs "
        "(f grows like -b x / (1 - b) as x -> -inf), which the authors link to adversarial "
        "robustness. Written as x (1 - sigmoid(-a x) / (1 - b)) so that x / (1 - b) never "
        "overflows on its own. Defaults a = 1, b = 0.1 are the initial values in the authors' "
        "code (which keeps a positive by writing a^2; a second variant also trains b from 0).",
        properties=Properties(monotonic=False, lower=-0.1890786534259197, upper=None, **_GATED),
        references=(
            Reference("silu", params={"b": 0.0}, atol=1e-12, note="b = 0, a = 1 is SiLU"),
            Reference(
                lambda x: x * (torch.sigmoid(x) - 0.1) / 0.9,
                atol=1e-12,
                note="the authors' form at their defaults",
            ),
        ),
    ),
    Spec(
        name="aria",
        formula="x * (A + (K - A) * exp(-(log(C) + softplus(log(Q / C) - B * x)) / nu))",
        family="gated",
        citation=PATWARDHAN_2018,
        aliases=("richards_curve_weighted_activation",),
        params=(
            Param("A", 0.0, doc="lower asymptote of the Richards curve"),
            Param("K", 1.0, doc="upper asymptote of the Richards curve"),
            _positive("B", 1.0, "growth rate"),
            _positive("nu", 1.0, "nu > 0: near which asymptote the growth is fastest"),
            _positive("C", 1.0, "constant of the denominator (1 in the paper)"),
            _positive("Q", 1.0, "related to the curve's value at 0"),
        ),
        description="Richards-curve weighted activation x R(x), R(x) = A + (K - A) / (C + Q "
        "e^(-B x))^(1/nu), the generalized logistic gate of which swish (all defaults) is a "
        "special case; the paper tunes the parameters as hyper-parameters. The gate is "
        "evaluated as exp(-(ln C + softplus(ln(Q/C) - B x)) / nu) so that e^(-B x) never "
        "overflows.",
        properties=Properties(
            monotonic=False, lower=-0.2784645427610738, upper=None, self_gated=True, **_GATED
        ),
        references=(
            Reference("silu", atol=1e-12, note="all defaults: x sigmoid(x)"),
            Reference(
                lambda x: x * (-1 + 3 / (1 + 0.5 * torch.exp(-2 * x)) ** 2),
                params={"A": -1.0, "K": 2.0, "B": 2.0, "nu": 0.5, "Q": 0.5},
                atol=1e-9,
                note="the Richards curve written directly",
            ),
        ),
    ),
    Spec(
        name="aria2",
        formula="where(b * x > 50, x, where(a * b * x > -1000, x * exp(-a * softplus(-b * x)), 0))",
        family="gated",
        citation=PATWARDHAN_2018,
        params=(
            _positive("a", 1.5, "exponent alpha of the gate"),
            _positive("b", 2.0, "slope beta of the gate"),
        ),
        description="ARiA2 x (1 + e^(-b x))^(-a) = x sigmoid(b x)^a, the two-parameter ARiA "
        "(Richards curve with A = 0, K = C = Q = 1, B = b, nu = 1/a); a = 1.5, b = 2 are the "
        "paper's values as given in pywick's implementation. Evaluated as "
        "x exp(-a softplus(-b x)); below a b x = -1000 "
        "(|f| < |x| e^-1000) f is taken as 0, and above b x = 50 (gate within 2e-22 a of 1) "
        "as x, so that x never multiplies an underflowed term in the derivative.",
        properties=Properties(
            monotonic=False, lower=-0.06997764131970143, upper=None, self_gated=True, **_GATED
        ),
        references=(
            Reference(
                "aria",
                target_params={"B": 2.0, "nu": 1 / 1.5},
                atol=1e-12,
                note="ARiA with B = b, nu = 1/a",
            ),
            Reference(
                lambda x: x * torch.sigmoid(2 * x) ** 1.5,
                atol=1e-12,
                note="= x sigmoid(2x)^1.5",
            ),
        ),
    ),
    Spec(
        name="tanhlu",
        formula="a * tanh(l * x) + b * x",
        family="sigmoidal",
        citation=SHEN_2022,
        aliases=("tanh_linear_unit",),
        params=(
            Param("a", 1.0, 0.0, learnable=True, doc="scale alpha of the tanh part"),
            Param("l", 1.0, 0.0, learnable=True, doc="slope lambda inside the tanh"),
            Param("b", 1.0, 0.0, learnable=True, doc="slope beta of the linear part"),
        ),
        description="tanhLU a tanh(l x) + b x: tanh plus a linear unit, unbounded and "
        "point-symmetric; the paper uses a, l, b both as preset constants and as trained "
        "parameters. It gives no single default; a = l = b = 1 is used here.",
        properties=Properties(monotonic=True, lower=None, upper=None, **_GATED),
        references=(
            Reference("tanh", params={"b": 0.0}, atol=0.0, note="b = 0, a = l = 1 is tanh"),
            Reference(lambda x: torch.tanh(x) + x, atol=1e-15, note="tanh(x) + x"),
        ),
    ),
    Spec(
        name="reltanh",
        formula="where(x > p, tanh(p) + (1 - tanh(p)**2) * (x - p), "
        "where(x < n, tanh(n) + (1 - tanh(n)**2) * (x - n), tanh(x)))",
        family="sigmoidal",
        citation=WANG_2019,
        aliases=("rectified_linear_tanh",),
        params=(
            Param("p", 0.0, 0.0, 0.5, learnable=True, doc="upper threshold lambda+ (trained)"),
            Param("n", -1.5, high=-1.5, learnable=True, doc="lower threshold lambda- (trained)"),
        ),
        description="Rectified linear tanh: tanh on [n, p] and its tangent lines beyond the "
        "thresholds, so the slope never falls below tanh'(n) and tanh'(p). The thresholds are "
        "trained; the authors' code keeps p in [0, 0.5] and n <= -1.5 and starts from p = 0, "
        "n = -1.5, where f = x for x > 0.",
        properties=Properties(
            monotonic=True,
            lower=None,
            upper=None,
            smoothness="C1",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: torch.where(
                    x > 0,
                    x,
                    torch.where(
                        x < -1.5,
                        math.tanh(-1.5) + (x + 1.5) / math.cosh(1.5) ** 2,
                        torch.tanh(x),
                    ),
                ),
                atol=1e-12,
                note="tangent lines written with sech^2 at the defaults",
            ),
        ),
    ),
    Spec(
        name="eis1",
        formula="where(x > 1, softplus(x) / (1 + d * exp(-max(x, 1)) / max(x, 1)), "
        "softplus(x) * min(x, 1) * exp(min(x, 1)) / (min(x, 1) * exp(min(x, 1)) + d))",
        family="gated",
        citation=BISWAS_EIS_2020,
        aliases=("eis_1",),
        params=(Param("d", 1.16, 1 / math.e, open_low=True, doc="weight delta of e^(-x), > 1/e"),),
        description="EIS-1 x ln(1 + e^x) / (x + 1.16 e^(-x)), the abstract's first example of "
        "the EIS family. The family's sqrt(beta + gamma x^2) with beta = 0, gamma = 1 would "
        "give |x| in the denominator, which differs for x < 0; the example writes x, which "
        "is followed here. The denominator's minimum is 1 + ln d, so d > 1/e keeps it "
        "positive. "
        "Evaluated as softplus(x) x e^x / (x e^x + d) for x <= 1 and softplus(x) / (1 + d "
        "e^(-x) / x) above, so that neither x softplus(x) nor e^(-x) overflows.",
        properties=Properties(
            monotonic=False, lower=-0.1737635855794448, upper=None, self_gated=True, **_GATED
        ),
        references=(
            Reference(
                lambda x: x * F.softplus(x) / (x + 1.16 * torch.exp(-x)),
                atol=1e-9,
                note="the abstract's form written directly",
            ),
        ),
    ),
)
