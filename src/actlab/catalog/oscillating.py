"""Oscillating units with several zeros, so that a single neuron can separate XOR (survey sections
3.34-3.45): the four units of Noel et al. (shifted quadratic, non-monotonic cubic, shifted sinc,
decaying sine) and the amplifying sine unit."""

import math

import torch

from actlab.catalog.spec import Citation, Properties, Reference, Spec

NOEL_2021_OSC = Citation(
    "Biologically Inspired Oscillating Activation Functions Can Bridge the Performance Gap "
    "between Biological and Artificial Neurons",
    "Matthew Mithra Noel, Shubham Bharadwaj, Venkataraman Muthiah-Nakarajan, Praneet Dutta, "
    "Geraldine Bessie Amali",
    2021,
    arxiv="2111.04020",
)

RAHMAN_2023 = Citation(
    "Amplifying Sine Unit: An Oscillatory Activation Function for Deep Neural Networks to Recover "
    "Nonlinear Oscillations Efficiently",
    "Jamshaid Ul Rahman et al.",
    2023,
    arxiv="2304.09759",
)

# sin(u) / u with its removable singularity: 1 - u^2/6 + u^4/120 below |u| = 0.01 (error < 2e-16).
_SINC_SHIFTED_RIGHT = (
    "where(abs(x - pi) < 0.01, 1 - (x - pi)**2 * (1 / 6 - (x - pi)**2 / 120), "
    "sin(x - pi) / (x - pi))"
)
_SINC_SHIFTED_LEFT = (
    "where(abs(x + pi) < 0.01, 1 - (x + pi)**2 * (1 / 6 - (x + pi)**2 / 120), "
    "sin(x + pi) / (x + pi))"
)

_OSCILLATING = dict(monotonic=False, smoothness="Cinf", zero_at_zero=True, zero_centered=True)

SPECS: tuple[Spec, ...] = (
    Spec(
        name="ncu",
        formula="x - x**3",
        family="polynomial",
        citation=NOEL_2021_OSC,
        aliases=("non_monotonic_cubic_unit",),
        description="Non-monotonic cubic unit x - x^3, zero at 0 and +-1.",
        properties=Properties(lower=None, upper=None, **_OSCILLATING),
    ),
    Spec(
        name="squ",
        formula="x**2 + x",
        family="polynomial",
        citation=NOEL_2021_OSC,
        aliases=("shifted_quadratic_unit",),
        description="Shifted quadratic unit x^2 + x, minimum -1/4 at x = -1/2.",
        properties=Properties(lower=-0.25, upper=None, **_OSCILLATING),
    ),
    Spec(
        name="ssu",
        formula=f"pi * {_SINC_SHIFTED_RIGHT}",
        family="periodic",
        citation=NOEL_2021_OSC,
        aliases=("shifted_sinc_unit",),
        description="Shifted sinc unit pi sinc(x - pi) with the unnormalized sinc sin(u)/u: zero "
        "at 0 and every multiple of pi except pi, where it peaks at pi. Near x = pi "
        "sinc is evaluated by its Taylor series.",
        properties=Properties(lower=-0.68245957051, upper=3.141592653589793, **_OSCILLATING),
    ),
    Spec(
        name="dsu",
        formula=f"pi / 2 * ({_SINC_SHIFTED_RIGHT} - {_SINC_SHIFTED_LEFT})",
        family="periodic",
        citation=NOEL_2021_OSC,
        aliases=("decaying_sine_unit",),
        description="Decaying sine unit (pi / 2)(sinc(x - pi) - sinc(x + pi)) = pi^2 sin(x) / "
        "(pi^2 - x^2): an odd, sine-like oscillation whose amplitude decays as 1/x^2.",
        properties=Properties(lower=-1.636408136825, upper=1.636408136825, **_OSCILLATING),
        references=(
            Reference(
                lambda x: math.pi**2 * torch.sin(x) / (math.pi**2 - x * x),
                atol=1e-9,
                note="= pi^2 sin(x) / (pi^2 - x^2)",
            ),
        ),
    ),
    Spec(
        name="asu",
        formula="x * sin(x)",
        family="periodic",
        citation=RAHMAN_2023,
        aliases=("amplifying_sine_unit",),
        description="Amplifying sine unit x sin(x), the sine counterpart of the growing cosine "
        "unit x cos(x): an even function whose oscillation grows linearly.",
        properties=Properties(lower=None, upper=None, **_OSCILLATING),
        references=(
            Reference(
                lambda x: x * torch.cos(x - math.pi / 2),
                atol=1e-9,
                note="= x cos(x - pi/2), GCU with its input shifted",
            ),
        ),
    ),
)
