"""Sigmoid-shaped gates that reach exact 0 and 1, so that a unit or a whole structure (a weight, an
attention head, a hidden dimension, a tree split) is switched fully off or on while the gate stays
differentiable in between: the deterministic gate of hard-concrete L0 regularization, which the
structured pruning of language models (CoFi, Sheared-LLaMA) inherited. (The two-class 1.5-entmax
of neural oblivious decision ensembles is the model-zoo units' entmoid15.) The survey of Kunc and
Kléma (arXiv:2402.09092) does not list it."""

import torch

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

LOUIZOS_2018 = Citation(
    "Learning Sparse Neural Networks through L0 Regularization",
    "Christos Louizos, Max Welling, Diederik P. Kingma",
    2018,
    arxiv="1712.01312",
    venue="ICLR 2018",
)
_SPARSE_GATE = {"lower": 0.0, "upper": 1.0, "zero_at_zero": False, "zero_centered": False}

SPECS: tuple[Spec, ...] = (
    Spec(
        name="hard_concrete_gate",
        formula="clamp((zeta - gamma) * sigmoid(x) + gamma, 0, 1)",
        family="sigmoidal",
        citation=LOUIZOS_2018,
        aliases=("l0_gate",),
        checked_against="secondary",
        params=(
            Param("gamma", -0.1, high=0.0, doc="lower end of the stretched interval"),
            Param("zeta", 1.1, low=1.0, doc="upper end of the stretched interval"),
        ),
        description="The deterministic (test-time) gate of hard-concrete L0 regularization, "
        "min(1, max(0, sigmoid(log alpha)(zeta - gamma) + gamma)) with gamma = -0.1 and "
        "zeta = 1.1: the sigmoid of the gate's log-odds log alpha is stretched to "
        "(-0.1, 1.1) and clipped to [0, 1], so a gate is exactly closed below "
        "log alpha = -log 11 and exactly open above log 11 (the training-time gate samples "
        "a concrete variable instead; that stochastic form is not a point-wise function). "
        "The same constants serve the head, dimension and layer masks of structured LLM "
        "pruning (CoFi, Sheared-LLaMA). Constants as in the L0 implementations "
        "(limit_a = -0.1, limit_b = 1.1).",
        properties=Properties(monotonic=True, smoothness="C0", sparse=True, **_SPARSE_GATE),
        references=(
            Reference(
                lambda x: torch.nn.functional.hardtanh(torch.sigmoid(x) * 1.2 - 0.1, 0.0, 1.0),
                atol=1e-15,
                note="hardtanh(1.2 sigmoid(x) - 0.1, 0, 1) as implemented",
            ),
        ),
    ),
)
