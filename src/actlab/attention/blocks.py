"""The geometry of chunked attention: which keys a row may see, row lengths, and the blocks.

Tensors are flattened to one batch dimension: ``q`` (B, n, d), ``k`` (B, m, d), ``v`` (B, m, e);
``mask`` is boolean (B or 1, n or 1, m), True where a query may attend to a key. With
``causal``, query ``i`` sees keys ``j <= i + m - n`` (the last query sees every key, as with a
KV cache); ``strict`` drops the diagonal (stick-breaking attends to earlier keys only).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

import torch

from actlab.attention.normalizer import Normalizer


@dataclass(frozen=True, eq=False)
class Plan:
    """Everything but the tensors q, k, v: the normalizer, its parameter values, masking and
    block sizes."""

    normalizer: Normalizer
    params: Mapping[str, object]
    scale: float
    causal: bool
    mask: torch.Tensor | None
    chunk: int
    query_chunk: int
    strict: bool = False
    lengths: torch.Tensor | None = field(default=None)  # (B, n) keys visible per row

    def rows(self, n: int) -> Iterator[slice]:
        return (slice(i, min(i + self.query_chunk, n)) for i in range(0, n, self.query_chunk))

    def keys(self, rows: slice, n: int, m: int, reverse: bool = False) -> list[slice]:
        """The key blocks rows ``rows`` may see: with ``causal``, blocks wholly after the last
        row's last visible key are skipped."""
        last = m - 1
        if self.causal:
            last = min(last, rows.stop - 1 + m - n - (1 if self.strict else 0))
        blocks = [slice(j, min(j + self.chunk, m)) for j in range(0, last + 1, self.chunk)]
        return blocks[::-1] if reverse else blocks

    def allowed(
        self, rows: slice, keys: slice, n: int, m: int, device: torch.device
    ) -> torch.Tensor | None:
        """(B or 1, I, J) True where row i may attend to key j; None when all may."""
        ok = None
        if self.causal:
            i = torch.arange(rows.start, rows.stop, device=device)[:, None] + (m - n)
            j = torch.arange(keys.start, keys.stop, device=device)[None, :]
            ok = (j < i) if self.strict else (j <= i)
            ok = None if bool(ok.all()) else ok[None]
        if self.mask is not None:
            part = self.mask[:, rows if self.mask.shape[1] > 1 else slice(None), keys]
            ok = part if ok is None else ok & part
        return ok


def row_lengths(
    plan: Plan, batch: int, n: int, m: int, device: torch.device, dtype: torch.dtype
) -> torch.Tensor:
    """(B, n) number of keys each row may attend to."""
    if plan.mask is None:
        i = torch.arange(n, device=device, dtype=dtype) + (m - n)
        count = (
            (i + (0 if plan.strict else 1)).clamp(0, m)
            if plan.causal
            else torch.full((n,), float(m), device=device, dtype=dtype)
        )
        return count.expand(batch, n)
    total = torch.zeros(batch, n, device=device, dtype=dtype)
    for rows in plan.rows(n):
        for keys in plan.keys(rows, n, m):
            ok = plan.allowed(rows, keys, n, m, device)
            total[:, rows] += ok.sum(-1, dtype=dtype).expand(batch, rows.stop - rows.start)
    return total
