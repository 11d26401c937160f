"""Stand-ins for GELU, SiLU, tanh, erf and exp built for private (secure multi-party or
homomorphically encrypted) inference of transformers and convolutional networks: polynomials,
piecewise polynomials and iterated squarings with their published constants."""

import math

from actlab.catalog.encrypted_relus import ISHIYAMA_2020
from actlab.catalog.encrypted_sigmoids import DAHL_2018, KNOTT_2021, odd_polynomial
from actlab.catalog.rational_text import factored, horner
from actlab.catalog.spec import Citation, Properties, Reference, Spec

LUO_2024 = Citation(
    "SecFormer: Fast and Accurate Privacy-Preserving Inference for Transformer Models via SMPC",
    "Jinglong Luo, Yehong Zhang, Zhuo Zhang, Jiaqi Zhang, Xin Mu, Hui Wang, Yue Yu, Zenglin Xu",
    2024,
    arxiv="2401.00793",
    venue="Findings of ACL 2024",
)

MA_2023 = Citation(
    "SecretFlow-SPU: A Performant and User-Friendly Framework for Privacy-Preserving Machine "
    "Learning",
    "Junming Ma, Yancheng Zheng, Jun Feng, Derun Zhao, Haoqi Wu, Wenjing Fang, Jin Tan, "
    "Chaofan Yu, Benyu Zhang, Lei Wang",
    2023,
    venue="USENIX ATC 2023; f_tanh of libspu/kernel/hal/fxp_approx.cc",
)
# SPU's tanh: the [5/4] Pade approximant on the input clamped to [-3, 3]
_C = "clamp(x, -3, 3)"
_SPU_TANH = f"{_C} * (945 + {_C}**2 * (105 + {_C}**2)) / (945 + {_C}**2 * (420 + 15 * {_C}**2))"

LU_2025 = Citation(
    "BumbleBee: Secure Two-party Inference Framework for Large Transformers",
    "Wen-jie Lu, Zhicong Huang, Zhen Gu, Jingyu Li, Jian Liu, Kui Ren, Cheng Hong, Tao Wei, "
    "WenGuang Chen",
    2025,
    venue="NDSS 2025; IACR ePrint 2023/1678",
)
# BumbleBee (authors' code): GELU as 0.5 x plus a quartic in |x| on [-3, 3); SiLU as x times a
# sigmoid built from a quartic in |x| on (-8, 8), mirrored as 1 - p(|x|) for x < 0
_BB_GELU = (
    0.001620808531841547,
    -0.03798164612714154,
    0.5410550166368381,
    -0.18352506127082727,
    0.020848611754127593,
)
_BB_SIGMOID = (
    0.49352908920523014,
    0.3028510171823098,
    -0.06808619212463336,
    0.006747908074344234,
    -0.0002472776978734074,
)
_BB_G = horner(_BB_GELU, "min(abs(x), 3)")
_BB_S = f"({horner(_BB_SIGMOID, 'min(abs(x), 8)')})"
# 1 - p(|x|) in factored form, accurate where it nears 0 by x = -8
_BB_S_NEG = factored((1 - _BB_SIGMOID[0], *(-c for c in _BB_SIGMOID[1:])), "min(abs(x), 8)")

# CrypTen's erf: its Taylor series through x^17 (erf_iterations = 8), by Horner's rule in x^2
_CRYPTEN_ERF = tuple(
    2 / math.sqrt(math.pi) * (-1) ** n / (math.factorial(n) * (2 * n + 1)) for n in range(9)
)

# SecFormer: erf(u) by seven sine terms of period 20 on [-2.5, 2.5), +-1 outside, u = x / sqrt(2)
_SECFORMER_BETA = (1.25772, -0.0299154, 0.382155, -0.0519123, 0.196033, -0.0624557, 0.118029)
_U = "0.7071067811865475 * x"
_SECFORMER_ERF = " + ".join(
    f"{b!r} * sin({k} * pi * {_U} / 10)" for k, b in enumerate(_SECFORMER_BETA, 1)
)
_SECFORMER = f"0.5 * x * (1 + where({_U} < -2.5, -1, where({_U} < 2.5, {_SECFORMER_ERF}, 1)))"

SPECS: tuple[Spec, ...] = (
    Spec(
        name="crypten_exp",
        formula="where(x > -256, exp(256 * log1p(where(x > -256, x, 0) / 256)), "
        "where(x < -256, exp(256 * log1p(where(x < -256, -x, 512) / 256 - 2)), 0))",
        published="((1 + x / 256)**16)**16",
        family="exponential",
        citation=KNOTT_2021,
        aliases=("exp_limit_approximation",),
        description="CrypTen's exponential for secure multi-party computation, the limit "
        "approximation (1 + x / 2^n)^(2^n) at its default n = 8 iterations: one scaling by "
        "2^-8 and one addition, then eight squarings, (1 + x/256)^256. It is within 1% of "
        "e^x for x in [-2.26, 2.27] and falls short further out (0.95 e^x at +-5, 0.82 e^x "
        "at +-10); it reaches 0 at x = -256 and, an even power, rises again "
        "without bound below it. Softmax, sigmoid and log of the library are built on it. "
        "The default 8 is that of CrypTen's configuration (configs/default.yaml). "
        "Evaluated as exp(256 log1p(x/256)) "
        "above -256, where the rounding of 1 + x/256 would otherwise be raised to the "
        "256th power, and as exp(256 log1p(-x/256 - 2)) = |1 + x/256|^256 below, so that "
        "the formula stays far inside the degree limit of formulas; each log1p is given "
        "its argument only on its own side of -256, where f is 0.",
        properties=Properties(
            monotonic=False,
            lower=0.0,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=False,
        ),
        checked_against="original",
    ),
    Spec(
        name="secformer_gelu",
        formula=_SECFORMER,
        family="gated",
        citation=LUO_2024,
        aliases=("secformer_fourier_gelu",),
        description="SecFormer's GELU for secure multi-party inference of transformers, "
        "x (1 + E(x / sqrt 2)) / 2 with erf replaced by a segmented Fourier series: E(u) = "
        "-1 below u = -2.5, 1 from 2.5 on, and between them the sine series sum_k beta_k "
        "sin(k pi u / 10), k = 1..7, beta = (1.25772, -0.0299154, 0.382155, -0.0519123, "
        "0.196033, -0.0624557, 0.118029), which secret sharing evaluates from one masked "
        "opening. The series stays within 0.036 of erf but reaches only +-0.970 at the "
        "breakpoints, so the unit jumps by 0.053 at x = +-2.5 sqrt 2 = +-3.54; it is 0 "
        "below -3.54, x above 3.54, and within 0.058 of GELU between. Breakpoints and "
        "coefficients from the authors' code (operation/gelu.py).",
        properties=Properties(
            monotonic=False,
            lower=-0.1685142300817829,
            upper=None,
            smoothness="discontinuous",
            zero_at_zero=True,
            zero_centered=True,
            sparse=True,
        ),
        references=(Reference("gelu", atol=0.06, note="within 0.058 of GELU everywhere"),),
    ),
    Spec(
        name="ishiyama_swish4",
        formula=factored((0.119782, 0.5, 0.147298, 0.0, -0.002015)),
        published="0.119782 + 0.5 * x + 0.147298 * x**2 - 0.002015 * x**4",
        family="gated",
        citation=ISHIYAMA_2020,
        checked_against="secondary",
        aliases=("he_swish4",),
        description="Ishiyama, Suzuki and Yamana's fourth-order stand-in for Swish (SiLU) in "
        "CNN inference over CKKS-encrypted data, 0.119782 + 0.5 x + 0.147298 x^2 - "
        "0.002015 x^4: x/2 exactly plus an even quartic fitted on [-6, 6] (a least-squares "
        "fit of x sigmoid(x) there gives the same numbers to 3e-4), behind batch "
        "normalization that scales the inputs into the interval. Within 0.18 of SiLU on "
        "[-6, 6]; it dips to -0.325 at x = -1.88, peaks at 6.02 at x = 6.76 and falls to "
        "-inf on both sides. Coefficients as in an implementation that cites the paper "
        "(IEEE document 9378372); the paper's table could not be read here.",
        properties=Properties(
            monotonic=False,
            lower=None,
            upper=6.0230833281385285,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=True,
        ),
    ),
    Spec(
        name="crypten_erf",
        formula=odd_polynomial(0.0, _CRYPTEN_ERF),
        published="2 / sqrt(pi) * ("
        + " + ".join(
            f"({(-1) ** n} / {math.factorial(n) * (2 * n + 1)}) * x**{2 * n + 1}" for n in range(9)
        )
        + ")",
        family="sigmoidal",
        citation=KNOTT_2021,
        description="CrypTen's error function for secure multi-party computation (and so its "
        "exact GELU), the Taylor series of erf through x^17 at the default erf_iterations = "
        "8: 2/sqrt(pi) sum_{n=0..8} (-1)^n x^(2n+1) / (n! (2n + 1)). It is within 0.01 of "
        "erf for |x| <= 1.81 and leaves it fast (1.058 at 2, 4.76 at 2.5, 104 at 3). Its "
        "derivative, 2/sqrt(pi) times the degree-8 partial sum of e^(-x^2) in powers of x^2, "
        "has no real zero, so unlike the sigmoid stand-ins it increases on the whole line, "
        "without bound. Series and default as in CrypTen's code and configuration.",
        properties=Properties(
            monotonic=True,
            lower=None,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
        ),
    ),
    Spec(
        name="spu_tanh",
        formula=_SPU_TANH,
        family="sigmoidal",
        citation=MA_2023,
        description="SecretFlow-SPU's tanh for secret-shared values: the [5/4] Pade "
        "approximant of tanh, (x + x^3/9 + x^5/945) / (1 + 4 x^2/9 + x^4/63) = "
        "x (945 + 105 x^2 + x^4) / (945 + 420 x^2 + 15 x^4), evaluated on the input clamped "
        "to [-3, 3], so that it saturates at +-219/220 = +-0.99545 from |x| = 3 on. Within "
        "0.0046 of tanh everywhere (the gap left by the clamp); increasing, with kinks at "
        "+-3. Constants and clamp as in SPU's code.",
        properties=Properties(
            monotonic=True,
            lower=-0.9954545454545455,
            upper=0.9954545454545455,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(Reference("tanh", atol=0.005, note="within 0.0046 of tanh"),),
    ),
    Spec(
        name="tfe_tanh7",
        formula=factored((0.0, 0.852721056, 0.0, -0.12494112, 0.0, 0.010654528, 0.0, -0.000423424)),
        published="0.852721056 * x - 0.12494112 * x**3 + 0.010654528 * x**5 - 0.000423424 * x**7",
        family="sigmoidal",
        citation=DAHL_2018,
        aliases=("tfe_tanh",),
        description="TF Encrypted's tanh for secret-shared values in its Pond protocol, the odd "
        "degree-7 polynomial its code calls a Chebyshev approximation: 0.852721056 x - "
        "0.12494112 x^3 + 0.010654528 x^5 - 0.000423424 x^7. Within 0.052 of tanh on "
        "[-2, 2], it peaks at +-0.99302 at x = +-2.045, crosses zero again at +-3.79 and "
        "falls without bound beyond (to -inf on the right). Coefficients as in TF "
        "Encrypted's code. Evaluated as the product of its linear and quadratic factors.",
        properties=Properties(
            monotonic=False,
            lower=None,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
        ),
    ),
    Spec(
        name="bumblebee_gelu",
        formula=f"where(x < -3, 0, where(x < 3, {_BB_G} + x / 2, x))",
        family="gated",
        citation=LU_2025,
        aliases=("bumblebee_seg3_gelu",),
        description="BumbleBee's GELU for secure two-party transformer inference (seg3_gelu "
        "of the authors' code): 0 below -3, x from 3 on, and between them 0.5 x plus the "
        "quartic in |x| 0.0016208 - 0.0379816 |x| + 0.5410550 x^2 - 0.1835251 |x|^3 + "
        "0.0208486 x^4, computed on a 32-bit ring after one batched secure comparison with "
        "-3, 0 and 3. The quartic is BOLT's (bolt_gelu), cut at +-3 instead of +-2.7: the unit "
        "is within 0.0053 of GELU, jumps by 0.0093 at +-3 and reaches its minimum -0.16835 "
        "at x = -0.752. Breakpoints and coefficients from the authors' code.",
        properties=Properties(
            monotonic=False,
            lower=-0.16835104081162172,
            upper=None,
            smoothness="discontinuous",
            zero_at_zero=False,
            zero_centered=True,
            sparse=True,
        ),
        references=(Reference("gelu", atol=0.006, note="within 0.0053 of GELU everywhere"),),
    ),
    Spec(
        name="bumblebee_silu",
        formula=f"x * where(x < -8, 0, where(x < 8, where(x >= 0, {_BB_S}, {_BB_S_NEG}), 1))",
        family="gated",
        citation=LU_2025,
        aliases=("bumblebee_seg4_silu",),
        description="BumbleBee's SiLU for secure two-party inference (seg4_silu of the authors' "
        "code): x s(x) with the sigmoid s replaced by the quartic p(|x|) = 0.49352909 + "
        "0.30285102 |x| - 0.06808619 x^2 + 0.00674791 |x|^3 - 0.00024728 x^4 for 0 <= x < 8, "
        "1 - p(|x|) for -8 <= x < 0, 0 below -8 and 1 from 8 on. The gate is within 0.0065 "
        "of the sigmoid there but is 0.4935 at 0 (0.5065 just below) and 1.0009 at 8, so the "
        "unit has a kink at 0 and small jumps at +-8; it is within 0.0099 of SiLU and "
        "reaches its minimum -0.27801 at x = -1.343. Breakpoints and coefficients from the "
        "authors' code; 1 - p(|x|) is evaluated as the product of its factors, which keeps "
        "its accuracy where it nears 0 close to x = -8.",
        properties=Properties(
            monotonic=False,
            lower=-0.2780071302939883,
            upper=None,
            smoothness="discontinuous",
            zero_at_zero=True,
            zero_centered=True,
            sparse=False,
        ),
        references=(Reference("silu", atol=0.01, note="within 0.0099 of SiLU everywhere"),),
    ),
)
