"""Attention probes: per layer and head of every :class:`actlab.nn.Attention` in a model, the
entropy of the weights, the fraction of exact zeros, the mass on the first token (attention
sinks), the largest weight and the kurtosis of the head's output (outlier features)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import torch
from torch import nn

from actlab.nn.attention import Attention
from actlab.tables import Table

SINK_THRESHOLD = 0.3  # a head is a sink when its queries put this much mass on token 0 on average


@dataclass(frozen=True)
class HeadProbe:
    """One head of one attention layer, averaged over the batch's queries."""

    layer: str
    head: int
    entropy: float  # nats, of each row's weights divided by their sum
    zero_fraction: float  # exact zeros among the weights a query may have
    first_token: float  # mean weight on the first key, over queries after the first
    max_weight: float  # mean over queries of the largest weight
    kurtosis: float  # E[(o - mean)^4] / var^2 of the head's output values (3 for a Gaussian)


@dataclass(frozen=True)
class AttentionProbes:
    """Every head's probes, with the model-level summary."""

    heads: tuple[HeadProbe, ...]

    def summary(self) -> dict[str, float]:
        """Means over heads, and ``sink_rate``: the fraction of heads whose queries put more
        than 0.3 of their mass on the first token."""
        if not self.heads:
            return {}
        fields = ("entropy", "zero_fraction", "first_token", "max_weight", "kurtosis")
        means = {f: sum(getattr(h, f) for h in self.heads) / len(self.heads) for f in fields}
        sinks = sum(h.first_token > SINK_THRESHOLD for h in self.heads) / len(self.heads)
        return {**means, "sink_rate": sinks}

    def table(self) -> Table:
        rows = [
            (
                h.layer,
                h.head,
                *(f"{v:.4g}" for k, v in asdict(h).items() if k not in ("layer", "head")),
            )
            for h in self.heads
        ]
        return Table.of(
            ("layer", "head", "entropy", "zeros", "first token", "max weight", "kurtosis"),
            rows,
            "attention probes",
        )


def attention_probes(model: nn.Module, *inputs: object, **kwargs: object) -> AttentionProbes:
    """Run ``model(*inputs, **kwargs)`` without gradients and probe every Attention in it.

    >>> from actlab.nn import Attention
    >>> model = nn.Sequential(Attention(16, 2, "softpick", causal=True))
    >>> probes = attention_probes(model, torch.randn(3, 12, 16))
    >>> [(p.layer, p.head) for p in probes.heads]
    [('0', 0), ('0', 1)]
    >>> sorted(probes.summary())[:3]
    ['entropy', 'first_token', 'kurtosis']
    """
    seen: list[tuple[str, Attention, torch.Tensor, torch.Tensor | None]] = []
    hooks = [
        module.register_forward_hook(
            lambda mod, args, _out, name=name: seen.append(
                (name, mod, args[0], args[1] if len(args) > 1 else None)
            )
        )
        for name, module in model.named_modules()
        if isinstance(module, Attention)
    ]
    training = model.training
    try:
        model.train(False)
        with torch.no_grad():
            model(*inputs, **kwargs)
            heads = [
                probe for name, module, x, mask in seen for probe in _probe(name, module, x, mask)
            ]
    finally:
        model.train(training)
        for hook in hooks:
            hook.remove()
    return AttentionProbes(tuple(heads))


def _probe(
    name: str, module: Attention, x: torch.Tensor, mask: torch.Tensor | None
) -> list[HeadProbe]:
    w = module.weights(x, mask).double()  # (B, H, T, T)
    t = w.shape[-1]
    allowed = torch.ones(t, t, dtype=torch.bool, device=w.device)
    if module.causal:
        allowed = allowed.tril()
    if mask is not None:
        allowed = allowed & mask
    allowed = allowed.expand_as(w)
    total = w.sum(-1, keepdim=True)
    p = torch.where(total > 0, w / torch.where(total > 0, total, 1), 0)
    entropy = -(torch.where(p > 0, p * torch.log(torch.where(p > 0, p, 1)), 0)).sum(-1)
    zeros = ((w == 0) & allowed).sum((0, 2, 3)) / allowed.sum((0, 2, 3)).clamp_min(1)
    first = w[..., 1:, 0].mean((0, 2)) if t > 1 else w[..., 0].mean((0, 2))
    out = module.mixed(x, mask).double().transpose(0, 1).flatten(1)  # (H, B T dh)
    centred = out - out.mean(1, keepdim=True)
    kurtosis = (centred**4).mean(1) / (centred**2).mean(1).clamp_min(1e-30) ** 2
    return [
        HeadProbe(
            name,
            h,
            float(entropy[:, h].mean()),
            float(zeros[h]),
            float(first[h]),
            float(w[:, h].amax(-1).mean()),
            float(kurtosis[h]),
        )
        for h in range(w.shape[1])
    ]
