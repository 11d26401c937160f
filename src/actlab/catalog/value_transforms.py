"""Invertible squashing transforms of reinforcement learning: value-function rescalings that let
one network regress returns of very different scales (Atari scores from 1 to 10^6) without
clipping the rewards, applied element-wise to the target and undone on the prediction. The
survey of Kunc and Kléma (arXiv:2402.09092) lists none of them; DreamerV3's symlog and symexp
are in the catalog's representation units."""

import torch

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

POHLEN_2018 = Citation(
    "Observe and Look Further: Achieving Consistent Performance on Atari",
    "Tobias Pohlen, Bilal Piot, Todd Hester, Mohammad Gheshlaghi Azar, Dan Horgan, David Budden, "
    "Gabriel Barth-Maron, Hado van Hasselt, John Quan, Mel Večerík, Matteo Hessel, Rémi Munos, "
    "Olivier Pietquin",
    2018,
    arxiv="1805.11593",
)

_EPS = Param("eps", 0.01, low=0.0, doc="slope of the linear term that keeps the inverse Lipschitz")
_ODD_C1 = {
    "lower": None,
    "upper": None,
    "smoothness": "C1",
    "zero_at_zero": True,
    "zero_centered": True,
}

# the inverse with s = sqrt(1 + 4 eps (|x| + 1 + eps)) and z = (s - 1) / (2 eps): since
# s^2 - 1 = 4 eps (|x| + 1 + eps), z - 1 = |x| / d with d = (s + 1) / 2 + eps, free of the
# published form's cancellations near x = 0 and small eps, and sign(x)(z^2 - 1) is
# (x / d)(|x| / d + 2)
_D = "(sqrt(1 + 4 * eps * (abs(x) + 1 + eps)) / 2 + 1 / 2 + eps)"
_INVERSE = f"x / {_D} * (abs(x) / {_D} + 2)"
_S = "sqrt(1 + 4 * eps * (abs(x) + 1 + eps))"
_INVERSE_PUBLISHED = f"sign(x) * ((({_S} - 1) / (2 * eps))**2 - 1)"


def _h(x: torch.Tensor, eps: float) -> torch.Tensor:
    return torch.sign(x) * (torch.sqrt(x.abs() + 1) - 1) + eps * x


def _h_inverse(x: torch.Tensor, eps: float) -> torch.Tensor:
    s = torch.sqrt(1 + 4 * eps * (x.abs() + 1 + eps))
    return torch.sign(x) * (((s - 1) / (2 * eps)) ** 2 - 1)


SPECS: tuple[Spec, ...] = (
    Spec(
        name="signed_hyperbolic",
        formula="x / (sqrt(abs(x) + 1) + 1) + eps * x",
        published="sign(x) * (sqrt(abs(x) + 1) - 1) + eps * x",
        family="unbounded",
        citation=POHLEN_2018,
        aliases=("value_rescaling", "h_transform", "value_rescale", "muzero_h"),
        params=(_EPS,),
        checked_against="secondary",
        description="The value rescaling h(x) = sign(x)(sqrt(|x| + 1) - 1) + eps x of the "
        "transformed Bellman operator (Ape-X DQfD), which regresses h of the return instead of "
        "the clipped reward's return; eps = 10^-2 as in the reproductions of the paper read "
        "here (the paper's body was not), 10^-3 in MuZero's implementations and in DeepMind's "
        "rlax library (rlax/_src/transforms.py, signed_hyperbolic). It grows like sqrt(|x|) "
        "and, through the eps x term, eventually linearly, so its inverse (signed_parabolic) "
        "is Lipschitz. h is odd and strictly increasing with slope 1/2 + eps at 0; its second "
        "derivative jumps there, so it is C1. Evaluated as x / (sqrt(|x| + 1) + 1) + eps x, "
        "which keeps the relative accuracy near 0.",
        properties=Properties(monotonic=True, **_ODD_C1),
        references=(
            Reference(lambda x: _h(x, 0.01), atol=1e-12, note="the published form"),
            Reference(
                lambda x: _h(x, 0.001),
                params={"eps": 0.001},
                atol=1e-12,
                note="eps = 1e-3 of MuZero and rlax",
            ),
        ),
    ),
    Spec(
        name="signed_parabolic",
        formula=_INVERSE,
        published=_INVERSE_PUBLISHED,
        family="unbounded",
        citation=POHLEN_2018,
        aliases=(
            "value_rescaling_inverse",
            "h_inverse",
            "value_rescale_inverse",
            "muzero_h_inverse",
        ),
        params=(_EPS,),
        checked_against="secondary",
        description="The inverse of the value rescaling signed_hyperbolic, "
        "h^-1(x) = sign(x)(((sqrt(1 + 4 eps (|x| + 1 + eps)) - 1) / (2 eps))^2 - 1), which "
        "maps the network's rescaled value estimate back to a return; eps = 10^-2 as for "
        "signed_hyperbolic (rlax's signed_parabolic defaults to 10^-3). It grows like x^2 "
        "for moderate x and "
        "like x / eps far out; odd, increasing, C1 (the second derivative jumps at 0). "
        "Evaluated without the published form's cancellations: as s^2 - 1 = "
        "4 eps (|x| + 1 + eps), z - 1 = |x| / d with d = (s + 1) / 2 + eps (s the square "
        "root), and f = (x / d)(|x| / d + 2); this also holds at eps = 0, "
        "where it is sign(x)((|x| + 1)^2 - 1).",
        properties=Properties(monotonic=True, **_ODD_C1),
        references=(
            Reference(lambda x: _h_inverse(x, 0.01), atol=1e-8, note="the published form"),
            Reference(
                lambda x: torch.sign(x) * ((x.abs() + 1) ** 2 - 1),
                params={"eps": 0.0},
                atol=1e-12,
                note="eps = 0: sign(x)((|x| + 1)^2 - 1)",
            ),
        ),
    ),
)
