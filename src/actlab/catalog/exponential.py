"""Exponential-linear units and softplus-like rectifiers: the ELU family (ELU, CELU, SELU, PELU,
SERLU, ISRLU, ELiSH), softplus and its algebraic cousin squareplus, symlog and soft clipping."""

import torch
import torch.nn.functional as F

from actlab.catalog.citations import CARLILE_2017
from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

DEEPSEEK_V4 = Citation("DeepSeek-V4 Technical Report", "DeepSeek-AI", 2026)
HUANG_SCHLAG_2024 = Citation("Deriving Activation Functions Using Integration",
                             "Allen Hao Huang, Imanol Schlag", 2024, arxiv="2411.13010")

CLEVERT_2015 = Citation(
    "Fast and Accurate Deep Network Learning by Exponential Linear Units (ELUs)",
    "Djork-Arné Clevert, Thomas Unterthiner, Sepp Hochreiter", 2015, arxiv="1511.07289",
    venue="ICLR 2016")
BARRON_2017 = Citation(
    "Continuously Differentiable Exponential Linear Units", "Jonathan T. Barron", 2017,
    arxiv="1704.07483")
KLAMBAUER_2017 = Citation(
    "Self-Normalizing Neural Networks",
    "Günter Klambauer, Thomas Unterthiner, Andreas Mayr, Sepp Hochreiter", 2017,
    arxiv="1706.02515", venue="NeurIPS 2017")
TROTTIER_2016 = Citation(
    "Parametric Exponential Linear Unit for Deep Convolutional Neural Networks",
    "Ludovic Trottier, Philippe Giguère, Brahim Chaib-draa", 2016, arxiv="1605.09332",
    venue="ICMLA 2017")
ZHANG_LI_2018 = Citation(
    "Effectiveness of Scaled Exponentially-Regularized Linear Units (SERLUs)",
    "G. Zhang, H. Li", 2018, arxiv="1807.10117")
BASIRAT_ROTH_2018 = Citation(
    "The Quest for the Golden Activation Function", "Mina Basirat, Peter M. Roth", 2018,
    arxiv="1808.00783")
DUGAS_2000 = Citation(
    "Incorporating Second-Order Functional Knowledge for Better Option Pricing",
    "Charles Dugas et al.", 2000, venue="NIPS 2000")
BARRON_2021 = Citation(
    "Squareplus: A Softplus-Like Algebraic Rectifier", "Jonathan T. Barron", 2021,
    arxiv="2112.11687")
HAFNER_2023 = Citation(
    "Mastering Diverse Domains through World Models",
    "Danijar Hafner, Jurgis Pasukonis, Jimmy Ba, Timothy Lillicrap", 2023, arxiv="2301.04104")
KLIMEK_PERELSTEIN_2018 = Citation(
    "Neural Network-Based Approach to Phase Space Integration",
    "Matthew D. Klimek, Maxim Perelstein", 2018, arxiv="1810.11509", venue="SciPost Physics 2020")

SELU_SCALE = 1.0507009873554805
SELU_ALPHA = 1.6732632423543772

# squareplus with one square root s = sqrt(x^2 + b), taken as |x| sqrt(1 + b/x^2) for |x| > 1 so
# that x^2 cannot overflow; (x + s) / 2 for x >= 0 and b / (2 (s - x)) below, free of
# cancellation. The max/clamp keep the branch not taken finite (and free of division by zero).
_SQUAREPLUS_ROOT = (
    "max(abs(x), 1) * sqrt(where(abs(x) > 1, 1 + b / max(abs(x), 1)**2, clamp(x, -1, 1)**2 + b))"
)
_SQUAREPLUS = f"where(x >= 0, (x + {_SQUAREPLUS_ROOT}) / 2, (b / 2) / ({_SQUAREPLUS_ROOT} - x))"

SCHUTT_2017 = Citation(
    "SchNet: A continuous-filter convolutional neural network for modeling quantum interactions",
    "Kristof T. Schütt et al.", 2017, arxiv="1706.08566", venue="NeurIPS 2017")
KATHAROPOULOS_2020 = Citation(
    "Transformers are RNNs: Fast Autoregressive Transformers with Linear Attention",
    "Angelos Katharopoulos, Apoorv Vyas, Nikolaos Pappas, François Fleuret", 2020,
    arxiv="2006.16236", venue="ICML 2020")

SPECS: tuple[Spec, ...] = (
    Spec(
        name="elu",
        formula="where(x > 0, x, alpha * expm1(x))",
        family="exponential",
        citation=CLEVERT_2015,
        params=(Param("alpha", 1.0, 0.0, doc="saturation value -alpha for x -> -inf"),),
        description="Exponential linear unit: identity for x > 0 and alpha * (e^x - 1) below, "
                    "saturating at -alpha. C1 only for alpha = 1 (the default); C0 otherwise.",
        properties=Properties(monotonic=True, lower=-1.0, upper=None, smoothness="C1",
                              zero_at_zero=True, zero_centered=True),
        native=lambda x, alpha=1.0, inplace=False: F.elu(x, alpha, inplace=inplace),
        inplace=True,
    ),
    Spec(
        name="celu",
        formula="where(x > 0, x, alpha * expm1(x / alpha))",
        family="exponential",
        citation=BARRON_2017,
        params=(Param("alpha", 1.0, 0.0, open_low=True, doc="saturation value and scale"),),
        description="Continuously differentiable ELU: max(0, x) + min(0, alpha * (e^(x/alpha) - "
                    "1)); slope 1 at 0 for every alpha, equal to ELU at alpha = 1.",
        properties=Properties(monotonic=True, lower=-1.0, upper=None, smoothness="C1",
                              zero_at_zero=True, zero_centered=True),
        native=lambda x, alpha=1.0, inplace=False: F.celu(x, alpha, inplace=inplace),
        inplace=True,
        references=(Reference("elu", params={"alpha": 1.0}, target_params={"alpha": 1.0},
                              note="CELU(alpha=1) = ELU(alpha=1)"),),
    ),
    Spec(
        name="selu",
        formula=f"{SELU_SCALE!r} * where(x > 0, x, {SELU_ALPHA!r} * expm1(x))",
        family="exponential",
        citation=KLAMBAUER_2017,
        description="Scaled ELU lambda * ELU_alpha(x) with the fixed self-normalizing constants "
                    f"lambda = {SELU_SCALE!r}, alpha = {SELU_ALPHA!r} (use with LeCun-normal "
                    "initialization).",
        properties=Properties(monotonic=True, lower=-SELU_SCALE * SELU_ALPHA, upper=None,
                              smoothness="C0", zero_at_zero=True, zero_centered=True),
        native=lambda x, inplace=False: F.selu(x, inplace=inplace),
        inplace=True,
    ),
    Spec(
        name="pelu",
        formula="where(x >= 0, (a / b) * x, a * expm1(x / b))",
        family="exponential",
        citation=TROTTIER_2016,
        params=(Param("a", 1.0, 0.0, open_low=True, learnable=True,
                      doc="saturation -a for x -> -inf (trained, kept positive)"),
                Param("b", 1.0, 0.0, open_low=True, learnable=True,
                      doc="scale of the exponential decay (trained, kept positive)")),
        description="Parametric ELU: (a/b) x for x >= 0 and a (e^(x/b) - 1) below, with learned "
                    "a, b > 0 (initialized to 1 in the authors' code, where it equals ELU); "
                    "differentiable at 0 for all a, b.",
        properties=Properties(monotonic=True, lower=-1.0, upper=None, smoothness="C1",
                              zero_at_zero=True, zero_centered=True),
        references=(Reference("elu", params={"a": 1.0, "b": 1.0}, target_params={"alpha": 1.0},
                              note="PELU(a=1, b=1) = ELU(alpha=1)"),),
    ),
    Spec(
        name="serlu",
        published="scale * where(x >= 0, x, alpha * x * exp(x))",
        formula="scale * where(x >= 0, x, where(x > -1000, alpha * x * exp(x), 0))",
        family="exponential",
        citation=ZHANG_LI_2018,
        params=(Param("scale", 1.07862, 0.0, open_low=True, doc="lambda_serlu"),
                Param("alpha", 2.90427, 0.0, open_low=True, doc="alpha_serlu")),
        description="Scaled exponentially-regularized linear unit: lambda x for x >= 0 and "
                    "lambda alpha x e^x below, a bump with minimum at x = -1 that decays to 0. "
                    "Defaults lambda = 1.07862, alpha = 2.90427 are the self-normalizing values. "
                    "x e^x (< 1e-430 there) is taken as 0 below x = -1000 so that lambda alpha x "
                    "cannot overflow.",
        properties=Properties(monotonic=False, lower=-1.0786200 * 2.90427 / 2.718281828459045,
                              upper=None, smoothness="C0", zero_at_zero=True,
                              zero_centered=True),
    ),
    Spec(
        name="isrlu",
        published="where(x >= 0, x, x / sqrt(1 + alpha * x**2))",
        formula="where(x >= 0, x, where(x > -1, x / sqrt(1 + alpha * x**2), "
                "-1 / sqrt(alpha + 1 / min(x, -0.5)**2)))",
        family="exponential",
        citation=CARLILE_2017,
        params=(Param("alpha", 1.0, 0.0, open_low=True,
                      doc="negative saturation -1/sqrt(alpha)"),),
        description="Inverse square root linear unit: x for x >= 0, x / sqrt(1 + alpha x^2) "
                    "below (evaluated as -1/sqrt(alpha + 1/x^2) for x <= -1 to avoid overflow). "
                    "f and f' are continuous; f''' jumps at 0 (C2, reported as Cinf).",
        properties=Properties(monotonic=True, lower=-1.0, upper=None, smoothness="Cinf",
                              zero_at_zero=True, zero_centered=True),
    ),
    Spec(
        name="elish",
        formula="sigmoid(x) * where(x >= 0, x, expm1(x))",
        family="exponential",
        citation=BASIRAT_ROTH_2018,
        description="Exponential linear squashing: x * sigmoid(x) for x >= 0 and "
                    "(e^x - 1) * sigmoid(x) below (sigmoid times ELU).",
        properties=Properties(monotonic=False, lower=-0.1715728752538099, upper=None,
                              smoothness="C1", zero_at_zero=True, zero_centered=True,
                              self_gated=True),
    ),
    Spec(
        name="hard_elish",
        formula="where(x >= 0, x, expm1(x)) * clamp((x + 1) / 2, 0, 1)",
        family="exponential",
        citation=BASIRAT_ROTH_2018,
        aliases=("hardelish",),
        description="Hard ELiSH: hard sigmoid max(0, min(1, (x + 1)/2)) times x for x >= 0 and "
                    "times (e^x - 1) below; exactly 0 for x <= -1.",
        properties=Properties(monotonic=False, lower=-0.09967315152874262, upper=None,
                              smoothness="C0", zero_at_zero=True, zero_centered=True,
                              sparse=True),
    ),
    Spec(
        name="softplus",
        formula="softplus(beta * x) / beta",
        family="exponential",
        citation=DUGAS_2000,
        params=(Param("beta", 1.0, 0.0, open_low=True, doc="sharpness; beta -> inf gives ReLU"),),
        description="Softplus log(1 + e^(beta x)) / beta, a smooth ReLU (torch's parametrization; "
                    "its threshold shortcut is not part of the definition).",
        properties=Properties(monotonic=True, lower=0.0, upper=None, smoothness="Cinf",
                              zero_at_zero=False, zero_centered=False),
        native=lambda x, beta=1.0: F.softplus(x, beta),
        references=(Reference("relu", params={"beta": 1e4}, atol=1e-4,
                              note="softplus(beta=1e4) = ReLU within log(2)/beta"),),
    ),
    Spec(
        name="squareplus",
        published="(x + sqrt(x**2 + b)) / 2",
        formula=_SQUAREPLUS,
        family="exponential",
        citation=BARRON_2021,
        params=(Param("b", 4.0, 0.0, doc="curvature at 0; b = 0 gives ReLU"),),
        description="Squareplus (x + sqrt(x^2 + b)) / 2, an algebraic softplus; evaluated as "
                    "b / (2 (sqrt(x^2 + b) - x)) for x < 0 to avoid cancellation and with x^2 "
                    "factored out of the one square root for |x| > 1 to avoid overflow. Default "
                    "b = 4 as in the paper.",
        properties=Properties(monotonic=True, lower=0.0, upper=None, smoothness="Cinf",
                              zero_at_zero=False, zero_centered=False),
        references=(Reference("relu", params={"b": 0.0}, atol=1e-12,
                              note="squareplus(b=0) = ReLU"),),
    ),
    Spec(
        name="symlog",
        formula="where(x >= 0, log1p(x), -log1p(-x))",
        family="exponential",
        citation=HAFNER_2023,
        description="Symmetric logarithm sign(x) log(1 + |x|), DreamerV3's squashing of "
                    "targets of unknown scale; slope 1 at 0, second derivative jumps there.",
        properties=Properties(monotonic=True, lower=None, upper=None, smoothness="C1",
                              zero_at_zero=True, zero_centered=True),
        references=(Reference(lambda x: torch.sign(x) * torch.log1p(torch.abs(x)),
                              note="= sign(x) log1p(|x|)"),),
    ),
    Spec(
        name="soft_clipping",
        published="log((1 + exp(p * x)) / (1 + exp(p * (x - 1)))) / p",
        formula="where(x < 0.5, (softplus(p * x) - softplus(p * (x - 1))) / p, "
                "1 + (softplus(-p * x) - softplus(p * (1 - x))) / p)",
        family="exponential",
        citation=KLIMEK_PERELSTEIN_2018,
        aliases=("softclip",),
        params=(Param("p", 50.0, 0.0, open_low=True,
                      doc="sharpness of the corners; p -> inf gives clamp(x, 0, 1)"),),
        description="Soft clipping (1/p) log((1 + e^(p x)) / (1 + e^(p (x - 1)))), a smooth "
                    "clamp to [0, 1], written with softplus and the symmetry f(x) = 1 - f(1 - x). "
                    "The paper leaves p free; the default p = 50 is our choice.",
        properties=Properties(monotonic=True, lower=0.0, upper=1.0, smoothness="Cinf",
                              zero_at_zero=False, zero_centered=False),
        references=(Reference(lambda x: torch.clamp(x, 0, 1), params={"p": 1e5}, atol=1e-5,
                              note="p = 1e5 gives clamp(x, 0, 1) within log(2)/p"),),
    ),
    Spec(
        name="shifted_softplus",
        published="softplus(x) - log(2)",
        formula="where(x < 1, log1p(expm1(x) / 2), softplus(x) - log(2))",
        family="exponential",
        citation=SCHUTT_2017,
        aliases=("ssp",),
        description="SchNet's shifted softplus log(0.5 e^x + 0.5) = softplus(x) - log 2: a "
                    "smooth ReLU through the origin.",
        properties=Properties(monotonic=True, lower=-0.6931471805599453, upper=None,
                              smoothness="Cinf", zero_at_zero=True, zero_centered=True),
    ),
    Spec(
        name="elu_plus_one",
        formula="where(x > 0, x + 1, exp(x))",
        family="exponential",
        citation=KATHAROPOULOS_2020,
        aliases=("elu1",),
        description="The positive feature map phi(x) = elu(x) + 1 of linear attention.",
        properties=Properties(monotonic=True, lower=0.0, upper=None, smoothness="C1",
                              zero_at_zero=False, zero_centered=False),
        references=(Reference(lambda x: F.elu(x) + 1, note="equals elu(x) + 1"),),
    ),
    Spec(
        name="sqrt_softplus",
        formula="where(x < -15, exp(x / 2), sqrt(softplus(x)))",
        family="exponential",
        citation=DEEPSEEK_V4,
        aliases=("sqrtsoftplus",),
        description="sqrt(softplus(x)), DeepSeek-V4's router affinity (transformers' "
                    "'sqrtsoftplus'); for x < -15, where softplus(x) = e^x to 1e-7, it is "
                    "e^(x/2), so that neither value nor gradient underflows to 0/0 in float16.",
        properties=Properties(monotonic=True, lower=0.0, upper=None, smoothness="Cinf",
                              zero_at_zero=False, zero_centered=False),
        references=(Reference(lambda x: F.softplus(x).sqrt(), atol=1e-7,
                              note="= sqrt(softplus(x)) (torch)"),),
    ),
    Spec(
        name="xielu",
        formula="where(x > 0, alpha_p * x**2 + beta * x, "
                "alpha_n * expm1(x) + (beta - alpha_n) * x)",
        family="exponential",
        citation=HUANG_SCHLAG_2024,
        params=(Param("alpha_p", 0.8, 0.0, open_low=True, learnable=True,
                      doc="curvature of the positive part (softplus-parametrized in the paper)"),
                Param("alpha_n", 0.8, 0.0, open_low=True, learnable=True,
                      doc="scale of the negative part; the paper keeps alpha_n > beta"),
                Param("beta", 0.5, 0.0, doc="slope at 0 (fixed at 0.5 in the paper)")),
        description="Expanded integral of ELU: alpha_p x^2 + beta x for x > 0, alpha_n (e^x - 1 - "
                    "x) + beta x for x <= 0, so the gradient grows linearly like ReLU^2 above 0 "
                    "and can turn negative below. The paper (and transformers) evaluate e^min(x, "
                    "eps) with eps = -1e-6 to guard a low-precision kernel, which moves f by "
                    "less than alpha_n 1e-6 on (eps, 0]; actlab uses the exact function (expm1 "
                    "is accurate at 0). Defaults are the paper's initial values.",
        properties=Properties(monotonic=False, lower=-0.205751224096, upper=None, smoothness="C1",
                              zero_at_zero=True, zero_centered=True),
        references=(Reference("relu_squared", params={"alpha_p": 1.0, "alpha_n": 1e-300,
                                                       "beta": 0.0}, atol=1e-12,
                              note="alpha_p = 1, beta = 0, alpha_n -> 0 gives ReLU^2"),),
    ),
)
