"""Mish variants from Mish's author that the survey of Kunc and Kléma (arXiv:2402.09092) does
not list: a power inside Mish's logarithm (β-Mish) and a shifted softplus gate (Mila)."""

import torch
import torch.nn.functional as F

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

MISRA_BETA_MISH_2019 = Citation(
    "β-Mish: An uni-parametric adaptive activation function derived from Mish",
    "Diganta Misra",
    2019,
    venue="github.com/digantamisra98/Beta-Mish; the Echo activation library (beta_mish)",
)
MISRA_MILA_2019 = Citation(
    "Mila: Uniparametric activation function inspired from Mish",
    "Diganta Misra",
    2019,
    venue="github.com/digantamisra98/Mila; the Echo activation library (mila)",
)

_GATED = dict(
    monotonic=False,
    upper=None,
    smoothness="Cinf",
    zero_at_zero=True,
    zero_centered=True,
    self_gated=True,
)

SPECS: tuple[Spec, ...] = (
    Spec(
        name="beta_mish",
        formula="where(x < -800, 0, x * tanh(beta * softplus(x)))",
        published="x * tanh(log((1 + exp(x))**beta))",
        family="gated",
        citation=MISRA_BETA_MISH_2019,
        aliases=("β_mish",),
        params=(Param("beta", 1.5, 0.0, open_low=True, learnable=True, doc="power of 1 + e^x"),),
        description="β-Mish x tanh(ln((1 + e^x)^beta)) = x tanh(beta softplus(x)): Mish with "
        "its gate sharpened by the power beta (default 1.5, trainable or fixed), which deepens "
        "the negative dip (to about -0.451 at x = -1.244) and approaches the identity faster. "
        "beta = 1 is Mish. Written with softplus, so that (1 + e^x)^beta never overflows, and "
        "set to 0 below x = -800, where |f| < 1e-340 is already 0 in float64 (this keeps "
        "beta x from overflowing in the derivative).",
        properties=Properties(lower=-0.451102863604472, **_GATED),
        references=(
            Reference("mish", params={"beta": 1.0}, atol=1e-12, note="beta = 1 is Mish"),
            Reference(
                lambda x: x * torch.tanh(2.5 * F.softplus(x)),
                params={"beta": 2.5},
                atol=1e-12,
                note="beta = 2.5 written directly",
            ),
        ),
    ),
    Spec(
        name="mila",
        formula="x * tanh(softplus(x + beta))",
        family="gated",
        citation=MISRA_MILA_2019,
        params=(Param("beta", -0.25, doc="shift of the softplus inside the gate"),),
        description="Mila x tanh(softplus(x + beta)) = x tanh(ln(1 + e^(x + beta))): Mish with "
        "its gate shifted by beta, which moves and scales the negative dip (the parameter "
        "'controls the concavity of the global minimum'). The default beta = -0.25 is that of "
        "the Echo library's Keras and PyTorch layers; the functional form in the Mila "
        "repository defaults to beta = 1. beta = 0 is Mish.",
        properties=Properties(lower=-0.2494532861688073, **_GATED),
        references=(
            Reference("mish", params={"beta": 0.0}, atol=1e-12, note="beta = 0 is Mish"),
            Reference(
                lambda x: x * torch.tanh(F.softplus(x + 1.0)),
                params={"beta": 1.0},
                atol=1e-12,
                note="beta = 1 written directly",
            ),
        ),
    ),
)
