"""Nonlinearities defined in the source code of neural-network libraries rather than in a paper:
the leaky piecewise-linear units of Darknet, the stepwise and trigonometric activations of FANN
with its steepness, mlpack's Poisson unit and the closed-form 1.5-entmax sigmoid of the NODE
tabular-learning code. Each entry is the function at the library's own constants and defaults;
names a library uses for functions already in the catalog are aliases there, not entries here."""

import torch

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

DARKNET = Citation(
    "Darknet: Open Source Neural Networks in C",
    "Joseph Redmon",
    2016,
    venue="pjreddie/darknet, src/activations.h (also kept in AlexeyAB/darknet)",
)

FANN = Citation(
    "Fast Artificial Neural Network Library (FANN)",
    "Steffen Nissen",
    2003,
    venue="libfann/fann 2.2, src/include/fann_activation.h; steepness default from fann.h",
)

MLPACK = Citation(
    "mlpack 4: a fast, header-only C++ machine learning library",
    "Ryan R. Curtin, Marcus Edel, Omar Shrit, et al.",
    2023,
    venue="Journal of Open Source Software 8(82), 5026; "
    "src/mlpack/methods/ann/activation_functions/poisson1_function.hpp",
)

NEUROPH = Citation(
    "Neuroph: Java Neural Network Framework",
    "Zoran Sevarac",
    2008,
    venue="neuroph, org.neuroph.core.transfer.Trapezoid",
)

SHARPNEAT = Citation(
    "SharpNEAT: neuroevolution of augmenting topologies for .NET",
    "Colin D. Green",
    2023,
    venue="colgreen/sharpneat (SharpNEAT 4 code line, commit c306702), "
    "src/SharpNeat/NeuralNets/ActivationFunctions/",
)

MATHWORKS = Citation(
    "Neural Network Toolbox: elliot2sig, Elliot 2 symmetric sigmoid transfer function",
    "The MathWorks, Inc.",
    2012,
    venue="MATLAB R2012b, now Deep Learning Toolbox; +elliot2sig/apply.m",
)

MULTINEAT = Citation(
    "MultiNEAT: a portable software library for performing neuroevolution",
    "Peter Chervenski, Shane Ryan",
    2012,
    venue="peter-ch/MultiNEAT, src/NeuralNetwork.cpp, af_tanh_cubic",
)

YAO_2023 = Citation(
    "Zipformer: A faster and better encoder for automatic speech recognition",
    "Zengwei Yao, Liyong Guo, Xiaoyu Yang, Wei Kang, Fangjun Kuang, Yifan Yang, Zengrui Jin, "
    "Long Lin, Daniel Povey",
    2023,
    arxiv="2310.11230",
    venue="ICLR 2024; SwooshR and SwooshL of the icefall recipes (k2-fsa/icefall)",
)

POPOV_2019 = Citation(
    "Neural Oblivious Decision Ensembles for Deep Learning on Tabular Data",
    "Sergei Popov, Stanislav Morozov, Artem Babenko",
    2019,
    arxiv="1909.06312",
    venue="ICLR 2020; Entmoid15 of the authors' code, lib/nn_utils.py",
)


def _steepness() -> Param:
    return Param(
        "steepness",
        0.5,
        0.0,
        open_low=True,
        doc="FANN's activation steepness, multiplied into the neuron's sum (default 0.5)",
    )


def _stepwise(breaks: tuple[float, ...], values: tuple[float, ...], low: int, high: int) -> str:
    """FANN's fann_stepwise in v = steepness * x: ``low`` below the first break, linear
    interpolation of (break, value) pairs between breaks, ``high`` from the last break on."""
    v = "(steepness * x)"
    text = str(high)
    for i in reversed(range(len(breaks) - 1)):
        (v1, v2), (r1, r2) = breaks[i : i + 2], values[i : i + 2]
        segment = f"{r1!r} + {r2 - r1!r} * ({v} - {v1!r}) / {v2 - v1!r}"
        text = f"where({v} < {v2!r}, {segment}, {text})"
    return f"where({v} < {breaks[0]!r}, {low}, {text})"


# FANN_SIGMOID_STEPWISE: the points where 1 / (1 + exp(-2 v)) is 0.005, 0.05, 0.25, 0.75, 0.95
# and 0.995, as the float32 constants of fann_activation.h
_SIGMOID_BREAKS = (
    -2.64665246009826660156,
    -1.47221946716308593750,
    -0.549306154251098632812,
    0.549306154251098632812,
    1.47221934795379638672,
    2.64665293693542480469,
)
_SIGMOID_VALUES = (
    4.99999988824129104614e-03,
    5.00000007450580596924e-02,
    0.25,
    0.75,
    9.49999988079071044922e-01,
    9.95000004768371582031e-01,
)
# FANN_SIGMOID_SYMMETRIC_STEPWISE: the same for 2 / (1 + exp(-2 v)) - 1 = tanh(v)
_SYMMETRIC_BREAKS = (
    -2.64665293693542480469,
    -1.47221934795379638672,
    -0.549306154251098632812,
    0.549306154251098632812,
    1.47221934795379638672,
    2.64665293693542480469,
)
_SYMMETRIC_VALUES = (
    -9.90000009536743164062e-01,
    -8.99999976158142089844e-01,
    -0.5,
    0.5,
    8.99999976158142089844e-01,
    9.90000009536743164062e-01,
)

_FANN_GUARD = (
    " FANN clips the scaled sum to +-150 / steepness before the activation, a guard "
    "against overflow that the entry leaves out."
)


# x |x| / (1 + x^2), with the saturated branch written as sign(x) / (1 + x^-2) on an input kept
# away from 0, so that x^2 never overflows to inf / inf
_BEYOND_ONE = "where(abs(x) < 1, 1, x)"
_ELLIOT2 = f"where(abs(x) < 1, x * abs(x) / (1 + x**2), sign(x) / (1 + 1 / {_BEYOND_ONE} ** 2))"


# SwooshR near the origin, where softplus(-1) and 0.313261687 cancel to 5.2e-10: the
# difference softplus(x - 1) - softplus(-1) = log1p(sigmoid(-1) expm1(x)) and the residual
# softplus(-1) - 0.313261687 taken apart (the latter to double precision)
_SWOOSH_R_OFFSET = 5.182228340489955e-10
_SWOOSH_R = (
    "where(x < 10, log1p(sigmoid(-1) * expm1(min(x, 10))) - 0.08 * x + "
    f"{_SWOOSH_R_OFFSET!r}, softplus(x - 1) - 0.08 * x - 0.313261687)"
)


def _entmax15_of_pair(x: torch.Tensor) -> torch.Tensor:
    """The first component of 1.5-entmax of the pair (x, 0), p = relu(z / 2 - tau)^2 with tau
    found by bisection so that the pair sums to 1: the definition NODE's closed form replaces."""
    high = torch.clamp(x / 2, min=0)
    low = high - 1
    for _ in range(200):
        tau = (low + high) / 2
        total = torch.relu(x / 2 - tau) ** 2 + torch.relu(-tau) ** 2
        low, high = torch.where(total > 1, tau, low), torch.where(total > 1, high, tau)
    return torch.relu(x / 2 - (low + high) / 2) ** 2


SPECS: tuple[Spec, ...] = (
    Spec(
        name="plse",
        formula="where(x < -4, 0.01 * (x + 4), where(x > 4, 0.01 * (x - 4) + 1, 0.125 * x + 0.5))",
        family="sigmoidal",
        citation=DARKNET,
        aliases=("darknet_plse",),
        description="PLSE, Darknet's piecewise-linear sigmoid with leaky ends: the line "
        "x/8 + 1/2 between -4 and 4, where it runs from 0 to 1, continued with slope 0.01 "
        "outside, so that saturated units keep a small gradient. It is the hard sigmoid "
        "clamp(x/8 + 1/2, 0, 1) with leaky tails instead of flat ones.",
        properties=Properties(
            monotonic=True,
            lower=None,
            upper=None,
            smoothness="C0",
            zero_at_zero=False,
            zero_centered=True,
        ),
    ),
    Spec(
        name="lhtan",
        formula="where(x < 0, 0.001 * x, where(x > 1, 0.001 * (x - 1) + 1, x))",
        family="piecewise",
        citation=DARKNET,
        aliases=("leaky_hard_tanh", "darknet_lhtan"),
        description="LHTAN, Darknet's leaky hard tanh: the identity on [0, 1] and slope 0.001 "
        "on either side of it (below 0 and above 1), a clamp to [0, 1] whose saturated parts "
        "still pass a small gradient. Despite the name its linear part spans [0, 1], not "
        "[-1, 1].",
        properties=Properties(
            monotonic=True,
            lower=None,
            upper=None,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=True,
        ),
    ),
    Spec(
        name="fann_sigmoid_stepwise",
        formula=_stepwise(_SIGMOID_BREAKS, _SIGMOID_VALUES, 0, 1),
        family="sigmoidal",
        citation=FANN,
        params=(_steepness(),),
        aliases=("sigmoid_stepwise",),
        description="FANN_SIGMOID_STEPWISE, the library's fast stand-in for its sigmoid "
        "1 / (1 + exp(-2 v)), v = steepness x: linear interpolation between the six points "
        "where that sigmoid is 0.005, 0.05, 0.25, 0.75, 0.95 and 0.995 (v = +-0.549, "
        "+-1.472, +-2.647, stored as float32), 0 below the first and 1 from the last. The "
        "ends jump by 0.005 (to 0 and to 1), so the unit is discontinuous there. At the "
        "default steepness 1/2 it approximates the logistic sigmoid of x." + _FANN_GUARD,
        properties=Properties(
            monotonic=True,
            lower=0.0,
            upper=1.0,
            smoothness="discontinuous",
            zero_at_zero=False,
            zero_centered=False,
            sparse=True,
        ),
        references=(Reference("sigmoid", atol=0.035, note="within 0.035 of the logistic sigmoid"),),
    ),
    Spec(
        name="fann_sigmoid_symmetric_stepwise",
        formula=_stepwise(_SYMMETRIC_BREAKS, _SYMMETRIC_VALUES, -1, 1),
        family="sigmoidal",
        citation=FANN,
        params=(_steepness(),),
        aliases=("sigmoid_symmetric_stepwise",),
        description="FANN_SIGMOID_SYMMETRIC_STEPWISE, the stepwise stand-in for FANN's "
        "symmetric sigmoid 2 / (1 + exp(-2 v)) - 1 = tanh(v), v = steepness x: linear "
        "interpolation between the points where tanh is +-0.5, +-0.9 and +-0.99, -1 below "
        "the first and 1 from the last, with jumps of 0.01 at both ends. At the default "
        "steepness 1/2 it approximates tanh(x / 2)." + _FANN_GUARD,
        properties=Properties(
            monotonic=True,
            lower=-1.0,
            upper=1.0,
            smoothness="discontinuous",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: torch.tanh(x / 2),
                atol=0.07,
                note="within 0.07 of tanh(x / 2)",
            ),
        ),
    ),
    Spec(
        name="fann_gaussian_symmetric",
        formula="2 * exp(-(steepness * x) ** 2) - 1",
        family="radial",
        citation=FANN,
        params=(_steepness(),),
        aliases=("gaussian_symmetric", "bipolar_gaussian"),
        description="FANN_GAUSSIAN_SYMMETRIC, the Gaussian bump stretched to [-1, 1]: "
        "2 exp(-(steepness x)^2) - 1, which is 1 at the origin and tends to -1 on both "
        "sides; FANN_GAUSSIAN is the bump exp(-(steepness x)^2) itself. SharpNEAT's CPPN "
        "activation BipolarGaussian is the same function at steepness 2.5." + _FANN_GUARD,
        properties=Properties(
            monotonic=False,
            lower=-1.0,
            upper=1.0,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: 2 * torch.exp(-(x**2) / 4) - 1,
                atol=1e-12,
                note="2 exp(-x^2 / 4) - 1 at steepness 1/2",
            ),
        ),
    ),
    Spec(
        name="fann_sin",
        formula="(sin(steepness * x / 2) + cos(steepness * x / 2)) ** 2 / 2",
        published="sin(steepness * x) / 2 + 0.5",
        family="periodic",
        citation=FANN,
        params=(_steepness(),),
        description="FANN_SIN, a periodic unit with the range of a sigmoid: "
        "sin(steepness x) / 2 + 1/2, between 0 and 1 with period 2 pi / steepness (4 pi at "
        "the default). FANN_SIN_SYMMETRIC is sin(steepness x) itself. Evaluated as "
        "(sin(v / 2) + cos(v / 2))^2 / 2, v = steepness x, which keeps the relative accuracy "
        "next to the zeros that 1 + sin(v) loses." + _FANN_GUARD,
        properties=Properties(
            monotonic=False,
            lower=0.0,
            upper=1.0,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=False,
            period="2 * pi / steepness",
        ),
    ),
    Spec(
        name="fann_cos",
        formula="cos(steepness * x / 2) ** 2",
        published="cos(steepness * x) / 2 + 0.5",
        family="periodic",
        citation=FANN,
        params=(_steepness(),),
        description="FANN_COS, the cosine counterpart of FANN_SIN: cos(steepness x) / 2 + 1/2, "
        "an even periodic unit between 0 and 1 that is 1 at the origin, with period "
        "2 pi / steepness. FANN_COS_SYMMETRIC is cos(steepness x) itself. Evaluated as "
        "cos(steepness x / 2)^2, the same function without the cancellation of 1 + cos next "
        "to its zeros." + _FANN_GUARD,
        properties=Properties(
            monotonic=False,
            lower=0.0,
            upper=1.0,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=False,
            period="2 * pi / steepness",
        ),
    ),
    Spec(
        name="poisson1",
        formula="(min(x, 800) - 1) * exp(-x)",
        published="(x - 1) * exp(-x)",
        family="exponential",
        citation=MLPACK,
        aliases=("poisson_one",),
        description="mlpack's Poisson-one function (x - 1) e^(-x): -1 at the origin, 0 at "
        "x = 1, a maximum of e^(-2) at x = 2 and a decay to 0 beyond, while it falls "
        "without bound (exponentially) for negative x. mlpack names no paper for it. The "
        "factor x - 1 is capped at 799 in the evaluated form, where e^(-x) has long "
        "underflowed, so that f(+inf) is 0 rather than inf * 0.",
        properties=Properties(
            monotonic=False,
            lower=None,
            upper=0.1353352832366127,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=True,
        ),
    ),
    Spec(
        name="entmoid15",
        formula="0.5 + clamp(x, -2, 2) * sqrt(8 - clamp(x, -2, 2) ** 2) / 8",
        published="where(x >= 0, 1 - (sqrt(8 - min(abs(x), 2) ** 2) - min(abs(x), 2)) ** 2 / 16, "
        "(sqrt(8 - min(abs(x), 2) ** 2) - min(abs(x), 2)) ** 2 / 16)",
        family="sigmoidal",
        citation=POPOV_2019,
        aliases=("entmoid",),
        description="Entmoid15, the two-class 1.5-entmax as a sigmoid: the first component "
        "of entmax15((x, 0)), which NODE's oblivious decision trees use to choose splits. "
        "The authors' code evaluates it in closed form on |x| (as 1 - y for x >= 0 and y "
        "below, with y = (tau - |x|)^2 / 4 and tau = (|x| + sqrt(8 - x^2)) / 2); both "
        "branches reduce to 1/2 + u sqrt(8 - u^2) / 8 with u = clamp(x, -2, 2), the form "
        "evaluated here. It reaches exactly 0 at x = -2 and 1 at x = 2, which makes the "
        "split choice sparse, and is C1 there. NODE's sparsemoid, clamp((x + 1) / 2, 0, 1), "
        "is the hard sigmoid.",
        properties=Properties(
            monotonic=True,
            lower=0.0,
            upper=1.0,
            smoothness="C1",
            zero_at_zero=False,
            zero_centered=False,
            sparse=True,
        ),
        references=(Reference(_entmax15_of_pair, atol=1e-12, note="entmax15 of the pair (x, 0)"),),
    ),
    Spec(
        name="trapezoid",
        formula="clamp(min((x - a) / (b - a), (d - x) / (d - c)), 0, 1)",
        family="piecewise",
        citation=NEUROPH,
        params=(
            Param("a", 0.0, doc="left foot: 0 at and below it (leftLow)"),
            Param("b", 1.0, doc="left shoulder: 1 from here (leftHigh), b > a"),
            Param("c", 2.0, doc="right shoulder: 1 up to here (rightHigh), c >= b"),
            Param("d", 3.0, doc="right foot: 0 at and beyond it (rightLow), d > c"),
        ),
        aliases=("fuzzy_trapezoid",),
        description="Neuroph's fuzzy trapezoid transfer function, a membership function used "
        "as a neuron's activation: 0 up to a, rising linearly to 1 at b, 1 on [b, c], "
        "falling linearly to 0 at d and 0 beyond, with Neuroph's defaults a = 0, b = 1, "
        "c = 2, d = 3 (its leftLow, leftHigh, rightHigh, rightLow). The corner points must "
        "keep the order a < b <= c < d.",
        properties=Properties(
            monotonic=False,
            lower=0.0,
            upper=1.0,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=False,
            sparse=True,
        ),
    ),
    Spec(
        name="sharpneat_arcsinh",
        formula="1.2567348023993685 * (asinh(x) + 1) / 2",
        family="sigmoidal",
        citation=SHARPNEAT,
        description="SharpNEAT's ArcSinH activation, the inverse hyperbolic sine shifted up by "
        "1 and scaled by K / 2 with K = 1.2567348023993685, a scale the code attributes to "
        "an online discussion of self-normalizing networks: K (asinh(x) + 1) / 2, which is "
        "0.628 at the origin and grows logarithmically on both sides.",
        properties=Properties(
            monotonic=True,
            lower=None,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=True,
        ),
    ),
    Spec(
        name="leaky_relu_shifted",
        formula="where(x + 0.5 < 0, 0.001 * (x + 0.5), x + 0.5)",
        family="piecewise",
        citation=SHARPNEAT,
        description="SharpNEAT's LeakyReLUShifted: the leaky ReLU with slope 0.001 applied to "
        "x + 1/2, so that the unit gives 1/2 at the origin like the logistic sigmoid.",
        properties=Properties(
            monotonic=True,
            lower=None,
            upper=None,
            smoothness="C0",
            zero_at_zero=False,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: torch.nn.functional.leaky_relu(x + 0.5, 0.001),
                atol=1e-12,
                note="torch's leaky_relu of x + 1/2",
            ),
        ),
    ),
    Spec(
        name="elliot2sig",
        formula=_ELLIOT2,
        published="sign(x) * x**2 / (1 + x**2)",
        family="sigmoidal",
        citation=MATHWORKS,
        aliases=("elliot2_symmetric_sigmoid",),
        description="MATLAB's elliot2sig, the 'Elliot 2' symmetric sigmoid "
        "sign(x) x^2 / (1 + x^2): like Elliott's x / (1 + |x|) it needs no exponential, "
        "but it approaches +-1 like 1 - 1/x^2 instead of 1 - 1/|x|, so it saturates "
        "faster. Its slope 2|x| / (1 + x^2)^2 vanishes at the origin, unlike a classic "
        "sigmoid's, and its second derivative jumps there from -2 to 2, so it is C1. "
        "Evaluated with the saturated branch as sign(x) / (1 + x^-2) for |x| >= 1 "
        "so that x^2 cannot overflow.",
        properties=Properties(
            monotonic=True,
            lower=-1.0,
            upper=1.0,
            smoothness="C1",
            zero_at_zero=True,
            zero_centered=True,
        ),
    ),
    Spec(
        name="tanh_cubic",
        formula="tanh(clamp(x, -4, 4) ** 3)",
        published="tanh(x**3)",
        family="sigmoidal",
        citation=MULTINEAT,
        description="MultiNEAT's TANH_CUBIC activation tanh(x^3), here at unit slope "
        "(MultiNEAT multiplies x^3 by the neuron's evolved slope A): a tanh whose slope "
        "vanishes at the origin (|f| < 1/8 for |x| < 1/2) and which saturates more sharply "
        "beyond. The input is clamped to [-4, 4] where tanh(64) is already 1 in float64, "
        "which keeps x^3 and the gradient 3 x^2 sech^2(x^3) from overflowing.",
        properties=Properties(
            monotonic=True,
            lower=-1.0,
            upper=1.0,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
        ),
    ),
    Spec(
        name="swoosh_r",
        checked_against="secondary",
        formula=_SWOOSH_R,
        published="log(1 + exp(x - 1)) - 0.08 * x - 0.313261687",
        family="smooth",
        citation=YAO_2023,
        aliases=("swooshr",),
        description="SwooshR, one of the two activations of the Zipformer speech encoder: "
        "softplus(x - 1) - 0.08 x - 0.313261687. The constant is softplus(-1) to nine "
        "digits, so the curve passes (within 5.2e-10) through the origin; the -0.08 x term "
        "keeps a slope of -0.08 on the left, where Swish's gradient vanishes, and the slope "
        "tends to 0.92 on the right. It dips to -0.1145 at x = 1 + ln(0.08 / 0.92). Below x = 10 "
        "it is evaluated as log1p(sigmoid(-1) expm1(x)) - 0.08 x + 5.18e-10, which keeps "
        "the relative accuracy next to the origin that the cancellation loses. The "
        "abstract names SwooshR and SwooshL; the constants were read from implementations "
        "of the authors' icefall code.",
        properties=Properties(
            monotonic=False,
            lower=-0.1144923152314126,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=True,
        ),
    ),
    Spec(
        name="swoosh_l",
        checked_against="secondary",
        formula="softplus(x - 4) - 0.08 * x - 0.035",
        published="log(1 + exp(x - 4)) - 0.08 * x - 0.035",
        family="smooth",
        citation=YAO_2023,
        aliases=("swooshl",),
        description="SwooshL, the Zipformer's second activation: softplus(x - 4) - 0.08 x "
        "- 0.035, SwooshR's shape moved right by 3 with a smaller offset, so that it is "
        "-0.017 at the origin, dips to -0.0762 at x = 4 + ln(0.08 / 0.92) and is positive "
        "(slope 0.92) only well beyond; the Zipformer uses it where the input is mostly "
        "negative. The constants were read from implementations of the authors' icefall "
        "code.",
        properties=Properties(
            monotonic=False,
            lower=-0.07623062823141259,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=True,
        ),
    ),
)
