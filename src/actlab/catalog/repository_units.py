"""Units whose complete definition, with default or initial parameter values, is fixed by their
authors' released code: the N-activation of 1-Lipschitz networks, the Analog Activation Function
(TAAF) and its companion Emergent Linearizing Unit, and the sine-cosine wave activation of
PINNsFormer."""

import math

import torch

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

PRACH_LAMPERT_2023 = Citation(
    "1-Lipschitz Neural Networks are more expressive with N-Activations",
    "Bernd Prach, Christoph H. Lampert",
    2023,
    arxiv="2311.06103",
)
CHATFIELD_2025 = Citation(
    "The Analog Activation Function (TAAF) of Emergent Linear Systems: Evaluating the "
    "Performance of The Analog Activation Function (TAAF) on MNIST and CIFAR-10 Datasets",
    "Bryn T. Chatfield",
    2025,
    venue="preprint (academia.edu 127610553)",
)
ZHAO_2024 = Citation(
    "PINNsFormer: A Transformer-Based Framework For Physics-Informed Neural Networks",
    "Zhiyuan Zhao, Xueying Ding, B. Aditya Prakash",
    2024,
    arxiv="2307.11833",
    venue="ICLR 2024",
)

SPECS: tuple[Spec, ...] = (
    Spec(
        name="n_activation",
        formula="x - 2 * clamp(x, min(theta1, theta2), max(theta1, theta2))",
        published="where(x < theta1, x - 2 * theta1, where(x < theta2, -x, x - 2 * theta2))",
        family="piecewise",
        citation=PRACH_LAMPERT_2023,
        aliases=("nactivation",),
        params=(
            Param("theta1", -1.0, learnable=True, doc="lower knot (initialized to -1)"),
            Param("theta2", 0.0, learnable=True, doc="upper knot (initialized to 0)"),
        ),
        description="N-activation: slope 1 below theta1, slope -1 between the knots and slope 1 "
        "above theta2 (x - 2 theta1, -x, x - 2 theta2), a continuous N-shaped curve whose "
        "slopes are all +-1, so it keeps a network 1-Lipschitz and gradient-norm preserving "
        "while acting on single coordinates, unlike MaxMin's pairs. The two knots are trained "
        "per channel; the authors' code sorts them and starts them at (-1, 0) (other channels "
        "at (0, 0), the identity), the defaults here. Written as x - 2 clamp(x, theta_lo, "
        "theta_hi), the same function; equal knots give the identity.",
        properties=Properties(
            monotonic=False,
            lower=None,
            upper=None,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(
                "identity",
                params={"theta1": 0.0, "theta2": 0.0},
                atol=0.0,
                note="equal knots give the identity",
            ),
            Reference(
                lambda x: torch.where(x < -1, x + 2, torch.where(x < 0, -x, x)),
                atol=0.0,
                note="the three lines at the initial knots (-1, 0)",
            ),
        ),
        checked_against="original",
    ),
    Spec(
        name="taaf",
        formula="tanh((x * x - x) / 2) / 2",
        published="exp(-x) / (exp(-x) + exp(-x**2)) - 1 / 2",
        family="sigmoidal",
        citation=CHATFIELD_2025,
        aliases=("analog_activation_function",),
        description="The Analog Activation Function e^-x / (e^-x + e^-x^2) - 1/2 = "
        "sigmoid(x^2 - x) - 1/2: zero at 0 and 1, slightly negative between them (least "
        "tanh(-1/8)/2 = -0.0622 at x = 1/2) and rising to 1/2 on both sides, so it is even-like "
        "far from the origin and not monotonic. Parameter-free; formula from the author's "
        "code. Evaluated as tanh((x^2 - x)/2)/2, which keeps relative accuracy near the zeros.",
        properties=Properties(
            monotonic=False,
            lower=-0.0621765008857981,
            upper=0.5,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: torch.sigmoid(x * x - x) - 0.5,
                atol=1e-15,
                note="sigmoid(x^2 - x) - 1/2",
            ),
        ),
        checked_against="original",
    ),
    Spec(
        name="emergent_linearizing_unit",
        formula="tanh(alpha * x) + beta * x / (1 + abs(x))",
        family="sigmoidal",
        citation=CHATFIELD_2025,
        params=(
            Param("alpha", 1.0, learnable=True, doc="input scale of the tanh"),
            Param("beta", 1.0, learnable=True, doc="weight of the softsign term"),
        ),
        description="Emergent Linearizing Unit tanh(alpha x) + beta x / (1 + |x|), the "
        "companion unit of TAAF in the same work: a tanh plus a softsign, whose slower "
        "algebraic saturation keeps the response closer to linear over a wider range. Both "
        "parameters may be trained and start at 1 (author's code). Range (-2, 2) at the "
        "defaults; the softsign makes the second derivative jump at 0.",
        properties=Properties(
            monotonic=True,
            lower=-2.0,
            upper=2.0,
            smoothness="C1",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: torch.tanh(x) + torch.nn.functional.softsign(x),
                atol=1e-15,
                note="tanh + softsign at the defaults",
            ),
            Reference("tanh", params={"beta": 0.0}, atol=0.0, note="beta = 0 is tanh"),
        ),
        checked_against="original",
    ),
    Spec(
        name="wave_act",
        formula="w1 * sin(x) + w2 * cos(x)",
        family="periodic",
        citation=ZHAO_2024,
        aliases=("wavelet_activation", "pinnsformer_wavelet"),
        params=(
            Param("w1", 1.0, learnable=True, doc="weight of sin(x) (initialized to 1)"),
            Param("w2", 1.0, learnable=True, doc="weight of cos(x) (initialized to 1)"),
        ),
        description="PINNsFormer's wavelet activation w1 sin(x) + w2 cos(x) with both weights "
        "trained and started at 1 (authors' code), used throughout its encoder, decoder and "
        "output MLP in place of tanh or ReLU; the paper motivates it as a one-term Fourier "
        "expansion able to approximate any function through the network. A sinusoid "
        "sqrt(w1^2 + w2^2) sin(x + atan2(w2, w1)) of period 2 pi; at the initial weights it is "
        "sqrt(2) sin(x + pi/4), the parameter-free sine_cosine.",
        properties=Properties(
            monotonic=False,
            lower=-math.sqrt(2),
            upper=math.sqrt(2),
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=True,
            period="2 * pi",
        ),
        references=(
            Reference("sine_cosine", atol=1e-15, note="the initial weights w1 = w2 = 1"),
            Reference("sin", params={"w1": 1.0, "w2": 0.0}, atol=0.0, note="w2 = 0 is sin"),
        ),
        checked_against="original",
    ),
)
