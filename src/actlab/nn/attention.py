"""Multi-head attention with a pluggable normalizer (:mod:`actlab.attention`)."""

from __future__ import annotations

from collections.abc import Mapping

import torch
from torch import nn

from actlab.attention import attend, attention_weights, lookup
from actlab.errors import ParameterError


class Attention(nn.Module):
    """Multi-head self-attention, a drop-in for the attention of a transformer block: a joint
    q/k/v projection, :func:`actlab.attention.attend` per head, an output projection.

    ``normalizer`` is any registered normalizer or elementwise catalog entry; ``params`` its
    parameters; ``learnable=True`` makes the learnable ones (entmax's alpha) ``nn.Parameter``s.
    ``chunk`` keys are processed at a time (memory O(n d) for backward).

    >>> attn = Attention(32, heads=4, normalizer="entmax", causal=True, learnable=True)
    >>> attn(torch.randn(2, 10, 32)).shape
    torch.Size([2, 10, 32])
    >>> [name for name, _ in attn.named_parameters()][0]
    'alpha'
    """

    def __init__(
        self,
        dim: int,
        heads: int,
        normalizer: str = "softmax",
        *,
        causal: bool = False,
        chunk: int = 512,
        bias: bool = True,
        learnable: bool = False,
        params: Mapping[str, float] | None = None,
    ):
        super().__init__()
        if dim < 1 or heads < 1 or dim % heads:
            raise ParameterError(
                f"Attention: dim {dim} must be a positive multiple of heads {heads}"
            )
        self.rule = lookup(normalizer)
        values = self.rule.resolve(dict(params or {}))
        self.dim, self.heads, self.causal, self.chunk = dim, heads, causal, chunk
        self.qkv = nn.Linear(dim, 3 * dim, bias=bias)
        self.proj = nn.Linear(dim, dim, bias=bias)
        self.fixed = {
            k: v for k, v in values.items() if not (learnable and k in self.rule.learnable)
        }
        for name in self.rule.learnable if learnable else ():
            self.register_parameter(name, nn.Parameter(torch.tensor(float(values[name]))))

    @property
    def params(self) -> dict[str, float | torch.Tensor | None]:
        """The normalizer's parameter values, learnable ones as this module's Parameters."""
        return {
            **self.fixed,
            **{n: getattr(self, n) for n in self.rule.learnable if n not in self.fixed},
        }

    def heads_of(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """q, k, v of ``x`` (B, T, dim), each (B, heads, T, dim / heads)."""
        b, t, _ = x.shape
        return tuple(
            z.view(b, t, self.heads, -1).transpose(1, 2) for z in self.qkv(x).split(self.dim, dim=2)
        )

    def forward(self, x: torch.Tensor, mask: torch.Tensor | None = None) -> torch.Tensor:
        """(B, T, dim) -> (B, T, dim); ``mask`` broadcastable to (B, heads, T, T), True: may
        attend."""
        return self.proj(self.mixed(x, mask).transpose(1, 2).flatten(2))

    def mixed(self, x: torch.Tensor, mask: torch.Tensor | None = None) -> torch.Tensor:
        """The per-head attention outputs (B, heads, T, dim / heads), before the projection."""
        q, k, v = self.heads_of(x)
        return attend(
            q, k, v, self.rule, mask=mask, causal=self.causal, params=self.params, chunk=self.chunk
        )

    def weights(self, x: torch.Tensor, mask: torch.Tensor | None = None) -> torch.Tensor:
        """The dense attention weights (B, heads, T, T) for ``x`` (B, T, dim)."""
        q, k, _ = self.heads_of(x)
        return attention_weights(
            q,
            k,
            self.rule,
            mask=mask,
            causal=self.causal,
            params={n: float(v) for n, v in self.params.items() if v is not None},
        )

    def extra_repr(self) -> str:
        return f"{self.dim}, heads={self.heads}, normalizer={self.rule.name}, causal={self.causal}"
