"""Polynomial units: powers of the input, as used in private inference and dependency parsing."""

from actlab.catalog.spec import Citation, Properties, Spec

CRYPTONETS_2016 = Citation(
    "CryptoNets: Applying Neural Networks to Encrypted Data with High Throughput and Accuracy",
    "Ran Gilad-Bachrach et al.", 2016, venue="ICML 2016")
KUNC_KLEMA_2024 = Citation(
    "Three Decades of Activations: A Comprehensive Survey of 400 Activation Functions for Neural "
    "Networks", "Vladimír Kunc, Jiří Kléma", 2024, arxiv="2402.09092")
CHEN_MANNING_2014 = Citation(
    "A Fast and Accurate Dependency Parser using Neural Networks",
    "Danqi Chen, Christopher D. Manning", 2014, venue="EMNLP 2014")

SPECS: tuple[Spec, ...] = (
    Spec(
        name="identity",
        formula="x",
        family="polynomial",
        citation=KUNC_KLEMA_2024,
        aliases=("linear",),
        description="The identity x (the linear activation; torch.nn.Identity, transformers' "
                    "'linear', timm's 'identity'): no nonlinearity at all, the baseline of "
                    "every comparison.",
        properties=Properties(monotonic=True, lower=None, upper=None, smoothness="Cinf",
                              zero_at_zero=True, zero_centered=True),
    ),
    Spec(
        name="square",
        formula="x**2",
        family="polynomial",
        citation=CRYPTONETS_2016,
        aliases=("quadratic",),
        description="x^2, the lowest-degree polynomial nonlinearity; CryptoNets use it because "
                    "homomorphic encryption evaluates only additions and multiplications.",
        properties=Properties(monotonic=False, lower=0.0, upper=None, smoothness="Cinf",
                              zero_at_zero=True, zero_centered=False),
    ),
    Spec(
        name="cube",
        formula="x**3",
        family="polynomial",
        citation=CHEN_MANNING_2014,
        description="x^3, the cube activation of Chen & Manning's dependency parser, which "
                    "models products of three input features directly.",
        properties=Properties(monotonic=True, lower=None, upper=None, smoothness="Cinf",
                              zero_at_zero=True, zero_centered=True),
    ),
)
