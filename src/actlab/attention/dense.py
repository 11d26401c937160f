"""The dense reference: the full (B, n, m) weight matrix of any normalizer, differentiated by
autograd. O(n m) memory; it exists to check the chunked implementation and to show weights."""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F

from actlab.attention.blocks import Plan


def weights(plan: Plan, q: torch.Tensor, k: torch.Tensor) -> torch.Tensor:
    """(B, n, m) attention weights of ``plan``'s normalizer; 0 where masked."""
    (_, n, _), m = q.shape, k.shape[1]
    rule, p = plan.normalizer, plan.params
    x = torch.matmul(q, k.transpose(-1, -2)) * plan.scale
    ok = plan.allowed(slice(0, n), slice(0, m), n, m, q.device)
    ok = torch.ones_like(x, dtype=torch.bool) if ok is None else ok.expand_as(x)
    length = plan.lengths[..., None]
    if rule.kind == "entmax":
        return _entmax(x, ok, float(p["alpha"]), length)
    if rule.kind == "stick":
        keep = torch.where(ok, F.logsigmoid(-x), 0)
        after = keep.flip(-1).cumsum(-1).flip(-1) - keep
        return torch.where(ok, torch.exp(F.logsigmoid(x) + after), 0)
    y = x if rule.gain is None else x * rule.gain(length, p)
    top = torch.where(ok, y, -math.inf).amax(-1, keepdim=True)
    floor = -math.inf if rule.shifts and rule.constant is None else 0.0
    shift = torch.clamp_min(top, floor) if rule.shifts else torch.zeros_like(top)
    shift = torch.where(torch.isinf(shift), 0, shift)
    g = torch.where(ok, rule.num(y, shift, length, p), 0)
    if rule.den is None:
        return g
    total = torch.where(ok, rule.den(y, shift, length, p), 0).sum(-1, keepdim=True)
    total = total + (0 if rule.constant is None else rule.constant(shift, p))
    return torch.where(total > 0, g / torch.where(total > 0, total, 1), 0)


def _entmax(x: torch.Tensor, ok: torch.Tensor, alpha: float, length: torch.Tensor):
    """alpha-entmax by 64 bisection steps, then one Newton step from the root so that autograd
    sees the implicit derivative of tau."""
    a = alpha - 1
    z = torch.where(ok, a * x, -math.inf)
    top = z.amax(-1, keepdim=True)
    top = torch.where(torch.isinf(top), 0, top)
    with torch.no_grad():
        low, high = top - 1, top - length.clamp_min(1) ** (-a)
        for _ in range(64):
            mid = (low + high) / 2
            over = (F.relu(z - mid) ** (1 / a)).sum(-1, keepdim=True) > 1
            low, high = torch.where(over, mid, low), torch.where(over, high, mid)
        tau0 = (low + high) / 2
    u = F.relu(z - tau0)
    slope = torch.where(u > 0, torch.where(u > 0, u, 1) ** (1 / a - 1), 0).sum(-1, keepdim=True)
    tau = tau0 + ((u ** (1 / a)).sum(-1, keepdim=True) - 1) / (slope / a).clamp_min(1e-300)
    return torch.where(ok, F.relu(z - tau) ** (1 / a), 0)
