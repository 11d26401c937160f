"""Units whose complete definition, with default or initial parameter values, is fixed by their
authors' released code: the N-activation of 1-Lipschitz networks, the Analog Activation Function
(TAAF) and its companion Emergent Linearizing Unit, the invertible value rescaling of value-based
reinforcement learning and its inverse, and the sine-cosine wave activation of PINNsFormer."""

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
POHLEN_2018 = Citation(
    "Observe and Look Further: Achieving Consistent Performance on Atari",
    "Tobias Pohlen, Bilal Piot, Todd Hester et al.",
    2018,
    arxiv="1805.11593",
)

ZHAO_2024 = Citation(
    "PINNsFormer: A Transformer-Based Framework For Physics-Informed Neural Networks",
    "Zhiyuan Zhao, Xueying Ding, B. Aditya Prakash",
    2024,
    arxiv="2307.11833",
    venue="ICLR 2024",
)

# Strictly increasing, odd, unbounded, with a jump of f'' at 0: the value rescaling and its inverse.
_ODD_UNBOUNDED_C1 = Properties(
    monotonic=True,
    lower=None,
    upper=None,
    smoothness="C1",
    zero_at_zero=True,
    zero_centered=True,
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
        name="value_rescale",
        formula="x / (sqrt(abs(x) + 1) + 1) + eps * x",
        published="sign(x) * (sqrt(abs(x) + 1) - 1) + eps * x",
        family="unbounded",
        citation=POHLEN_2018,
        aliases=("signed_hyperbolic", "h_transform"),
        params=(Param("eps", 0.01, 0.0, doc="linear term keeping the inverse Lipschitz"),),
        description="Invertible value rescaling h(x) = sign(x)(sqrt(|x| + 1) - 1) + eps x of "
        "the transformed Bellman operator (Ape-X DQfD, R2D2-style agents; MuZero and its "
        "successors use it with eps = 0.001), squashing returns of any scale roughly like a "
        "square root while staying strictly increasing with a closed-form inverse. Slope "
        "1/2 + eps at 0, where the second derivative jumps. eps = 0.01 as in the paper and "
        "its reproductions. Evaluated as x / (sqrt(|x| + 1) + 1) + eps x, free of the "
        "cancellation in sqrt(|x| + 1) - 1.",
        properties=_ODD_UNBOUNDED_C1,
        references=(
            Reference(
                lambda x: torch.sign(x) * (torch.sqrt(torch.abs(x) + 1) - 1) + 0.01 * x,
                atol=1e-12,
                note="the paper's form at eps = 0.01",
            ),
        ),
        checked_against="secondary",
    ),
    Spec(
        name="value_rescale_inverse",
        formula="where(x >= 1, ((sqrt((1 + 2 * eps) ** 2 + 4 * eps * x) - 1) / (2 * eps)) ** 2 "
        "- 1, where(x <= -1, 1 - ((sqrt((1 + 2 * eps) ** 2 - 4 * eps * x) - 1) / (2 * eps)) ** 2, "
        "clamp(x, -1, 1) * (sqrt((1 + 2 * eps) ** 2 + 4 * eps * abs(clamp(x, -1, 1))) - 1 + 2 "
        "* eps) / (eps * (sqrt((1 + 2 * eps) ** 2 + 4 * eps * abs(clamp(x, -1, 1))) + 1 + 2 * "
        "eps))))",
        published="sign(x) * (((sqrt(1 + 4 * eps * (abs(x) + 1 + eps)) - 1) / (2 * eps)) ** 2 - 1)",
        family="unbounded",
        citation=POHLEN_2018,
        aliases=("signed_parabolic", "h_inverse"),
        params=(
            Param("eps", 0.01, 0.0, open_low=True, doc="linear term of the forward rescaling h"),
        ),
        description="Closed-form inverse of the value rescaling h (value_rescale), "
        "sign(x)((sqrt(1 + 4 eps (|x| + 1 + eps)) - 1)/(2 eps))^2 - 1): it maps the network's "
        "rescaled value outputs back to returns when forming bootstrap targets. Grows like "
        "x^2 near moderate x and like x/eps far out; slope 2/(1 + 2 eps) at 0, where the second "
        "derivative jumps. eps = 0.01 as in the paper and its reproductions. With s = sqrt((1 + 2 "
        "eps)^2 + 4 eps |x|), evaluated for |x| < 1 as x (s - 1 + 2 eps) / (eps (s + 1 + 2 "
        "eps)), which has no cancellation near 0, and beyond as +-(((s - 1)/(2 eps))^2 - "
        "1), which never forms the overflowing x / eps.",
        properties=_ODD_UNBOUNDED_C1,
        references=(
            Reference(
                lambda x: (
                    torch.sign(x)
                    * (((torch.sqrt(1 + 0.04 * (torch.abs(x) + 1.01)) - 1) / 0.02) ** 2 - 1)
                ),
                atol=1e-9,
                note="the paper's form at eps = 0.01",
            ),
        ),
        checked_against="secondary",
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
