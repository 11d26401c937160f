"""Published units older than 2023 that the survey of Kunc and Kléma (arXiv:2402.09092) does
not list: rational activations of rational neural networks, sign surrogates of binarized
networks (ApproxSign), and leaky-ReLU variants."""

import math

import torch

from actlab.catalog.radial import RAMASINGHE_LUCEY_2021
from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

BOULLE_2020 = Citation(
    "Rational neural networks",
    "Nicolas Boullé, Yuji Nakatsukasa, Alex Townsend",
    2020,
    arxiv="2004.01902",
    venue="NeurIPS 2020",
)
LIU_2018 = Citation(
    "Bi-Real Net: Enhancing the Performance of 1-bit CNNs With Improved Representational "
    "Capability and Advanced Training Algorithm",
    "Zechun Liu, Baoyuan Wu, Wenhan Luo, Xin Yang, Wei Liu, Kwang-Ting Cheng",
    2018,
    arxiv="1808.00278",
    venue="ECCV 2018",
)

MASTROMICHALAKIS_2020 = Citation(
    "ALReLU: A different approach on Leaky ReLU activation function to improve Neural Networks "
    "Performance",
    "Stamatis Mastromichalakis",
    2020,
    arxiv="2012.07564",
)

KIM_2021 = Citation(
    "I-BERT: Integer-only BERT Quantization",
    "Sehoon Kim, Amir Gholami, Zhewei Yao, Michael W. Mahoney, Kurt Keutzer",
    2021,
    arxiv="2101.01321",
    venue="ICML 2021",
)

DARABI_2018 = Citation(
    "BNN+: Improved Binary Network Training",
    "Sajad Darabi, Mouloud Belbahri, Matthieu Courbariaux, Vahid Partovi Nia",
    2018,
    arxiv="1812.11800",
)

CHOU_2018 = Citation(
    "Faster CryptoNets: Leveraging Sparsity for Real-World Encrypted Inference",
    "Edward Chou, Josh Beal, Daniel Levy, Serena Yeung, Albert Haque, Li Fei-Fei",
    2018,
    arxiv="1811.09953",
)

INNES_2018 = Citation(
    "Flux: Elegant machine learning with Julia",
    "Mike Innes",
    2018,
    venue="Journal of Open Source Software 3(25), 602 (NNlib.logcosh)",
)

_SMOOTH = {"smoothness": "Cinf"}
# beyond |x| = 1: x (P / x^3) / (Q / x^2), so that no power of x (nor of its derivative)
# overflows; the inner where() keeps sympy from multiplying x back into the ratio
_RATIONAL = (
    "where(abs(x) > 1, x * where(abs(x) > 1, (a3 + a2 / x + a1 * x**-2 + a0 * x**-3) "
    "/ (b2 + b1 / x + b0 * x**-2), 0), "
    "(a3 * x**3 + a2 * x**2 + a1 * x + a0) / (b2 * x**2 + b1 * x + b0))"
)

SPECS: tuple[Spec, ...] = (
    Spec(
        name="rational_boulle",
        formula=_RATIONAL,
        published="(a3 * x**3 + a2 * x**2 + a1 * x + a0) / (b2 * x**2 + b1 * x + b0)",
        family="learnable",
        citation=BOULLE_2020,
        aliases=("rational_nn",),
        params=(
            Param("a3", 1.1915, learnable=True, doc="x^3 coefficient of P"),
            Param("a2", 1.5957, learnable=True, doc="x^2 coefficient of P"),
            Param("a1", 0.5, learnable=True, doc="x coefficient of P"),
            Param("a0", 0.0218, learnable=True, doc="constant of P"),
            Param("b2", 2.383, learnable=True, doc="x^2 coefficient of Q"),
            Param("b1", 0.0, learnable=True, doc="x coefficient of Q"),
            Param("b0", 1.0, learnable=True, doc="constant of Q"),
        ),
        description="Rational activation P(x) / Q(x) of type (3, 2) from rational neural "
        "networks, with all seven coefficients trained and initialized to the best rational "
        "approximation of ReLU on [-1, 1] (the authors' RationalLayer defaults). Unlike the "
        "Padé activation unit it keeps Q as a plain polynomial, which has no real zero at "
        "the initial coefficients. Beyond |x| = 1 it is evaluated as x (P / x^3) / (Q / x^2) "
        "so that no power overflows; f(x) ~ (a3 / b2) x for large |x|.",
        properties=Properties(
            monotonic=False,
            lower=None,
            upper=None,
            zero_at_zero=False,
            zero_centered=True,
            **_SMOOTH,
        ),
        references=(
            Reference(
                lambda x: (1.1915 * x**3 + 1.5957 * x**2 + 0.5 * x + 0.0218) / (2.383 * x**2 + 1),
                atol=1e-12,
                note="P / Q evaluated directly",
            ),
        ),
    ),
    Spec(
        name="approx_sign",
        formula="2 * clamp(x, -1, 1) - clamp(x, -1, 1) * abs(clamp(x, -1, 1))",
        family="sigmoidal",
        citation=LIU_2018,
        aliases=("approxsign", "bireal_sign"),
        description="ApproxSign, the piecewise quadratic of Bi-Real Net whose derivative "
        "replaces that of sign(x) when binarizing activations: -1 below -1, 2 x + x^2 on "
        "[-1, 0), 2 x - x^2 on [0, 1) and 1 above, written 2 c - c |c| with c = clamp(x, -1, "
        "1). Its derivative 2 - 2 |x| is a triangle on [-1, 1].",
        properties=Properties(
            monotonic=True,
            lower=-1.0,
            upper=1.0,
            smoothness="C1",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: torch.where(
                    x < -1,
                    -1.0,
                    torch.where(x < 0, 2 * x + x * x, torch.where(x < 1, 2 * x - x * x, 1.0)),
                ),
                atol=1e-15,
                note="the paper's four pieces",
            ),
        ),
    ),
    Spec(
        name="alrelu",
        formula="where(x > 0, x, abs(alpha * x))",
        family="piecewise",
        citation=MASTROMICHALAKIS_2020,
        aliases=("absolute_leaky_relu",),
        params=(Param("alpha", 0.01, doc="leaky slope whose absolute value is taken"),),
        description="Absolute leaky ReLU: x for x > 0 and |alpha x| otherwise, leaky ReLU with "
        "the absolute value of its small negative part (alpha = 0.01), so negative inputs give "
        "small positive outputs and the slope there is -alpha.",
        properties=Properties(
            monotonic=False,
            lower=0.0,
            upper=None,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=False,
        ),
        references=(
            Reference(
                lambda x: torch.where(x > 0, x, 0.01 * x.abs()), atol=0.0, note="x or |0.01 x|"
            ),
            Reference("absolute", params={"alpha": 1.0}, atol=0.0, note="alpha = 1 is |x|"),
        ),
    ),
    Spec(
        name="laplacian",
        formula="exp(-abs(x) / a)",
        family="radial",
        citation=RAMASINGHE_LUCEY_2021,
        aliases=("laplacian_activation",),
        params=(Param("a", 1.0, 0.0, open_low=True, doc="width of the peak"),),
        description="Laplacian exp(-|x| / a), one of the non-periodic activations for "
        "coordinate MLPs proposed with the Gaussian: a peak at 0 with exponential tails. The "
        "paper tunes a per task; a = 1 is used here.",
        properties=Properties(
            monotonic=False,
            lower=0.0,
            upper=1.0,
            smoothness="C0",
            zero_at_zero=False,
            zero_centered=False,
        ),
        references=(Reference(lambda x: torch.exp(-x.abs()), atol=1e-15, note="exp(-|x|)"),),
    ),
    Spec(
        name="expsin",
        formula="exp(-sin(a * x))",
        family="periodic",
        citation=RAMASINGHE_LUCEY_2021,
        aliases=("exp_sin",),
        params=(Param("a", 1.0, 0.0, open_low=True, doc="frequency"),),
        description="ExpSin exp(-sin(a x)), a periodic activation for coordinate MLPs from the "
        "paper that proposes Gaussian activations: it oscillates between 1/e and e with "
        "period 2 pi / a. The paper tunes a per task; a = 1 is used here.",
        properties=Properties(
            monotonic=False,
            lower=math.exp(-1),
            upper=math.e,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=False,
            period="2 * pi / a",
        ),
        references=(
            Reference(lambda x: torch.exp(-torch.sin(x)), atol=1e-15, note="exp(-sin(x))"),
        ),
    ),
    Spec(
        name="igelu",
        formula="where(x < 0, -a * x * (min(-x / sqrt(2), -b) + b)**2 / 2, "
        "x * (2 + a * (min(x / sqrt(2), -b) + b)**2) / 2)",
        published="x * (1 + sign(x) * (a * (min(abs(x) / sqrt(2), -b) + b)**2 + 1)) / 2",
        family="gated",
        citation=KIM_2021,
        aliases=("i_gelu", "ibert_gelu"),
        params=(
            Param("a", -0.2888, high=0.0, doc="curvature of the second-order erf fit"),
            Param("b", -1.769, high=0.0, doc="-b is where the erf fit saturates"),
        ),
        description="i-GELU, the GELU of integer-only BERT: x (1 + L(x / sqrt(2))) / 2 with "
        "erf replaced by the second-order polynomial L(u) = sign(u) (a (min(|u|, -b) + b)^2 "
        "+ 1), a = -0.2888, b = -1.769, fitted so that integer arithmetic can evaluate it. L "
        "jumps by 2 (1 + a b^2) ~ 0.19 at 0, so the unit has a kink there (slopes 0.452 and "
        "0.548); it is exactly 0 below x = -1.769 sqrt(2) and x above 1.769 sqrt(2). "
        "Evaluated per sign, with 1 + L(u) = -a (min(|u|, -b) + b)^2 for u < 0, which keeps "
        "the left side accurate where L is close to -1.",
        properties=Properties(
            monotonic=False,
            lower=-0.167479600767725,
            upper=None,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=True,
            sparse=True,
        ),
        references=(
            Reference(
                lambda x: (
                    x
                    * 0.5
                    * (
                        1
                        + torch.sign(x)
                        * (
                            -0.2888 * (torch.clamp(x.abs() / math.sqrt(2), max=1.769) - 1.769) ** 2
                            + 1
                        )
                    )
                ),
                atol=1e-12,
                note="the paper's i-GELU written directly",
            ),
        ),
    ),
    Spec(
        name="sign_swish",
        formula="tanh(beta * x / 2) "
        "+ 2 * clamp(beta * x, -100, 100) * sigmoid(beta * x) * sigmoid(-beta * x)",
        published="2 * sigmoid(beta * x) * (1 + beta * x * (1 - sigmoid(beta * x))) - 1",
        family="sigmoidal",
        citation=DARABI_2018,
        aliases=("signswish", "swish_sign"),
        params=(Param("beta", 5.0, 0.0, open_low=True, doc="sharpness; larq's default 5"),),
        description="SignSwish 2 sigmoid(beta x) (1 + beta x (1 - sigmoid(beta x))) - 1 of "
        "BNN+, the function whose derivative replaces sign's when binarizing: it is "
        "2 swish'(beta x) - 1, an odd step that overshoots to +-1.1997 before settling at "
        "+-1, and tends to sign(x) as beta grows. Evaluated as tanh(beta x / 2) + 2 beta x "
        "sigmoid(beta x) sigmoid(-beta x), exact near 0; beyond |beta x| = 100 the second "
        "term (below 1e-40) is computed with beta x clamped, so that it never forms inf * 0.",
        properties=Properties(
            monotonic=False,
            lower=-1.199678640257734,
            upper=1.199678640257734,
            zero_at_zero=True,
            zero_centered=True,
            **_SMOOTH,
        ),
        references=(
            Reference(
                lambda x: 2 * torch.sigmoid(5 * x) * (1 + 5 * x * torch.sigmoid(-5 * x)) - 1,
                atol=1e-12,
                note="the paper's form at beta = 5",
            ),
        ),
    ),
    Spec(
        name="faster_cryptonets_quad",
        checked_against="secondary",
        formula="0.125 * x**2 + 0.5 * x + 0.25",
        family="polynomial",
        citation=CHOU_2018,
        aliases=("cryptonets_quadratic_relu",),
        description="The quadratic 2^-3 x^2 + 2^-1 x + 2^-2 = ((x + 2)^2 - 2) / 8 that Faster "
        "CryptoNets use in place of ReLU under homomorphic encryption: a fit of ReLU with "
        "power-of-two coefficients, so that the encrypted evaluation needs only shifts besides "
        "one squaring. Its minimum -1/4 is at x = -2.",
        properties=Properties(
            monotonic=False,
            lower=-0.25,
            upper=None,
            zero_at_zero=False,
            zero_centered=True,
            **_SMOOTH,
        ),
        references=(
            Reference(lambda x: ((x + 2) ** 2 - 2) / 8, atol=1e-9, note="= ((x + 2)^2 - 2) / 8"),
        ),
    ),
    Spec(
        name="logcosh",
        formula="where(abs(x) < 1, log1p(2 * sinh(clamp(x, -1, 1) / 2)**2), "
        "abs(x) + softplus(-2 * abs(x)) - log(2))",
        published="log(cosh(x))",
        family="smooth",
        citation=INNES_2018,
        aliases=("log_cosh",),
        description="log(cosh(x)), an activation of Flux's NNlib: even, 0 at 0, x^2 / 2 near 0 "
        "and |x| - ln 2 in the tails, a smooth absolute value (the log-cosh loss as a unit). "
        "NNlib evaluates x + softplus(-2 x) - ln 2; here |x| + softplus(-2 |x|) - ln 2 is used "
        "for |x| >= 1, so that nothing overflows, and log1p(2 sinh(x / 2)^2) below 1, which "
        "keeps the relative accuracy of x^2 / 2 near 0.",
        properties=Properties(
            monotonic=False,
            lower=0.0,
            upper=None,
            zero_at_zero=True,
            zero_centered=False,
            **_SMOOTH,
        ),
        references=(
            Reference(
                lambda x: torch.log(torch.cosh(x)), atol=1e-8, note="log(cosh(x)) written directly"
            ),
        ),
    ),
)
