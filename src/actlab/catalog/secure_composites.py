"""Composite polynomial stand-ins for sign and ReLU from homomorphically encrypted inference,
each with its published coefficients: odd polynomials applied one after the other, whose
composition approximates sign(x) on [-1, 1] with few multiplications under CKKS, and the ReLU
x (1 + sign(x)) / 2 built from it (Lee et al.'s minimax composites and the compositions of
Cheon et al.'s comparison polynomials that Smart-PAF starts from). Each follows its target only
on [-1, 1] and grows without bound outside it. Every component is evaluated as a product of its
factors over its roots, which keeps float32 accurate where the published powers cancel."""

import mpmath

from actlab.catalog.spec import Citation, Properties, Spec

TONG_2024 = Citation(
    "Accurate Low-degree Polynomial Approximation of Non-polynomial Operators for Fast "
    "Private Inference in Homomorphic Encryption",
    "Jianming Tong, Jingtian Dang, Anupam Golder, Arijit Raychowdhury, Cong Hao, Tushar Krishna",
    2024,
    arxiv="2404.03216",
    venue="MLSys 2024",
)

LEE_2022 = Citation(
    "Minimax Approximation of Sign Function by a Composite Polynomial for Homomorphic Comparison",
    "Eunsang Lee, Joon-Woo Lee, Jong-Seon No, Young-Sik Kim",
    2022,
    venue="IEEE Transactions on Dependable and Secure Computing 19(6); IACR ePrint 2020/834",
)


def polynomial_properties(
    *, lower: float | None = None, upper: float | None = None, zero_at_zero: bool
) -> Properties:
    """The properties of a stand-in polynomial: smooth, not monotonic, taking both signs."""
    return Properties(
        monotonic=False,
        lower=lower,
        upper=upper,
        smoothness="Cinf",
        zero_at_zero=zero_at_zero,
        zero_centered=True,
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


def scaled_factored(coefficients: tuple[float, ...], var: str) -> str:
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
    "Coefficients as in two independent implementations that agree to every digit (Smart-PAF's "
    "code, EfficientFHE/SmartPAF, where the set is called a7, and a NumPy one that also gives "
    "the sets for alpha = 8 to 10); the paper's tables could not be read here. Evaluated as "
    "products of the factors of each component over its roots, which keeps float32 accurate."
)

# Smart-PAF's starting approximations of sign: Cheon, Kim and Kim's f_n (n = 1, 2) and g_n
# (n = 2, 3; coefficients over 2^10) as odd coefficients, composed in the order the authors'
# code applies them (the first listed first)
_F1 = (1.5, -0.5)
_F2 = (1.875, -1.25, 0.375)
_G2 = (3.255859375, -5.96484375, 3.70703125)
_G3 = (4.4814453125, -16.1884765625, 25.013671875, -12.55859375)


def _paf_relu(components: tuple[tuple[float, ...], ...]) -> str:
    """x (1 + p_k(...p_1(x))) / 2 as formula text, each p_i factored over its roots and
    1 + p_k factored in its argument (p_1 applied first)."""
    inner = "x"
    for odd in components[:-1]:
        inner = f"({_odd_factored(odd, inner)})"
    last = components[-1]
    lead, factors = _factors((1.0, *(a for c in last for a in (c, 0.0)))[:-1], inner)
    return " * ".join(["x", repr(float(lead / 2)), *factors])


def _paf_published(components: tuple[tuple[float, ...], ...]) -> str:
    """The same in powers of each component's argument, as formula text."""
    inner = "x"
    for odd in components:
        inner = f"({_odd_powers(odd, inner)})"
    return f"x * (1 + {inner}) / 2"


def _paf_spec(
    name: str,
    components: tuple[tuple[float, ...], ...],
    chain: str,
    error: str,
    extreme: str,
    lower: float | None,
    upper: float | None,
) -> Spec:
    return Spec(
        name=f"smartpaf_relu_{name}",
        formula=_paf_relu(components),
        published=_paf_published(components),
        family="polynomial",
        citation=TONG_2024,
        description=f"Smart-PAF's {name} approximation of ReLU for inference on CKKS-encrypted "
        f"data before its coefficient tuning: x (1 + s(x)) / 2 with sign(x) replaced by "
        f"{chain}, composed of Cheon, Kim and Kim's comparison polynomials f_n (x times a "
        "truncated binomial series in 1 - x^2) and g_n (fitted to push [tau, 1] towards 1), "
        "applied in the order the authors' code applies them (Cheon et al. compose them the "
        "other way round, g first), on inputs scaled into [-1, 1]. It is within "
        f"{error} of ReLU on [-1, 1]; {extreme}. Coefficients and order as in the authors' "
        "code (EfficientFHE/SmartPAF); evaluated as products of the factors of each "
        "component over its roots.",
        properties=polynomial_properties(lower=lower, upper=upper, zero_at_zero=True),
    )


_SMARTPAF = (
    _paf_spec(
        "f1g2",
        (_F1, _G2),
        "g2(f1(x)) (degree 15)",
        "0.086",
        "it peaks at 1.5500 at x = 1.565 and falls to -inf on both sides beyond",
        None,
        1.5500074547258806,
    ),
    _paf_spec(
        "f2g2",
        (_F2, _G2),
        "g2(f2(x)) (degree 25)",
        "0.073",
        "its lowest value is -0.0724 at x = -0.595, and it rises to +inf on both sides",
        -0.0723676668728279,
        None,
    ),
    _paf_spec(
        "f2g3",
        (_F2, _G3),
        "g3(f2(x)) (degree 35)",
        "0.126",
        "it peaks at 0.9645 at x = 1.146 and falls to -inf on both sides beyond",
        None,
        0.9645299024399385,
    ),
)

SPECS: tuple[Spec, ...] = (
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
        properties=polynomial_properties(zero_at_zero=True),
    ),
    Spec(
        name="minimax_relu_a7",
        checked_against="secondary",
        formula=_A7_RELU,
        published=f"x * (1 + {_A7_PUBLISHED}) / 2",
        family="polynomial",
        citation=LEE_2022,
        aliases=("approx_relu_a7", "smartpaf_relu_a7"),
        description="ReLU(x) = x (1 + sign(x)) / 2 with sign replaced by the composite "
        "minimax polynomial minimax_sign_a7 of Lee, Lee, No and Kim (degree 50 in all), the "
        "approximate ReLU with which ResNets on CKKS-encrypted images are evaluated after "
        "scaling the inputs into [-1, 1]. It is within 0.0076 (2^-7) of ReLU on [-1, 1]; "
        "just left of -1 it dips to -1.0656 (at x = -1.0583), and beyond +-1 it rises "
        "without bound on both sides. " + _A7_SOURCE,
        properties=polynomial_properties(lower=-1.0656230740204244, zero_at_zero=True),
    ),
    *_SMARTPAF,
)
