"""Shrinkage and threshold units that output exact zeros on an interval: hard/soft shrinkage,
torch's Threshold, the shifted ReLU and soft thresholding with their magnitude-clipped forms,
the hysteresis ReLU (HeLU) and VRA's post-hoc activation shaping."""

import torch.nn.functional as F

from actlab.catalog.citations import PASZKE_2019
from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

DONOHO_JOHNSTONE_1994 = Citation(
    "Ideal spatial adaptation by wavelet shrinkage", "David L. Donoho, Iain M. Johnstone", 1994,
    venue="Biometrika 81(3)")
DONOHO_1995 = Citation(
    "De-noising by soft-thresholding", "David L. Donoho", 1995,
    venue="IEEE Transactions on Information Theory 41(3)")
PRICE_2024 = Citation(
    "Deep Neural Network Initialization with Sparsity Inducing Activations", "Ilan Price et al.",
    2024, arxiv="2402.16184", venue="ICLR 2024")
KIMHI_2024 = Citation(
    "Hysteresis Activation Function for Efficient Inference",
    "Moshe Kimhi, Idan Kashani, Avi Mendelson, Chaim Baskin", 2024, arxiv="2411.10573",
    venue="NeurIPS 2024 Workshop ENLSP-IV (PMLR 262)")
XU_LIAN_2023 = Citation(
    "VRA: Variational Rectified Activation for Out-of-distribution Detection",
    "Mingyu Xu, Zheng Lian, Bin Liu, Jianhua Tao", 2023, arxiv="2302.11716",
    venue="NeurIPS 2023")

_SOFT_THRESHOLD = "where(x > {t}, x - {t}, where(x < -{t}, x + {t}, 0))"

KONDA_2014 = Citation(
    "Zero-bias autoencoders and the benefits of co-adapting features",
    "Kishore Konda, Roland Memisevic, David Krueger", 2014, arxiv="1402.3337",
    venue="ICLR 2015")

SPECS: tuple[Spec, ...] = (
    Spec(
        name="hardshrink",
        formula="where(abs(x) > lambd, x, 0)",
        family="sparse",
        citation=DONOHO_JOHNSTONE_1994,
        params=(Param("lambd", 0.5, 0.0, doc="threshold lambda"),),
        aliases=("hard_shrink", "hard_threshold"),
        description="Hard shrinkage (hard thresholding): x where |x| > lambda, 0 otherwise; "
                    "jumps at +-lambda. Default lambda = 0.5 as in torch.",
        properties=Properties(monotonic=True, lower=None, upper=None, smoothness="discontinuous",
                              zero_at_zero=True, zero_centered=True, sparse=True),
        native=lambda x, lambd=0.5: F.hardshrink(x, lambd),
    ),
    Spec(
        name="softshrink",
        formula=_SOFT_THRESHOLD.format(t="lambd"),
        family="sparse",
        citation=DONOHO_1995,
        params=(Param("lambd", 0.5, 0.0, doc="threshold lambda"),),
        aliases=("soft_shrink",),
        description="Soft shrinkage sign(x) max(|x| - lambda, 0), the proximal map of "
                    "lambda |x|. Default lambda = 0.5 as in torch.",
        properties=Properties(monotonic=True, lower=None, upper=None, smoothness="C0",
                              zero_at_zero=True, zero_centered=True, sparse=True),
        native=lambda x, lambd=0.5: F.softshrink(x, lambd),
    ),
    Spec(
        name="threshold",
        formula="where(x > threshold, x, value)",
        family="sparse",
        citation=PASZKE_2019,
        params=(Param("threshold", 1.0, doc="inputs at or below it are replaced"),
                Param("value", 0.0, doc="replacement value")),
        description="torch.nn.Threshold: x where x > threshold, else value. torch has no "
                    "defaults; threshold = 1, value = 0 (a thresholded identity that jumps from "
                    "0 to 1 at x = 1) are chosen here.",
        properties=Properties(monotonic=True, lower=0.0, upper=None, smoothness="discontinuous",
                              zero_at_zero=True, zero_centered=False, sparse=True),
        native=lambda x, threshold=1.0, value=0.0, inplace=False: F.threshold(
            x, threshold, value, inplace),
        inplace=True,
        references=(Reference("relu", params={"threshold": 0.0, "value": 0.0}, atol=0.0,
                              note="Threshold(0, 0) = ReLU"),),
    ),
    Spec(
        name="shifted_relu",
        formula="relu(x - tau)",
        family="sparse",
        citation=PRICE_2024,
        params=(Param("tau", 1.0, 0.0, doc="shift tau >= 0; larger tau gives sparser outputs"),),
        description="Shifted ReLU max(0, x - tau) (ReLU_tau), a sparsifying activation. Default "
                    "tau = 1 as in the paper's Figure 1 (the paper picks tau for a target "
                    "sparsity).",
        properties=Properties(monotonic=True, lower=0.0, upper=None, smoothness="C0",
                              zero_at_zero=True, zero_centered=False, sparse=True),
        references=(Reference("relu", params={"tau": 0.0}, atol=0.0,
                              note="shifted ReLU(tau=0) = ReLU"),),
    ),
    Spec(
        name="soft_threshold",
        formula=_SOFT_THRESHOLD.format(t="tau"),
        family="sparse",
        citation=PRICE_2024,
        params=(Param("tau", 1.0, 0.0, doc="threshold tau"),),
        aliases=("soft_thresholding",),
        description="Soft thresholding ST_tau: 0 for |x| <= tau and x - sign(x) tau beyond, "
                    "studied as a sparsifying activation (the same function as softshrink). "
                    "Default tau = 1 as in the paper's Figure 1.",
        properties=Properties(monotonic=True, lower=None, upper=None, smoothness="C0",
                              zero_at_zero=True, zero_centered=True, sparse=True),
        native=lambda x, tau=1.0: F.softshrink(x, tau),
        references=(Reference("softshrink", params={"tau": 0.5}, target_params={"lambd": 0.5},
                              atol=0.0, note="ST_tau = softshrink(lambd=tau)"),),
    ),
    Spec(
        name="clipped_shifted_relu",
        formula="clamp(x - tau, 0, m)",
        family="sparse",
        citation=PRICE_2024,
        params=(Param("tau", 1.0, 0.0, doc="shift tau"),
                Param("m", 1.0, 0.0, open_low=True, doc="clip level of the output magnitude")),
        description="Magnitude-clipped shifted ReLU CReLU_{tau,m}(x) = min(max(x - tau, 0), m), "
                    "which restores a stable variance-map fixed point. The paper prescribes m "
                    "from the shape of the Gaussian-process variance map; the defaults tau = 1, "
                    "m = 1 are those of its Figure 1.",
        properties=Properties(monotonic=True, lower=0.0, upper=1.0, smoothness="C0",
                              zero_at_zero=True, zero_centered=False, sparse=True),
        references=(Reference("shifted_relu", params={"m": 1e30}, atol=0.0,
                              note="m -> inf gives the shifted ReLU"),),
    ),
    Spec(
        name="clipped_soft_threshold",
        formula="where(x > tau, min(x - tau, m), where(x < -tau, max(x + tau, -m), 0))",
        family="sparse",
        citation=PRICE_2024,
        params=(Param("tau", 1.0, 0.0, doc="threshold tau"),
                Param("m", 1.0, 0.0, open_low=True, doc="clip level of the output magnitude")),
        description="Magnitude-clipped soft thresholding CST_{tau,m}(x) = sign(x) min(max(|x| - "
                    "tau, 0), m). The paper prescribes m from the Gaussian-process variance "
                    "map; the defaults tau = 1, m = 1 are those of its Figure 1.",
        properties=Properties(monotonic=True, lower=-1.0, upper=1.0, smoothness="C0",
                              zero_at_zero=True, zero_centered=True, sparse=True),
        references=(Reference("soft_threshold", params={"m": 1e30}, atol=0.0,
                              note="m -> inf gives soft thresholding"),),
    ),
    Spec(
        name="helu",
        formula="relu(x)",
        family="sparse",
        citation=KIMHI_2024,
        params=(Param("alpha", 0.05, 0.0, doc="backward margin: gradient passes for x > -alpha"),),
        derivative="relu(x + alpha)",
        aliases=("hysteresis_relu",),
        description="Hysteresis ReLU: forward max(0, x) (inference is plain ReLU), backward "
                    "uses the step heaviside(x + alpha), letting gradient through slightly "
                    "negative inputs against dying units. Default alpha = 0.05 from the "
                    "authors' code.",
        properties=Properties(monotonic=True, lower=0.0, upper=None, smoothness="C0",
                              zero_at_zero=True, zero_centered=False, sparse=True),
    ),
    Spec(
        name="vra",
        formula="where(x < alpha, 0, where(x <= beta, x + gamma, beta))",
        family="sparse",
        citation=XU_LIAN_2023,
        params=(Param("alpha", 0.5, doc="lower cut: activations below it are zeroed"),
                Param("beta", 1.0, doc="upper cut: activations above it are set to beta"),
                Param("gamma", 0.5, doc="amplification offset added in [alpha, beta]")),
        aliases=("variational_rectified_activation",),
        description="VRA post-hoc activation shaping for OOD detection: 0 below alpha, z + gamma "
                    "on [alpha, beta], beta above (as in the authors' code). In the paper alpha "
                    "and beta are per-unit quantiles of in-distribution activations and gamma is "
                    "tuned; the fixed defaults alpha = 0.5, beta = 1, gamma = 0.5 are "
                    "illustrative.",
        properties=Properties(monotonic=False, lower=0.0, upper=1.5, smoothness="discontinuous",
                              zero_at_zero=True, zero_centered=False, sparse=True),
    ),
    Spec(
        name="trec",
        formula="where(x > theta, x, 0)",
        family="sparse",
        citation=KONDA_2014,
        aliases=("truncated_rectified",),
        params=(Param("theta", 1.0, 0.0, doc="threshold below which the output is 0"),),
        description="Truncated rectified unit of zero-bias autoencoders: x above the threshold "
                    "theta, else 0 (the threshold takes the place of a negative bias).",
        properties=Properties(monotonic=True, lower=0.0, upper=None, smoothness="discontinuous",
                              zero_at_zero=True, zero_centered=False, sparse=True),
        references=(Reference("threshold", target_params={"threshold": 1.0, "value": 0.0},
                              note="equals threshold(1, 0)"),),
    ),
)
