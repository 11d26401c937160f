"""Piecewise-linear rectifiers: ReLU and its leaky, parametric, randomized and clipped forms,
rectified powers (squared ReLU, RePU, StarReLU), S-shaped and monotone-triplet variants."""

import torch
import torch.nn.functional as F

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

NAIR_HINTON_2010 = Citation(
    "Rectified Linear Units Improve Restricted Boltzmann Machines",
    "Vinod Nair, Geoffrey E. Hinton", 2010, venue="ICML 2010")
HE_2015 = Citation(
    "Delving Deep into Rectifiers: Surpassing Human-Level Performance on ImageNet "
    "Classification",
    "Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun", 2015, arxiv="1502.01852",
    venue="ICCV 2015")
XU_2015 = Citation(
    "Empirical Evaluation of Rectified Activations in Convolutional Network",
    "Bing Xu, Naiyan Wang, Tianqi Chen, Mu Li", 2015, arxiv="1505.00853")
KRIZHEVSKY_2010 = Citation(
    "Convolutional Deep Belief Networks on CIFAR-10", "Alex Krizhevsky", 2010,
    venue="unpublished manuscript, University of Toronto")
COLLOBERT_2011 = Citation(
    "Natural Language Processing (Almost) from Scratch", "Ronan Collobert et al.", 2011,
    arxiv="1103.0398", venue="JMLR 12")
HANNUN_2014 = Citation(
    "Deep Speech: Scaling up end-to-end speech recognition", "Awni Hannun et al.", 2014,
    arxiv="1412.5567")
SO_2021 = Citation(
    "Primer: Searching for Efficient Transformers for Language Modeling", "David R. So et al.",
    2021, arxiv="2109.08668", venue="NeurIPS 2021")
LI_TANG_YU_2019 = Citation(
    "Better Approximations of High Dimensional Smooth Functions by Deep Neural Networks with "
    "Rectified Power Units",
    "Bo Li, Shanshan Tang, Haijun Yu", 2019, arxiv="1903.05858",
    venue="Communications in Computational Physics 27(2), 2020")
YU_2022 = Citation(
    "MetaFormer Baselines for Vision", "Weihao Yu et al.", 2022, arxiv="2210.13452",
    venue="IEEE TPAMI 2023")
JIN_2015 = Citation(
    "Deep Learning with S-shaped Rectified Linear Activation Units", "Xiaojie Jin et al.", 2015,
    arxiv="1512.07030", venue="AAAI 2016")
RUNJE_2022 = Citation(
    "Constrained Monotonic Neural Networks", "Davor Runje, Sharath M. Shankaranarayana", 2022,
    arxiv="2205.11775", venue="ICML 2023")
QIU_2017 = Citation(
    "FReLU: Flexible Rectified Linear Units for Improving Convolutional Neural Networks",
    "Suo Qiu, Xiangmin Xu, Bolun Cai", 2017, arxiv="1706.08098", venue="ICPR 2018")

# StarReLU: (relu(x)^2 - E[relu(z)^2]) / std(relu(z)^2) for z ~ N(0, 1), i.e. mean 1/2 and
# variance 5/4: s = 2/sqrt(5) = 0.8944..., b = -1/sqrt(5) = -0.4472...
STAR_SCALE = 0.8944271909999159
STAR_BIAS = -0.4472135954999579

RRELU_LOWER = 1.0 / 8.0
RRELU_UPPER = 1.0 / 3.0


def _prelu_native(x: torch.Tensor, a: float) -> torch.Tensor:
    weight = torch.as_tensor(a, dtype=x.dtype, device=x.device).reshape(1)
    return F.prelu(x, weight)


JARRETT_2009 = Citation(
    "What is the Best Multi-Stage Architecture for Object Recognition?",
    "Kevin Jarrett, Koray Kavukcuoglu, Marc'Aurelio Ranzato, Yann LeCun", 2009, venue="ICCV 2009")
LIU_2019 = Citation(
    "Natural-Logarithm-Rectified Activation Function in Convolutional Neural Networks",
    "Yang Liu, Jianpeng Zhang, Chao Gao, Jinghua Qu, Lixin Ji", 2019, arxiv="1908.03682")

SPECS: tuple[Spec, ...] = (
    Spec(
        name="relu",
        formula="relu(x)",
        family="piecewise",
        citation=NAIR_HINTON_2010,
        description="Rectified linear unit max(0, x).",
        properties=Properties(monotonic=True, lower=0.0, upper=None, smoothness="C0",
                              zero_at_zero=True, zero_centered=False, sparse=True),
        native=F.relu,
        inplace=True,
    ),
    Spec(
        name="leaky_relu",
        formula="where(x >= 0, x, negative_slope * x)",
        family="piecewise",
        citation=Citation("Rectifier Nonlinearities Improve Neural Network Acoustic Models",
                          "Andrew L. Maas, Awni Y. Hannun, Andrew Y. Ng", 2013,
                          venue="ICML 2013 Workshop on Deep Learning for Audio, Speech and "
                                "Language Processing"),
        description="ReLU with a small fixed slope for x < 0, so negative inputs keep a "
                    "gradient.",
        params=(Param("negative_slope", 0.01, 0.0, 1.0, open_high=True, learnable=True),),
        aliases=("lrelu", "leakyrelu"),
        properties=Properties(monotonic=True, lower=None, upper=None, smoothness="C0",
                              zero_at_zero=True, zero_centered=True),
        native=F.leaky_relu,
        inplace=True,
    ),
    Spec(
        name="prelu",
        formula="where(x >= 0, x, a * x)",
        family="piecewise",
        citation=HE_2015,
        params=(Param("a", 0.25, learnable=True,
                      doc="negative slope, learned per channel or shared (init 0.25)"),),
        aliases=("parametric_relu",),
        description="Parametric ReLU max(0, x) + a min(0, x) with a learned slope a, "
                    "initialized to 0.25 in the paper; here the scalar (shared) form at its "
                    "initial value.",
        properties=Properties(monotonic=True, lower=None, upper=None, smoothness="C0",
                              zero_at_zero=True, zero_centered=True),
        native=_prelu_native,
        references=(Reference("leaky_relu", params={"a": 0.25},
                              target_params={"negative_slope": 0.25},
                              note="PReLU(a) = LeakyReLU(negative_slope=a)"),),
    ),
    Spec(
        name="rrelu",
        formula="where(x >= 0, x, (lower + upper) / 2 * x)",
        family="piecewise",
        citation=XU_2015,
        params=(Param("lower", RRELU_LOWER, 0.0, 1.0, open_high=True,
                      doc="lower end of the training-time slope distribution U(lower, upper)"),
                Param("upper", RRELU_UPPER, 0.0, 1.0, open_high=True,
                      doc="upper end of the training-time slope distribution")),
        aliases=("randomized_leaky_relu",),
        description="Randomized leaky ReLU in its deterministic evaluation form: the negative "
                    "slope, drawn from U(lower, upper) in training, is replaced by its mean "
                    "(lower + upper)/2. Uses torch's parametrization on the slope (defaults 1/8, "
                    "1/3); the paper instead writes y = x / a with a ~ U(3, 8), i.e. a test-time "
                    "slope of 2/11.",
        properties=Properties(monotonic=True, lower=None, upper=None, smoothness="C0",
                              zero_at_zero=True, zero_centered=True),
        native=lambda x, lower=RRELU_LOWER, upper=RRELU_UPPER, inplace=False: F.rrelu(
            x, lower, upper, training=False, inplace=inplace),
        inplace=True,
        references=(Reference("leaky_relu", target_params={
            "negative_slope": (RRELU_LOWER + RRELU_UPPER) / 2},
            note="eval-mode RReLU = LeakyReLU with slope (lower + upper)/2"),),
    ),
    Spec(
        name="relu6",
        formula="clamp(x, 0, 6)",
        family="piecewise",
        citation=KRIZHEVSKY_2010,
        description="ReLU capped at 6, min(max(0, x), 6) (the ReLU-6 units of Krizhevsky 2010; "
                    "later used in MobileNets).",
        properties=Properties(monotonic=True, lower=0.0, upper=6.0, smoothness="C0",
                              zero_at_zero=True, zero_centered=False, sparse=True),
        native=F.relu6,
        inplace=True,
    ),
    Spec(
        name="hardtanh",
        formula="clamp(x, min_val, max_val)",
        family="piecewise",
        citation=COLLOBERT_2011,
        params=(Param("min_val", -1.0, doc="lower saturation value (must be < max_val)"),
                Param("max_val", 1.0, doc="upper saturation value (must be > min_val)")),
        aliases=("hard_tanh",),
        description="Hard tanh: the identity clipped to [min_val, max_val] (default [-1, 1], the "
                    "HardTanh of Collobert et al.), a piecewise-linear stand-in for tanh.",
        properties=Properties(monotonic=True, lower=-1.0, upper=1.0, smoothness="C0",
                              zero_at_zero=True, zero_centered=True),
        native=lambda x, min_val=-1.0, max_val=1.0, inplace=False: F.hardtanh(
            x, min_val, max_val, inplace),
        inplace=True,
    ),
    Spec(
        name="clipped_relu",
        formula="clamp(x, 0, cap)",
        family="piecewise",
        citation=HANNUN_2014,
        params=(Param("cap", 20.0, 0.0, open_low=True, doc="clipping ceiling N of ReLU-N"),),
        aliases=("bounded_relu", "relu_n"),
        description="Clipped (bounded) ReLU min(max(0, x), cap), the ReLU-N family; the default "
                    "cap 20 is Deep Speech's clipped rectified-linear unit.",
        properties=Properties(monotonic=True, lower=0.0, upper=20.0, smoothness="C0",
                              zero_at_zero=True, zero_centered=False, sparse=True),
        native=lambda x, cap=20.0: F.hardtanh(x, 0.0, cap),
        references=(Reference("relu6", params={"cap": 6.0}, atol=0.0,
                              note="clipped_relu(cap=6) = ReLU6"),),
    ),
    Spec(
        name="relu_squared",
        formula="relu(x)**2",
        family="piecewise",
        citation=SO_2021,
        aliases=("squared_relu", "relu2"),
        description="Squared ReLU max(0, x)^2, found by Primer's search for the Transformer "
                    "feed-forward block.",
        properties=Properties(monotonic=True, lower=0.0, upper=None, smoothness="C1",
                              zero_at_zero=True, zero_centered=False, sparse=True),
        references=(Reference(lambda x: torch.square(torch.relu(x)),
                              note="= torch.relu(x) ** 2"),),
    ),
    Spec(
        name="repu",
        published="relu(x)**p",
        formula="where(x > 0, abs(x) * exp((p - 1) * log(abs(x))), 0)",
        family="piecewise",
        citation=LI_TANG_YU_2019,
        params=(Param("p", 2.0, 1.0, doc="power s (an integer >= 2 in the paper; p = 2 is "
                                         "the rectified quadratic unit ReQU)"),),
        aliases=("rectified_power_unit",),
        description="Rectified power unit max(0, x)^p; p = 1 is ReLU, p = 2 (default) the "
                    "rectified quadratic unit. C^(p-1) for integer p; the smoothness declared "
                    "is that of the default p = 2. Evaluated as |x| e^((p-1) log|x|) for x > 0 so "
                    "that the derivative p x^(p-1) is formed without overflowing x^p (|x| keeps "
                    "the unused branch finite).",
        properties=Properties(monotonic=True, lower=0.0, upper=None, smoothness="C1",
                              zero_at_zero=True, zero_centered=False, sparse=True),
        references=(Reference("relu_squared", params={"p": 2.0}, atol=1e-9,
                              note="RePU(p=2) = squared ReLU"),
                    Reference("relu", params={"p": 1.0}, atol=0.0, note="RePU(p=1) = ReLU")),
    ),
    Spec(
        name="starrelu",
        formula="s * relu(x)**2 + b",
        family="piecewise",
        citation=YU_2022,
        params=(Param("s", STAR_SCALE, learnable=True, doc="scale (learnable, shared)"),
                Param("b", STAR_BIAS, learnable=True, doc="bias (learnable, shared)")),
        aliases=("star_relu",),
        description="StarReLU s * relu(x)^2 + b. Defaults s = 2/sqrt(5) ~ 0.8944 and b = "
                    "-1/sqrt(5) ~ -0.4472 (the paper's values, here unrounded) standardize "
                    "relu(z)^2 for z ~ N(0, 1) to mean 0 and variance 1; both are learnable.",
        properties=Properties(monotonic=True, lower=STAR_BIAS, upper=None, smoothness="C1",
                              zero_at_zero=False, zero_centered=True),
        references=(Reference("relu_squared", params={"s": 1.0, "b": 0.0}, atol=0.0,
                              note="StarReLU(s=1, b=0) = squared ReLU"),),
    ),
    Spec(
        name="srelu",
        formula="where(x >= t_r, t_r + a_r * (x - t_r), where(x > t_l, x, t_l + a_l * (x - t_l)))",
        family="piecewise",
        citation=JIN_2015,
        params=(Param("t_l", -1.0, learnable=True, doc="left threshold t^l"),
                Param("a_l", 0.1, learnable=True, doc="slope below t^l"),
                Param("t_r", 1.0, learnable=True, doc="right threshold t^r (must be >= t^l)"),
                Param("a_r", 0.1, learnable=True, doc="slope above t^r")),
        aliases=("s_shaped_relu",),
        description="S-shaped ReLU: identity between t_l and t_r, lines of slope a_l below t_l "
                    "and a_r above t_r, all four learned per channel. The paper initializes "
                    "them data-dependently (a 'freezing' phase as a leaky ReLU); the defaults "
                    "here (t_l = -1, a_l = 0.1, t_r = 1, a_r = 0.1) are illustrative, not "
                    "published values.",
        properties=Properties(monotonic=True, lower=None, upper=None, smoothness="C0",
                              zero_at_zero=True, zero_centered=True),
        references=(Reference("leaky_relu", params={"t_l": 0.0, "a_l": 0.2, "a_r": 1.0},
                              target_params={"negative_slope": 0.2}, atol=0.0,
                              note="SReLU(t_l=0, a_l=a, a_r=1) = LeakyReLU(a)"),),
    ),
    Spec(
        name="relu_concave",
        formula="-relu(-x)",
        family="piecewise",
        citation=RUNJE_2022,
        aliases=("concave_relu",),
        description="Concave member of the constrained-monotonic activation triplet built from "
                    "ReLU: -relu(-x) = min(x, 0), the point reflection of ReLU.",
        properties=Properties(monotonic=True, lower=None, upper=0.0, smoothness="C0",
                              zero_at_zero=True, zero_centered=False, sparse=True),
        references=(Reference(lambda x: torch.clamp(x, max=0.0), atol=0.0,
                              note="= min(x, 0)"),),
    ),
    Spec(
        name="relu_saturated",
        published="where(x <= 0, relu(x + 1) - 1, 1 - relu(1 - x))",
        formula="clamp(x, -1, 1)",
        family="piecewise",
        citation=RUNJE_2022,
        aliases=("saturated_relu",),
        description="Saturated member of the constrained-monotonic activation triplet built from "
                    "ReLU: rho(x + 1) - rho(1) for x <= 0 and rho_concave(x - 1) + rho(1) above "
                    "(the authors' code puts x = 0 in the first branch); for rho = ReLU this is "
                    "clamp(x, -1, 1).",
        properties=Properties(monotonic=True, lower=-1.0, upper=1.0, smoothness="C0",
                              zero_at_zero=True, zero_centered=True),
        references=(Reference("hardtanh", atol=1e-12, note="= hardtanh(x) on [-1, 1]"),),
    ),
    Spec(
        name="frelu",
        formula="relu(x) + b",
        family="piecewise",
        citation=QIU_2017,
        params=(Param("b", 0.0, learnable=True,
                      doc="learnable output shift (layer-wise); tends to become negative"),),
        aliases=("flexible_relu",),
        description="Flexible ReLU relu(x) + b: ReLU with a learnable rectified point (output "
                    "bias) so that outputs can go negative. Default b = 0 (where it equals "
                    "ReLU) is a neutral starting value, not a published one. Not to be confused "
                    "with the spatial Funnel ReLU.",
        properties=Properties(monotonic=True, lower=0.0, upper=None, smoothness="C0",
                              zero_at_zero=True, zero_centered=False, sparse=True),
        references=(Reference("relu", atol=0.0, note="FReLU(b=0) = ReLU"),),
    ),
    Spec(
        name="absolute",
        formula="abs(x)",
        family="piecewise",
        citation=JARRETT_2009,
        aliases=("abs",),
        description="Absolute-value rectification |x|, which Jarrett et al. found essential in "
                    "multi-stage recognition architectures.",
        properties=Properties(monotonic=False, lower=0.0, upper=None, smoothness="C0",
                              zero_at_zero=True, zero_centered=False),
        references=(Reference(torch.abs),),
    ),
    Spec(
        name="nlrelu",
        formula="log1p(beta * relu(x))",
        family="piecewise",
        citation=LIU_2019,
        params=(Param("beta", 1.0, 0.0, open_low=True, doc="scale inside the logarithm"),),
        description="Natural-logarithm ReLU log(beta * max(0, x) + 1): ReLU with a "
                    "logarithmically compressed positive part.",
        properties=Properties(monotonic=True, lower=0.0, upper=None, smoothness="C0",
                              zero_at_zero=True, zero_centered=False, sparse=True),
    ),
)
