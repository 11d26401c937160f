"""Sigmoids built from a handful of integer constants for fixed-point arithmetic: the
piecewise-linear tables that codecs and embedded signal chains interpolate in place of the
logistic function, written here as the real functions their fixed-point code samples (input and
output scaled back from their Q formats)."""

from actlab.catalog.spec import Citation, Properties, Reference, Spec

OPUS_2012 = Citation(
    "Definition of the Opus Audio Codec",
    "Jean-Marc Valin, Koen Vos, Timothy B. Terriberry",
    2012,
    venue="RFC 6716; the SILK layer's reference code silk/sigm_Q15.c (silk_sigm_Q15)",
)

# SILK: on [k, k + 1), k = 0..5, the Q15 value pos_k (resp. neg_k for -x) plus (minus) the Q10
# slope_k times the Q5 fraction, i.e. pos_k / 2^15 + slope_k / 2^10 (x - k); clipped to
# 32767 / 2^15 and 0 beyond |x| = 6. pos_k = round(32767 sigma(k)), neg_k = round(32767
# sigma(-k)), slope_k = round(1024 (sigma(k + 1) - sigma(k))) with sigma(6) taken as 1.
_SILK_SLOPE_Q10 = (237, 153, 73, 30, 12, 7)
_SILK_POS_Q15 = (16384, 23955, 28861, 31213, 32178, 32548)
_SILK_NEG_Q15 = (16384, 8812, 3906, 1554, 589, 219)


def _silk_side(values: tuple[int, ...], sign: int, a: str, clip: str) -> str:
    """The table interpolated on a = |x| >= 0, as nested where() text."""
    text = clip
    for k in range(5, -1, -1):
        segment = f"{values[k] / 32768!r} {'+' if sign > 0 else '-'} "
        segment += f"{_SILK_SLOPE_Q10[k] / 1024!r} * ({a} - {k})"
        text = f"where({a} < {k + 1}, {segment}, {text})"
    return text


_SILK_SIGMOID = (
    f"where(x < 0, {_silk_side(_SILK_NEG_Q15, -1, '(-x)', '0')}, "
    f"{_silk_side(_SILK_POS_Q15, 1, 'x', repr(32767 / 32768))})"
)

SPECS: tuple[Spec, ...] = (
    Spec(
        name="silk_sigmoid",
        formula=_SILK_SIGMOID,
        family="sigmoidal",
        citation=OPUS_2012,
        aliases=("silk_sigm_q15",),
        checked_against="original",
        description="The fixed-point sigmoid of the SILK speech codec in Opus (silk_sigm_Q15, "
        "input in Q5, output in Q15), used by its voice-activity detector: on [k, k + 1), "
        "k = 0..5, the table value pos_k / 2^15 plus slope_k / 2^10 (x - k), with "
        "pos = (16384, 23955, 28861, 31213, 32178, 32548) = round(32767 sigma(k)) and slopes "
        "(237, 153, 73, 30, 12, 7) = round(1024 (sigma(k + 1) - sigma(k))); for negative x "
        "the table neg = (16384, 8812, 3906, 1554, 589, 219) minus the same slopes in |x|; "
        "32767 / 2^15 from x = 6 on and 0 from x = -6 down. Because the tables are rounded "
        "separately the segments do not meet (steps of up to 16 / 2^15), so the unit is "
        "discontinuous and not monotonic, and the last segments overshoot to 1 + 4 / 2^15 "
        "and -5 / 2^15 just inside +-6; within 0.012 of the sigmoid (computed here). The "
        "integer code samples this function at multiples of 1/32.",
        properties=Properties(
            monotonic=False,
            lower=-5 / 32768,
            upper=32772 / 32768,
            smoothness="discontinuous",
            zero_at_zero=False,
            zero_centered=True,
            sparse=True,
        ),
        references=(Reference("sigmoid", atol=0.012, note="within 0.0118 of the sigmoid"),),
    ),
)
