"""Nonlinearities defined in the source code of neural-network libraries rather than in a paper:
the leaky piecewise-linear units of Darknet, the stepwise, Gaussian and trigonometric
activations of FANN with its steepness, mlpack's Poisson unit, Neuroph's fuzzy trapezoid and
MATLAB's Elliot 2 sigmoid. Each entry is the function at the library's own constants and
defaults; names a library uses for functions already in the catalog are aliases there."""

import torch

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

DARKNET = Citation(
    "Darknet: Open Source Neural Networks in C",
    "Joseph Redmon",
    2016,
    venue="pjreddie/darknet, src/activations.h (as kept in AlexeyAB/darknet, commit a234a50)",
)

FANN = Citation(
    "Fast Artificial Neural Network Library (FANN)",
    "Steffen Nissen",
    2003,
    venue="libfann/fann (commit 0ecce54), src/include/fann_activation.h; default steepness "
    "0.5 as documented in fann_train.h",
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

MATHWORKS = Citation(
    "Neural Network Toolbox: elliot2sig, Elliot 2 symmetric sigmoid transfer function",
    "The MathWorks, Inc.",
    2012,
    venue="MATLAB R2012b, now Deep Learning Toolbox; +elliot2sig/apply.m",
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

# FANN_SIN and FANN_COS: periodic, between 0 and 1
_FANN_PERIODIC = Properties(
    monotonic=False,
    lower=0.0,
    upper=1.0,
    smoothness="Cinf",
    zero_at_zero=False,
    zero_centered=False,
    period="2 * pi / steepness",
)


# x |x| / (1 + x^2), with the saturated branch written as sign(x) / (1 + x^-2) on an input kept
# away from 0, so that x^2 never overflows to inf / inf
_BEYOND_ONE = "where(abs(x) < 1, 1, x)"
_ELLIOT2 = f"where(abs(x) < 1, x * abs(x) / (1 + x**2), sign(x) / (1 + 1 / {_BEYOND_ONE} ** 2))"


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
        properties=_FANN_PERIODIC,
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
        properties=_FANN_PERIODIC,
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
)
