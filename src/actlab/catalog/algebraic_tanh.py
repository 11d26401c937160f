"""Algebraic approximations of tanh and the logistic sigmoid, p(x) / sqrt(1 + p(x)^2) with p an
odd polynomial fitted so that the algebraic sigmoid u / sqrt(1 + u^2) of p(x) follows tanh (or,
halved and shifted, the logistic function): the kernels of the math_approx library, whose tanh
real-time neural audio inference (RTNeural's models of Neural Amp Modeler and of the BYOD
plug-in's recurrent networks) runs as its tanh activation. Bounded for every x, unlike the Padé
approximants. The survey of Kunc and Kléma (arXiv:2402.09092) lists none of them."""

import math
from collections.abc import Callable

import torch

from actlab.catalog.rational_text import horner
from actlab.catalog.spec import Citation, Properties, Reference, Spec

MATH_APPROX_2024 = Citation(
    "math_approx: a C++ library for math approximations",
    "Jatin Chowdhury",
    2024,
    venue="Chowdhury-DSP/math_approx, include/math_approx/src/tanh_approx.hpp (tanh<order>) "
    "and sigmoid_approx.hpp (sigmoid_rsqrt<order>); polynomials fitted in the library's "
    "published Mathematica notebooks",
)


def _asinh_of_polynomial(odd: tuple[float, ...]) -> str:
    """asinh(p) for p = x q(x^2), as formula text free of overflow and underflow in every float
    format, its derivative included. With the scale S = c_k^(-1/2k) (c_k the leading
    coefficient) and t = x / S, p = S t D(t^2) where D's coefficients c_j S^(2j) are all of
    order 1: asinh(p) is evaluated as written for |x| <= S, and beyond, with w = (S/x)^2 and
    ln|p| = ln S + (2k+1) ln|x/S| + ln D~(w) (D~ the reversed D, constant term 1), as
    sign(x) (ln 2|p| + ln((1 + sqrt(1 + 1/p^2)) / 2)) with 1/p^2 = exp(-2 ln|p|); the last
    term, below 0.003, needs only absolute accuracy there. p / sqrt(1 + p^2) is then
    tanh(asinh(p)), and the logistic form (1 + p / sqrt(1 + p^2)) / 2 is sigmoid(2 asinh(p)),
    which keeps its relative accuracy in the left tail, where 1 + p / sqrt(1 + p^2) cancels; no
    power of x is formed."""
    k = len(odd) - 1
    scale = odd[-1] ** (-1 / (2 * k))
    balanced = tuple(c * scale ** (2 * j) for j, c in enumerate(odd))
    v = f"clamp(x / {scale!r}, -1, 1)"
    p = f"{scale!r} * {v} * ({horner(balanced, f'{v}**2')})"
    w = f"({scale!r} / max(abs(x), {scale!r}))**2"
    log_p = (
        f"({math.log(scale)!r} + {2 * k + 1} * log(max(abs(x) / {scale!r}, 1)) "
        f"+ log({horner(tuple(reversed(balanced)), w)}))"
    )
    outer = f"sign(x) * ({math.log(2)!r} + {log_p} + log((1 + sqrt(1 + exp(-2 * {log_p}))) / 2))"
    return f"where(abs(x) > {scale!r}, {outer}, asinh({p}))"


def _as_written(odd: tuple[float, ...]) -> Callable[[torch.Tensor], torch.Tensor]:
    def f(x: torch.Tensor) -> torch.Tensor:
        p = x * sum(c * x ** (2 * j) for j, c in enumerate(odd))
        return p * torch.rsqrt(p * p + 1)

    return f


_BOUNDED_ODD = Properties(
    monotonic=True,
    lower=-1.0,
    upper=1.0,
    smoothness="Cinf",
    zero_at_zero=True,
    zero_centered=True,
)

# q's coefficients (from x^0 up, in x^2) of tanh<3>, ..., tanh<9> as the library writes them (its
# tanh<11> does not fit the formula language's 400 syntax nodes in a form free of overflow)
_Q = {
    3: (1.0, 0.183428244899),
    5: (1.0, 0.165326984031, 0.00970240200826),
    7: (1.0, 0.166769941467, 0.00818199927912, 0.000243153287690),
    9: (1.0, 0.166658873283, 0.00834777254865, 0.000192218110330, 3.54808622170e-6),
}
_ERROR = {3: "3.6e-3", 5: "2.1e-4", 7: "1.3e-5", 9: "8.6e-7"}
_USE = {
    3: " It is the tanh of Neural Amp Modeler's WaveNet models as RTNeural runs them "
    "(the NAMMathsProvider of RTNeural-NAM and NeuralAudio).",
    7: " It is the tanh of the BYOD plug-in's recurrent networks (its RNNMathsProvider for "
    "RTNeural).",
}


def _spec(order: int) -> Spec:
    q = _Q[order]
    return Spec(
        name=f"math_approx_tanh{order}",
        formula=f"tanh({_asinh_of_polynomial(q)})",
        published=f"x * ({horner(q, 'x**2')}) / sqrt(1 + (x * ({horner(q, 'x**2')}))**2)",
        family="sigmoidal",
        citation=MATH_APPROX_2024,
        checked_against="original",
        description=f"math_approx's tanh<{order}>: p(x) / sqrt(p(x)^2 + 1) with p(x) = "
        f"x (1 + {' + '.join(f'{c!r} x^{2 * j}' for j, c in enumerate(q) if j)}), an odd "
        f"polynomial of degree {order} fitted so that the algebraic sigmoid of p follows tanh; "
        f"within {_ERROR[order]} of tanh on the whole line (computed here), and bounded by "
        "+-1, which it approaches like 1 - 1/(2 p^2)." + _USE.get(order, "") + " Evaluated "
        "as tanh(asinh(p)), the same function, with asinh(p) written through ln|p| in powers "
        "of 1/x far out, so that no float format overflows where the library's float32 p^2 "
        "would.",
        properties=_BOUNDED_ODD,
        references=(Reference(_as_written(q), atol=1e-12, note="p / sqrt(p^2 + 1) as written"),),
    )


# p's coefficients (from x^1 up, in x^2) of sigmoid_rsqrt<3>, ..., <9>: sigmoid(x) is approximated
# by (1 + p / sqrt(1 + p^2)) / 2
_S = {
    3: (0.5, 0.0233402955195),
    5: (0.5, 0.0206108521251, 0.000307906311109),
    7: (0.5, 0.0208503675870, 0.000255174491559, 1.90805380557e-6),
    9: (0.5, 0.0208320229264, 0.000260923534301, 1.50024356624e-6, 6.92468584642e-9),
}
_SIGMOID_ERROR = {3: "1.6e-3", 5: "9.6e-5", 7: "6.6e-6", 9: "4.5e-7"}


def _sigmoid_spec(order: int) -> Spec:
    half = _S[order]
    return Spec(
        name=f"math_approx_sigmoid{order}",
        formula=f"sigmoid(2 * ({_asinh_of_polynomial(half)}))",
        published=f"0.5 * x * ({horner(half, 'x**2')}) / "
        f"sqrt((x * ({horner(half, 'x**2')}))**2 + 1) + 0.5",
        family="sigmoidal",
        citation=MATH_APPROX_2024,
        checked_against="original",
        description=f"math_approx's sigmoid_rsqrt<{order}>: p(x) / (2 sqrt(p(x)^2 + 1)) + 1/2 "
        f"with p(x) = x ({' + '.join(f'{c!r} x^{2 * j}' for j, c in enumerate(half))}), an "
        f"odd polynomial of degree {order} fitted so that it follows the logistic sigmoid; "
        f"within {_SIGMOID_ERROR[order]} of it on the whole line (computed here; in the left "
        "tail it decays like a power of x, not exponentially), and bounded by 0 and 1, "
        "which it approaches like 1/(4 p^2). Evaluated as sigmoid(2 asinh(p)), the same "
        "function, with asinh(p) written through ln|p| in powers of 1/x far out, so that "
        "neither does the left tail cancel nor p overflow.",
        properties=Properties(
            monotonic=True,
            lower=0.0,
            upper=1.0,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=False,
        ),
        references=(
            Reference(
                lambda x: (1 + _as_written(half)(x)) / 2,
                atol=1e-12,
                note="p / (2 sqrt(p^2 + 1)) + 1/2 as written",
            ),
        ),
    )


SPECS: tuple[Spec, ...] = tuple(_spec(order) for order in _Q) + tuple(
    _sigmoid_spec(order) for order in _S
)
