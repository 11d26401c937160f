"""Sigmoid-weighted linear units beyond SiLU and swish: x times a squashing gate (Gish, EANAF,
parametric logish, CosLU) and the ACON family that learns whether to activate (survey sections
3.3 and 4.4)."""

import torch
import torch.nn.functional as F

from actlab.catalog.gated import ZHU_2021
from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

KAYTAN_2023 = Citation(
    "Gish: a novel activation function for image classification",
    "Mustafa Kaytan, İbrahim Berkan Aydilek, Celaleddin Yeroğlu",
    2023,
    venue="Neural Computing and Applications 35(34), 24259-24281",
)
CHAI_2022 = Citation(
    "An Efficient Asymmetric Nonlinear Activation Function for Deep Neural Networks",
    "Enhui Chai, Wei Yu, Tianxiang Cui, Jianfeng Ren, Shusheng Ding",
    2022,
    venue="Symmetry 14(5), 1027",
)
MA_2021 = Citation(
    "Activate or Not: Learning Customized Activation",
    "Ningning Ma, Xiangyu Zhang, Ming Liu, Jian Sun",
    2021,
    arxiv="2009.04759",
    venue="CVPR 2021",
)
BISWAS_2020 = Citation(
    "TanhSoft -- a family of activation functions combining Tanh and Softplus",
    "Koushik Biswas, Sandeep Kumar, Shilpak Banerjee, Ashish Kumar Pandey",
    2020,
    arxiv="2009.03863",
)
BISWAS_EIS_2020 = Citation(
    "EIS -- a family of activation functions combining Exponential, ISRU, and Softplus",
    "Koushik Biswas, Sandeep Kumar, Shilpak Banerjee, Ashish Kumar Pandey",
    2020,
    arxiv="2009.13501",
)
BODYANSKIY_KOSTIUK_2022 = Citation(
    "Adaptive hybrid activation function for deep neural networks",
    "Yevgeniy Bodyanskiy, Serhii Kostiuk",
    2022,
    venue="System Research and Information Technologies 2022(1)",
)
BODYANSKIY_KOSTIUK_2023 = Citation(
    "Learnable Extended Activation Function for Deep Neural Networks",
    "Yevgeniy Bodyanskiy, Serhii Kostiuk",
    2023,
    venue="International Journal of Computing",
)
VAGERWAL_2021 = Citation(
    "Deeper Learning with CoLU Activation", "Advait Vagerwal", 2021, arxiv="2112.12078"
)
PISHCHIK_2023 = Citation(
    "Trainable Activations for Image Classification",
    "Evgenii Pishchik",
    2023,
    venue="Preprints.org 2023010463",
)

_GATED = {"smoothness": "Cinf", "zero_at_zero": True, "zero_centered": True, "self_gated": True}

SPECS: tuple[Spec, ...] = (
    Spec(
        name="gish",
        formula="where(x > 4, x * log(2), x * log1p(-expm1(-exp(min(x, 4)))))",
        family="gated",
        citation=KAYTAN_2023,
        description="Gish x ln(2 - e^(-e^x)), a self-gated unit whose gate rises from 0 to ln 2. "
        "Written as x log1p(-expm1(-e^x)), exact in the left tail; above x = 4 the "
        "gate equals ln 2 to within e^(-e^4) < 2e-24, so x ln 2 is used there and "
        "e^(-e^x) e^x never forms 0 * inf in the derivative.",
        properties=Properties(monotonic=False, lower=-0.2781594608964, upper=None, **_GATED),
        references=(
            Reference(
                lambda x: x * torch.log(2 - torch.exp(-torch.exp(x))),
                atol=1e-9,
                note="= x ln(2 - exp(-exp(x))) written directly",
            ),
        ),
    ),
    Spec(
        name="eanaf",
        formula="x * sigmoid(x - log(2))",
        family="gated",
        citation=CHAI_2022,
        description="Efficient asymmetric nonlinear activation function x g(h(x)) with h = "
        "softplus and g(u) = tanh(u/2), which simplifies to x e^x / (e^x + 2) = "
        "x sigmoid(x - ln 2): a SiLU whose gate is shifted right by ln 2.",
        properties=Properties(monotonic=False, lower=-0.1571849514838, upper=None, **_GATED),
        references=(
            Reference(
                lambda x: x * torch.tanh(F.softplus(x) / 2),
                atol=1e-9,
                note="= x tanh(softplus(x) / 2), the paper's composition",
            ),
        ),
    ),
    Spec(
        name="plogish",
        formula="where(b * x > 100, a * x * log(2), "
        "where(b * x > -100, a * x * log1p(sigmoid(b * x)), "
        "-a * exp(log(max(-x, 1e-30)) + b * x)))",
        family="gated",
        citation=ZHU_2021,
        aliases=("parametric_logish",),
        params=(
            Param("a", 1.0, 0.0, open_low=True, doc="output scale alpha"),
            Param("b", 10.0, 0.0, open_low=True, doc="gate sharpness beta"),
        ),
        description="Parametric logish a x ln(1 + sigmoid(b x)) from the logish paper, with its "
        "values a = 1, b = 10 (the survey names it pLogish); a = b = 1 is logish. Beyond "
        "|b x| = 100 the gate is ln 2 or e^(b x) to within e^-100; the latter is "
        "written -a e^(ln(-x) + b x) so that the derivative never forms inf * 0.",
        properties=Properties(monotonic=False, lower=-0.02527688167894, upper=None, **_GATED),
        references=(
            Reference(
                "logish", params={"a": 1.0, "b": 1.0}, atol=1e-12, note="a = b = 1 is logish"
            ),
        ),
    ),
    Spec(
        name="cos_lu",
        formula="(x + a * cos(b * x)) * sigmoid(x)",
        family="gated",
        citation=PISHCHIK_2023,
        aliases=("coslu",),
        params=(
            Param("a", 1.0, learnable=True, doc="amplitude of the cosine term"),
            Param("b", 1.0, learnable=True, doc="frequency of the cosine term"),
        ),
        description="Cosinu-sigmoidal linear unit (x + a cos(b x)) sigmoid(x), SinLU with a "
        "cosine; a and b are trained and start at 1. f(0) = a / 2.",
        properties=Properties(
            monotonic=False,
            lower=-0.2892731286645,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=False,
            zero_centered=True,
        ),
        references=(Reference("silu", params={"a": 0.0}, atol=0.0, note="a = 0 is SiLU"),),
    ),
    Spec(
        name="acon_c",
        formula="(p1 - p2) * x * sigmoid(beta * (p1 - p2) * x) + p2 * x",
        family="gated",
        citation=MA_2021,
        aliases=("aconc",),
        params=(
            Param("p1", 1.0, learnable=True, doc="slope the unit tends to for x -> +inf"),
            Param("p2", 0.0, learnable=True, doc="slope the unit tends to for x -> -inf"),
            Param(
                "beta",
                1.0,
                learnable=True,
                doc="switching factor: 0 is linear, inf is max(p1 x, p2 x)",
            ),
        ),
        description="ACON-C (p1 - p2) x sigmoid(beta (p1 - p2) x) + p2 x, a smooth maximum of "
        "p1 x and p2 x; all three are trained per channel, from p1 = 1, p2 = 0, "
        "beta = 1, where it is SiLU (ACON-A, i.e. swish, is p2 = 0).",
        properties=Properties(monotonic=False, lower=-0.2784645427610738, upper=None, **_GATED),
        references=(
            Reference("silu", atol=0.0, note="(p1, p2, beta) = (1, 0, 1) is SiLU"),
            Reference(
                "swish",
                params={"beta": 2.0},
                target_params={"beta": 2.0},
                atol=0.0,
                note="p2 = 0 is swish with the same beta",
            ),
        ),
    ),
    Spec(
        name="acon_b",
        formula="(1 - p) * x * sigmoid(beta * (1 - p) * x) + p * x",
        family="gated",
        citation=MA_2021,
        aliases=("aconb",),
        params=(
            Param("p", 0.25, learnable=True, doc="slope for x -> -inf (PReLU-like leak)"),
            Param("beta", 1.0, learnable=True, doc="switching factor"),
        ),
        description="ACON-B (1 - p) x sigmoid(beta (1 - p) x) + p x, the smooth maximum of x and "
        "p x (the smooth counterpart of PReLU); p starts at 0.25 as in PReLU.",
        properties=Properties(monotonic=True, lower=None, upper=None, **_GATED),
        references=(
            Reference(
                "acon_c",
                target_params={"p1": 1.0, "p2": 0.25},
                atol=0.0,
                note="= ACON-C with p1 = 1, p2 = p",
            ),
        ),
    ),
    Spec(
        name="tanhsoft1",
        formula="tanh(alpha * x) * softplus(x)",
        family="gated",
        citation=BISWAS_2020,
        aliases=("tanhsoft_1",),
        params=(
            Param(
                "alpha", 0.87, 0.0, open_low=True, learnable=True, doc="slope of the tanh factor"
            ),
        ),
        description="TanhSoft-1 tanh(alpha x) ln(1 + e^x), the member of the TanhSoft family "
        "tanh(alpha x + beta e^(gamma x)) ln(delta + e^x) with beta = 0, delta = 1; "
        "alpha = 0.87 is the value the paper reports on CIFAR-100.",
        properties=Properties(
            monotonic=False,
            lower=-0.2237848745964,
            upper=None,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(
                lambda x: torch.tanh(0.87 * x) * F.softplus(x),
                atol=1e-12,
                note="alpha = 0.87 written with torch's softplus",
            ),
        ),
    ),
    Spec(
        name="tanhsoft2",
        formula="where(beta * exp(min(gamma * x, 40)) > 20, x, "
        "x * tanh(beta * exp(min(gamma * x, 40))))",
        family="gated",
        citation=BISWAS_2020,
        aliases=("tanhsoft_2",),
        params=(
            Param("beta", 0.6, 0.0, open_low=True, learnable=True, doc="gate scale"),
            Param("gamma", 1.0, 0.0, open_low=True, learnable=True, doc="gate rate"),
        ),
        description="TanhSoft-2 x tanh(beta e^(gamma x)), the TanhSoft member with alpha = "
        "delta = 0; beta = 0.6, gamma = 1 is x tanh(0.6 e^x), the paper's CIFAR-10 "
        "example (beta = gamma = 1 is TeLU/TanhExp). Where beta e^(gamma x) > 20 the "
        "gate is 1 in float64 and x is returned.",
        properties=Properties(monotonic=False, lower=-0.2173167526164, upper=None, **_GATED),
        references=(
            Reference(
                "telu", params={"beta": 1.0}, atol=1e-12, note="beta = gamma = 1 is TeLU (TanhExp)"
            ),
        ),
    ),
    Spec(
        name="colu",
        formula="where(x > 5, x, where(x >= 0, clamp(x, 0, 5) / (1 - clamp(x, 0, 5) * "
        "exp(-(clamp(x, 0, 5) + exp(clamp(x, 0, 5))))), where(x > -1000, "
        "clamp(x, -1000, 0) * exp(clamp(x, -1000, 0) + exp(clamp(x, -1000, 0))) / "
        "(exp(clamp(x, -1000, 0) + exp(clamp(x, -1000, 0))) - clamp(x, -1000, 0)), 0)))",
        family="gated",
        citation=VAGERWAL_2021,
        aliases=("collapsing_linear_unit",),
        description="Collapsing linear unit x / (1 - x e^(-(x + e^x))). For x < 0 it is "
        "evaluated as x e^u / (e^u - x) with u = x + e^x (no overflow of e^(-x)), "
        "above x = 5 as x (the correction is below e^(-150)), and below x = -1000 "
        "as 0 (|f| < 1e-430); each branch works on its own clamped copy of x.",
        properties=Properties(monotonic=False, lower=-0.3771585683961, upper=None, **_GATED),
        references=(
            Reference(
                lambda x: x / (1 - x * torch.exp(-(x + torch.exp(x)))),
                atol=1e-9,
                note="the paper's form on [-100, 100]",
            ),
        ),
    ),
    Spec(
        name="eis2",
        formula="where(x > 1e4, x - beta / (2 * max(x, 1e4)) + 3 * beta**2 / (8 * max(x, 1e4)**3), "
        "where(abs(x) > 1, sign(x) * softplus(x) / sqrt(1 + beta / max(abs(x), 1)**2), "
        "x * softplus(x) / sqrt(beta + x**2)))",
        family="gated",
        citation=BISWAS_EIS_2020,
        aliases=("eis_2",),
        params=(
            Param(
                "beta",
                1.0,
                0.0,
                open_low=True,
                learnable=True,
                doc="smoothing of |x| in the denominator",
            ),
        ),
        description="EIS-2 x ln(1 + e^x) / sqrt(beta + x^2), the member of the EIS family "
        "x softplus(x)^alpha / (sqrt(beta + gamma x^2) + delta e^(-theta x)) with "
        "alpha = gamma = 1, delta = 0; beta = 1 is the example of the abstract. For "
        "|x| > 1 it is sign(x) softplus(x) / sqrt(1 + beta / x^2), so x^2 never "
        "overflows, and above x = 1e4 its series x - beta/(2x) + 3 beta^2/(8x^3), "
        "exact there to double precision.",
        properties=Properties(monotonic=False, lower=-0.2321552368095, upper=None, **_GATED),
        references=(
            Reference(
                lambda x: x * F.softplus(x) / torch.sqrt(1 + x * x),
                atol=1e-12,
                note="beta = 1 written directly",
            ),
        ),
    ),
    Spec(
        name="ahaf",
        formula="beta * x * sigmoid(gamma * x)",
        family="gated",
        citation=BODYANSKIY_KOSTIUK_2022,
        aliases=("adaptive_hybrid_activation",),
        params=(
            Param("beta", 1.0, learnable=True, doc="output scale"),
            Param("gamma", 1.0, learnable=True, doc="gate slope (1e9 starts it as ReLU)"),
        ),
        description="Adaptive hybrid activation function beta x sigmoid(gamma x): swish with a "
        "trained output scale; beta = gamma = 1 is the authors' SiLU initialization "
        "(gamma = 1e9 their ReLU one).",
        properties=Properties(monotonic=False, lower=-0.2784645427610738, upper=None, **_GATED),
        references=(
            Reference("silu", atol=0.0, note="beta = gamma = 1 is SiLU"),
            Reference(
                "swish",
                params={"gamma": 2.0},
                target_params={"beta": 2.0},
                atol=0.0,
                note="beta = 1 is swish with beta = gamma",
            ),
        ),
    ),
    Spec(
        name="leaf",
        formula="(p1 * x + p2) * sigmoid(p3 * x) + p4",
        family="gated",
        citation=BODYANSKIY_KOSTIUK_2023,
        aliases=("learnable_extended_activation",),
        params=(
            Param("p1", 1.0, learnable=True, doc="slope of the gated line"),
            Param("p2", 0.0, learnable=True, doc="offset of the gated line"),
            Param("p3", 1.0, learnable=True, doc="gate slope"),
            Param("p4", 0.0, learnable=True, doc="output shift"),
        ),
        description="Learnable extended activation function (p1 x + p2) sigmoid(p3 x) + p4, "
        "which can start as SiLU (the defaults), ReLU (p3 large), sigmoid (p1 = 0, "
        "p2 = 1) or tanh (p1 = 0, p2 = 2, p3 = 2, p4 = -1) and trains all four.",
        properties=Properties(monotonic=False, lower=-0.2784645427610738, upper=None, **_GATED),
        references=(
            Reference("silu", atol=0.0, note="(1, 0, 1, 0) is SiLU"),
            Reference(
                "tanh",
                params={"p1": 0.0, "p2": 2.0, "p3": 2.0, "p4": -1.0},
                atol=1e-12,
                note="(0, 2, 2, -1) is tanh",
            ),
            Reference(
                "sigmoid",
                params={"p1": 0.0, "p2": 1.0},
                atol=0.0,
                note="(0, 1, 1, 0) is the sigmoid",
            ),
        ),
    ),
)
