"""Polynomial and piecewise stand-ins for the logistic sigmoid (and its logarithm) used to train
and evaluate logistic regression and neural networks under homomorphic encryption or secure
multi-party computation, each with its published coefficients. A polynomial follows the sigmoid
only on its fitting interval and is unbounded outside it."""

from math import comb

from actlab.catalog.hardware_approximations import KIM_2018
from actlab.catalog.rational_text import factored, horner
from actlab.catalog.spec import Citation, Properties, Reference, Spec

BERGAMASCHI_2019 = Citation(
    "Homomorphic Training of 30,000 Logistic Regression Models",
    "Flavio Bergamaschi, Shai Halevi, Tzipora T. Halevi, Hamish Hunt",
    2019,
    venue="ACNS 2019, LNCS 11464; IACR ePrint 2019/425",
)


SYMPC_2021 = Citation(
    "SyMPC: a library for secure multi-party computation in PyTorch",
    "OpenMined",
    2021,
    venue="SyMPC library (OpenMined), src/sympc/approximations/sigmoid.py",
)


KNOTT_2021 = Citation(
    "CrypTen: Secure Multi-Party Computation Meets Machine Learning",
    "Brian Knott, Shobha Venkataraman, Awni Hannun, Shubho Sengupta, Mark Ibrahim, "
    "Laurens van der Maaten",
    2021,
    arxiv="2109.00984",
    venue="NeurIPS 2021",
)
DAHL_2018 = Citation(
    "Private Machine Learning in TensorFlow using Secure Computation",
    "Morten Dahl, Jason Mancuso, Yann Dupis, Ben Decoste, Morgan Giraud, Ian Livingstone, "
    "Justin Patriquin, Gavin Uhma",
    2018,
    arxiv="1810.08130",
    venue="PPML workshop at NeurIPS 2018; TF Encrypted's Pond sigmoid",
)


def odd_polynomial(constant: float, odd: tuple[float, ...], var: str = "x") -> str:
    """constant + var (a1 + var^2 (a3 + ...)): an odd polynomial about ``constant`` by Horner's
    rule in var^2, as formula text."""
    text = f"{var} * ({horner(odd, f'{var}**2')})"
    return text if constant == 0 else f"{constant!r} + {text}"


UNBOUNDED = Properties(
    monotonic=False,
    lower=None,
    upper=None,
    smoothness="Cinf",
    zero_at_zero=False,
    zero_centered=True,
)


def _expand(constant: float, odd: tuple[float, ...], scale: float = 1.0) -> tuple[float, ...]:
    """Coefficients in powers of x of constant + sum_k odd[k] (x / scale)^(2k + 1)."""
    coefficients = [0.0] * (2 * len(odd))
    coefficients[0] = constant
    coefficients[1::2] = [a / scale ** (2 * k + 1) for k, a in enumerate(odd)]
    return tuple(coefficients)


def _sympc_chebyshev() -> str:
    """t^9 sum_{m <= 8} C(8 + m, m) w^m (t = (1 + x/8)/2, w = (1 - x/8)/2) as
    t sum_m C(8 + m, m) t^(8 - m) (t w)^m, Horner's rule in t w: every term stays of the size of
    the result, and the factor t keeps the relative accuracy at the zero x = -8."""
    t, s = "(0.5 + x / 16)", "((0.5 + x / 16) * (0.5 - x / 16))"
    text = repr(float(comb(16, 8)))
    for m in range(7, -1, -1):
        text = f"{float(comb(8 + m, m))!r} * {t}**{8 - m} + {s} * ({text})"
    return f"{t} * ({text})"


def crypten_error(divisor: int = 512) -> str:
    """1 - y_3 for CrypTen's reciprocal sigmoid at |x| 512 / divisor, through the errors
    e_k = 1 - y_k of its Newton iterations y_{k+1} = y_k (2 - d y_k) for 1/d, d = 1 + E:
    e_{k+1} = e_k^2 + E (1 - e_k)^2, a sum of non-negative terms, so that 1 - y_3 keeps its
    relative accuracy where it is small. E = (1 - |x|/divisor)^512 is written
    |v| exp(511 log1p(|v| - 1)), v = 1 - |x|/divisor: valid on the whole line, and its
    derivative stays finite where v = 0."""
    v = f"abs(1 - abs(x) / {divisor})"
    e = f"{v} * exp(511 * log1p({v} - 1))"
    error = f"(0.0625 + 0.5625 * {e})"
    for _ in range(2):
        error = f"({error}**2 + {e} * (1 - {error})**2)"
    return error


_SIDE = "where(x >= 0, 1, -1)"


# Kim et al.'s least-squares fits on [-8, 8], in powers of u = x / 8 (degree 5 as published;
# degree 7 as the authors' code stores it, in powers of x)
_LS5_U = (1.53048, -2.3533056, 1.3511295)
_LS7_X = (0.216884, -0.00819276, 0.000165861, -0.00000119581)

SPECS: tuple[Spec, ...] = (
    Spec(
        name="he_sigmoid_ls5",
        formula=factored(_expand(0.5, _LS5_U, 8)),
        published="0.5 + 1.53048 * (x / 8) - 2.3533056 * (x / 8)**3 + 1.3511295 * (x / 8)**5",
        family="sigmoidal",
        citation=KIM_2018,
        description="The degree-5 least-squares fit of the logistic sigmoid on [-8, 8] that "
        "Kim, Song, Kim, Lee and Cheon evaluate under approximate homomorphic encryption "
        "(CKKS) to train logistic regression: 0.5 + 1.53048 (x/8) - 2.3533056 (x/8)^3 + "
        "1.3511295 (x/8)^5, within 0.047 of the sigmoid on the interval. It overshoots to "
        "1.018 at x = 4.43 (and -0.018 at -4.43), dips back to 0.955 at 6.87 and grows "
        "without bound beyond the interval (to -inf on the left). Coefficients as in the "
        "authors' code (CryptoLab's IDASH2017 repository, which stores 0.19131 x - 0.0045963 "
        "x^3 + 0.0000412332 x^5 about 0.5, the same numbers divided by powers of 8). Evaluated "
        "as the product of its linear and quadratic factors, so that no power of x "
        "overflows before the small coefficients scale it. See "
        "he_sigmoid_ls3 and he_sigmoid_ls7 for the other degrees.",
        properties=UNBOUNDED,
    ),
    Spec(
        name="he_sigmoid_ls7",
        formula=factored(_expand(0.5, _LS7_X)),
        published="0.5 + 0.216884 * x - 0.00819276 * x**3 + 0.000165861 * x**5 "
        "- 0.00000119581 * x**7",
        family="sigmoidal",
        citation=KIM_2018,
        description="The degree-7 least-squares fit of the logistic sigmoid on [-8, 8] of Kim, "
        "Song, Kim, Lee and Cheon's homomorphically encrypted logistic-regression training: "
        "0.5 + 0.216884 x - 0.00819276 x^3 + 0.000165861 x^5 - 0.00000119581 x^7, the "
        "coefficients of the authors' code (CryptoLab's IDASH2017 repository). Within 0.032 "
        "of the sigmoid on the interval, with ripples (0.9935 at x = 4.05, 0.9825 at 5.48, "
        "1.0136 at 7.26); beyond +-8 it turns away without bound (to -inf on the right). The "
        "form in powers of x/8 that later papers quote, 1.73496, -4.19407, 5.43402, "
        "-2.50739, differs from it by less than 2e-5 on [-8, 8]. "
        "Evaluated, like he_sigmoid_ls5, as the product of its linear and quadratic factors.",
        properties=UNBOUNDED,
    ),
    Spec(
        name="he_logsigmoid4",
        formula=factored((-0.78, 0.5, -0.0822, 0.0, 0.000527)),
        published="0.000527 * x**4 - 0.0822 * x**2 + 0.5 * x - 0.78",
        family="sigmoidal",
        citation=BERGAMASCHI_2019,
        checked_against="secondary",
        description="The quartic 0.000527 x^4 - 0.0822 x^2 + 0.5 x - 0.78 that stands for "
        "log sigmoid(x) = x/2 - log(2 cosh(x/2)) on [-5, 5] in homomorphically encrypted "
        "logistic-regression training after Bergamaschi, Halevi, Halevi and Hunt, where the "
        "log-likelihood is evaluated on encrypted data: the linear term is exact and the even "
        "part is fitted, within 0.087 of log sigmoid on the interval (-0.78 at 0 against "
        "log 1/2 = -0.693). Outside it the quartic turns up: it rises above 0 between 2.71 "
        "and 4.90 and beyond 7.41, and on the left reaches its minimum -8.73 at x = -10.08 "
        "before growing without bound. The paper's text could not be read here; the "
        "coefficients are those of Intel's HE Toolkit logistic-regression example, which "
        "implements the paper. Evaluated as the product of its four linear factors.",
        properties=Properties(
            monotonic=False,
            lower=-8.731375149336293,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=True,
        ),
    ),
    Spec(
        name="tfe_sigmoid9",
        formula=factored(
            (
                0.5,
                0.2159198015,
                0.0,
                -0.0082176259,
                0.0,
                0.0001825597,
                0.0,
                -0.0000018848,
                0.0,
                0.0000000072,
            )
        ),
        published="0.5 + 0.2159198015 * x - 0.0082176259 * x**3 + 0.0001825597 * x**5 "
        "- 0.0000018848 * x**7 + 0.0000000072 * x**9",
        family="sigmoidal",
        citation=DAHL_2018,
        aliases=("tfe_sigmoid", "dahl_sigmoid9", "rosetta_sigmoid_chebyshev"),
        description="The degree-9 odd polynomial sigmoid of secret-shared computation in TF "
        "Encrypted's Pond protocol, first given in Dahl's 2017 tutorial on private deep "
        "learning with MPC as an interpolation over [-10, 10]: 0.5 + 0.2159198015 x - "
        "0.0082176259 x^3 + 0.0001825597 x^5 - 0.0000018848 x^7 + 0.0000000072 x^9. The "
        "Rosetta and PaddleFL frameworks evaluate the same coefficients (as a 'Chebyshev' "
        "sigmoid, preferably on [-8, 8]). Within 0.024 of the sigmoid on [-8, 8]; it ripples "
        "about the tails (1.0162 at x = 8.17, 0.9845 at 5.79) and beyond 9.28 grows without "
        "bound, to -inf on the left. Coefficients as in TF Encrypted's code. Evaluated as the "
        "product of its linear and quadratic factors.",
        properties=UNBOUNDED,
    ),
    Spec(
        name="pysyft_sigmoid5",
        formula=factored((0.5, 1.91204779e-01, 0.0, -4.58667307e-03, 0.0, 4.20690803e-05)),
        published="0.5 + 1.91204779e-01 * x - 4.58667307e-03 * x**3 + 4.20690803e-05 * x**5",
        family="sigmoidal",
        citation=SYMPC_2021,
        aliases=("sympc_sigmoid_maclaurin",),
        description="The quintic sigmoid 0.5 + 0.191204779 x - 0.00458667307 x^3 + "
        "0.0000420690803 x^5 that OpenMined's PySyft and SyMPC evaluate on secret-shared "
        "values (their method='maclaurin', though the coefficients are a fit over a wide "
        "interval rather than the Maclaurin series 1/4, -1/48, 1/480). It is within 0.061 "
        "of the sigmoid on [-8, 8], overshoots to 1.0201 at x = 4.48 (and -0.0201 at "
        "-4.48), dips to 0.9695 at 6.74, and grows without bound beyond (to -inf on the "
        "left). Close to Kim et al.'s he_sigmoid_ls5 (0.19131, -0.0045963, 0.0000412332). "
        "Evaluated as the product of its linear and quadratic factors.",
        properties=UNBOUNDED,
    ),
    Spec(
        name="sympc_sigmoid_chebyshev",
        formula=_sympc_chebyshev(),
        published="((1 + x / 8) / 2)**9 * ("
        + " + ".join(f"{comb(8 + m, m)} * ((1 - x / 8) / 2)**{m}" for m in range(9))
        + ")",
        family="sigmoidal",
        citation=SYMPC_2021,
        description="SyMPC's 'chebyshev' sigmoid for secret-shared values, with its reference "
        "Vlcek (Neural Network World 22(4), 2012): with z = x/8, t = (1 + z)/2 and "
        "w = (1 - z)/2, sigmoid(x) ~ t^9 sum_{m=0..8} C(8 + m, m) w^m, the degree-17 "
        "polynomial that rises from 0 at x = -8 to 1 at 8 with its first eight derivatives "
        "0 at both ends; its derivative is proportional to (1 - (x/8)^2)^8, so it increases "
        "on the whole line (the code mirrors it as 1 - p(-x) for x < 0, which gives the same "
        "polynomial, since p - 1/2 is odd). It equals (1 + f_8(x/8))/2 with Cheon et al.'s "
        "f_8 (see cheon_sign_f1..f4): the same smooth step, scaled to [-8, 8]. Within 0.033 "
        "of the sigmoid on [-8, 8]; it is 1.0004 at 10 and 1.47 at 12, and grows like "
        "(x/8)^17 beyond (to -inf on the left). Evaluated in a form that keeps every term "
        "of the size of the result (see the code).",
        properties=Properties(
            monotonic=True,
            lower=None,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=True,
        ),
    ),
    Spec(
        name="crypten_sigmoid",
        formula=f"(1 + {_SIDE}) / 2 - {_SIDE} * {crypten_error()}",
        family="sigmoidal",
        citation=KNOTT_2021,
        description="CrypTen's default sigmoid for secure multi-party computation (method "
        "'reciprocal'): for x >= 0 the reciprocal of d = 1 + e^-x by three Newton "
        "iterations y <- y (2 - d y) from y = 0.75, with e^-x itself the limit "
        "approximation (1 - x/512)^512 (nine squarings), and 1 minus that value at |x| "
        "for x < 0. With E = (1 - |x|/512)^512 the errors e = 1 - y follow e <- e^2 + "
        "E (1 - e)^2 from e = 1/4, and the unit is 1 - e_3 for x >= 0 and e_3 below, the "
        "form evaluated here. It is within 0.002 of the sigmoid on [-20, 20], but jumps at "
        "0 (0.50195 just below, 0.49805 at 0), saturates at 1.526e-5 and 0.9999847 (reached "
        "at |x| = 512, where E = 0), and beyond |x| = 1024, where E grows again, runs off "
        "to +inf on the left and -inf on the right. Overrides (nine exp squarings, three "
        "Newton steps from 0.75) as in CrypTen's code; its tanh is 2 sigmoid(2x) - 1.",
        properties=Properties(
            monotonic=False,
            lower=None,
            upper=None,
            smoothness="discontinuous",
            zero_at_zero=False,
            zero_centered=True,
        ),
        references=(Reference("sigmoid", atol=0.002, note="within 0.002 of the sigmoid"),),
    ),
)
