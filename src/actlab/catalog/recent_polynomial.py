"""Polynomial units published from 2022 on that the survey of Kunc and Kléma (arXiv:2402.09092)
does not list: low-degree and piecewise-polynomial replacements of GELU for private (secure
multi-party and homomorphically encrypted) inference."""

import torch

from actlab.catalog.rational_text import horner
from actlab.catalog.spec import Citation, Properties, Reference, Spec

LI_2023 = Citation(
    "MPCFormer: fast, performant and private Transformer inference with MPC",
    "Dacheng Li, Rulin Shao, Hongyi Wang, Han Guo, Eric P. Xing, Hao Zhang",
    2023,
    arxiv="2211.01452",
    venue="ICLR 2023",
)

DONG_2023 = Citation(
    "PUMA: Secure Inference of LLaMA-7B in Five Minutes",
    "Ye Dong, Wen-jie Lu, Yancheng Zheng, Haoqi Wu, Derun Zhao, Jin Tan, Zhicong Huang, "
    "Cheng Hong, Tao Wei, Wenguang Chen",
    2023,
    arxiv="2307.12533",
)
ZHANG_2025 = Citation(
    "Secure Transformer Inference Made Non-interactive",
    "Jiawen Zhang, Xinpeng Yang, Lipeng He, Kejia Chen, Wen-jie Lu, Yinghao Wang, Xiaoyang "
    "Hou, Jian Liu, Kui Ren, Xiaohu Yang",
    2025,
    venue="NDSS 2025",
)
PANG_2024 = Citation(
    "BOLT: Privacy-Preserving, Accurate and Efficient Inference for Transformers",
    "Qi Pang, Jinhao Zhu, Helen Möllering, Wenting Zheng, Thomas Schneider",
    2024,
    venue="IEEE S&P 2024",
)

# PUMA: a cubic on [-4, -1.95), an even-plus-linear sextic on [-1.95, 3]; each polynomial is
# evaluated on its clamped interval so that no power overflows outside it, the cubic in powers
# of x + 4 (its value at -4 is 6e-4, where the published powers of x cancel). A breakpoint b
# that float32 cannot represent (-1.95, +-2.7) is moved to the float32 number next to fl32(b)
# on the far side of b: no float32 input lies between the two, so every float32 input falls on
# the published piece in every precision.
_T = "(clamp(x, -4, -1.9499999284744263) + 4)"
_P1 = "clamp(x, -1.9499999284744263, 3)"
_PUMA = (
    "where(x < -4, 0, where(x < -1.9499999284744263, "
    f"0.000626631878831352 - 0.007295208894837364 * {_T} + 0.014333478855569206 * {_T}**2 "
    f"- 0.011034134030615728 * {_T}**3, where(x <= 3, "
    f"0.008526321541038084 + 0.5 * {_P1} + 0.3603292692789629 * {_P1}**2 "
    f"- 0.037688200365904236 * {_P1}**4 + 0.0018067462606141187 * {_P1}**6, x)))"
)
_PUMA_PUBLISHED = (
    "where(x < -4, 0, where(x < -1.95, -0.5054031199708174 - 0.42226581151983866 * x "
    "- 0.11807612951181953 * x**2 - 0.011034134030615728 * x**3, where(x <= 3, "
    "0.008526321541038084 + 0.5 * x + 0.3603292692789629 * x**2 "
    "- 0.037688200365904236 * x**4 + 0.0018067462606141187 * x**6, x)))"
)
# BOLT: 0.5 x + a quartic in |x| on [-2.7, 2.7]; the paper's nested form (constants c1..c5,
# two secure multiplications) is expanded here, since its terms of size 16 cancel to 0.0016
_A = "min(abs(x), 2.7)"
_BOLT = (
    "where(x > 2.6999998092651367, x, where(x < -2.6999998092651367, 0, "
    f"0.0016208085318454553 - 0.037981646127141624 * {_A} + 0.5410550166368382 * {_A}**2 "
    f"- 0.18352506127082727 * {_A}**3 + 0.02084861175412759 * {_A}**4 + x / 2))"
)
_BOLT_PUBLISHED = (
    "where(x > 2.7, x, where(x < -2.7, 0, ((0.14439048359960427 * abs(x) - 0.7077117131613893) "
    "* abs(x) + 4.5702822654246535 + 0.14439048359960427 * abs(x) - 8.15444702051307) "
    "* ((0.14439048359960427 * abs(x) - 0.7077117131613893) * abs(x) + 4.5702822654246535) "
    "+ 16.382265425072532 + x / 2))"
)

# NEXUS: 0.5 x plus an even polynomial of degree 12 on [-3.5, 3.5). Its published powers of x
# reach 2.5 and cancel to 1e-3 near -3.5 (and x^12 overflows float16), so it is evaluated by
# Horner's rule: in t = x + 3.5 on [-3.5, -2) (the exact re-expansion about -3.5) and in
# x^2 on [-2, 3.5).
_NEXUS_A = (
    2.25775755e-04,
    0.5,
    3.96880960e-01,
    -6.37042698e-02,
    8.38841647e-03,
    -7.17830961e-04,
    3.49617829e-05,
    -7.26059653e-07,
)
_NEXUS_T = (
    -0.001267863360402552,
    0.017086558516198315,
    -0.14200434707034904,
    0.4082861437749563,
    -0.6594286990437978,
    0.6197463165540951,
    -0.36932659207425667,
    0.14224228743978226,
    -0.03537753984313969,
    0.0056248952754225,
    -0.0005520574465505,
    3.0494505426e-05,
    -7.26059653e-07,
)


_NEXUS_LEFT = horner(_NEXUS_T, "(clamp(x, -3.5, -2) + 3.5)")
_NEXUS_RIGHT = (
    f"{_NEXUS_A[0]!r} + 0.5 * clamp(x, -2, 3.5) + clamp(x, -2, 3.5)**2 "
    f"* ({horner(_NEXUS_A[2:], 'clamp(x, -2, 3.5)**2')})"
)
_NEXUS = f"where(x < -3.5, 0, where(x < -2, {_NEXUS_LEFT}, where(x < 3.5, {_NEXUS_RIGHT}, x)))"
_NEXUS_PUBLISHED = (
    "where(x < -3.5, 0, where(x < 3.5, 2.25775755e-04 + 0.5 * x + 3.96880960e-01 * x**2 "
    "- 6.37042698e-02 * x**4 + 8.38841647e-03 * x**6 - 7.17830961e-04 * x**8 "
    "+ 3.49617829e-05 * x**10 - 7.26059653e-07 * x**12, x))"
)


def _nexus_published(x: torch.Tensor) -> torch.Tensor:
    """NEXUS's GELU with the published powers of x."""
    c = x.clamp(-3.5, 3.5)
    poly = _NEXUS_A[0] + 0.5 * c + sum(a * c ** (2 * k) for k, a in enumerate(_NEXUS_A[2:], 1))
    return torch.where(x < -3.5, 0.0, torch.where(x < 3.5, poly, x))


def _bolt_nested(x: torch.Tensor) -> torch.Tensor:
    """BOLT's GELU in the paper's nested form, with its constants c1..c5."""
    c1, c2, c3, c4, c5 = (
        0.14439048359960427,
        0.7077117131613893,
        4.5702822654246535,
        8.15444702051307,
        16.382265425072532,
    )
    a = x.abs()
    y = (c1 * a - c2) * a + c3
    inner = (y + c1 * a - c4) * y + c5 + x / 2
    return torch.where(x > 2.7, x, torch.where(x < -2.7, 0.0, inner))


def _gelu_approximation(lower: float) -> Properties:
    """Properties shared by the piecewise GELU stand-ins: 0 far left, x far right, jumps at
    the breakpoints, minimum ``lower`` (not monotonic)."""
    return Properties(
        monotonic=False,
        lower=lower,
        upper=None,
        smoothness="discontinuous",
        zero_at_zero=False,
        zero_centered=True,
        sparse=True,
    )


SPECS: tuple[Spec, ...] = (
    Spec(
        name="mpcformer_quad",
        formula="0.125 * x**2 + 0.25 * x + 0.5",
        family="polynomial",
        citation=LI_2023,
        aliases=("quad_gelu",),
        description="Quad 0.125 x^2 + 0.25 x + 0.5, MPCFormer's replacement of GELU: a "
        "quadratic that secure multi-party computation evaluates with one multiplication, "
        "trained into the model by distillation rather than fitted to GELU. Its minimum is "
        "0.375 at x = -1.",
        properties=Properties(
            monotonic=False,
            lower=0.375,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=False,
        ),
        references=(
            Reference(
                lambda x: 0.125 * (x + 1) ** 2 + 0.375, atol=1e-9, note="= (x + 1)^2 / 8 + 3/8"
            ),
        ),
    ),
    Spec(
        name="puma_gelu",
        formula=_PUMA,
        published=_PUMA_PUBLISHED,
        family="polynomial",
        citation=DONG_2023,
        aliases=("puma_gelu_approximation",),
        description="PUMA's piecewise-polynomial GELU for secure multi-party inference: 0 "
        "below -4, a cubic on [-4, -1.95), a degree-6 polynomial with only even terms beyond "
        "0.5 x on [-1.95, 3], and x above 3. It is within 0.02 of GELU, but jumps slightly at "
        "its breakpoints and is 0.0085 at 0. The breakpoint -1.95 is written as the float32 "
        "neighbour -1.9499999285 (no float32 number lies between), and the cubic is evaluated "
        "in powers of x + 4.",
        properties=_gelu_approximation(lower=-0.1758356121780631),
        references=(Reference("gelu", atol=0.02, note="within 0.02 of GELU everywhere"),),
    ),
    Spec(
        name="bolt_gelu",
        formula=_BOLT,
        published=_BOLT_PUBLISHED,
        family="polynomial",
        citation=PANG_2024,
        aliases=("bolt_gelu_approximation",),
        description="BOLT's GELU for secure two-party inference: 0.5 x plus a quartic in |x| "
        "on [-2.7, 2.7], evaluated in nested form ((c1 |x| - c2) |x| + c3 + c1 |x| - c4) "
        "((c1 |x| - c2) |x| + c3) + c5 so that it costs two secure multiplications; 0 below "
        "-2.7 and x above 2.7. Within 0.01 of GELU, with jumps of about 0.011 at +-2.7 (written "
        "as the float32 numbers +-2.6999998093, with no float32 number between); the nested "
        "quartic is evaluated expanded, "
        "0.00162 - 0.0380 |x| + 0.541 x^2 - 0.1835 |x|^3 + 0.0208 x^4.",
        properties=_gelu_approximation(lower=-0.1683510408116165),
        references=(
            Reference("gelu", atol=0.01, note="within 0.01 of GELU everywhere"),
            Reference(_bolt_nested, atol=1e-12, note="the paper's nested form"),
        ),
    ),
    Spec(
        name="nexus_gelu",
        formula=_NEXUS,
        published=_NEXUS_PUBLISHED,
        family="polynomial",
        citation=ZHANG_2025,
        aliases=("nexus_gelu_approximation",),
        description="NEXUS's GELU for non-interactive homomorphically encrypted inference: "
        "0 below -3.5, x from 3.5 on, and between them 0.5 x plus an even polynomial of "
        "degree 12 (coefficients of the authors' implementation), selected by two encrypted "
        "sign evaluations. Within 8.2e-4 of GELU; it jumps by that much at +-3.5 and is "
        "2.26e-4 at 0. Evaluated by Horner's rule in x + 3.5 below -2 and in x^2 above, "
        "since the published powers cancel near -3.5.",
        properties=_gelu_approximation(lower=-0.1702631674509214),
        references=(
            Reference("gelu", atol=1e-3, note="within 1e-3 of GELU everywhere"),
            Reference(_nexus_published, atol=1e-9, note="the published powers of x"),
        ),
    ),
)
