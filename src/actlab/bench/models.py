"""The networks the tasks train. The nonlinearity is a factory so every layer gets its own module
(learnable parameters are per layer)."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

import numpy as np
import torch
from torch import nn

from actlab.bench.task import ActFactory, Metric
from actlab.nn import Attention
from actlab.probe import attention_probes


def mlp(sizes: Sequence[int], act: ActFactory) -> nn.Sequential:
    """Linear layers of the given widths with the nonlinearity between them (none after the last).

    >>> mlp([4, 8, 2], nn.ReLU)
    Sequential(
      (0): Linear(in_features=4, out_features=8, bias=True)
      (1): ReLU()
      (2): Linear(in_features=8, out_features=2, bias=True)
    )
    """
    layers: list[nn.Module] = []
    for i, (n_in, n_out) in enumerate(zip(sizes, sizes[1:])):
        if i:
            layers.append(act())
        layers.append(nn.Linear(n_in, n_out))
    return nn.Sequential(*layers)


class ConvNet1d(nn.Module):
    """Three strided 1-D convolutions and a linear read-out, the MNIST-1D paper's CNN shape
    (channels 25, kernels 5/3/3, stride 2): 40 samples -> 19 -> 10 -> 5 positions."""

    def __init__(self, act: ActFactory, length: int = 40, channels: int = 25, classes: int = 10):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv1d(1, channels, 5, stride=2, padding=1), act(),
            nn.Conv1d(channels, channels, 3, stride=2, padding=1), act(),
            nn.Conv1d(channels, channels, 3, stride=2, padding=1), act(),
        )
        with torch.no_grad():
            width = self.features(torch.zeros(1, 1, length)).numel()
        self.head = nn.Linear(width, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x.unsqueeze(1)).flatten(1))


class ConvNet2d(nn.Module):
    """Two 3x3 convolutions (the second strided) and a linear read-out for 8x8 images."""

    def __init__(self, act: ActFactory, side: int = 8, channels: int = 16, classes: int = 10):
        super().__init__()
        self.side = side
        self.features = nn.Sequential(
            nn.Conv2d(1, channels, 3, padding=1), act(),
            nn.Conv2d(channels, 2 * channels, 3, stride=2, padding=1), act(),
        )
        self.head = nn.Linear(2 * channels * ((side + 1) // 2) ** 2, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(x.view(-1, 1, self.side, self.side)).flatten(1))


class Block(nn.Module):
    """Pre-norm transformer block: causal self-attention with the normalizer ``attention``
    (:class:`actlab.nn.Attention`; softmax runs torch's fused kernel), then the feed-forward
    block made by ``feed_forward(width)``."""

    def __init__(self, width: int, heads: int, feed_forward: Callable[[int], nn.Module],
                 attention: str = "softmax", attention_params: Mapping[str, float] | None = None):
        super().__init__()
        self.norm1, self.norm2 = nn.LayerNorm(width), nn.LayerNorm(width)
        self.attn = Attention(width, heads, attention, causal=True, params=attention_params)
        self.ff = feed_forward(width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x + self.attn(self.norm1(x))
        return x + self.ff(self.norm2(x))


class GPT(nn.Module):
    """A small GPT: token and position embeddings (none with ``positions=False``, for
    normalizers that order tokens themselves), pre-norm blocks, tied head."""

    def __init__(self, vocab: int, context: int, layers: int, heads: int, width: int,
                 feed_forward: Callable[[int], nn.Module], attention: str = "softmax",
                 attention_params: Mapping[str, float] | None = None, positions: bool = True):
        super().__init__()
        if width % heads:
            raise ValueError(f"width {width} must be divisible by heads {heads}")
        self.tokens = nn.Embedding(vocab, width)
        self.positions = nn.Embedding(context, width) if positions else None
        self.blocks = nn.Sequential(*(Block(width, heads, feed_forward, attention,
                                            attention_params) for _ in range(layers)))
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, vocab, bias=False)
        self.head.weight = self.tokens.weight
        # the projections back into the residual stream, scaled down by depth as in GPT-2
        residual = ("proj.weight", "ff.2.weight", "ff.proj_out.weight")
        for name, p in self.named_parameters():
            if p.dim() == 2:
                std = 0.02 / math.sqrt(2 * layers) if name.endswith(residual) else 0.02
                nn.init.normal_(p, 0.0, std)
            elif name.endswith("bias"):
                nn.init.zeros_(p)

    def forward(self, idx: torch.Tensor) -> torch.Tensor:
        x = self.tokens(idx)
        if self.positions is not None:
            x = x + self.positions(torch.arange(idx.shape[1], device=idx.device))
        return self.head(self.norm(self.blocks(x)))


PROBE_METRICS = (
    Metric("attn_entropy", None, "attention entropy in nats, mean over heads"),
    Metric("attn_zero_fraction", None, "exact zeros among the attention weights"),
    Metric("attn_sink_rate", None, "heads putting > 0.3 of their mass on the first token"),
    Metric("attn_max_weight", None, "largest attention weight per query, mean"),
    Metric("attn_kurtosis", None, "kurtosis of the attention outputs (3: Gaussian)"),
)


def probe_metrics(net: nn.Module, tokens: torch.Tensor) -> dict[str, float]:
    """The attention probes of ``net`` on a batch of ``tokens``, as run metrics."""
    summary = attention_probes(net, tokens).summary()
    names = {"entropy": "attn_entropy", "zero_fraction": "attn_zero_fraction",
             "sink_rate": "attn_sink_rate", "max_weight": "attn_max_weight",
             "kurtosis": "attn_kurtosis"}
    return {metric: summary[key] for key, metric in names.items()}


def second_moment_gain(act: nn.Module, points: int = 201) -> float:
    """``1 / sqrt(E[act(z)^2])`` for ``z ~ N(0, 1)``, by Gauss-Hermite quadrature.

    Weights drawn from ``N(0, gain^2 / fan_in)`` keep the pre-activation second moment at 1 through
    depth. This gives He init for ReLU (gain sqrt 2) and LeCun init for SELU (gain 1), the
    initializations those papers prescribe, and extends the same rule to every other entry.

    >>> round(second_moment_gain(nn.ReLU()), 3), round(second_moment_gain(nn.SELU()), 3)
    (1.414, 1.0)
    """
    nodes, weights = np.polynomial.hermite_e.hermegauss(points)
    with torch.no_grad():
        y = act(torch.as_tensor(nodes, dtype=torch.float32)).double().numpy()
    moment = float(np.sum(weights * y**2) / math.sqrt(2 * math.pi))
    return 1.0 / math.sqrt(moment) if moment > 1e-12 and math.isfinite(moment) else 1.0


def init_for(model: nn.Module, act: ActFactory) -> None:
    """Every Linear of ``model`` from :func:`second_moment_gain` of ``act``; biases zero."""
    gain = second_moment_gain(act())
    for layer in model.modules():
        if isinstance(layer, nn.Linear):
            nn.init.normal_(layer.weight, 0.0, gain / math.sqrt(layer.in_features))
            nn.init.zeros_(layer.bias)
