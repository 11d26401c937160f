"""Radial (bump-shaped) units: the Gaussian, the Cauchy activation of XNet and the elephant
function, each peaking near 0 and decaying in both tails."""

import math

import torch

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

RAMASINGHE_LUCEY_2021 = Citation(
    "Beyond Periodicity: Towards a Unifying Framework for Activations in Coordinate-MLPs",
    "Sameera Ramasinghe, Simon Lucey", 2021, arxiv="2111.15135", venue="ECCV 2022")
LI_XIA_ZHANG_2024 = Citation(
    "Cauchy activation function and XNet", "Xin Li, Zhihong Xia, Hongkun Zhang", 2024,
    arxiv="2409.19221")
LAN_MAHMOOD_2023 = Citation(
    "Elephant Neural Networks: Born to Be a Continual Learner", "Qingfeng Lan, A. Rupam Mahmood",
    2023, arxiv="2310.01365")

SPECS: tuple[Spec, ...] = (
    Spec(
        name="gaussian",
        published="exp(-x**2)",
        formula="where(abs(x) < 40, exp(-x * x), 0)",
        family="radial",
        citation=RAMASINGHE_LUCEY_2021,
        aliases=("gauss",),
        description="Gaussian bump exp(-x^2), the non-periodic coordinate-MLP activation "
                    "(exp(-x^2 / (2 sigma^2)) with the width folded into the layer). Set to 0 "
                    "for |x| >= 40, where exp(-x^2) < 1e-694 is below every float format, so the "
                    "derivative never forms inf * 0.",
        properties=Properties(monotonic=False, lower=0.0, upper=1.0, smoothness="Cinf",
                              zero_at_zero=False, zero_centered=False),
        references=(Reference(lambda x: torch.exp(-x * x), note="= exp(-x^2)"),),
    ),
    Spec(
        name="cauchy",
        published="(lambda1 * x + lambda2) / (x**2 + d**2)",
        formula="where(abs(x) > d, (lambda1 + lambda2 / x) / (x + d * (d / x)), "
                "(lambda1 * x + lambda2) / (x * x + d * d))",
        family="radial",
        citation=LI_XIA_ZHANG_2024,
        params=(Param("lambda1", 1.0, learnable=True, doc="weight of the odd term x/(x^2+d^2)"),
                Param("lambda2", 1.0, learnable=True, doc="weight of the even term 1/(x^2+d^2)"),
                Param("d", 1.0, 0.0, open_low=True, learnable=True, doc="width")),
        aliases=("cauchy_activation",),
        description="Cauchy activation of XNet (lambda1 x + lambda2) / (x^2 + d^2) with "
                    "trainable lambda1, lambda2, d; the paper gives no initial values in the "
                    "text checked, so all three default to 1 (the common public "
                    "implementations). For |x| > d it is evaluated as "
                    "(lambda1 + lambda2/x) / (x + d^2/x), the same function without overflow "
                    "of x^2.",
        properties=Properties(monotonic=False, lower=(1 - math.sqrt(2)) / 2,
                              upper=(1 + math.sqrt(2)) / 2, smoothness="Cinf",
                              zero_at_zero=False, zero_centered=True),
        references=(Reference(lambda x: 1 / (1 + x * x), params={"lambda1": 0.0},
                              note="lambda1 = 0, lambda2 = d = 1: Cauchy kernel 1/(1 + x^2)"),
                    Reference(lambda x: x / (1 + x * x), params={"lambda2": 0.0},
                              note="lambda2 = 0, lambda1 = d = 1: x/(1 + x^2)")),
    ),
    Spec(
        name="elephant",
        published="1 / (1 + abs(x / a)**d)",
        formula="where(x == 0, 1, sigmoid(-d * log(abs(x) / a)))",
        family="radial",
        citation=LAN_MAHMOOD_2023,
        params=(Param("a", 1.0, 0.0, open_low=True, learnable=True, doc="width"),
                Param("d", 4.0, 0.0, open_low=True, doc="steepness (even integers in the paper)")),
        description="Elephant function 1 / (1 + |x/a|^d): flat near 0 with sparse outputs and "
                    "gradients in the tails. Defaults a = 1, d = 4 (d in {2, 4, 8} in the "
                    "official configs; the official code trains the width). Evaluated as "
                    "sigmoid(-d log(|x|/a)), pinned to 1 at x = 0: the same function, with no "
                    "overflow of |x/a|^d and a derivative free of 0/0 and inf/inf.",
        properties=Properties(monotonic=False, lower=0.0, upper=1.0, smoothness="Cinf",
                              zero_at_zero=False, zero_centered=False),
        references=(Reference(lambda x: 1 / (1 + x**4), note="a = 1, d = 4: 1/(1 + x^4)"),),
    ),
)
