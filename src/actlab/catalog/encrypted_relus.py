"""Polynomial stand-ins for sign and ReLU used in homomorphically encrypted and secure
multi-party inference, each with its published coefficients: the odd polynomials whose
compositions approximate sign(x) on [-1, 1] (ReLU(x) = x (1 + sign(x)) / 2 and max(a, b) are
built from them) and low-degree polynomials that replace ReLU. Each follows its target only on
its interval and is unbounded outside it."""

from math import comb

from actlab.catalog.encrypted_sigmoids import DAHL_2018, odd_polynomial
from actlab.catalog.rational_text import factored, horner
from actlab.catalog.spec import Citation, Properties, Spec

ISHIYAMA_2020 = Citation(
    "Highly Accurate CNN Inference Using Approximate Activation Functions over Homomorphic "
    "Encryption",
    "Takumi Ishiyama, Takuya Suzuki, Hayato Yamana",
    2020,
    arxiv="2009.03727",
    venue="IEEE Big Data 2020",
)

CHEON_2020 = Citation(
    "Efficient Homomorphic Comparison Methods with Optimal Complexity",
    "Jung Hee Cheon, Dongwoo Kim, Duhyeong Kim",
    2020,
    venue="ASIACRYPT 2020, LNCS 12492; IACR ePrint 2019/1234",
)


def _cheon_f(n: int) -> str:
    """f_n(x) = x sum_{i <= n} C(2i, i) / 4^i (1 - x^2)^i by Horner's rule in 1 - x^2."""
    return f"x * ({horner(tuple(comb(2 * i, i) / 4**i for i in range(n + 1)), '(1 - x**2)')})"


def _expanded(odd: tuple[int, ...], scale: int) -> str:
    """(a1 x + a3 x^3 + ...) / scale in powers of x, as formula text."""
    terms = " + ".join(f"({a}) * x**{2 * k + 1}" for k, a in enumerate(odd))
    return f"({terms}) / {scale}"


_CHEON_F = {
    1: ((3, -1), 2),
    2: ((15, -10, 3), 8),
    3: ((35, -35, 21, -5), 16),
    4: ((315, -420, 378, -180, 35), 128),
}
# the paper's g_n, fitted so that g_n maps [tau, 1] close to 1 fast, coefficients over 2^10
_CHEON_G = {
    1: (2126, -1359),
    2: (3334, -6108, 3796),
    3: (4589, -16577, 25614, -12860),
    4: (5850, -34974, 97015, -113492, 46623),
}


def _f_properties(n: int) -> Properties:
    """f_n' is proportional to (1 - x^2)^n: monotonic for even n, turning at +-1 for odd n."""
    return Properties(
        monotonic=n % 2 == 0,
        lower=None,
        upper=None,
        smoothness="Cinf",
        zero_at_zero=True,
        zero_centered=True,
    )


_G_PROPERTIES = Properties(
    monotonic=False,
    lower=None,
    upper=None,
    smoothness="Cinf",
    zero_at_zero=True,
    zero_centered=True,
)

_F_SHAPE = {
    1: "(3 x - x^3) / 2, the smoothstep-like cubic with f(+-1) = +-1 and f'(+-1) = 0; "
    "beyond +-1 it turns back and falls to -inf on the right",
    2: "(15 x - 10 x^3 + 3 x^5) / 8; its derivative 15 (1 - x^2)^2 / 8 never changes sign, "
    "so it is increasing on the whole line and unbounded past +-1",
    3: "(35 x - 35 x^3 + 21 x^5 - 5 x^7) / 16; it turns back past +-1 and falls to -inf on "
    "the right",
    4: "(315 x - 420 x^3 + 378 x^5 - 180 x^7 + 35 x^9) / 128; its derivative "
    "315 (1 - x^2)^4 / 128 never changes sign, so it is increasing on the whole line and "
    "unbounded past +-1",
}

_G_SHAPE = {
    1: "(2126 x - 1359 x^3) / 1024, which peaks at 0.9995 at x = 0.72 and is 0.749 at 1",
    2: "(3334 x - 6108 x^3 + 3796 x^5) / 1024, which peaks at 0.9984 at x = 0.49 and dips "
    "to 0.749 at 0.85 on the way to g(1) = 0.998",
    3: "(4589 x - 16577 x^3 + 25614 x^5 - 12860 x^7) / 1024, oscillating between 0.9998 "
    "and 0.7495 on [0.37, 0.91]",
    4: "(5850 x - 34974 x^3 + 97015 x^5 - 113492 x^7 + 46623 x^9) / 1024, oscillating "
    "between 0.9996 and 0.749 on [0.29, 0.94]",
}

SPECS: tuple[Spec, ...] = (
    *(
        Spec(
            name=f"cheon_sign_f{n}",
            formula=_cheon_f(n),
            published=_expanded(*_CHEON_F[n]),
            family="sigmoidal",
            citation=CHEON_2020,
            description=f"Cheon, Kim and Kim's f_{n}, the degree-{2 * n + 1} odd polynomial "
            "whose repeated composition f o f o ... o f approaches sign(x) on [-1, 1] in "
            "homomorphic comparison: f_n(x) = sum over i <= n of C(2i, i) / 4^i x "
            f"(1 - x^2)^i, here {_F_SHAPE[n]}. Each composition pushes the values of "
            "(-1, 1) further towards +-1, so comparisons and max(a, b) (and ReLU through "
            "x (1 + sign x) / 2) need only additions and multiplications. Evaluated by "
            "Horner's rule in 1 - x^2; published in powers of x. The closed form and its "
            "expansions were checked against independent implementations that cite the "
            "paper (its body could not be read here).",
            properties=_f_properties(n),
            checked_against="secondary",
        )
        for n in _CHEON_F
    ),
    *(
        Spec(
            name=f"cheon_sign_g{n}",
            formula=odd_polynomial(0.0, tuple(a / 1024 for a in _CHEON_G[n])),
            published=_expanded(_CHEON_G[n], 1024),
            family="sigmoidal",
            citation=CHEON_2020,
            description=f"Cheon, Kim and Kim's g_{n}, the degree-{2 * n + 1} odd polynomial "
            "with coefficients over 2^10 that accelerates their composite sign "
            f"approximation: {_G_SHAPE[n]}. It drives small inputs to the neighbourhood of "
            "+-1 faster than f_n, after which compositions of f_n finish the job "
            f"(sign(x) ~ f_{n} o ... o f_{n} o g_{n} o ... o g_{n}). Unbounded beyond +-1. "
            "Coefficients as in several independent implementations that cite the paper "
            "(its table could not be read here).",
            properties=_G_PROPERTIES,
            checked_against="secondary",
        )
        for n in _CHEON_G
    ),
    Spec(
        name="ishiyama_relu2",
        formula=factored((0.563059, 0.5, 0.078047)),
        published="0.563059 + 0.5 * x + 0.078047 * x**2",
        family="polynomial",
        citation=ISHIYAMA_2020,
        checked_against="secondary",
        aliases=("he_relu_quad6",),
        description="The quadratic 0.563059 + 0.5 x + 0.078047 x^2, the least-squares fit of "
        "ReLU on [-6, 6] (x/2 exactly, plus the best constant and square term for |x|/2), "
        "for CNN inference over CKKS-encrypted data behind batch normalization that keeps "
        "inputs in the interval. It is 0.563 at 0 (the largest error on the interval), "
        "crosses zero at -4.95 and -1.46, reaches its minimum -0.2377 at x = -3.20 and grows "
        "without bound on both sides. The paper's table could not be read here: the "
        "coefficients, and their attribution to the paper, are those of an implementation "
        "that cites it (IEEE document 9378372) as the source of this degree-2 ReLU and of "
        "the quartic ishiyama_swish4.",
        properties=Properties(
            monotonic=False,
            lower=-0.23774051823900977,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=True,
        ),
    ),
    Spec(
        name="tfe_relu8",
        formula=factored(
            (
                0.44015372000819103,
                0.5,
                0.11217537671414643,
                0.0,
                -0.0013660836712429923,
                0.0,
                9.009136367360004e-06,
                0.0,
                -2.1097433984e-08,
            )
        ),
        published="0.44015372000819103 + 0.5 * x + 0.11217537671414643 * x**2 "
        "- 0.0013660836712429923 * x**4 + 9.009136367360004e-06 * x**6 - 2.1097433984e-08 * x**8",
        family="polynomial",
        citation=DAHL_2018,
        aliases=("tfe_relu",),
        description="TF Encrypted's ReLU for secret-shared values in its Pond protocol, which "
        "its code calls a Chebyshev approximation: x/2 exactly plus an even polynomial of "
        "degree 8 for |x|/2, 0.44015372 + 0.11217538 x^2 - 0.00136608 x^4 + 9.0091e-6 x^6 - "
        "2.1097e-8 x^8. It is 0.440 at 0 and stays within that of ReLU up to |x| = 10 "
        "(ripples of -0.161 at x = -2.65 and 0.103 at -6.53), peaks at 13.648 at x = 13.95 "
        "and falls to -inf on both sides beyond. Coefficients as in TF Encrypted's code. "
        "Evaluated as the product of its linear and quadratic factors.",
        properties=Properties(
            monotonic=False,
            lower=None,
            upper=13.648105757527706,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=True,
        ),
    ),
)
