"""``attend``: attention with any normalizer, checked inputs, chunked by default."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace
from typing import Literal

import torch
import torch.nn.functional as F

from actlab.attention import dense
from actlab.attention.blocks import Plan, row_lengths
from actlab.attention.chunked import EntmaxAttention, RowAttention, StickAttention
from actlab.attention.normalizer import Normalizer
from actlab.attention.registry import lookup
from actlab.errors import ParameterError

Implementation = Literal["auto", "chunked", "dense"]
IMPLEMENTATIONS = ("auto", "chunked", "dense")


def attend(
    q: torch.Tensor,
    k: torch.Tensor,
    v: torch.Tensor,
    normalizer: str | Normalizer = "softmax",
    *,
    mask: torch.Tensor | None = None,
    causal: bool = False,
    scale: float | None = None,
    params: Mapping[str, float | torch.Tensor] | None = None,
    chunk: int = 512,
    implementation: Implementation = "auto",
) -> torch.Tensor:
    """Attention ``sum_j w_ij v_j`` with weights from ``normalizer`` applied to the scores
    ``scale * q_i . k_j`` (``scale`` defaults to ``1/sqrt(d)``).

    q: (..., n, d), k: (..., m, d), v: (..., m, e) -> (..., n, e). ``mask``: boolean,
    broadcastable to (..., n, m) with last dimension m (True: may attend); a key padding mask is
    ``pad[..., None, :]``. ``causal``: query i sees keys up to ``i + m - n``. A row that may see
    no key returns zeros. ``params`` sets the normalizer's parameters (a 0-dim tensor that
    requires grad makes entmax's alpha learnable).

    ``implementation``: ``"chunked"`` walks ``chunk`` keys at a time and saves O(n d) for
    backward; ``"dense"`` is the O(n m) reference; ``"auto"`` runs torch's fused
    ``scaled_dot_product_attention`` where it computes the same thing (softmax, no mask, no
    causal offset) and the chunked path otherwise.

    >>> q = k = v = torch.randn(2, 4, 7, 16, dtype=torch.float64)
    >>> a = attend(q, k, v, "sigmoid", causal=True)
    >>> b = attend(q, k, v, "sigmoid", causal=True, implementation="dense")
    >>> a.shape, bool(torch.allclose(a, b))
    (torch.Size([2, 4, 7, 16]), True)
    """
    rule, values = _checked(q, k, v, normalizer, params, mask, causal, chunk, implementation)
    n, m = q.shape[-2], k.shape[-2]
    scale = 1 / math.sqrt(q.shape[-1]) if scale is None else float(scale)
    plain = rule.name == "softmax" and mask is None and (not causal or n == m)
    if implementation == "auto" and plain:
        return F.scaled_dot_product_attention(q, k, v, is_causal=causal, scale=scale)
    plan, flat, batch = _planned(rule, values, (q, k, v), mask, causal, scale, chunk)
    if implementation == "dense":
        out = dense.weights(plan, flat[0], flat[1]) @ flat[2]
    elif rule.kind == "entmax":
        alpha = values["alpha"]
        if float(torch.as_tensor(alpha).detach()) == 1.0:
            plan = replace(plan, normalizer=lookup("softmax"), params={})
            out = RowAttention.apply(*flat, plan)
        else:
            out = EntmaxAttention.apply(*flat, alpha, plan)
    elif rule.kind == "stick":
        out = StickAttention.apply(*flat, plan)
    else:
        out = RowAttention.apply(*flat, plan)
    return out.reshape(*batch, n, v.shape[-1]).to(q.dtype)


def attention_weights(
    q: torch.Tensor,
    k: torch.Tensor,
    normalizer: str | Normalizer = "softmax",
    *,
    mask: torch.Tensor | None = None,
    causal: bool = False,
    scale: float | None = None,
    params: Mapping[str, float] | None = None,
) -> torch.Tensor:
    """The dense (..., n, m) weight matrix (for inspection and probes; O(n m) memory).

    >>> w = attention_weights(torch.randn(5, 8), torch.randn(5, 8), "sparsemax")
    >>> torch.allclose(w.sum(-1), torch.ones(5))
    True
    """
    v = k.new_empty(*k.shape[:-1], 1)
    rule, values = _checked(q, k, v, normalizer, params, mask, causal, 512, "dense")
    scale = 1 / math.sqrt(q.shape[-1]) if scale is None else float(scale)
    plan, (fq, fk, _), batch = _planned(rule, values, (q, k, v), mask, causal, scale, 512)
    return dense.weights(plan, fq, fk).reshape(*batch, *fq.shape[-2:-1], k.shape[-2]).to(q.dtype)


def _checked(
    q, k, v, normalizer, params, mask, causal: bool, chunk: int, implementation: str
) -> tuple[Normalizer, dict[str, object]]:
    """The normalizer and its parameter values, after every input check."""
    rule = lookup(normalizer)
    values = rule.resolve(dict(params or {}))
    _check(q, k, v, mask, rule, causal, chunk, implementation)
    return rule, values


def _planned(
    rule: Normalizer, values, tensors, mask, causal: bool, scale: float, chunk: int
) -> tuple[Plan, list[torch.Tensor], torch.Size]:
    """The plan, q/k/v flattened to one batch dimension in the working dtype (float32 at
    least), and the batch shape."""
    q, k, _ = tensors
    n, m = q.shape[-2], k.shape[-2]
    batch = torch.broadcast_shapes(*(t.shape[:-2] for t in tensors))
    work = torch.promote_types(q.dtype, torch.float32)
    flat = [t.expand(*batch, *t.shape[-2:]).reshape(-1, *t.shape[-2:]).to(work) for t in tensors]
    plan = Plan(
        rule,
        _floats(rule, values),
        scale,
        causal,
        _flat_mask(mask, batch, n, m),
        chunk,
        max(chunk, 1024),
        strict=rule.kind == "stick",
    )
    lengths = row_lengths(plan, flat[0].shape[0], n, m, q.device, work)
    return replace(plan, lengths=lengths), flat, batch


def _floats(rule: Normalizer, values: Mapping[str, object]) -> dict[str, object]:
    """Parameter values as plain floats; only entmax's alpha may be a tensor with a gradient."""
    out: dict[str, object] = {}
    for name, value in values.items():
        if isinstance(value, torch.Tensor):
            if value.requires_grad and not (rule.kind == "entmax" and name == "alpha"):
                raise ParameterError(
                    f"{rule.name}: parameter {name!r} is not learnable "
                    f"(learnable: {', '.join(rule.learnable) or 'none'})"
                )
            value = float(value.detach())
        out[name] = value
    return out


def _flat_mask(mask: torch.Tensor | None, batch: torch.Size, n: int, m: int) -> torch.Tensor | None:
    """The mask as (B or 1, n or 1, m), B the flattened batch."""
    if mask is None:
        return None
    rows = mask.shape[-2] if mask.dim() >= 2 else 1
    lead = mask.shape[:-2] if mask.dim() >= 2 else ()
    mask = mask.reshape(*lead, rows, m)
    if all(size == 1 for size in lead):
        return mask.reshape(1, rows, m)
    return mask.expand(*batch, rows, m).reshape(-1, rows, m)


def _check(q, k, v, mask, rule: Normalizer, causal: bool, chunk: int, implementation: str) -> None:
    """One clear error for each kind of bad input."""
    for name, t in (("q", q), ("k", k), ("v", v)):
        if not isinstance(t, torch.Tensor):
            raise ParameterError(f"attend: {name} must be a tensor, got {type(t).__name__}")
        if t.dim() < 2:
            raise ParameterError(
                f"attend: {name} needs shape (..., length, features), got {tuple(t.shape)}"
            )
        if not t.is_floating_point():
            raise ParameterError(f"attend: {name} must be floating point, got {t.dtype}")
    if not (q.dtype == k.dtype == v.dtype):
        raise ParameterError(f"attend: q, k, v dtypes differ ({q.dtype}, {k.dtype}, {v.dtype})")
    if not (q.device == k.device == v.device):
        raise ParameterError(
            f"attend: q, k, v are on different devices ({q.device}, {k.device}, {v.device})"
        )
    if q.shape[-1] != k.shape[-1]:
        raise ParameterError(
            f"attend: q and k need the same feature size, got {q.shape[-1]} and {k.shape[-1]}"
        )
    if k.shape[-2] != v.shape[-2]:
        raise ParameterError(
            f"attend: k and v need the same length, got {k.shape[-2]} and {v.shape[-2]}"
        )
    if q.shape[-2] == 0 or k.shape[-2] == 0:
        raise ParameterError(
            f"attend: empty sequence (n = {q.shape[-2]}, m = {k.shape[-2]}); "
            "give at least one query and one key"
        )
    try:
        batch = torch.broadcast_shapes(q.shape[:-2], k.shape[:-2], v.shape[:-2])
    except RuntimeError:
        raise ParameterError(
            f"attend: batch dimensions of q {tuple(q.shape)}, k "
            f"{tuple(k.shape)} and v {tuple(v.shape)} do not broadcast"
        ) from None
    if mask is not None:
        _check_mask(mask, q, batch, q.shape[-2], k.shape[-2])
    if rule.kind == "stick" and not causal:
        raise ParameterError(
            "stick_breaking attention orders keys before the query: pass causal=True"
        )
    if chunk < 1:
        raise ParameterError(f"attend: chunk must be >= 1, got {chunk}")
    if implementation not in IMPLEMENTATIONS:
        raise ParameterError(
            f"attend: implementation {implementation!r} is not one of {', '.join(IMPLEMENTATIONS)}"
        )


def _check_mask(mask, q, batch, n: int, m: int) -> None:
    if not isinstance(mask, torch.Tensor) or mask.dtype != torch.bool:
        raise ParameterError(
            "attend: mask must be a boolean tensor (True: may attend), got "
            f"{getattr(mask, 'dtype', type(mask).__name__)}"
        )
    if mask.device != q.device:
        raise ParameterError(f"attend: mask is on {mask.device}, q on {q.device}")
    rows = mask.shape[-2] if mask.dim() >= 2 else 1
    fits = mask.dim() >= 1 and mask.shape[-1] == m and rows in (1, n)
    if fits:
        try:
            torch.broadcast_shapes(mask.shape[:-2], batch)
            fits = len(mask.shape[:-2]) <= len(batch)
        except RuntimeError:
            fits = False
    if not fits:
        raise ParameterError(
            f"attend: mask of shape {tuple(mask.shape)} does not broadcast to "
            f"(..., n, m) = {(*batch, n, m)}"
        )
