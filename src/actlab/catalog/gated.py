"""Self-gated units f(x) = x * g(x): the input scaled by a gate g rising from 0 to 1.

GELU, SiLU/Swish, Mish and their relatives, hard and expanded-range gates, and a few units of the
same family whose gate is not a probability (LiSHT, dSiLU, Flatten-T Swish).
"""

import torch.nn.functional as F

from actlab.catalog.citations import ALEXANDRIDIS_2024, HOWARD_2019
from actlab.catalog.sigmoidal import HARD_GATE
from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

HENDRYCKS_GIMPEL_2016 = Citation(
    "Gaussian Error Linear Units (GELUs)",
    "Dan Hendrycks, Kevin Gimpel", 2016, arxiv="1606.08415")
ELFWING_2017 = Citation(
    "Sigmoid-Weighted Linear Units for Neural Network Function Approximation in Reinforcement "
    "Learning",
    "Stefan Elfwing, Eiji Uchibe, Kenji Doya", 2017, arxiv="1702.03118",
    venue="Neural Networks (2018)")
RAMACHANDRAN_2017 = Citation(
    "Searching for Activation Functions",
    "Prajit Ramachandran, Barret Zoph, Quoc V. Le", 2017, arxiv="1710.05941")
ALCAIDE_2018 = Citation(
    "E-swish: Adjusting Activations to Different Network Depths",
    "Eric Alcaide", 2018, arxiv="1801.07145")
MISRA_2019 = Citation(
    "Mish: A Self Regularized Non-Monotonic Activation Function",
    "Diganta Misra", 2019, arxiv="1908.08681", venue="BMVC 2020")
DAS_2025 = Citation(
    "Gompertz Linear Units: Leveraging Asymmetry for Enhanced Learning Dynamics",
    "Indrashis Das, Mahmoud Safari, Steven Adriaensen, Frank Hutter", 2025, arxiv="2502.03654")
WANG_2022 = Citation(
    "Smish: A Novel Activation Function for Deep Learning Methods",
    "Xueliang Wang, Honge Ren, Achuan Wang", 2022, venue="Electronics 11(4), 540")
ZHU_2021 = Citation(
    "Logish: A new nonlinear nonmonotonic activation function for convolutional neural network",
    "Hegui Zhu, Huimin Zeng, Jinhai Liu, Xiangde Zhang", 2021,
    venue="Neurocomputing 458, 490-499")
FERNANDEZ_MALI_2024 = Citation(
    "Stable and Robust Deep Learning By Hyperbolic Tangent Exponential Linear Unit (TeLU)",
    "Alfredo Fernandez, Ankur Mali", 2024, arxiv="2402.02790")
HUANG_2024 = Citation(
    "Expanded Gating Ranges Improve Activation Functions",
    "Allen Hao Huang", 2024, arxiv="2405.20768")
ROY_2019 = Citation(
    "LiSHT: Non-Parametric Linearly Scaled Hyperbolic Tangent Activation Function for Neural "
    "Networks",
    "Swalpa Kumar Roy, Suvojit Manna, Shiv Ram Dubey, Bidyut Baran Chaudhuri", 2019,
    arxiv="1901.05894")
NAG_2021 = Citation(
    "SERF: Towards better training of deep neural networks using log-Softplus ERror activation "
    "Function",
    "Sayan Nag, Mayukh Bhattacharyya", 2021, arxiv="2108.09598", venue="WACV 2023")
NAVEEN_2021 = Citation(
    "Phish: A Novel Hyper-Optimizable Activation Function",
    "Philip Naveen", 2021, venue="TechRxiv preprint 17283824")
CHIENG_2018 = Citation(
    "Flatten-T Swish: a thresholded ReLU-Swish-like activation function for deep learning",
    "Hock Hung Chieng, Noorhaniza Wahid, Pauline Ong, Sai Raj Kishore Perla", 2018,
    arxiv="1812.06247", venue="International Journal of Advances in Intelligent Informatics 4(2)")
ZHU_2021_PFLU = Citation(
    "PFLU and FPFLU: Two novel non-monotonic activation functions in convolutional neural "
    "networks",
    "Meng Zhu et al.", 2021, venue="Neurocomputing 429, 110-117")

# f = x * g with g from 0 to 1, smooth, dipping below zero once: the common shape of this family.
WU_2020 = Citation(
    "Integer Quantization for Deep Learning Inference: Principles and Empirical Evaluation",
    "Hao Wu, Patrick Judd, Xiaojie Zhang, Mikhail Isaev, Paulius Micikevicius", 2020,
    arxiv="2004.09602")
MISRA_HMISH = Citation("H-Mish: hard Mish", "Diganta Misra", 2020,
                       venue="github.com/digantamisra98/H-Mish")
_SMOOTH_GATED = dict(monotonic=False, upper=None, smoothness="Cinf", zero_at_zero=True,
                     zero_centered=True, self_gated=True)
# atan(x)/pi + 1/2, written as -atan(1/x)/pi for x < -1 (no cancellation in the tail).
_ATAN_GATE = "where(x < -1, -atan(1 / x) / pi, atan(x) / pi + 1 / 2)"

CHEN_2019 = Citation(
    "Residual Flows for Invertible Generative Modeling",
    "Ricky T. Q. Chen, Jens Behrmann, David Duvenaud, Jörn-Henrik Jacobsen", 2019,
    arxiv="1906.02735", venue="NeurIPS 2019")

SPECS: tuple[Spec, ...] = (
    Spec(
        name="gelu",
        formula="x * normal_cdf(x)",
        family="gated",
        citation=HENDRYCKS_GIMPEL_2016,
        aliases=("gelu_python",),
        description="Gaussian error linear unit x*Phi(x), Phi the standard normal CDF: the input "
                    "weighted by the probability that a standard normal variable lies below it.",
        properties=Properties(lower=-0.16997120748, **_SMOOTH_GATED),
        native=lambda x: F.gelu(x),
    ),
    Spec(
        name="gelu_tanh",
        published="x / 2 * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x**3)))",
        formula="where(abs(x) > 30, relu(x), x * sigmoid(sqrt(8 / pi) * (x + 0.044715 * x**3)))",
        family="gated",
        citation=HENDRYCKS_GIMPEL_2016,
        aliases=("gelu_new", "gelu_fast", "gelu_accurate", "gelu_pytorch_tanh",
                 "gelu_python_tanh"),
        description="The tanh approximation of GELU from the GELU paper, "
                    "0.5x(1 + tanh(sqrt(2/pi)(x + 0.044715x^3))), written as the identical "
                    "x*sigmoid(2u); for |x| > 30, where the gate is exactly 0 or 1 in double "
                    "precision, it is written as relu(x) so that x^3 cannot overflow. Within "
                    "4.8e-4 of exact GELU (max error computed here; the paper gives none).",
        properties=Properties(lower=-0.170040750571, **_SMOOTH_GATED),
        native=lambda x: F.gelu(x, approximate="tanh"),
        references=(Reference("gelu", atol=5e-4,
                              note="within 4.8e-4 of exact GELU (max abs error)"),),
    ),
    Spec(
        name="gelu_sigmoid",
        published="x * sigmoid(1.702 * x)",
        formula="where(abs(x) > 1000, relu(x), x * sigmoid(1.702 * x))",
        family="gated",
        citation=HENDRYCKS_GIMPEL_2016,
        aliases=("quick_gelu",),
        description="The sigmoid approximation x*sigmoid(1.702x) of GELU from the GELU paper "
                    "(QuickGELU in CLIP); within 0.0204 of exact GELU (max error computed here). "
                    "relu(x) for |x| > 1000, where the gate is exactly 0 or 1 in double "
                    "precision (keeps 1.702x from overflowing in the derivative).",
        properties=Properties(lower=-0.163610189636, **_SMOOTH_GATED),
        references=(Reference("gelu", atol=0.021,
                              note="within 0.0204 of exact GELU (max abs error)"),),
    ),
    Spec(
        name="silu",
        formula="x * sigmoid(x)",
        family="gated",
        citation=ELFWING_2017,
        description="Sigmoid-weighted linear unit x*sigmoid(x), proposed for reinforcement "
                    "learning by Elfwing et al.; also defined (and named SiLU) in the GELU paper "
                    "of Hendrycks & Gimpel (2016). Swish with beta = 1.",
        properties=Properties(lower=-0.278464542761, **_SMOOTH_GATED),
        native=lambda x, inplace=False: F.silu(x, inplace),
        inplace=True,
    ),
    Spec(
        name="swish",
        formula="x * sigmoid(beta * x)",
        family="gated",
        citation=RAMACHANDRAN_2017,
        params=(Param("beta", 1.0, 0.0, learnable=True,
                      doc="gate sharpness: 0 gives x/2, beta -> inf approaches ReLU"),),
        description="Swish x*sigmoid(beta*x), found by automated search; beta is a constant or "
                    "trained. beta = 1 is SiLU.",
        properties=Properties(lower=-0.278464542761, **_SMOOTH_GATED),
        references=(Reference("silu", params={"beta": 1.0}, note="beta = 1 is SiLU"),),
    ),
    Spec(
        name="eswish",
        published="beta * x * sigmoid(x)",
        formula="beta * where(abs(x) > 1000, relu(x), x * sigmoid(x))",
        family="gated",
        citation=ALCAIDE_2018,
        aliases=("e_swish",),
        params=(Param("beta", 1.375, 0.0, open_low=True,
                      doc="output scale; the paper explores 1 <= beta <= 2, best 1.375 on WRN"),),
        description="E-swish beta*x*sigmoid(x), a scaled SiLU; beta is a fixed hyperparameter "
                    "(default 1.375, the value reported best in the author's WRN 10-2 results). "
                    "The gate beta*sigmoid(x) runs from 0 to beta; relu(x) replaces "
                    "x*sigmoid(x) for |x| > 1000, where they agree exactly in double precision.",
        properties=Properties(lower=-0.382888746296, **_SMOOTH_GATED),
        references=(Reference("silu", params={"beta": 1.0}, note="beta = 1 is SiLU"),),
    ),
    Spec(
        name="dsilu",
        formula="sigmoid(x) * (1 + x * sigmoid(-x))",
        family="gated",
        citation=ELFWING_2017,
        description="dSiLU, the derivative of SiLU used as an activation: "
                    "sigmoid(x)(1 + x(1 - sigmoid(x))); a sigmoid-like unit overshooting to "
                    "about 1.0998 and -0.0998.",
        properties=Properties(monotonic=False, lower=-0.0998393201289, upper=1.09983932013,
                              smoothness="Cinf", zero_at_zero=False, zero_centered=True),
    ),
    Spec(
        name="mish",
        formula="x * tanh(softplus(x))",
        family="gated",
        citation=MISRA_2019,
        description="Mish x*tanh(softplus(x)), a self-regularized non-monotonic unit.",
        properties=Properties(lower=-0.308843413017, **_SMOOTH_GATED),
        native=lambda x, inplace=False: F.mish(x, inplace),
        inplace=True,
    ),
    Spec(
        name="golu",
        published="x * exp(-exp(-x))",
        formula="x * exp(-exp(-max(x, -10)))",
        family="gated",
        citation=DAS_2025,
        description="Gompertz linear unit x*exp(-exp(-x)), gated by the Gompertz function (the "
                    "Gumbel CDF), which is right-skewed. The inner exponent is capped at x = -10, "
                    "where the gate exp(-e^10) ~ 1e-9566 is already zero in any float format.",
        properties=Properties(lower=-0.0972601312276, **_SMOOTH_GATED),
    ),
    Spec(
        name="hardswish",
        published="x * clamp(x + 3, 0, 6) / 6",
        formula=f"x * {HARD_GATE}",
        family="gated",
        citation=HOWARD_2019,
        aliases=("hard_swish", "h_swish"),
        description="Hard swish x*ReLU6(x + 3)/6 from MobileNetV3: SiLU with the sigmoid "
                    "replaced by a piecewise-linear hard sigmoid, here written "
                    "with the gate (x + 3)/6 for x < 0 and x/6 + 1/2 above, so that 6x cannot "
                    "overflow in float16 and f keeps its relative accuracy just above -3.",
        properties=Properties(monotonic=False, lower=-0.375, upper=None, smoothness="C0",
                              zero_at_zero=True, zero_centered=True, self_gated=True,
                              sparse=True),
        native=lambda x, inplace=False: F.hardswish(x, inplace),
        inplace=True,
    ),
    Spec(
        name="smish",
        formula="x * tanh(log1p(sigmoid(x)))",
        family="gated",
        citation=WANG_2022,
        description="Smish x*tanh(log(1 + sigmoid(x))); the paper's parametric form "
                    "alpha*x*tanh(log(1 + sigmoid(beta*x))) performed best at alpha = beta = 1, "
                    "the form given here. The gate tends to tanh(log 2) = 0.6 for large x.",
        properties=Properties(lower=-0.24999366366, **_SMOOTH_GATED),
    ),
    Spec(
        name="logish",
        formula="x * log1p(sigmoid(x))",
        family="gated",
        citation=ZHU_2021,
        description="Logish x*log(1 + sigmoid(x)); the gate tends to log 2 = 0.693 for large x. "
                    "The paper also studies alpha*x*log(1 + sigmoid(beta*x)); this is "
                    "alpha = beta = 1.",
        properties=Properties(lower=-0.252768816789, **_SMOOTH_GATED),
    ),
    Spec(
        name="telu",
        published="x * tanh(exp(x))",
        formula="where(x > 5, x, x * tanh(exp(min(x, 5))))",
        family="gated",
        citation=FERNANDEZ_MALI_2024,
        aliases=("tanhexp",),
        description="TeLU x*tanh(exp(x)), the hyperbolic tangent exponential linear unit; the "
                    "same function was published earlier as TanhExp (Liu & Di 2020, arXiv "
                    "2003.09855, IET Computer Vision). Written as x for x > 5, where "
                    "tanh(e^x) = 1 to far beyond double precision (avoids exp overflow).",
        properties=Properties(lower=-0.353285777848, **_SMOOTH_GATED),
    ),
    Spec(
        name="aglu",
        formula="x * exp(-softplus(log(lambd) - kappa * x) / lambd)",
        family="gated",
        citation=ALEXANDRIDIS_2024,
        params=(Param("kappa", 1.0, learnable=True, doc="gate slope"),
                Param("lambd", 1.0, 0.0, open_low=True, learnable=True,
                      doc="gate asymmetry lambda (> 0); 1 gives the sigmoid, -> 0 the Gompertz "
                          "gate")),
        description="Adaptive generalised linear unit z*APA(z), with the adaptive parametric "
                    "activation APA(z) = (lambda*exp(-kappa*z) + 1)^(-1/lambda) written as "
                    "exp(-softplus(log(lambda) - kappa*z)/lambda); kappa = lambda = 1 is SiLU.",
        properties=Properties(lower=-0.278464542761, **_SMOOTH_GATED),
        references=(Reference("silu", params={"kappa": 1.0, "lambd": 1.0},
                              note="kappa = lambda = 1 is SiLU"),),
    ),
    Spec(
        name="xatlu",
        published="x * ((1 + 2 * alpha) * (atan(x) / pi + 1 / 2) - alpha)",
        formula=f"x * ((1 + 2 * alpha) * {_ATAN_GATE} - alpha)",
        family="gated",
        citation=HUANG_2024,
        params=(Param("alpha", 0.0, learnable=True,
                      doc="gate range expansion: the gate runs from -alpha to 1 + alpha"),),
        description="Expanded arctan linear unit x*((1 + 2alpha)g(x) - alpha), "
                    "g(x) = atan(x)/pi + 1/2; alpha is trained, one per MLP block, starting "
                    "from 0 (plain ATLU) as in the author's implementation.",
        properties=Properties(monotonic=True, lower=-0.318309886184, upper=None,
                              smoothness="Cinf", zero_at_zero=True, zero_centered=True,
                              self_gated=True),
    ),
    Spec(
        name="xgelu",
        formula="x * ((1 + 2 * alpha) * normal_cdf(x) - alpha)",
        family="gated",
        citation=HUANG_2024,
        params=(Param("alpha", 0.0, learnable=True,
                      doc="gate range expansion: the gate runs from -alpha to 1 + alpha"),),
        description="Expanded GELU x*((1 + 2alpha)Phi(x) - alpha); alpha is trained, one per "
                    "MLP block, starting from 0 (plain GELU) as in the author's implementation.",
        properties=Properties(lower=-0.16997120748, **_SMOOTH_GATED),
        references=(Reference("gelu", params={"alpha": 0.0}, note="alpha = 0 is GELU"),),
    ),
    Spec(
        name="xsilu",
        formula="x * ((1 + 2 * alpha) * sigmoid(x) - alpha)",
        family="gated",
        citation=HUANG_2024,
        params=(Param("alpha", 0.0, learnable=True,
                      doc="gate range expansion: the gate runs from -alpha to 1 + alpha"),),
        description="Expanded SiLU x*((1 + 2alpha)sigmoid(x) - alpha); alpha is trained, one "
                    "per MLP block, starting from 0 (plain SiLU) as in the author's "
                    "implementation.",
        properties=Properties(lower=-0.278464542761, **_SMOOTH_GATED),
        references=(Reference("silu", params={"alpha": 0.0}, note="alpha = 0 is SiLU"),),
    ),
    Spec(
        name="lisht",
        formula="x * tanh(x)",
        family="gated",
        citation=ROY_2019,
        description="Linearly scaled hyperbolic tangent x*tanh(x): non-negative and even, its "
                    "gate tanh(x) runs from -1 to 1.",
        properties=Properties(monotonic=False, lower=0.0, upper=None, smoothness="Cinf",
                              zero_at_zero=True, zero_centered=False),
    ),
    Spec(
        name="serf",
        published="x * erf(softplus(x))",
        formula="where(abs(x) > 1000, relu(x), x * erf(softplus(x)))",
        family="gated",
        citation=NAG_2021,
        description="Serf (log-Softplus ERror Function) x*erf(log(1 + e^x)); relu(x) for "
                    "|x| > 1000, where the two agree exactly in double precision (keeps the "
                    "derivative's 2x/sqrt(pi) from overflowing).",
        properties=Properties(lower=-0.34843745876, **_SMOOTH_GATED),
    ),
    Spec(
        name="phish",
        formula="x * tanh(x * normal_cdf(x))",
        family="gated",
        citation=NAVEEN_2021,
        description="Phish x*tanh(GELU(x)), with exact (erf) GELU. Its gate is negative for "
                    "x < 0, so f is non-negative everywhere.",
        properties=Properties(monotonic=False, lower=0.0, upper=None, smoothness="Cinf",
                              zero_at_zero=True, zero_centered=False, self_gated=True),
    ),
    Spec(
        name="flatten_t_swish",
        formula="where(x >= 0, x * sigmoid(x) + threshold, threshold)",
        family="gated",
        citation=CHIENG_2018,
        aliases=("fts",),
        params=(Param("threshold", -0.2, doc="the flat level T for x < 0 (best: -0.20)"),),
        description="Flatten-T Swish: x*sigmoid(x) + T for x >= 0 and the constant T below; "
                    "T = -0.20 performed best in the paper.",
        properties=Properties(monotonic=True, lower=-0.2, upper=None, smoothness="C0",
                              zero_at_zero=False, zero_centered=True),
    ),
    Spec(
        name="pflu",
        published="x * (1 + x / sqrt(1 + x**2)) / 2",
        formula="where(x > 1e4, x - 1 / (4 * x), where(x < -1e4, 1 / (4 * x) - 3 / (16 * x**3), "
                "x * sigmoid(2 * asinh(x))))",
        family="gated",
        citation=ZHU_2021_PFLU,
        description="Power function linear unit x*(1 + x/sqrt(1 + x^2))/2, written as the "
                    "identical x*sigmoid(2*asinh(x)) (no cancellation for x < 0); for "
                    "|x| > 1e4 its asymptotic series x - 1/(4x) and 1/(4x) - 3/(16x^3), exact "
                    "there to double precision, avoid overflow of x^2 and 2x.",
        properties=Properties(lower=-0.150141553, **_SMOOTH_GATED),
    ),
    Spec(
        name="lipswish",
        formula="x * sigmoid(beta * x) / 1.1",
        family="gated",
        citation=CHEN_2019,
        params=(Param("beta", 1.0, 0.0, learnable=True, doc="gate slope"),),
        description="LipSwish: Swish divided by 1.1, its largest slope, so the unit is "
                    "1-Lipschitz for every beta (Residual Flows train beta through a softplus).",
        properties=Properties(monotonic=False, lower=-0.2531900, upper=None, smoothness="Cinf",
                              zero_at_zero=True, zero_centered=True, self_gated=True),
        references=(Reference(lambda x: F.silu(x) / 1.1, note="beta = 1 gives silu / 1.1"),),
    ),
    Spec(
        name="gelu_clipped",
        formula="clamp(x * normal_cdf(x), min_val, max_val)",
        family="gated",
        citation=WU_2020,
        aliases=("gelu_10", "clipped_gelu"),
        params=(Param("min_val", -10.0, high=0.0, doc="lower clip"),
                Param("max_val", 10.0, low=0.0, open_low=True, doc="upper clip")),
        description="GELU with its output clipped to [min_val, max_val], which bounds the range "
                    "an 8-bit quantizer must cover; [-10, 10] is transformers' gelu_10, which "
                    "cites Wu et al. for the clip (the lower clip is inactive: GELU >= -0.17).",
        properties=Properties(monotonic=False, lower=-0.16997120748, upper=10.0,
                              smoothness="C0", zero_at_zero=True, zero_centered=True),
        references=(Reference("gelu", params={"max_val": 1e6}, atol=1e-12,
                              note="an inactive clip gives GELU"),),
    ),
    Spec(
        name="hard_mish",
        formula="x * clamp(x + 2, 0, 2) / 2",
        family="gated",
        citation=MISRA_HMISH,
        aliases=("hardmish", "h_mish"),
        description="Hard Mish x * clamp(x + 2, 0, 2) / 2, a piecewise-quadratic Mish (0 below "
                    "-2, x above 0) from the Mish author's H-Mish notes, as timm implements it.",
        properties=Properties(monotonic=False, lower=-0.5, upper=None, smoothness="C0",
                              zero_at_zero=True, zero_centered=True, self_gated=True,
                              sparse=True),
        references=(Reference(lambda x: 0.5 * x * (x + 2).clamp(0, 2),
                              note="timm's hard_mish expression"),),
    ),
)
