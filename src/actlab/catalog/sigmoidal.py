"""Sigmoidal (S-shaped, mostly bounded) units: the logistic sigmoid and tanh with their scaled,
hard, algebraic and penalized variants, log-sigmoid and tanhshrink, and the parametric
sigmoid families (tempered sigmoid, APA, DyT)."""

import torch
import torch.nn.functional as F

from actlab.catalog.citations import ALEXANDRIDIS_2024, CARLILE_2017, HOWARD_2019, PASZKE_2019
from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

RUMELHART_1986 = Citation(
    "Learning Representations by Back-Propagating Errors",
    "David E. Rumelhart, Geoffrey E. Hinton, Ronald J. Williams", 1986, venue="Nature 323")
LECUN_1998 = Citation(
    "Efficient BackProp", "Yann LeCun, Léon Bottou, Genevieve B. Orr, Klaus-Robert Müller", 1998,
    venue="Neural Networks: Tricks of the Trade, LNCS 1524")
COURBARIAUX_2015 = Citation(
    "BinaryConnect: Training Deep Neural Networks with binary weights during propagations",
    "Matthieu Courbariaux, Yoshua Bengio, Jean-Pierre David", 2015, arxiv="1511.00363",
    venue="NeurIPS 2015")
GLOROT_BENGIO_2010 = Citation(
    "Understanding the Difficulty of Training Deep Feedforward Neural Networks",
    "Xavier Glorot, Yoshua Bengio", 2010, venue="AISTATS 2010")
XU_2016 = Citation(
    "Revise Saturated Activation Functions", "Bing Xu, Ruitong Huang, Mu Li", 2016,
    arxiv="1602.05980", venue="ICLR 2016 Workshop")
KUNC_KLEMA_2024 = Citation(
    "Three Decades of Activations: A Comprehensive Survey of 400 Activation Functions for Neural "
    "Networks", "Vladimír Kunc, Jiří Kléma", 2024, arxiv="2402.09092")
PAPERNOT_2020 = Citation(
    "Tempered Sigmoid Activations for Deep Learning with Differential Privacy",
    "Nicolas Papernot et al.", 2020, arxiv="2007.14191", venue="AAAI 2021")
ZHU_2025 = Citation(
    "Transformers without Normalization", "Jiachen Zhu et al.", 2025, arxiv="2503.10622",
    venue="CVPR 2025")

LECUN_SCALE = 1.7159

MCCULLOCH_PITTS_1943 = Citation(
    "A Logical Calculus of the Ideas Immanent in Nervous Activity",
    "Warren S. McCulloch, Walter Pitts", 1943, venue="Bulletin of Mathematical Biophysics 5")
ELLIOTT_1993 = Citation(
    "A Better Activation Function for Artificial Neural Networks", "David L. Elliott", 1993,
    venue="Institute for Systems Research, University of Maryland, Technical Report TR 93-8")
WURAOLA_PATEL_2018 = Citation(
    "SQNL: A New Computationally Efficient Activation Function", "Adedamola Wuraola, Nitish Patel",
    2018, venue="IJCNN 2018")
ZHOU_2020 = Citation(
    "Soft-Root-Sign Activation Function", "Yuan Zhou, Dandan Li, Shuwei Huo, Sun-Yuan Kung", 2020,
    arxiv="2003.00547")

MA_2022 = Citation(
    "Mega: Moving Average Equipped Gated Attention", "Xuezhe Ma et al.", 2022,
    arxiv="2209.10655", venue="ICLR 2023")

# clamp((x + 3)/6, 0, 1) without rounding at either end: x + 3 is exact near -3, and
# the gradient is 1/6 up to x = 3 even where x/6 + 1/2 rounds to 1 (float16 just below 3)
HARD_GATE = "where(x < 0, relu(x + 3) / 6, where(x < 3, x / 6 + 1 / 2, 1))"

SPECS: tuple[Spec, ...] = (
    Spec(
        name="sigmoid",
        formula="sigmoid(x)",
        family="sigmoidal",
        citation=RUMELHART_1986,
        aliases=("logistic",),
        description="Logistic sigmoid 1 / (1 + e^-x), the squashing unit of classical "
                    "back-propagation networks.",
        properties=Properties(monotonic=True, lower=0.0, upper=1.0, smoothness="Cinf",
                              zero_at_zero=False, zero_centered=False),
        native=torch.sigmoid,
        references=(Reference(torch.special.expit, note="= torch.special.expit"),),
    ),
    Spec(
        name="tanh",
        formula="tanh(x)",
        family="sigmoidal",
        citation=LECUN_1998,
        description="Hyperbolic tangent, the zero-centred sigmoid recommended over the logistic "
                    "function in Efficient BackProp; tanh(x) = 2 sigmoid(2x) - 1.",
        properties=Properties(monotonic=True, lower=-1.0, upper=1.0, smoothness="Cinf",
                              zero_at_zero=True, zero_centered=True),
        native=torch.tanh,
        references=(Reference(lambda x: 2 * torch.sigmoid(2 * x) - 1,
                              note="tanh(x) = 2 sigmoid(2x) - 1"),),
    ),
    Spec(
        name="hardsigmoid",
        published="clamp(x + 3, 0, 6) / 6",
        formula=HARD_GATE,
        family="sigmoidal",
        citation=HOWARD_2019,
        aliases=("h_sigmoid", "hard_sigmoid"),
        description="Hard sigmoid of MobileNetV3, ReLU6(x + 3) / 6: piecewise-linear, 0 below -3 "
                    "and 1 above 3 (torch's F.hardsigmoid). Written (x + 3)/6 for x < 0 (exact "
                    "near -3, where f is small) and x/6 + 1/2 above (x + 3 would round to 6 "
                    "just below 3 in float16 and zero the gradient there).",
        properties=Properties(monotonic=True, lower=0.0, upper=1.0, smoothness="C0",
                              zero_at_zero=False, zero_centered=False, sparse=True),
        native=F.hardsigmoid,
        inplace=True,
    ),
    Spec(
        name="hard_sigmoid_bc",
        formula="clamp((x + 1) / 2, 0, 1)",
        family="sigmoidal",
        citation=COURBARIAUX_2015,
        aliases=("hard_sigmoid_binaryconnect",),
        description="Hard sigmoid of BinaryConnect, clip((x + 1) / 2, 0, 1): slope 1/2 on "
                    "[-1, 1] (steeper than MobileNetV3's hardsigmoid, which has slope 1/6).",
        properties=Properties(monotonic=True, lower=0.0, upper=1.0, smoothness="C0",
                              zero_at_zero=False, zero_centered=False, sparse=True),
        references=(Reference(lambda x: F.hardsigmoid(3 * x),
                              note="clip((x + 1) / 2, 0, 1) = hardsigmoid(3x)"),),
    ),
    Spec(
        name="softsign",
        formula="x / (1 + abs(x))",
        family="sigmoidal",
        citation=GLOROT_BENGIO_2010,
        description="Softsign x / (1 + |x|), an algebraic sigmoid with polynomial rather than "
                    "exponential tails (also known as Elliott's function). Its second derivative "
                    "jumps at 0, so it is C1.",
        properties=Properties(monotonic=True, lower=-1.0, upper=1.0, smoothness="C1",
                              zero_at_zero=True, zero_centered=True),
        native=F.softsign,
    ),
    Spec(
        name="logsigmoid",
        formula="logsigmoid(x)",
        family="sigmoidal",
        citation=PASZKE_2019,
        aliases=("log_sigmoid",),
        description="Log-sigmoid log(1 / (1 + e^-x)) = -softplus(-x), computed without overflow; "
                    "cited to PyTorch (F.logsigmoid) for want of an original source.",
        properties=Properties(monotonic=True, lower=None, upper=0.0, smoothness="Cinf",
                              zero_at_zero=False, zero_centered=False),
        native=F.logsigmoid,
        references=(Reference(lambda x: -F.softplus(-x), note="logsigmoid(x) = -softplus(-x)"),),
    ),
    Spec(
        name="tanhshrink",
        published="x - tanh(x)",
        formula=("where(abs(x) < 0.1, x**3 / 3 - 2 * x**5 / 15 + 17 * x**7 / 315 - 62 * x**9 / 2835"
                 " + 1382 * x**11 / 155925 - 21844 * x**13 / 6081075, x - tanh(x))"),
        family="sigmoidal",
        citation=PASZKE_2019,
        description="Tanhshrink x - tanh(x) (torch's F.tanhshrink), cited to PyTorch for want of "
                    "an original source. Near 0 the difference cancels (f ~ x^3/3), so for "
                    "|x| < 0.1 it is the Taylor series to x^13 (truncation below 1e-15 relative).",
        properties=Properties(monotonic=True, lower=None, upper=None, smoothness="Cinf",
                              zero_at_zero=True, zero_centered=True),
        native=F.tanhshrink,
    ),
    Spec(
        name="lecun_tanh",
        formula=f"{LECUN_SCALE} * tanh(2 * x / 3)",
        family="sigmoidal",
        citation=LECUN_1998,
        description="Scaled tanh 1.7159 tanh(2x/3) recommended in Efficient BackProp: chosen so "
                    "that f(+-1) = +-1 and the second derivative peaks at x = 1.",
        properties=Properties(monotonic=True, lower=-LECUN_SCALE, upper=LECUN_SCALE,
                              smoothness="Cinf", zero_at_zero=True, zero_centered=True),
        references=(Reference("dyt", target_params={"alpha": 2 / 3, "gamma": LECUN_SCALE},
                              note="= dyt with alpha = 2/3, gamma = 1.7159"),),
    ),
    Spec(
        name="penalized_tanh",
        formula="where(x > 0, tanh(x), a * tanh(x))",
        family="sigmoidal",
        citation=XU_2016,
        params=(Param("a", 0.25, 0.0, 1.0, doc="slope factor applied to the negative part"),),
        description="Penalized tanh: tanh(x) for x > 0 and a tanh(x) below, with the paper's "
                    "fixed a = 0.25; a = 1 recovers tanh.",
        properties=Properties(monotonic=True, lower=-0.25, upper=1.0, smoothness="C0",
                              zero_at_zero=True, zero_centered=True),
        references=(Reference("tanh", params={"a": 1.0}, note="a = 1 gives tanh"),),
    ),
    Spec(
        name="arctan",
        formula="atan(x)",
        family="sigmoidal",
        citation=KUNC_KLEMA_2024,
        aliases=("atan",),
        description="Inverse tangent, a sigmoid with range (-pi/2, pi/2) and algebraically "
                    "decaying slope 1 / (1 + x^2); listed among the classical sigmoids in the "
                    "400-function survey.",
        properties=Properties(monotonic=True, lower=-torch.pi / 2, upper=torch.pi / 2,
                              smoothness="Cinf", zero_at_zero=True, zero_centered=True),
        native=torch.atan,
    ),
    Spec(
        name="isru",
        published="x / sqrt(1 + alpha * x**2)",
        formula="where(abs(x) > 1, sign(x) / sqrt(alpha + 1 / (x * x)), "
                "x / sqrt(1 + alpha * x * x))",
        family="sigmoidal",
        citation=CARLILE_2017,
        params=(Param("alpha", 1.0, 0.0, open_low=True,
                      doc="saturation: f -> +-1/sqrt(alpha) as x -> +-inf"),),
        aliases=("inverse_square_root_unit",),
        description="Inverse square root unit x / sqrt(1 + alpha x^2), the tanh-like companion "
                    "of ISRLU. For |x| > 1 it is evaluated as sign(x) / sqrt(alpha + 1/x^2), "
                    "which is the same function without overflow of x^2.",
        properties=Properties(monotonic=True, lower=-1.0, upper=1.0, smoothness="Cinf",
                              zero_at_zero=True, zero_centered=True),
        references=(Reference(lambda x: torch.sin(torch.atan(x)),
                              note="alpha = 1: x / sqrt(1 + x^2) = sin(arctan x)"),),
    ),
    Spec(
        name="tempered_sigmoid",
        published="s * sigmoid(T * x) - o",
        formula="s / 2 - o + s / 2 * tanh(T * x / 2)",
        family="sigmoidal",
        citation=PAPERNOT_2020,
        params=(Param("s", 2.0, 0.0, open_low=True, learnable=True, doc="scale"),
                Param("T", 2.0, 0.0, open_low=True, learnable=True, doc="inverse temperature"),
                Param("o", 1.0, learnable=True, doc="offset")),
        description="Tempered sigmoid s sigmoid(T x) - o, a bounded family for DP-SGD; the "
                    "defaults (s, T, o) = (2, 2, 1) are the paper's tanh point, (1, 1, 0) the "
                    "logistic sigmoid. The paper tunes s, T, o as hyperparameters. Written with "
                    "sigmoid(u) = (1 + tanh(u/2))/2, so that f keeps its relative accuracy near "
                    "its zero at the tanh point.",
        properties=Properties(monotonic=True, lower=-1.0, upper=1.0, smoothness="Cinf",
                              zero_at_zero=True, zero_centered=True),
        references=(Reference("tanh", note="(s, T, o) = (2, 2, 1) is tanh"),
                    Reference("sigmoid", params={"s": 1.0, "T": 1.0, "o": 0.0},
                              note="(s, T, o) = (1, 1, 0) is the logistic sigmoid")),
    ),
    Spec(
        name="apa",
        formula="exp(-softplus(log(lam) - kappa * x) / lam)",
        family="sigmoidal",
        citation=ALEXANDRIDIS_2024,
        params=(Param("kappa", 1.0, learnable=True, doc="slope kappa"),
                Param("lam", 1.0, 0.0, open_low=True, learnable=True,
                      doc="shape lambda (lambda -> 0: Gumbel e^(-e^(-kappa x)))")),
        aliases=("adaptive_parametric_activation",),
        description="Adaptive Parametric Activation (lambda e^(-kappa x) + 1)^(-1/lambda), "
                    "evaluated as exp(-softplus(log(lambda) - kappa x) / lambda) as in the "
                    "official code. kappa = lambda = 1 is the sigmoid (the default here; the "
                    "official code initializes both uniformly in [0, 1)), lambda -> 0 the Gumbel "
                    "CDF. AGLU is x * apa(x).",
        properties=Properties(monotonic=True, lower=0.0, upper=1.0, smoothness="Cinf",
                              zero_at_zero=False, zero_centered=False),
        references=(Reference("sigmoid", params={"kappa": 1.0, "lam": 1.0},
                              note="kappa = lambda = 1 gives the sigmoid"),
                    Reference(lambda x: torch.exp(-torch.exp(-x)), params={"lam": 1e-7},
                              atol=1e-6, note="lambda -> 0 gives the Gumbel CDF")),
    ),
    Spec(
        name="dyt",
        formula="gamma * tanh(alpha * x) + beta",
        family="sigmoidal",
        citation=ZHU_2025,
        params=(Param("alpha", 0.5, learnable=True, doc="input scale (paper's init 0.5)"),
                Param("gamma", 1.0, learnable=True, doc="output scale"),
                Param("beta", 0.0, learnable=True, doc="output shift")),
        aliases=("dynamic_tanh",),
        description="Dynamic Tanh gamma tanh(alpha x) + beta, the normalization-free "
                    "replacement for LayerNorm; here gamma and beta are scalars (per-channel "
                    "vectors in the paper) and alpha starts at 0.5.",
        properties=Properties(monotonic=True, lower=-1.0, upper=1.0, smoothness="Cinf",
                              zero_at_zero=True, zero_centered=True),
        references=(Reference("tanh", params={"alpha": 1.0}, note="alpha = 1 gives tanh"),),
    ),
    Spec(
        name="binary_step",
        formula="heaviside(x)",
        family="sigmoidal",
        citation=MCCULLOCH_PITTS_1943,
        aliases=("heaviside", "step"),
        description="The threshold unit of McCulloch and Pitts: 1 for x > 0, else 0. Its "
                    "derivative is zero almost everywhere, so it trains only with a surrogate.",
        properties=Properties(monotonic=True, lower=0.0, upper=1.0, smoothness="discontinuous",
                              zero_at_zero=True, zero_centered=False, sparse=True),
    ),
    Spec(
        name="elliott",
        formula="0.5 * x / (1 + abs(x)) + 0.5",
        family="sigmoidal",
        citation=ELLIOTT_1993,
        aliases=("elliott_sigmoid",),
        description="Elliott's algebraic sigmoid 0.5 x / (1 + |x|) + 0.5: the logistic shape "
                    "without an exponential (softsign rescaled to (0, 1)).",
        properties=Properties(monotonic=True, lower=0.0, upper=1.0, smoothness="C1",
                              zero_at_zero=False, zero_centered=False),
        references=(Reference(lambda x: 0.5 * F.softsign(x) + 0.5,
                              note="equals (softsign + 1) / 2"),),
    ),
    Spec(
        name="sqnl",
        formula="where(x > 2, 1, where(x >= 0, x - x**2 / 4, where(x >= -2, x + x**2 / 4, -1)))",
        family="sigmoidal",
        citation=WURAOLA_PATEL_2018,
        description="Square nonlinearity: a tanh-shaped piecewise quadratic, 1 for x > 2, "
                    "x - x^2/4 on [0, 2], x + x^2/4 on [-2, 0), -1 below.",
        properties=Properties(monotonic=True, lower=-1.0, upper=1.0, smoothness="C1",
                              zero_at_zero=True, zero_centered=True),
    ),
    Spec(
        name="soft_root_sign",
        published="x / (x / alpha + exp(-x / beta))",
        formula="where(x >= 0, x / (x / alpha + exp(-x / beta)), "
                "x * exp(x / beta) / (1 + x * exp(x / beta) / alpha))",
        family="sigmoidal",
        citation=ZHOU_2020,
        aliases=("srs",),
        params=(Param("alpha", 2.0, 0.0, open_low=True, learnable=True, doc="upper asymptote"),
                Param("beta", 3.0, 0.0, open_low=True, learnable=True,
                      doc="decay scale of the negative part")),
        description="SRS(x) = x / (x/alpha + exp(-x/beta)), alpha = 2 and beta = 3 trainable. "
                    "For x < 0 it is evaluated as x e^{x/beta} / (1 + x e^{x/beta} / alpha), "
                    "the same function without the overflowing exp(-x/beta).",
        properties=Properties(monotonic=False, lower=-2.4625, upper=2.0, smoothness="Cinf",
                              zero_at_zero=True, zero_centered=True),
    ),
    Spec(
        name="gumbel",
        published="exp(-exp(-x))",
        formula="where(x > -10, exp(-exp(-x)), 0)",
        family="sigmoidal",
        citation=ALEXANDRIDIS_2024,
        aliases=("gompertz",),
        description="The Gumbel (Gompertz) gate exp(-exp(-x)), APA's lambda -> 0 limit and GoLU's "
                    "gate. Set to 0 below x = -10, where it is below e^{-22026}; this keeps "
                    "exp(-x) from overflowing in float16.",
        properties=Properties(monotonic=True, lower=0.0, upper=1.0, smoothness="Cinf",
                              zero_at_zero=False, zero_centered=False),
        references=(Reference("apa", params={}, target_params={"lam": 1e-6}, atol=1e-5,
                              note="APA with lambda -> 0"),),
    ),
    Spec(
        name="laplace",
        formula="normal_cdf((x - mu) / sigma)",
        family="sigmoidal",
        citation=MA_2022,
        params=(Param("mu", 0.7071067811865476, doc="centre, sqrt(1/2)"),
                Param("sigma", 0.28209479177387814, 0.0, open_low=True,
                      doc="width, sqrt(1/(4 pi))")),
        description="Mega's Laplace attention function 0.5 (1 + erf((x - mu) / (sigma sqrt 2))), "
                    "with mu and sigma chosen to approximate relu(x)^2 near the origin while "
                    "staying bounded.",
        properties=Properties(monotonic=True, lower=0.0, upper=1.0, smoothness="Cinf",
                              zero_at_zero=False, zero_centered=False),
    ),
)
