"""Classic transfer and squashing functions of neural-network toolboxes and of the universal
approximation literature: MATLAB's Elliot 2 sigmoid and FANN's stepwise linear sigmoid (Gallant
and White's cosine squasher is with the coordinate units). The survey of Kunc and Kléma
(arXiv:2402.09092) lists none of them.
MATLAB's other elementwise transfer functions are other entries: elliotsig is softsign, satlin
clipped_relu at cap = 1, satlins hardtanh, tribas tent, radbas gaussian, poslin relu."""

import math

import torch

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

MATLAB_ELLIOT2SIG = Citation(
    "elliot2sig: Elliot 2 symmetric sigmoid transfer function",
    "The MathWorks",
    2012,
    venue="MATLAB Neural Network (Deep Learning) Toolbox, R2012b",
)

NISSEN_2003 = Citation(
    "Implementation of a Fast Artificial Neural Network Library (fann)",
    "Steffen Nissen",
    2003,
    venue="Technical report, DIKU, University of Copenhagen; FANN's FANN_SIGMOID_STEPWISE "
    "(fann_activation.h)",
)

# FANN_SIGMOID_STEPWISE: linear interpolation of sigmoid(2u) through the points where it takes
# the values 0.005, 0.05, 0.25, 0.75, 0.95, 0.995 (u = logit(r) / 2), 0 below and 1 above, at
# u = s x. Tested from the top, and with u < v1 as the innermost test, so that NaN reaches a
# linear piece and stays NaN.
_FANN_R = (0.005, 0.05, 0.25, 0.75, 0.95, 0.995)
_FANN_V = tuple(0.5 * math.log(r / (1 - r)) for r in _FANN_R)


def _fann_piece(i: int) -> str:
    """The linear piece between breakpoints i and i + 1, in u = s x, as formula text."""
    (v1, v2), (r1, r2) = _FANN_V[i : i + 2], _FANN_R[i : i + 2]
    return f"({r1!r} + {(r2 - r1) / (v2 - v1)!r} * (s * x - {v1!r}))"


_FANN_STEPWISE = (
    f"where(s * x >= {_FANN_V[5]!r}, 1, where(s * x >= {_FANN_V[4]!r}, {_fann_piece(4)}, "
    f"where(s * x >= {_FANN_V[3]!r}, {_fann_piece(3)}, where(s * x >= {_FANN_V[2]!r}, "
    f"{_fann_piece(2)}, where(s * x >= {_FANN_V[1]!r}, {_fann_piece(1)}, "
    f"where(s * x < {_FANN_V[0]!r}, 0, {_fann_piece(0)}))))))"
)

SPECS: tuple[Spec, ...] = (
    Spec(
        name="elliot2sig",
        formula="where(abs(x) < 1, x * abs(x) / (1 + x * x), sign(x) / (1 + 1 / (x * x)))",
        published="sign(x) * x**2 / (1 + x**2)",
        family="sigmoidal",
        citation=MATLAB_ELLIOT2SIG,
        aliases=("elliot2", "elliott2"),
        description="MATLAB's Elliot 2 symmetric sigmoid sign(x) x^2 / (1 + x^2), a variation "
        "of the Elliott sigmoid (elliotsig, x/(1 + |x|), entry softsign) without exponentials "
        "that approaches +-1 as 1 - 1/x^2, faster than elliotsig's 1 - 1/|x| (closer to "
        "tansig, as the toolbox puts it), but is flat at the "
        "origin (slope 2|x|/(1 + x^2)^2, 0 at 0). C1: f'' jumps from -2 to 2 at 0. Evaluated "
        "as sign(x)/(1 + 1/x^2) for |x| >= 1, so that x^2 does not overflow float16. The form "
        "is the toolbox's documented transfer function, checked against its derivative code.",
        properties=Properties(
            monotonic=True,
            lower=-1.0,
            upper=1.0,
            smoothness="C1",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: torch.sign(x) * x * x / (1 + x * x),
                atol=1e-12,
                note="= sign(x) x^2 / (1 + x^2)",
            ),
        ),
    ),
    Spec(
        name="fann_sigmoid_stepwise",
        formula=_FANN_STEPWISE,
        family="sigmoidal",
        citation=NISSEN_2003,
        params=(Param("s", 0.5, 0.0, open_low=True, doc="activation steepness (FANN default)"),),
        aliases=("sigmoid_stepwise",),
        description="FANN's stepwise linear sigmoid: the library's sigmoid 1/(1 + e^(-2 s x)) "
        "replaced by straight lines through the six points where it equals 0.005, 0.05, "
        "0.25, 0.75, 0.95 and 0.995 (s x = +-ln(3)/2, +-ln(19)/2, +-ln(199)/2), 0 below the "
        "first and 1 above the last, so that it jumps by 0.005 at s x = +-ln(199)/2 "
        "(discontinuous, still non-decreasing). At the default steepness s = 0.5 it stands "
        "for the logistic sigmoid, with breakpoints at x = +-1.10, +-2.94, +-5.29. The "
        "library stores the breakpoints and values as float32 constants (equal to these to "
        "about 1e-7); FANN_SIGMOID_SYMMETRIC_STEPWISE is 2 f - 1.",
        properties=Properties(
            monotonic=True,
            lower=0.0,
            upper=1.0,
            smoothness="discontinuous",
            zero_at_zero=False,
            zero_centered=False,
            sparse=True,
        ),
        references=(Reference("sigmoid", atol=0.035, note="within 0.035 of the sigmoid"),),
    ),
)
