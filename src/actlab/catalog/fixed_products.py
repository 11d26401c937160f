"""Fixed (parameter-free or hyperparameter-only) units from the survey's sections 3.2, 3.3 and
3.6: the symmetrical GELU, arctanGR and self arctan, the sigmoid's derivative, Hexpo, the smooth
step of tree ensemble layers, SineReLU and the x ln(1 + tanh(e^x)) unit studied beside Mish."""

import math

import torch

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

YU_SU_2019 = Citation(
    "Symmetrical Gaussian Error Linear Units (SGELUs)",
    "Chao Yu, Zhiguo Su",
    2019,
    arxiv="1911.03925",
)
SIVRI_2022 = Citation(
    "Multiclass Classification Using Arctangent Activation Function and Its Variations",
    "Tuğba Tuğçe Sivri, Nazlı Pınar Akman, Ali Berkol",
    2022,
    venue="ECAI 2022 (14th International Conference on Electronics, Computers and Artificial "
    "Intelligence)",
)
KOCAK_2021 = Citation(
    "New activation functions for single layer feedforward neural network",
    "Yılmaz Koçak, Gülesen Üstündağ Şiray",
    2021,
    venue="Expert Systems with Applications",
)
KONG_2017 = Citation(
    "Hexpo: A vanishing-proof activation function",
    "Shumin Kong, Masahiro Takatsuka",
    2017,
    venue="IJCNN 2017",
)
HAZIMEH_2020 = Citation(
    "The Tree Ensemble Layer: Differentiability meets Conditional Computation",
    "Hussein Hazimeh, Natalia Ponomareva, Petros Mol, Zhenyu Tan, Rahul Mazumder",
    2020,
    arxiv="2002.07772",
    venue="ICML 2020",
)
RODRIGUES_2018 = Citation(
    "SineReLU - An Alternative to the ReLU Activation Function",
    "Wilder Rodrigues",
    2018,
    venue="Medium (medium.com/@wilder.rodrigues)",
)
# Even units that vanish only at 0 and grow without bound on both sides.
_EVEN_GROWING = dict(
    monotonic=False,
    lower=0.0,
    upper=None,
    smoothness="Cinf",
    zero_at_zero=True,
    zero_centered=False,
)

GOLDEN_RATIO = (1 + math.sqrt(5)) / 2
LOG_TANH_EXP_MIN = -0.307806942429831  # at x = -1.2028

MISRA_2019 = Citation(
    "Mish: A Self Regularized Non-Monotonic Activation Function",
    "Diganta Misra",
    2019,
    arxiv="1908.08681",
    venue="BMVC 2020",
)

SPECS: tuple[Spec, ...] = (
    Spec(
        name="sgelu",
        formula="a * x * erf(clamp(x, -9, 9) / sqrt(2))",
        family="gated",
        citation=YU_SU_2019,
        aliases=("symmetrical_gelu",),
        params=(
            Param(
                "a",
                0.1,
                0.0,
                open_low=True,
                doc="scale alpha (0.1 in the paper's MNIST experiments)",
            ),
        ),
        description="Symmetrical GELU a x erf(x / sqrt 2): an even function, GELU's negative "
        "half mirrored (a (2 GELU(x) - x)), so that negative inputs also pass a signal. erf is "
        "evaluated on x clamped to [-9, 9], where it is +-1 to within 1e-19.",
        properties=Properties(**_EVEN_GROWING),
        references=(
            Reference(
                lambda x: 0.1 * (2 * torch.nn.functional.gelu(x) - x),
                atol=1e-12,
                note="= a (2 GELU(x) - x)",
            ),
        ),
    ),
    Spec(
        name="arctan_gr",
        formula="atan(x) / ((1 + sqrt(5)) / 2)",
        family="sigmoidal",
        citation=SIVRI_2022,
        aliases=("arctangr",),
        description="ArctanGR: arctan divided by the golden ratio (1 + sqrt 5) / 2, the best of "
        "the paper's scaled arctan variants (others divide by pi or e); range "
        "(-pi / (2 phi), pi / (2 phi)).",
        properties=Properties(
            monotonic=True,
            lower=-math.pi / (2 * GOLDEN_RATIO),
            upper=math.pi / (2 * GOLDEN_RATIO),
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(lambda x: torch.atan(x) / GOLDEN_RATIO, atol=1e-12, note="= arctan / phi"),
        ),
    ),
    Spec(
        name="self_arctan",
        formula="x * atan(x)",
        family="gated",
        citation=SIVRI_2022,
        description="Self arctan x arctan(x), built like the SiLU with arctan as the weight: an "
        "even function, 0 at 0 and growing like (pi / 2) |x|.",
        properties=Properties(**_EVEN_GROWING),
        references=(
            Reference(
                lambda x: x.abs() * torch.atan(x.abs()),
                atol=1e-12,
                note="even: |x| arctan |x|",
            ),
        ),
    ),
    Spec(
        name="dsigmoid",
        formula="sigmoid(x) * sigmoid(-x)",
        family="radial",
        citation=KOCAK_2021,
        aliases=("sigmoid_derivative",),
        description="Derivative of the logistic sigmoid s(x)(1 - s(x)) = e^-x / (1 + e^-x)^2 used "
        "as a bell-shaped activation with peak 1/4 at 0; written s(x) s(-x), exact in both "
        "tails.",
        properties=Properties(
            monotonic=False,
            lower=0.0,
            upper=0.25,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=False,
        ),
        references=(
            Reference(
                lambda x: 0.25 / torch.cosh(x / 2) ** 2,
                atol=1e-12,
                note="= sech^2(x/2) / 4",
            ),
        ),
    ),
    Spec(
        name="hexpo",
        formula="where(x >= 0, -a * expm1(-max(x, 0) / b), c * expm1(min(x, 0) / d))",
        family="sigmoidal",
        citation=KONG_2017,
        params=(
            Param("a", 1.0, 0.0, open_low=True, doc="upper limit"),
            Param("b", 1.0, 0.0, open_low=True, doc="decay scale for x >= 0"),
            Param("c", 1.0, 0.0, open_low=True, doc="magnitude of the lower limit"),
            Param("d", 1.0, 0.0, open_low=True, doc="decay scale for x < 0"),
        ),
        description="Hexpo: -a (e^(-x/b) - 1) for x >= 0 and c (e^(x/d) - 1) below, a tanh-like "
        "sigmoid in (-c, a) whose gradient scale is set by a/b and c/d (fixed, not trained, in "
        "the paper). The paper's chosen values were not reachable; a = b = c = d = 1 here, the "
        "odd form sign(x)(1 - e^(-|x|)). Written with expm1 on clamped copies of x.",
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
                lambda x: torch.sign(x) * -torch.expm1(-x.abs()),
                atol=1e-12,
                note="a = b = c = d = 1 is sign(x)(1 - e^-|x|)",
            ),
        ),
    ),
    Spec(
        name="smooth_step",
        formula="-2 * clamp(x, -g / 2, g / 2)**3 / g**3 + 3 * clamp(x, -g / 2, g / 2) / (2 * g) "
        "+ 1 / 2",
        family="sigmoidal",
        citation=HAZIMEH_2020,
        params=(Param("g", 1.0, 0.0, open_low=True, doc="width gamma of the cubic transition"),),
        description="Smooth step: 0 below -g/2, 1 above g/2 and the cubic -2x^3/g^3 + 3x/(2g) "
        "+ 1/2 between, a C1 sigmoid that reaches exactly 0 and 1 (conditional computation in "
        "tree ensemble layers). g is tuned per task in the paper; 1 is the default here.",
        properties=Properties(
            monotonic=True,
            lower=0.0,
            upper=1.0,
            smoothness="C1",
            zero_at_zero=False,
            zero_centered=False,
            sparse=True,
        ),
        references=(
            Reference(
                lambda x: torch.where(x.abs() < 0.5, -2 * x**3 + 1.5 * x + 0.5, (x > 0).double()),
                atol=1e-12,
                note="g = 1 written piecewise",
            ),
        ),
    ),
    Spec(
        name="sinerelu",
        formula="where(x > 0, x, eps * (sin(min(x, 0)) - cos(min(x, 0))))",
        family="piecewise",
        citation=RODRIGUES_2018,
        aliases=("sine_relu",),
        params=(
            Param(
                "eps",
                0.0025,
                0.0,
                open_low=True,
                doc="epsilon: amplitude of the "
                "negative part (0.0025 for dense, 0.025 for convolutional layers)",
            ),
        ),
        description="SineReLU: x for x > 0, eps (sin x - cos x) for x <= 0, a small oscillation "
        "instead of ReLU's zero; f(0) = -eps, so it jumps at 0.",
        properties=Properties(
            monotonic=False,
            lower=-0.0025 * math.sqrt(2),
            upper=None,
            smoothness="discontinuous",
            zero_at_zero=False,
            zero_centered=True,
        ),
    ),
    Spec(
        name="x_log_tanh_exp",
        formula="where(x > 5, x * log(2), x * log1p(tanh(exp(min(x, 5)))))",
        family="gated",
        citation=MISRA_2019,
        description="x ln(1 + tanh(e^x)), one of the self-gated candidates the Mish paper "
        "compared and found less stable than Mish. The gate rises from 0 to ln 2; above x = 5 "
        "tanh(e^x) is 1 to within e^-296 and f is x ln 2.",
        properties=Properties(
            monotonic=False,
            lower=LOG_TANH_EXP_MIN,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: x * torch.log(1 + torch.tanh(torch.exp(x))),
                atol=1e-12,
                note="= x ln(1 + tanh(e^x)) written directly",
            ),
        ),
    ),
)
