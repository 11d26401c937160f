"""Stand-ins for GELU, SiLU, tanh and exp built for private (secure multi-party or
homomorphically encrypted) inference of transformers and convolutional networks: polynomials,
piecewise polynomials and iterated squarings with their published constants."""

from actlab.catalog.spec import Citation, Properties, Spec

KNOTT_2021 = Citation(
    "CrypTen: Secure Multi-Party Computation Meets Machine Learning",
    "Brian Knott, Shobha Venkataraman, Awni Hannun, Shubho Sengupta, Mark Ibrahim, "
    "Laurens van der Maaten",
    2021,
    arxiv="2109.00984",
    venue="NeurIPS 2021",
)

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
        "The default 8 was read in CrypTen-derived libraries (SyMPC, Rosetta, forks of "
        "CrypTen's configuration), which all state it. Evaluated as exp(256 log1p(x/256)) "
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
        checked_against="secondary",
    ),
)
