"""Memory-efficient attention: one ``autograd.Function`` per kind of normalizer, each walking
key/value blocks and recomputing scores in backward, so only O(n d) is saved (q, k, v, the
output and one or two numbers per row), never the n x m weights.

- row rules keep a running maximum ``m`` and rescale the accumulators when it grows
  (FlashAttention's online softmax); constants of the denominator enter as ``c e^(-m)``;
- elementwise rules just accumulate;
- entmax finds each row's threshold ``tau`` by safeguarded Newton passes over the blocks first;
- stick-breaking walks the blocks from the most recent key back, carrying the log of the stick
  left over.

Backward uses ``delta_i = do_i . o_i`` (= sum_j w_ij dp_ij) in place of a second weight pass.
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F

from actlab.attention.blocks import Plan

Saved = tuple[torch.Tensor, ...]


def _scores(plan: Plan, q: torch.Tensor, k: torch.Tensor) -> torch.Tensor:
    return torch.matmul(q, k.transpose(-1, -2)) * plan.scale


def _masked(ok: torch.Tensor | None, x: torch.Tensor, fill: float = 0.0) -> torch.Tensor:
    return x if ok is None else torch.where(ok, x, fill)


class RowAttention(torch.autograd.Function):
    """``w = g(y) / (c + sum h(y))`` (row rules) or ``w = f(y)`` (elementwise, no ``h``)."""

    @staticmethod
    def forward(ctx, q, k, v, plan: Plan):
        rule, p = plan.normalizer, plan.params
        (batch, n, _), m = q.shape, k.shape[1]
        out = q.new_zeros(batch, n, v.shape[-1])
        shift = q.new_zeros(batch, n)
        total = q.new_ones(batch, n)
        for rows in plan.rows(n):
            qb, length = q[:, rows], plan.lengths[:, rows, None]
            gain = None if rule.gain is None else rule.gain(length, p)
            floor = -math.inf if rule.shifts and rule.constant is None else 0.0
            top = q.new_full((batch, qb.shape[1]), floor)
            acc = q.new_zeros(batch, qb.shape[1], v.shape[-1])
            den = q.new_zeros(batch, qb.shape[1])
            for keys in plan.keys(rows, n, m):
                ok = plan.allowed(rows, keys, n, m, q.device)
                y = _scores(plan, qb, k[:, keys])
                y = y if gain is None else y * gain
                if rule.shifts:
                    new = torch.maximum(top, _masked(ok, y, -math.inf).amax(-1))
                    factor = torch.exp(_finite(top) - _finite(new))
                    acc, den, top = acc * factor[..., None], den * factor, new
                mb = _finite(top)[..., None]
                acc = acc + _masked(ok, rule.num(y, mb, length, p)) @ v[:, keys]
                if rule.den is not None:
                    den = den + _masked(ok, rule.den(y, mb, length, p)).sum(-1)
            if rule.den is not None:
                constant = 0.0 if rule.constant is None else rule.constant(_finite(top), p)
                total[:, rows] = den + constant
            shift[:, rows] = _finite(top)
            out[:, rows] = acc * _inverse(total[:, rows])[..., None]
        ctx.save_for_backward(q, k, v, out, shift, total)
        ctx.plan = plan
        return out

    @staticmethod
    def backward(ctx, grad):
        q, k, v, out, shift, total = ctx.saved_tensors
        plan = ctx.plan
        rule, p = plan.normalizer, plan.params
        (_, n, _), m = q.shape, k.shape[1]
        dq, dk, dv = torch.zeros_like(q), torch.zeros_like(k), torch.zeros_like(v)
        for rows in plan.rows(n):
            qb, dob, length = q[:, rows], grad[:, rows], plan.lengths[:, rows, None]
            gain = None if rule.gain is None else rule.gain(length, p)
            inverse = _inverse(total[:, rows])[..., None]
            mb = shift[:, rows, None]
            delta = (dob * out[:, rows]).sum(-1, keepdim=True)
            dqb = torch.zeros_like(qb)
            for keys in plan.keys(rows, n, m):
                ok = plan.allowed(rows, keys, n, m, q.device)
                y = _scores(plan, qb, k[:, keys])
                y = y if gain is None else y * gain
                weights = _masked(ok, rule.num(y, mb, length, p)) * inverse
                dp = dob @ v[:, keys].transpose(-1, -2)
                ds = dp * rule.dnum(y, mb, length, p)
                if rule.den is not None:
                    ds = ds - delta * rule.dden(y, mb, length, p)
                ds = _masked(ok, ds * inverse) * plan.scale
                ds = ds if gain is None else ds * gain
                dv[:, keys] += weights.transpose(-1, -2) @ dob
                dqb += ds @ k[:, keys]
                dk[:, keys] += ds.transpose(-1, -2) @ qb
            dq[:, rows] = dqb
        return dq, dk, dv, None


class EntmaxAttention(torch.autograd.Function):
    """``w = [(alpha-1) x - tau]_+^(1/(alpha-1))`` with ``sum_j w_ij = 1``; alpha > 1 (a float or
    a 0-dim tensor, then learnable)."""

    @staticmethod
    def forward(ctx, q, k, v, alpha, plan: Plan):
        (batch, n, _), m = q.shape, k.shape[1]
        a = float(torch.as_tensor(alpha).detach()) - 1.0
        out = q.new_zeros(batch, n, v.shape[-1])
        tau = q.new_zeros(batch, n)
        for rows in plan.rows(n):
            qb = q[:, rows]
            tau[:, rows] = _threshold(plan, qb, k, rows, a, n, m)
            acc = q.new_zeros(batch, qb.shape[1], v.shape[-1])
            for keys in plan.keys(rows, n, m):
                u, _ok = _excess(plan, qb, k, rows, keys, a, tau[:, rows], n, m)
                acc = acc + u ** (1 / a) @ v[:, keys]
            out[:, rows] = acc
        ctx.save_for_backward(q, k, v, tau)
        ctx.plan, ctx.a = plan, a
        return out

    @staticmethod
    def backward(ctx, grad):
        q, k, v, tau = ctx.saved_tensors
        plan, a = ctx.plan, ctx.a
        beta = 1 / a
        (_, n, _), m = q.shape, k.shape[1]
        want_alpha = ctx.needs_input_grad[3]
        dq, dk, dv = torch.zeros_like(q), torch.zeros_like(k), torch.zeros_like(v)
        d_alpha = q.new_zeros(())
        for rows in plan.rows(n):
            qb, dob, t = q[:, rows], grad[:, rows], tau[:, rows]
            sums = [q.new_zeros(qb.shape[:2]) for _ in range(6)]  # r, g r, p log u, r s, ...
            for keys in plan.keys(rows, n, m):  # row sums first: the Jacobian couples a whole row
                u, _ok = _excess(plan, qb, k, rows, keys, a, t, n, m)
                r = _slope(u, beta)
                g = dob @ v[:, keys].transpose(-1, -2)
                sums[0] += r.sum(-1)
                sums[1] += (g * r).sum(-1)
                if want_alpha:
                    s = _scores(plan, qb, k[:, keys])
                    plogu = torch.where(u > 0, u**beta * torch.log(torch.where(u > 0, u, 1)), 0)
                    sums[2] += plogu.sum(-1)
                    sums[3] += (r * s).sum(-1)
                    sums[4] += (g * plogu).sum(-1)
                    sums[5] += (g * r * s).sum(-1)
            r_total, gr, plogu_total, rs, gplogu, grs = sums
            mean_g = (gr / torch.where(r_total > 0, r_total, 1))[..., None]
            dqb = torch.zeros_like(qb)
            for keys in plan.keys(rows, n, m):
                u, _ok = _excess(plan, qb, k, rows, keys, a, t, n, m)
                g = dob @ v[:, keys].transpose(-1, -2)
                ds = _slope(u, beta) * (g - mean_g) * plan.scale
                dv[:, keys] += (u**beta).transpose(-1, -2) @ dob
                dqb += ds @ k[:, keys]
                dk[:, keys] += ds.transpose(-1, -2) @ qb
            dq[:, rows] = dqb
            if want_alpha:
                safe = torch.where(r_total > 0, r_total, 1)
                tau_slope = (-beta * plogu_total + rs) / safe
                d_alpha = d_alpha + (-(beta**2) * gplogu + beta * grs - beta * tau_slope * gr).sum()
        return dq, dk, dv, (d_alpha.reshape(()) if want_alpha else None), None


def _excess(plan: Plan, qb, k, rows, keys, a: float, tau, n: int, m: int):
    """``u = [(alpha-1) x - tau]_+`` of one block (0 where masked) and the block's mask."""
    ok = plan.allowed(rows, keys, n, m, qb.device)
    u = F.relu(a * _scores(plan, qb, k[:, keys]) - tau[..., None])
    return _masked(ok, u), ok


def _slope(u: torch.Tensor, beta: float) -> torch.Tensor:
    """``d u^beta / d u / beta = u^(beta-1)`` on the support, 0 off it."""
    return torch.where(u > 0, torch.where(u > 0, u, 1) ** (beta - 1), 0)


def _threshold(plan: Plan, qb, k, rows: slice, a: float, n: int, m: int) -> torch.Tensor:
    """Each row's tau with sum_j [(alpha-1) x_ij - tau]_+^(1/(alpha-1)) = 1, by Newton steps on
    this convex, decreasing function, kept inside a bisection bracket, one pass each."""
    beta = 1 / a
    top = qb.new_full(qb.shape[:2], -math.inf)
    for keys in plan.keys(rows, n, m):
        ok = plan.allowed(rows, keys, n, m, qb.device)
        top = torch.maximum(top, _masked(ok, a * _scores(plan, qb, k[:, keys]), -math.inf).amax(-1))
    empty = torch.isinf(top)
    top = torch.where(empty, 0.0, top)
    length = plan.lengths[:, rows].clamp_min(1)
    low, high = top - 1, top - length ** (-a)
    tau = low.clone()
    eps = torch.finfo(qb.dtype).eps
    for _ in range(100):
        value, slope = torch.zeros_like(tau), torch.zeros_like(tau)
        for keys in plan.keys(rows, n, m):
            u, _ok = _excess(plan, qb, k, rows, keys, a, tau, n, m)
            value += (u**beta).sum(-1)
            slope += _slope(u, beta).sum(-1)
        value = torch.where(empty, 0.0, value - 1)
        low = torch.where(value > 0, tau, low)
        high = torch.where(value > 0, high, tau)
        step = tau + value / (beta * slope.clamp_min(eps))
        inside = (step >= low) & (step <= high)
        tau = torch.where(inside, step, (low + high) / 2)
        scale = 1 + top.abs()
        if bool(((value.abs() <= 4 * eps * length) | (high - low <= 4 * eps * scale)).all()):
            break
    return tau


class StickAttention(torch.autograd.Function):
    """Stick-breaking: ``log w_ij = log sigmoid(x_ij) + sum_{j<k<i} log sigmoid(-x_ik)``."""

    @staticmethod
    def forward(ctx, q, k, v, plan: Plan):
        (batch, n, _), m = q.shape, k.shape[1]
        out = q.new_zeros(batch, n, v.shape[-1])
        for rows in plan.rows(n):
            qb = q[:, rows]
            left = q.new_zeros(batch, qb.shape[1], 1)  # log of the stick the later keys left
            acc = q.new_zeros(batch, qb.shape[1], v.shape[-1])
            for keys in plan.keys(rows, n, m, reverse=True):
                weights, _s, _ok, left = _stick_block(plan, qb, k, rows, keys, left, n, m)
                acc = acc + weights @ v[:, keys]
            out[:, rows] = acc
        ctx.save_for_backward(q, k, v, out)
        ctx.plan = plan
        return out

    @staticmethod
    def backward(ctx, grad):
        q, k, v, out = ctx.saved_tensors
        plan = ctx.plan
        (batch, n, _), m = q.shape, k.shape[1]
        dq, dk, dv = torch.zeros_like(q), torch.zeros_like(k), torch.zeros_like(v)
        for rows in plan.rows(n):
            qb, dob = q[:, rows], grad[:, rows]
            total = (dob * out[:, rows]).sum(-1, keepdim=True)
            left = q.new_zeros(batch, qb.shape[1], 1)
            later = q.new_zeros(batch, qb.shape[1], 1)  # sum of g w over later keys
            dqb = torch.zeros_like(qb)
            for keys in plan.keys(rows, n, m, reverse=True):
                weights, s, ok, left = _stick_block(plan, qb, k, rows, keys, left, n, m)
                gw = (dob @ v[:, keys].transpose(-1, -2)) * weights
                from_here = gw.flip(-1).cumsum(-1).flip(-1) + later
                earlier = total - from_here  # sum over keys before j of g w
                ds = torch.sigmoid(-s) * gw - torch.sigmoid(s) * earlier
                ds = _masked(ok, ds) * plan.scale
                later = later + gw.sum(-1, keepdim=True)
                dv[:, keys] += weights.transpose(-1, -2) @ dob
                dqb += ds @ k[:, keys]
                dk[:, keys] += ds.transpose(-1, -2) @ qb
            dq[:, rows] = dqb
        return dq, dk, dv, None


def _stick_block(plan: Plan, qb, k, rows, keys, left, n: int, m: int):
    """The weights of one block given the log stick ``left`` by later blocks; the scores, the
    mask and the log stick left after this block."""
    ok = plan.allowed(rows, keys, n, m, qb.device)
    s = _scores(plan, qb, k[:, keys])
    keep = _masked(ok, F.logsigmoid(-s))
    after = keep.flip(-1).cumsum(-1).flip(-1) - keep
    weights = _masked(ok, torch.exp(F.logsigmoid(s) + after + left))
    return weights, s, ok, left + keep.sum(-1, keepdim=True)


def _finite(x: torch.Tensor) -> torch.Tensor:
    return torch.where(torch.isinf(x), 0.0, x)


def _inverse(total: torch.Tensor) -> torch.Tensor:
    """1 / total, and 0 for rows with nothing to normalize (every key masked)."""
    return torch.where(total > 0, 1 / torch.where(total > 0, total, 1), 0)
