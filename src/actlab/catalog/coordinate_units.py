"""Units of coordinate networks (implicit neural representations) and of the Fourier and wavelet
networks before them: the ReLU-built B-spline wavelet of ReLU-only implicit representations and
Gallant and White's cosine squasher, the half-period of a cosine that makes a squashing network a
Fourier network. The multi-quadratic of non-periodic coordinate MLPs is the radial kernels'
inverse_multiquadric."""

import math

import torch
import torch.nn.functional as F

from actlab.catalog.spec import Citation, Properties, Reference, Spec

SHENOUDA_2024 = Citation(
    "ReLUs Are Sufficient for Learning Implicit Neural Representations",
    "Joseph Shenouda, Yamin Zhou, Robert D. Nowak",
    2024,
    arxiv="2406.02529",
    venue="ICML 2024",
)
GALLANT_WHITE_1988 = Citation(
    "There Exists a Neural Network That Does Not Make Avoidable Mistakes",
    "A. Ronald Gallant, Halbert White",
    1988,
    venue="IEEE International Conference on Neural Networks 1988, vol. I, 657-664",
)

# The B-spline wavelet as the authors' code builds it: seven ReLUs with knots at 0, 1/2, ..., 3.
_BSPLINE_WAVELET_RELUS = (
    "(relu(x) - 8 * relu(x - 1 / 2) + 23 * relu(x - 1) - 32 * relu(x - 3 / 2) "
    "+ 23 * relu(x - 2) - 8 * relu(x - 5 / 2) + relu(x - 3)) / 6"
)


def _bspline_wavelet_relus(x: torch.Tensor) -> torch.Tensor:
    knots = ((1, 0.0), (-8, 0.5), (23, 1.0), (-32, 1.5), (23, 2.0), (-8, 2.5), (1, 3.0))
    return sum(c * F.relu(x - k) for c, k in knots) / 6


SPECS: tuple[Spec, ...] = (
    Spec(
        name="bspline_wavelet",
        published=_BSPLINE_WAVELET_RELUS,
        formula="where(x <= 0, 0, where(x <= 1 / 2, x / 6, where(x <= 1, -7 / 6 * (x - 4 / 7), "
        "where(x <= 3 / 2, 8 / 3 * (x - 19 / 16), where(x <= 2, -8 / 3 * (x - 29 / 16), "
        "where(x <= 5 / 2, 7 / 6 * (x - 17 / 7), where(x < 3, (3 - x) / 6, 0)))))))",
        family="piecewise",
        citation=SHENOUDA_2024,
        aliases=("bw_relu", "relu_bspline_wavelet"),
        description="Second-order B-spline wavelet built from seven ReLUs (BW-ReLU), (relu(x) - "
        "8 relu(x - 1/2) + 23 relu(x - 1) - 32 relu(x - 3/2) + 23 relu(x - 2) - 8 relu(x - 5/2) "
        "+ relu(x - 3)) / 6, with which a network of ReLU neurons learns implicit representations "
        "despite the spectral bias; formula from the authors' code. The paper's scale c multiplies "
        "the input and belongs to the preceding layer here (the code's default is c = 1). A "
        "piecewise-linear wavelet supported on [0, 3], symmetric about 3/2, with values 1/12, "
        "-1/2, 5/6, -1/2, 1/12 at the knots 1/2, 1, ..., 5/2. Evaluated piece by piece, each "
        "piece written about its own zero, which keeps relative accuracy at the four zero "
        "crossings and gives exact zeros outside [0, 3], where the seven ReLUs cancel only up to "
        "rounding.",
        properties=Properties(
            monotonic=False,
            lower=-0.5,
            upper=5 / 6,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=True,
            sparse=True,
        ),
        references=(
            Reference(
                _bspline_wavelet_relus,
                atol=1e-12,
                note="= the sum of seven ReLUs of the authors' code",
            ),
        ),
    ),
    Spec(
        name="cosine_squasher",
        published="where(x < -pi / 2, 0, where(x > pi / 2, 1, (1 + cos(x + 3 * pi / 2)) / 2))",
        formula="sin((clamp(x, -pi / 2, pi / 2) + pi / 2) / 2)**2",
        family="sigmoidal",
        citation=GALLANT_WHITE_1988,
        aliases=("gallant_white_cosine",),
        description="Cosine squasher of Gallant and White: 0 below -pi/2, 1 above pi/2 and "
        "(1 + cos(x + 3 pi/2)) / 2 = (1 + sin x) / 2 between, half a period of a cosine joined "
        "flat to both saturation levels. With it a single-hidden-layer network embeds a Fourier "
        "network, and so approximates any square-integrable function. Monotone and C1: the slope "
        "cos(x) / 2 vanishes at both joints, where the curvature jumps. Formula as the later "
        "literature that cites the paper states it (the paper's body was not read). Evaluated as "
        "sin^2((x + pi/2) / 2) of the input clamped to [-pi/2, pi/2], which keeps relative "
        "accuracy where it leaves 0.",
        checked_against="secondary",
        properties=Properties(
            monotonic=True,
            lower=0.0,
            upper=1.0,
            smoothness="C1",
            zero_at_zero=False,
            zero_centered=False,
            sparse=True,
        ),
        references=(
            Reference(
                lambda x: (1 + torch.sin(x.clamp(-math.pi / 2, math.pi / 2))) / 2,
                atol=1e-12,
                note="= (1 + sin x) / 2 on [-pi/2, pi/2], clamped outside",
            ),
        ),
    ),
)
