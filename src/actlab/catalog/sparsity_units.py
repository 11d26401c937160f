"""Sigmoid-shaped gates that reach exact 0 and 1, so that a unit or a whole structure (a weight, an
attention head, a hidden dimension, a tree split) is switched fully off or on while the gate stays
differentiable in between: the deterministic gate of hard-concrete L0 regularization, which the
structured pruning of language models (CoFi, Sheared-LLaMA) inherited, and the two-class
1.5-entmax of neural oblivious decision ensembles. The survey of Kunc and Kléma
(arXiv:2402.09092) lists neither."""

import torch

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

LOUIZOS_2018 = Citation(
    "Learning Sparse Neural Networks through L0 Regularization",
    "Christos Louizos, Max Welling, Diederik P. Kingma",
    2018,
    arxiv="1712.01312",
    venue="ICLR 2018",
)
POPOV_2019 = Citation(
    "Neural Oblivious Decision Ensembles for Deep Learning on Tabular Data",
    "Sergei Popov, Stanislav Morozov, Artem Babenko",
    2019,
    arxiv="1909.06312",
    venue="ICLR 2020",
)


def _entmoid15_node(x: torch.Tensor) -> torch.Tensor:
    """NODE's closed form: the threshold tau of the two-class 1.5-entmax, mirrored for x < 0."""
    a = x.abs()
    tau = (a + torch.sqrt(torch.relu(8 - a * a))) / 2
    tau = torch.where(tau <= a, torch.full_like(tau, 2.0), tau)
    low = 0.25 * torch.relu(tau - a) ** 2
    return torch.where(x >= 0, 1 - low, low)


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
    Spec(
        name="entmoid15",
        formula="0.5 + clamp(x, -2, 2) * sqrt(8 - clamp(x, -2, 2)**2) / 8",
        published="(clamp(x, -2, 2) + sqrt(8 - clamp(x, -2, 2)**2))**2 / 16",
        family="sigmoidal",
        citation=POPOV_2019,
        aliases=("entmoid", "two_class_entmax15"),
        checked_against="secondary",
        description="Entmoid: the first probability of the 1.5-entmax of [x, 0] (Peters, "
        "Niculae and Martins 2019), NODE's sparse replacement for the sigmoid in its "
        "differentiable oblivious trees. In closed form it is "
        "(x + sqrt(8 - x^2))^2 / 16 = 1/2 + x sqrt(8 - x^2) / 8 on [-2, 2], exactly 0 "
        "below and exactly 1 above, so a split routes a sample fully one way once |x| >= 2. "
        "Its slope, 1/(2 sqrt 2) at 0, falls to 0 at +-2 where the second derivative jumps "
        "(C1); entmoid15(x) + entmoid15(-x) = 1. Evaluated in the second form; the "
        "reference is NODE's threshold form.",
        properties=Properties(monotonic=True, smoothness="C1", sparse=True, **_SPARSE_GATE),
        references=(Reference(_entmoid15_node, atol=1e-14, note="NODE's threshold form"),),
    ),
)
