"""Learnable units at their initial coefficients: the Padé activation unit (PAU 5/4) fitted to
leaky ReLU, PolyReLU, and the expanded sigmoid gate of expanded GLUs.

Their trainable forms with shared, per-channel or per-group coefficients are the modules in
``actlab.nn.learnable`` and ``actlab.nn.feedforward``.
"""

import torch

from actlab.catalog.gated import HUANG_2024
from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec
from actlab.series import rational_value

MOLINA_2019 = Citation(
    "Padé Activation Units: End-to-end Learning of Flexible Activation Functions in Deep "
    "Networks", "Alejandro Molina, Patrick Schramowski, Kristian Kersting", 2019,
    arxiv="1907.06732", venue="ICLR 2020")
ZHUO_2024 = Citation(
    "Polynomial Composition Activations: Unleashing the Dynamics of Large Language Models",
    "Zhijian Zhuo et al.", 2024, arxiv="2411.03884", venue="ICLR 2025")

# The PAU reference code's leaky-ReLU (slope 0.01) initialization on [-3, 3]; reproduced to
# about 3 decimals by actlab.fit("leaky_relu", "rational", denominator="sum_abs").
_PAU_NUMERATOR = (0.02979246, 0.61837738, 2.32335207, 3.05202660, 1.48548002, 0.25103717)
_PAU_DENOMINATOR = (1.14201226, 4.39322834, 0.87154450, 0.34720652)
_PAU_NEAR = ("(a0 + a1 * x + a2 * x**2 + a3 * x**3 + a4 * x**4 + a5 * x**5) / "
             "(1 + abs(b1 * x) + abs(b2) * x**2 + abs(b3 * x**3) + abs(b4) * x**4)")
# For |x| > 1: x * (A(1/x) / B(1/x)), numerator and denominator divided by x^5 and x^4, so that
# no term (nor any term of the derivative) overflows before the value does; x^5 alone overflows
# float32 from |x| = 5e7. The inner where() keeps sympy from multiplying x into the ratio.
_PAU_FAR = ("x * where(abs(x) > 1, (a0 * x**-5 + a1 * x**-4 + a2 * x**-3 + a3 * x**-2 + a4 / x "
            "+ a5) / (x**-4 + abs(b1 / x) / x**2 + abs(b2) * x**-2 + abs(b3 / x) + abs(b4)), 0)")


def _pau_plain(x: torch.Tensor) -> torch.Tensor:
    """The PAU at its defaults as the two polynomials' plain ratio (:func:`rational_value`)."""
    return rational_value(x, x.new_tensor(_PAU_NUMERATOR), x.new_tensor(_PAU_DENOMINATOR),
                          "sum_abs")


SPECS: tuple[Spec, ...] = (
    Spec(
        name="pau",
        published=(
            "(a0 + a1 * x + a2 * x**2 + a3 * x**3 + a4 * x**4 + a5 * x**5)"
            " / (1 + abs(b1 * x) + abs(b2 * x**2) + abs(b3 * x**3) + abs(b4 * x**4))"
        ),
        formula=f"where(abs(x) > 1, {_PAU_FAR}, {_PAU_NEAR})",
        family="rational",
        citation=MOLINA_2019,
        aliases=("pade_activation_unit",),
        params=(*(Param(f"a{j}", v, learnable=True, doc=f"numerator coefficient of x^{j}")
                  for j, v in enumerate(_PAU_NUMERATOR)),
                *(Param(f"b{k}", v, learnable=True, doc=f"denominator coefficient of |x|^{k}")
                  for k, v in enumerate(_PAU_DENOMINATOR, 1))),
        description="Padé activation unit P(x)/Q(x) of degrees 5/4 with the safe denominator "
                    "Q = 1 + sum_k |b_k||x|^k of the PAU reference code, at its published "
                    "initialization: the least-squares fit of leaky ReLU (slope 0.01) on "
                    "[-3, 3] (max error 0.03 there). actlab.nn.Rational trains it, per group, in "
                    "either safe form.",
        properties=Properties(monotonic=False, lower=None, upper=None, smoothness="C0",
                              zero_at_zero=False, zero_centered=True),
        references=(Reference(_pau_plain, atol=1e-9,
                              note="the two polynomials' ratio written directly"),),
    ),
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
