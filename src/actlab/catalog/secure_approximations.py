"""Polynomial stand-ins for ReLU from privacy-preserving inference, each with its
published coefficients: polynomials of degree 2 and 4 that replace ReLU under homomorphic
encryption or in hybrid secure two-party protocols (truncated Chebyshev and Legendre series on
an interval [-q, q], a truncated Hermite series, integrals of a Chebyshev-fitted step). Each
follows ReLU only on its interval and is unbounded outside it; the composite polynomials for
sign and ReLU are in secure_composites."""

from math import pi, sqrt

from actlab.catalog.secure_composites import polynomial_properties, scaled_factored
from actlab.catalog.spec import Citation, Param, Spec

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
        properties=polynomial_properties(lower=1 / (3 * pi) - 3 * pi / 64, zero_at_zero=False),
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
        properties=polynomial_properties(upper=1.05971105160284, zero_at_zero=False),
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
        properties=polynomial_properties(lower=-19 / 480, zero_at_zero=False),
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
        properties=polynomial_properties(upper=1.0023210621821634, zero_at_zero=False),
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
        properties=polynomial_properties(
            lower=-(_CRYPTODL_B**2) / (4 * _CRYPTODL_A), zero_at_zero=True
        ),
    ),
    Spec(
        name="cryptodl_relu4",
        checked_against="secondary",
        formula=f"x * {scaled_factored(_CRYPTODL_CUBIC, 'x')}",
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
        properties=polynomial_properties(upper=14.005117888110314, zero_at_zero=True),
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
        properties=polynomial_properties(
            lower=1 / (2 * sqrt(2 * pi)) - sqrt(2 * pi) / 8, zero_at_zero=False
        ),
    ),
)
