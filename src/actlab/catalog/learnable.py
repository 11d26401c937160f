"""Learnable units at their initial coefficients: PolyReLU and the expanded sigmoid gate of
expanded GLUs.

Their trainable forms with shared, per-channel or per-group coefficients are the modules in
``actlab.nn.learnable`` and ``actlab.nn.feedforward``.
"""

from actlab.catalog.gated import HUANG_2024
from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

ZHUO_2024 = Citation(
    "Polynomial Composition Activations: Unleashing the Dynamics of Large Language Models",
    "Zhijian Zhuo et al.", 2024, arxiv="2411.03884", venue="ICLR 2025")

SPECS: tuple[Spec, ...] = (
    Spec(
        name="polyrelu",
        formula="a0 + relu(x) * (a1 + relu(x) * (a2 + a3 * relu(x)))",
        family="polynomial",
        citation=ZHUO_2024,
        aliases=("poly_relu",),
        params=(Param("a0", 0.0, learnable=True, doc="constant term"),
                *(Param(f"a{i}", 1 / 3, learnable=True, doc=f"coefficient of relu(x)^{i}")
                  for i in (1, 2, 3))),
        description="PolyReLU sum_i a_i relu(x)^i of order 3, the polynomial composition "
                    "activation; coefficients start at (0, 1/3, 1/3, 1/3) like the PolyNorm "
                    "weights of the reference code. a = (0, 1, 0, 0) is ReLU.",
        properties=Properties(monotonic=True, lower=0.0, upper=None, smoothness="C0",
                              zero_at_zero=True, zero_centered=False, sparse=True),
        references=(Reference("relu", params={"a0": 0.0, "a1": 1.0, "a2": 0.0, "a3": 0.0},
                              atol=0.0, note="a = (0, 1, 0, 0) is ReLU"),),
    ),
    Spec(
        name="xsigmoid",
        formula="(1 + 2 * alpha) * sigmoid(x) - alpha",
        family="sigmoidal",
        citation=HUANG_2024,
        aliases=("expanded_sigmoid",),
        params=(Param("alpha", 0.0, learnable=True,
                      doc="gate range expansion: the gate runs from -alpha to 1 + alpha"),),
        description="Expanded sigmoid gate (1 + 2alpha)sigmoid(x) - alpha, the gate of the "
                    "expanded GLU; alpha is trained, one per block, from 0 (the plain sigmoid).",
        properties=Properties(monotonic=True, lower=0.0, upper=1.0, smoothness="Cinf",
                              zero_at_zero=False, zero_centered=False),
        references=(Reference("sigmoid", params={"alpha": 0.0}, note="alpha = 0 is the sigmoid"),),
    ),
)
