"""Formula text for polynomials and odd rationals with published coefficients, written so that
float16 and float32 evaluate them without overflow: Horner's rule, and odd rationals rescaled
to a unit argument. Shared by the approximation families of the catalog."""


def horner(coefficients: tuple[float, ...], var: str) -> str:
    """c0 + var (c1 + var (c2 + ...)) as formula text (coefficients from the constant up).

    >>> horner((1.0, 2.0, 3.0), "x")
    '1.0 + x * (2.0 + x * (3.0))'
    """
    text = repr(coefficients[-1])
    for c in reversed(coefficients[:-1]):
        text = f"{c!r} + {var} * ({text})"
    return text


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
