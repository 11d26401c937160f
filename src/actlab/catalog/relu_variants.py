"""Rectifier variants from the ReLU sections of the survey (3.6 and 4.2): tents and soft moduli,
learnable leaky, attention-scaled and shifted ReLUs, the piecewise linear unit, the square linear
unit and the parametric tanh linear unit."""

import torch
import torch.nn.functional as F

from actlab.catalog.silu_variants import PISHCHIK_2023
from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

ROZSA_BOULT_2019 = Citation(
    "Improved Adversarial Robustness by Reducing Open Space Risk via Tent Activations",
    "Andras Rozsa, Terrance E. Boult",
    2019,
    arxiv="1908.02435",
)
VALLES_PEREZ_2023 = Citation(
    "Empirical study of the modulus as activation function in computer vision applications",
    "Iván Vallés-Pérez, Emilio Soria-Olivas, Marcelino Martínez-Sober, Antonio J. "
    "Serrano-López, Joan Vila-Francés, Juan Gómez-Sanchís",
    2023,
    venue="Engineering Applications of Artificial Intelligence 120",
)
MANIATOPOULOS_2021 = Citation(
    "Learnable Leaky ReLU (LeLeLU): An Alternative Accuracy-Optimized Activation Function",
    "Andreas Maniatopoulos, Nikolaos Mitianoudis",
    2021,
    venue="Information 12(12), 513",
)
CHEN_LI_XU_2020 = Citation(
    "AReLU: Attention-based Rectified Linear Unit",
    "Dengsheng Chen, Jun Li, Kai Xu",
    2020,
    arxiv="2006.13858",
)
NICOLAE_2018 = Citation(
    "PLU: The Piecewise Linear Unit Activation Function", "Andrei Nicolae", 2018, arxiv="1809.09534"
)
WURAOLA_2021 = Citation(
    "Efficient activation functions for embedded inference engines",
    "Adedamola Wuraola, Nitish Patel, Sing Kiong Nguang",
    2021,
    venue="Neurocomputing 442",
)
LIU_2020 = Citation(
    "ReActNet: Towards Precise Binary Neural Network with Generalized Activation Functions",
    "Zechun Liu, Zhiqiang Shen, Marios Savvides, Kwang-Ting Cheng",
    2020,
    arxiv="2003.03488",
    venue="ECCV 2020",
)
DUGGAL_GUPTA_2017 = Citation(
    "P-TELU: Parametric Tan Hyperbolic Linear Unit Activation for Deep Neural Networks",
    "Rahul Duggal, Anubha Gupta",
    2017,
    venue="ICCV Workshops 2017",
)

_PIECEWISE_LINEAR = dict(
    monotonic=True, lower=None, upper=None, smoothness="C0", zero_at_zero=True, zero_centered=True
)

SPECS: tuple[Spec, ...] = (
    Spec(
        name="tent",
        formula="relu(a - abs(x))",
        family="piecewise",
        citation=ROZSA_BOULT_2019,
        aliases=("mrelu", "mirrored_relu"),
        params=(
            Param(
                "a",
                1.0,
                0.0,
                open_low=True,
                learnable=True,
                doc="half-width and height of the tent (trained, starts at 1)",
            ),
        ),
        description="Tent activation max(0, a - |x|), zero outside [-a, a]; a is trained from "
        "1. At a = 1 it is also the mirrored ReLU min(relu(1 - x), relu(1 + x)) of "
        "Zhao and Griffin (arXiv:1603.05145), hence the aliases.",
        properties=Properties(
            monotonic=False,
            lower=0.0,
            upper=1.0,
            smoothness="C0",
            zero_at_zero=False,
            zero_centered=False,
            sparse=True,
        ),
        references=(
            Reference(
                lambda x: torch.minimum(F.relu(1 - x), F.relu(1 + x)),
                atol=0.0,
                note="a = 1: min(relu(1 - x), relu(1 + x)), the mirrored ReLU",
            ),
        ),
    ),
    Spec(
        name="softmodulus_q",
        formula="where(abs(x) <= 1, x**2 * (2 - abs(x)), abs(x))",
        family="piecewise",
        citation=VALLES_PEREZ_2023,
        description="SoftModulusQ: the modulus |x| with its kink replaced by the quadratic-cubic "
        "x^2 (2 - |x|) on [-1, 1], which meets |x| with equal value and slope at "
        "|x| = 1.",
        properties=Properties(
            monotonic=False,
            lower=0.0,
            upper=None,
            smoothness="C1",
            zero_at_zero=True,
            zero_centered=False,
        ),
    ),
    Spec(
        name="softmodulus_t",
        formula="where(abs(x) > 20 * a, abs(x), x * tanh(x / a))",
        family="piecewise",
        citation=VALLES_PEREZ_2023,
        params=(Param("a", 0.01, 0.0, open_low=True, doc="width of the rounded tip"),),
        description="SoftModulusT x tanh(x / a), a smooth modulus with the paper's a = 0.01; "
        "a = 1 is LiSHT. Beyond |x| = 20 a, where tanh(x / a) is +-1 in float64, it is "
        "evaluated as |x|, so that x / a * (1 - tanh^2) never forms inf * 0.",
        properties=Properties(
            monotonic=False,
            lower=0.0,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=False,
        ),
        references=(Reference("lisht", params={"a": 1.0}, atol=1e-12, note="a = 1 is LiSHT"),),
    ),
    Spec(
        name="lelelu",
        formula="a * where(x >= 0, x, 0.01 * x)",
        family="piecewise",
        citation=MANIATOPOULOS_2021,
        aliases=("learnable_leaky_relu",),
        params=(
            Param(
                "a",
                1.0,
                0.0,
                open_low=True,
                learnable=True,
                doc="trained scale of both slopes (starts at 1)",
            ),
        ),
        description="Learnable leaky ReLU a * leaky_relu(x, 0.01): both slopes scaled by one "
        "trained factor.",
        properties=Properties(**_PIECEWISE_LINEAR),
        references=(Reference("leaky_relu", atol=0.0, note="a = 1 is leaky ReLU (slope 0.01)"),),
    ),
    Spec(
        name="arelu",
        formula="where(x >= 0, (1 + sigmoid(beta)) * x, alpha * x)",
        family="piecewise",
        citation=CHEN_LI_XU_2020,
        aliases=("attention_relu",),
        params=(
            Param(
                "alpha",
                0.9,
                0.01,
                0.99,
                learnable=True,
                doc="negative slope, clamped to [0.01, 0.99] (init 0.9)",
            ),
            Param("beta", 2.0, learnable=True, doc="positive slope is 1 + sigmoid(beta) (init 2)"),
        ),
        description="Attention-based ReLU: slope alpha (clamped to [0.01, 0.99]) below 0 and "
        "1 + sigmoid(beta) above, both learned per layer from the recommended 0.9 "
        "and 2.",
        properties=Properties(**_PIECEWISE_LINEAR),
    ),
    Spec(
        name="plu",
        formula="where(x > c, alpha * (x - c) + c, where(x < -c, alpha * (x + c) - c, x))",
        family="piecewise",
        citation=NICOLAE_2018,
        aliases=("piecewise_linear_unit",),
        params=(
            Param("alpha", 0.1, 0.0, 1.0, doc="slope outside [-c, c]"),
            Param("c", 1.0, 0.0, open_low=True, doc="half-width of the identity part"),
        ),
        description="Piecewise linear unit max(alpha (x + c) - c, min(alpha (x - c) + c, x)): "
        "the identity on [-c, c] and slope alpha outside, an invertible "
        "tanh-like shape; the paper's alpha = 0.1, c = 1.",
        properties=Properties(**_PIECEWISE_LINEAR),
        references=(
            Reference(
                lambda x: torch.maximum(0.1 * (x + 1) - 1, torch.minimum(0.1 * (x - 1) + 1, x)),
                atol=1e-12,
                note="the paper's max/min form",
            ),
            Reference(
                "srelu",
                target_params={"t_l": -1.0, "a_l": 0.1, "t_r": 1.0, "a_r": 0.1},
                atol=1e-12,
                note="= SReLU with thresholds -+c and slopes alpha",
            ),
        ),
    ),
    Spec(
        name="shilu",
        formula="a * relu(x) + b",
        family="piecewise",
        citation=PISHCHIK_2023,
        aliases=("adaptive_shifted_relu",),
        params=(
            Param("a", 1.0, learnable=True, doc="trained slope"),
            Param("b", 0.0, learnable=True, doc="trained vertical shift"),
        ),
        description="Adaptive shifted ReLU a relu(x) + b with trained a and b; the defaults "
        "(1, 0), where it is ReLU, are neutral starting values.",
        properties=Properties(
            monotonic=True,
            lower=0.0,
            upper=None,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=False,
            sparse=True,
        ),
        references=(
            Reference("relu", atol=0.0, note="(a, b) = (1, 0) is ReLU"),
            Reference(
                "frelu",
                params={"b": -0.5},
                target_params={"b": -0.5},
                atol=0.0,
                note="a = 1 is the flexible ReLU",
            ),
        ),
    ),
    Spec(
        name="sqlu",
        formula="where(x > 0, x, where(x >= -2, x + x**2 / 4, -1))",
        family="piecewise",
        citation=WURAOLA_2021,
        aliases=("square_linear_unit",),
        description="Square linear unit: x for x > 0, x + x^2/4 on [-2, 0] and -1 below, an "
        "ELU-shaped unit without an exponential (the negative half of SQNL).",
        properties=Properties(
            monotonic=True,
            lower=-1.0,
            upper=None,
            smoothness="C1",
            zero_at_zero=True,
            zero_centered=True,
        ),
    ),
    Spec(
        name="ptelu",
        formula="where(x >= 0, x, a * tanh(b * x))",
        family="piecewise",
        citation=DUGGAL_GUPTA_2017,
        aliases=("p_telu",),
        params=(
            Param("a", 1.0, 0.0, learnable=True, doc="negative saturation -a"),
            Param("b", 1.0, 0.0, learnable=True, doc="rate of the negative saturation"),
        ),
        description="Parametric tan hyperbolic linear unit: x for x >= 0 and a tanh(b x) below, "
        "a, b >= 0 trained per channel; a = b = 1 is the fixed form (tanh linear "
        "unit). At a b = 1 it is C2 (f''' jumps at 0), reported as Cinf.",
        properties=Properties(
            monotonic=True,
            lower=-1.0,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: torch.where(x >= 0, x, torch.tanh(x)),
                atol=0.0,
                note="a = b = 1: x above 0, tanh(x) below",
            ),
        ),
    ),
    Spec(
        name="rprelu",
        formula="where(x > gamma, x - gamma + zeta, beta * (x - gamma) + zeta)",
        family="piecewise",
        citation=LIU_2020,
        aliases=("react_prelu",),
        params=(
            Param("gamma", 0.0, learnable=True, doc="horizontal shift (per channel)"),
            Param("zeta", 0.0, learnable=True, doc="vertical shift (per channel)"),
            Param("beta", 0.25, learnable=True, doc="negative slope (per channel)"),
        ),
        description="ReActNet's RPReLU: PReLU moved by a learnable shift gamma along x and zeta "
        "along y; the shifts start at 0 and the slope at PReLU's 0.25.",
        properties=Properties(**_PIECEWISE_LINEAR),
        references=(Reference("prelu", atol=0.0, note="gamma = zeta = 0 is PReLU"),),
    ),
    Spec(
        name="rsign",
        formula="where(x > alpha, 1, -1)",
        family="piecewise",
        citation=LIU_2020,
        aliases=("react_sign",),
        params=(Param("alpha", 0.0, learnable=True, doc="threshold (per channel, init 0)"),),
        description="ReActNet's RSign: +1 above a learnable threshold alpha and -1 at or below "
        "it, the binarization of ReActNet (trained with a straight-through "
        "estimator; the derivative is 0 almost everywhere).",
        properties=Properties(
            monotonic=True,
            lower=-1.0,
            upper=1.0,
            smoothness="discontinuous",
            zero_at_zero=False,
            zero_centered=True,
        ),
    ),
)
