"""Polynomial stand-ins for ReLU and sign from privacy-preserving inference, each with its
published coefficients: quadratics that replace ReLU under homomorphic encryption or in hybrid
secure two-party protocols (a truncated Chebyshev series, a truncated Hermite series, the
integral of a Chebyshev-fitted step), and the composite minimax polynomials whose composition
approximates sign(x) on [-1, 1], from which ReLU(x) = x (1 + sign(x)) / 2 is built. Each
follows its target only on its interval and is unbounded outside it."""

from math import pi, sqrt

import mpmath

from actlab.catalog.spec import Citation, Param, Properties, Spec

ALI_2020 = Citation(
    "On Polynomial Approximations for Privacy-Preserving and Verifiable ReLU Networks",
    "Ramy E. Ali, Jinhyun So, A. Salman Avestimehr",
    2020,
    arxiv="2011.05530",
)

HESAMIFARD_2017 = Citation(
    "CryptoDL: Deep Neural Networks over Encrypted Data",
    "Ehsan Hesamifard, Hassan Takabi, Mehdi Ghasemi",
    2017,
    arxiv="1711.05189",
)

PARK_2022 = Citation(
    "AESPA: Accuracy Preserving Low-degree Polynomial Activation for Fast Private Inference",
    "Jaiyoung Park, Michael Jaemin Kim, Wonkyung Jung, Jung Ho Ahn",
    2022,
    arxiv="2201.06699",
)

LEE_2022 = Citation(
    "Minimax Approximation of Sign Function by a Composite Polynomial for Homomorphic Comparison",
    "Eunsang Lee, Joon-Woo Lee, Jong-Seon No, Young-Sik Kim",
    2022,
    venue="IEEE Transactions on Dependable and Secure Computing 19(6); IACR ePrint 2020/834",
)


def _factors(
    coefficients: tuple[float, ...], var: str, scaled: bool = False
) -> tuple[mpmath.mpf, list[str]]:
    """The leading coefficient of sum_k coefficients[k] var^k and the factors of the
    polynomial over its roots, as formula text: (var - r) for a real root r and
    (var - a)^2 + b^2 for a pair a +- ib, so that no factor cancels except next to its own
    real root. With ``scaled``, k = |leading coefficient|^(1/degree) goes inside each factor,
    k (var - r) and (k (var - a))^2 + (k b)^2, whose product is then the polynomial up to
    the sign of its leading coefficient: no factor forms a power of var larger than the
    polynomial itself, in f or in its derivative, so float16 overflows only where they do."""
    with mpmath.workdps(50):
        c = [mpmath.mpf(a) for a in coefficients]
        k = abs(c[-1]) ** (mpmath.mpf(1) / (len(c) - 1)) if scaled else mpmath.mpf(1)
        roots = sorted(mpmath.polyroots(c[::-1], maxsteps=200, extraprec=200), key=mpmath.im)
        factors = []
        for r in roots:
            a, b = mpmath.re(r), mpmath.im(r)
            shifted = f"{var} - {float(a)!r}" if a >= 0 else f"{var} + {float(-a)!r}"
            if scaled:
                shifted = f"{float(k)!r} * ({shifted})"
            if abs(b) < 1e-30:
                factors.append(f"({shifted})")
            elif b > 0:
                factors.append(f"(({shifted})**2 + {float((k * b) ** 2)!r})")
        return c[-1], factors


def _scaled_factored(coefficients: tuple[float, ...], var: str) -> str:
    """sum_k coefficients[k] var^k as the product of its scaled factors, as formula text."""
    lead, factors = _factors(coefficients, var, scaled=True)
    return " * ".join(["-1", *factors] if lead < 0 else factors)


def _odd_factored(odd: tuple[float, ...], var: str) -> str:
    """var (a1 + a3 var^2 + ...) as its leading coefficient times var times factors in var^2."""
    lead, factors = _factors(odd, f"{var}**2")
    return " * ".join([repr(float(lead)), var, *factors])


def _odd_powers(odd: tuple[float, ...], var: str) -> str:
    """a1 var + a3 var^3 + ... as formula text."""
    return " + ".join(f"({a!r}) * {var}**{2 * k + 1}" for k, a in enumerate(odd))


# Lee et al.'s composite for alpha = 7: odd coefficients (of u, u^3, u^5, u^7) of the first
# and the second component
_A7_P1 = (7.30445164958251, -34.6825871108659, 59.8596518298826, -31.8755225906466)
_A7_P2 = (2.40085652217597, -2.63125454261783, 1.54912674773593, -0.331172956504304)
_A7_INNER = f"({_odd_factored(_A7_P1, 'x')})"
_A7_SIGN = _odd_factored(_A7_P2, _A7_INNER)
# 1 + p2(u), factored in u, so that x (1 + sign(x)) / 2 keeps its relative accuracy where the
# composite crosses -1
_A7_LEAD, _A7_ONE_PLUS = _factors((1.0, *(a for c in _A7_P2 for a in (c, 0.0)))[:-1], _A7_INNER)
_A7_RELU = " * ".join(["x", repr(float(_A7_LEAD / 2)), *_A7_ONE_PLUS])
_A7_PUBLISHED = _odd_powers(_A7_P2, f"({_odd_powers(_A7_P1, 'x')})")
_A7_SOURCE = (
    "Coefficients as in two independent implementations that agree to every digit (an "
    "implementation of Smart-PAF's approximations, where the set is called a7, and a NumPy "
    "one that also gives the sets for alpha = 8 to 10); the paper's tables could not be read "
    "here. Evaluated as products of the factors of each component over its roots, which "
    "keeps float32 accurate."
)

_Q = Param(
    "q",
    1.0,
    0.0,
    open_low=True,
    doc="half-width of the interval [-q, q] the inputs are meant to stay in",
)
_CRYPTODL_TABLES = (
    "Coefficients as tabulated in the authors' lab code (inspire-lab/CryptoDL, "
    "python/kalypso/actFunctions.py) for q = 1 and q = 10 to 90, where this series is "
    "labelled"
)
_CHEBYSHEV_RELU2 = "x * (4 * x / (3 * pi * q) + 0.5) + q / (3 * pi)"
_CRYPTODL_A = 0.0263068516521283
_CRYPTODL_B = 0.500000000000111
_CRYPTODL_A4 = (-7.72574062998687e-5, 0.0403273407849185)
_CRYPTODL_CUBIC = (_CRYPTODL_B, _CRYPTODL_A4[1], 0.0, _CRYPTODL_A4[0])

SPECS: tuple[Spec, ...] = (
    Spec(
        name="chebyshev_relu2",
        checked_against="secondary",
        formula=_CHEBYSHEV_RELU2,
        published="4 / (3 * pi * q) * x**2 + x / 2 + q / (3 * pi)",
        family="polynomial",
        citation=ALI_2020,
        params=(_Q,),
        description="The quadratic 4 x^2 / (3 pi q) + x / 2 + q / (3 pi) that replaces ReLU "
        "for inputs in [-q, q] in encrypted and verifiable inference: the Chebyshev series "
        "of ReLU on [-q, q] cut after degree 2 (|x| has Chebyshev coefficients 2/pi and "
        "4/(3 pi) on T0 and T2, and ReLU = (x + |x|)/2). Its largest error on the interval "
        "is q/(3 pi) = 0.106 q, at 0; its lowest value is q (1/(3 pi) - 3 pi/64) = -0.041 q "
        "at x = -3 pi q / 16, and it grows without bound on both sides. The formula and q = "
        "1 are as documented by the python-fhez library (which trains q), attributing it to "
        "Ali, So and Avestimehr; the paper's text could not be read here. CryptoDL's code "
        "tabulates the same polynomial for q = 1 and q = 10 to 90 (under the label "
        "Legendre); its degree-4 continuation is chebyshev_relu4.",
        properties=Properties(
            monotonic=False,
            lower=1 / (3 * pi) - 3 * pi / 64,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=True,
        ),
    ),
    Spec(
        name="chebyshev_relu4",
        checked_against="secondary",
        formula="q / (5 * pi) + x * (0.5 + x * (12 / (5 * pi * q) - x**2 * 16 / (15 * pi * q**3)))",
        published="-16 * x**4 / (15 * pi * q**3) + 12 * x**2 / (5 * pi * q) + x / 2 + q / (5 * pi)",
        family="polynomial",
        citation=HESAMIFARD_2017,
        params=(_Q,),
        description="The Chebyshev series of ReLU on [-q, q] cut after degree 4, one of the "
        "polynomial stand-ins for ReLU that CryptoDL trains networks with for inference on "
        "homomorphically encrypted data: x/2 plus half the series of |x| (2/pi + 4/(3 pi) T2 "
        "- 4/(15 pi) T4), that is q/(5 pi) + x/2 + 12 x^2/(5 pi q) - 16 x^4/(15 pi q^3). It "
        "is q/(5 pi) = 0.064 q at 0, peaks at 1.0597 q at x = 1.197 q and falls to -inf on "
        "both sides. " + _CRYPTODL_TABLES + " Legendre (the labels of the two series are "
        "swapped there; the coefficients were checked against the series here).",
        properties=Properties(
            monotonic=False,
            lower=None,
            upper=1.05971105160284,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=True,
        ),
    ),
    Spec(
        name="legendre_relu2",
        checked_against="secondary",
        formula="x * (15 * x / (32 * q) + 0.5) + 3 * q / 32",
        published="15 * x**2 / (32 * q) + x / 2 + 3 * q / 32",
        family="polynomial",
        citation=HESAMIFARD_2017,
        params=(_Q,),
        description="The least-squares quadratic for ReLU on [-q, q] (its Legendre series "
        "cut after degree 2, |x| ~ 1/2 + 5/8 P2), one of the polynomial stand-ins for ReLU "
        "of CryptoDL: 15 x^2/(32 q) + x/2 + 3 q/32. Its lowest value is -19 q/480 = -0.0396 q "
        "at x = -8 q/15; it grows without bound on both sides. " + _CRYPTODL_TABLES + " "
        "Chebyshev (the labels of the two series are swapped there; the coefficients were "
        "checked against the series here).",
        properties=Properties(
            monotonic=False,
            lower=-19 / 480,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=True,
        ),
    ),
    Spec(
        name="legendre_relu4",
        checked_against="secondary",
        formula="15 * q / 256 + x * (0.5 + x * (105 / (128 * q) - x**2 * 105 / (256 * q**3)))",
        published="-105 * x**4 / (256 * q**3) + 105 * x**2 / (128 * q) + x / 2 + 15 * q / 256",
        family="polynomial",
        citation=HESAMIFARD_2017,
        params=(_Q,),
        description="The least-squares quartic for ReLU on [-q, q] (its Legendre series cut "
        "after degree 4, |x| ~ 1/2 + 5/8 P2 - 3/16 P4), one of the polynomial stand-ins for "
        "ReLU of CryptoDL: 15 q/256 + x/2 + 105 x^2/(128 q) - 105 x^4/(256 q^3). It is "
        "0.0586 q at 0, peaks at 1.0023 q at x = 1.127 q and falls to -inf on both sides. "
        + _CRYPTODL_TABLES
        + " Chebyshev (the labels of the two series are swapped there; "
        "the coefficients were checked against the series here).",
        properties=Properties(
            monotonic=False,
            lower=None,
            upper=1.0023210621821634,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=True,
        ),
    ),
    Spec(
        name="cryptodl_relu2",
        checked_against="secondary",
        formula=f"x * ({_CRYPTODL_A!r} * x + {_CRYPTODL_B!r})",
        published=f"{_CRYPTODL_A!r} * x**2 + {_CRYPTODL_B!r} * x",
        family="polynomial",
        citation=HESAMIFARD_2017,
        description="CryptoDL's degree-2 stand-in for ReLU on [-10, 10]: "
        "0.0263068516521283 x^2 + 0.500000000000111 x, the integral of a Chebyshev "
        "approximation of ReLU's derivative (the step) on the interval, so it has no "
        "constant term. It passes through 0, is lowest (-2.3758) at x = -9.503, and grows "
        "without bound on both sides. Coefficients from the authors' lab code "
        "(inspire-lab/CryptoDL, python/kalypso/public_functions.py and actFunctions.py), "
        "which tabulates the "
        "same construction for intervals [-10, 10] to [-590, 590] (the x^2 coefficient "
        "scaling as 0.2631 / L); the paper's tables could not be read here.",
        properties=Properties(
            monotonic=False,
            lower=-(_CRYPTODL_B**2) / (4 * _CRYPTODL_A),
            upper=None,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
        ),
    ),
    Spec(
        name="cryptodl_relu4",
        checked_against="secondary",
        formula=f"x * {_scaled_factored(_CRYPTODL_CUBIC, 'x')}",
        published=f"{_CRYPTODL_A4[0]!r} * x**4 + {_CRYPTODL_A4[1]!r} * x**2 + {_CRYPTODL_B!r} * x",
        family="polynomial",
        citation=HESAMIFARD_2017,
        description="CryptoDL's degree-4 stand-in for ReLU on [-10, 10], the next step of "
        "cryptodl_relu2: a Chebyshev approximation of degree 3 of ReLU's derivative on the "
        "interval, integrated, -7.72574062998687e-5 x^4 + 0.0403273407849185 x^2 + "
        "0.500000000000111 x. It passes through 0, stays within 1.75 of ReLU on the "
        "interval (lowest -1.740 at x = -8.90), peaks at 14.005 at x = 18.65 and falls to "
        "-inf on both sides. Coefficients from the authors' lab code (inspire-lab/CryptoDL, "
        "python/kalypso/actFunctions.py, which tabulates the construction for intervals "
        "[-10, 10] to [-590, 590]); the paper's tables could not be read here. Evaluated as "
        "x times the scaled factors of the cubic over its roots, so that float16 overflows "
        "only where f or f' does.",
        properties=Properties(
            monotonic=False,
            lower=None,
            upper=14.005117888110314,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
        ),
    ),
    Spec(
        name="aespa_relu2",
        checked_against="secondary",
        formula=f"x * (x * {1 / (2 * sqrt(2 * pi))!r} + 0.5) + {1 / (2 * sqrt(2 * pi))!r}",
        published="1 / sqrt(2 * pi) + x / 2 + (x**2 - 1) / sqrt(2) / sqrt(4 * pi)",
        family="polynomial",
        citation=PARK_2022,
        aliases=("hermite_relu2",),
        description="The activation of AESPA (HerPN) before its basis-wise normalization: "
        "ReLU's expansion in normalized probabilists' Hermite polynomials cut after degree "
        "2, h0 + x/2 + h2 (x^2 - 1)/sqrt(2) with h0 = 1/sqrt(2 pi) and h2 = 1/sqrt(4 pi), "
        "that is (x^2 + 1) / (2 sqrt(2 pi)) + x/2, the best quadratic for ReLU in mean "
        "square under a standard normal input; in the network each Hermite term is "
        "batch-normalized on its own before the weighted sum, and the normalization is "
        "folded into the neighbouring layers for hybrid (HE + MPC) private inference with "
        "Beaver triples. Lowest value 1/(2 sqrt(2 pi)) - sqrt(2 pi)/8 = -0.1139 at x = "
        "-sqrt(2 pi)/2. The coefficients are those of the expansion (checked here and "
        "against an implementation of HerPN and of Hermite activations initialized to "
        "ReLU); the paper's text could only be read through its abstract.",
        properties=Properties(
            monotonic=False,
            lower=1 / (2 * sqrt(2 * pi)) - sqrt(2 * pi) / 8,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=True,
        ),
    ),
    Spec(
        name="minimax_sign_a7",
        checked_against="secondary",
        formula=_A7_SIGN,
        published=_A7_PUBLISHED,
        family="polynomial",
        citation=LEE_2022,
        description="The composite minimax approximation of sign(x) of Lee, Lee, No and Kim "
        "for precision parameter alpha = 7: two odd polynomials of degree 7, p1(x) = "
        "7.30445 x - 34.68259 x^3 + 59.85965 x^5 - 31.87552 x^7 and p2(u) = 2.40086 u - "
        "2.63125 u^3 + 1.54913 u^5 - 0.33117 u^7, each a minimax fit on the image of the one "
        "before, applied one after the other (p2(p1(x)), degree 49), so that comparison and "
        "max under approximate homomorphic encryption (CKKS) cost few multiplications. It "
        "stays within 0.014 of +-1 for 0.1 <= |x| <= 1 and leaves that band just beyond "
        "|x| = 1, where it swings and then grows without bound (to +inf on the right, -inf "
        "on the left). The ReLU built from it is minimax_relu_a7. " + _A7_SOURCE,
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
        name="minimax_relu_a7",
        checked_against="secondary",
        formula=_A7_RELU,
        published=f"x * (1 + {_A7_PUBLISHED}) / 2",
        family="polynomial",
        citation=LEE_2022,
        aliases=("approx_relu_a7",),
        description="ReLU(x) = x (1 + sign(x)) / 2 with sign replaced by the composite "
        "minimax polynomial minimax_sign_a7 of Lee, Lee, No and Kim (degree 50 in all), the "
        "approximate ReLU with which ResNets on CKKS-encrypted images are evaluated after "
        "scaling the inputs into [-1, 1]. It is within 0.0076 (2^-7) of ReLU on [-1, 1]; "
        "just left of -1 it dips to -1.0656 (at x = -1.0583), and beyond +-1 it rises "
        "without bound on both sides. " + _A7_SOURCE,
        properties=Properties(
            monotonic=False,
            lower=-1.0656230740204244,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
        ),
    ),
)
