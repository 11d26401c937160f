"""Gated units from recent model releases and libraries that the survey of Kunc and Kléma
(arXiv:2402.09092) does not list: a sigmoid gate applied to a soft-clipped input (SiTU)."""

import torch

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

NVIDIA_MEGATRON = Citation(
    "Megatron Core: core.activations.situ, the Sigmoid-Tanh Unit of Kimi K3",
    "NVIDIA",
    2026,
    venue="Megatron-LM developer guide 0.20",
)

SPECS: tuple[Spec, ...] = (
    Spec(
        name="situ",
        formula="s * tanh(x / s) * sigmoid(x)",
        family="gated",
        citation=NVIDIA_MEGATRON,
        aliases=("sigmoid_tanh_unit",),
        params=(Param("s", 4.0, 0.0, open_low=True, doc="soft clip of the gated input"),),
        description="Sigmoid-Tanh Unit s tanh(x / s) sigmoid(x), the gate nonlinearity of "
        "Kimi K3's SiTU-GLU feed-forward blocks (s = 4 in the released implementations): "
        "SiLU whose linear factor is soft-clipped to (-s, s), so the unit is bounded above "
        "by s. As s grows it tends to SiLU.",
        properties=Properties(
            monotonic=False,
            lower=-0.2697689954724918,
            upper=4.0,
            smoothness="Cinf",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(lambda x: 4 * torch.tanh(x / 4) * torch.sigmoid(x), atol=1e-12,
                      note="s = 4 written directly"),
        ),
    ),
)
