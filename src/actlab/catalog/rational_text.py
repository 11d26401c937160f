"""Formula text for polynomials and odd rationals with published coefficients, written so that
float16 and float32 evaluate them without overflow: Horner's rule, products of real linear and
quadratic factors, and odd rationals rescaled to a unit argument. Shared by the approximation
families of the catalog."""

import mpmath


def horner(coefficients: tuple[float, ...], var: str) -> str:
    """c0 + var (c1 + var (c2 + ...)) as formula text (coefficients from the constant up).

    >>> horner((1.0, 2.0, 3.0), "x")
    '1.0 + x * (2.0 + x * (3.0))'
    """
    text = repr(coefficients[-1])
    for c in reversed(coefficients[:-1]):
        text = f"{c!r} + {var} * ({text})"
    return text


def factored(coefficients: tuple[float, ...], var: str = "x") -> str:
    """The polynomial sum_k coefficients[k] var^k as formula text: the product of its real linear
    and quadratic factors over its roots, the leading coefficient spread over the factors
    (|c|^(d/n) for a factor of degree d of a degree-n polynomial).

    Each factor stays of the size of the terms it stands for, so neither f nor the derivative
    sympy builds from it forms a high power of x before the small coefficients scale it
    (Horner's form does, in the derivative, and overflows float16 where f' is finite), and f
    keeps its relative accuracy next to its zeros.

    >>> factored((-1.0, 0.0, 1.0))
    '(1.0 * x + 1.0) * (1.0 * x - 1.0)'
    """
    with mpmath.workdps(40):
        c = [mpmath.mpf(a) for a in coefficients]
        w = abs(c[-1]) ** (mpmath.mpf(1) / (len(c) - 1))
        factors = []
        for root in mpmath.polyroots(c[::-1], maxsteps=200, extraprec=200):
            if abs(mpmath.im(root)) < 1e-25:
                shift = -w * mpmath.re(root)
                factors.append(f"{float(w)!r} * {var}" + (f" {signed(shift)}" if shift else ""))
            elif mpmath.im(root) > 0:
                b = signed(-2 * w * w * mpmath.re(root))
                factors.append(
                    f"{float(w * w)!r} * {var}**2 {b} * {var} {signed(w * w * abs(root) ** 2)}"
                )
    return ("-" if c[-1] < 0 else "") + " * ".join(f"({f})" for f in factors)


def signed(value: float) -> str:
    """'+ v' or '- |v|', a term of formula text.

    >>> signed(-0.5)
    '- 0.5'
    """
    return f"{'+-'[value < 0]} {float(abs(value))!r}"


def odd_rational(numerator: tuple[float, ...], denominator: tuple[float, ...], u: str) -> str:
    """u P(u^2) / Q(u^2) as formula text, both polynomials by Horner's rule.

    >>> odd_rational((1.0,), (1.0, 2.0), "x")
    'x * (1.0) / (1.0 + x**2 * (2.0))'
    """
    return f"{u} * ({horner(numerator, f'{u}**2')}) / ({horner(denominator, f'{u}**2')})"


def scaled_odd_rational(
    numerator: tuple[float, ...], denominator: tuple[float, ...], u: str, scale: float
) -> str:
    """u P(u^2) / Q(u^2) as formula text, the polynomials written in powers of (u / scale)^2
    and both divided by Q(0): every term then stays within a few orders of magnitude of 1 for
    |u| <= scale, which float16 represents (the published coefficients underflow there).

    >>> scaled_odd_rational((2.0,), (2.0, 8.0), "x", 2.0)
    'x * (1.0) / (1.0 + (x / 2.0)**2 * (16.0))'
    """
    s2 = scale * scale
    q0 = denominator[0]
    p = tuple(c * s2**k / q0 for k, c in enumerate(numerator))
    q = tuple(c * s2**k / q0 for k, c in enumerate(denominator))
    return odd_rational_in(p, q, u, f"({u} / {scale!r})**2")


def odd_rational_in(
    numerator: tuple[float, ...], denominator: tuple[float, ...], u: str, v: str
) -> str:
    """u P(v) / Q(v) as formula text, v an expression standing for (a multiple of) u^2."""
    return f"{u} * ({horner(numerator, v)}) / ({horner(denominator, v)})"
