"""Stand-ins for GELU, SiLU, erf and exp built for private (secure multi-party or
homomorphically encrypted) inference of transformers and convolutional networks: polynomials,
piecewise polynomials and iterated squarings with their published constants."""

import math

from actlab.catalog.encrypted_relus import ISHIYAMA_2020
from actlab.catalog.encrypted_sigmoids import DAHL_2018, KNOTT_2021, factored, odd_polynomial
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
        formula="where(x > -128, exp(256 * log1p(x / 256)), ((1 + x / 256)**16)**16)",
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
        "above -128, where the rounding of 1 + x/256 would otherwise be raised to the "
        "256th power, and as the power itself below, where 1 + x/256 is exact in binary "
        "floating point.",
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
)
