"""Gated units from recent model releases and libraries that the survey of Kunc and Kléma
(arXiv:2402.09092) does not list: a sigmoid gate applied to a soft-clipped input (SiTU) and
gpt-oss's clamped swish gate."""

import torch

from actlab.catalog.spec import Citation, Param, Properties, Reference, Spec

NVIDIA_MEGATRON = Citation(
    "Megatron Core: core.activations.situ, the Sigmoid-Tanh Unit of Kimi K3",
    "NVIDIA",
    2026,
    venue="Megatron-LM developer guide 0.20",
)

OPENAI_2025 = Citation("gpt-oss-120b & gpt-oss-20b Model Card", "OpenAI", 2025, arxiv="2508.10925")

SPECS: tuple[Spec, ...] = (
    Spec(
        name="situ",
        checked_against="secondary",
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
            Reference(
                lambda x: 4 * torch.tanh(x / 4) * torch.sigmoid(x),
                atol=1e-12,
                note="s = 4 written directly",
            ),
        ),
    ),
    Spec(
        name="gpt_oss_gate",
        formula="clamp(x, -1000 / alpha, limit) * sigmoid(alpha * clamp(x, -1000 / alpha, limit))",
        published="min(x, limit) * sigmoid(alpha * min(x, limit))",
        family="gated",
        citation=OPENAI_2025,
        aliases=("clamped_swish",),
        params=(
            Param("alpha", 1.702, 0.0, open_low=True, doc="swish sharpness"),
            Param("limit", 7.0, 0.0, open_low=True, doc="upper clamp of the gate input"),
        ),
        description="The gate nonlinearity of gpt-oss's SwiGLU experts: swish x sigmoid(1.702 "
        "x) of the gate input clamped from above at 7, which the released code applies before "
        "multiplying by the (clamped, +1-shifted) linear branch. Below 7 it is QuickGELU's "
        "x sigmoid(1.702 x); above, constant 7 sigmoid(11.914). The input is also clamped "
        "from below at -1000 / alpha, where the value is below e^-1000, so that alpha x "
        "never overflows.",
        properties=Properties(
            monotonic=False,
            lower=-0.1636101896363536,
            upper=6.999953128303317,
            smoothness="C0",
            zero_at_zero=True,
            zero_centered=True,
        ),
        references=(
            Reference(
                "gelu_sigmoid",
                params={"limit": 1e30},
                atol=1e-12,
                note="no clamp (limit -> inf) is QuickGELU",
            ),
            Reference(
                lambda x: x.clamp(max=7) * torch.sigmoid(1.702 * x.clamp(max=7)),
                atol=1e-12,
                note="the reference implementation's clamp then swish",
            ),
        ),
    ),
)
