"""The verification of every attention normalizer (run by ``actlab verify --attention``).

- ``dense``: chunked == dense reference in float64 (max error <= 1e-9 * (1 + max |dense|)) for
  n in {1, 7, 513, 2048}, outputs and q/k/v gradients, unmasked, causal, and with a padding
  mask that empties a row (which must give zeros);
- ``float32``: chunked float32 against the float64 reference, relative error <= 2e-5;
- ``gradcheck``: ``torch.autograd.gradcheck`` of the chunked path at n = 6 (alpha included
  for entmax);
- ``stability``: scores of +-1e4 give finite outputs and gradients in float32;
- ``oracle``: an independent statement of the rule: softmax against torch's fused attention,
  sparsemax/entmax against the ``entmax`` package (alpha 1.25, 1.5, 2; 1e-6), SSMax's worked
  example, sigmoid's rows summing to about 1, stick-breaking's product by hand.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator

import torch
import torch.nn.functional as F

from actlab.attention.functional import attend, attention_weights
from actlab.attention.normalizer import Normalizer

CHECKS = ("dense", "float32", "gradcheck", "stability", "oracle")
SIZES = (1, 7, 513, 2048)
Result = tuple[str, "bool | None", str]


def check_normalizer(rule: Normalizer, sizes: tuple[int, ...] = SIZES) -> Iterator[Result]:
    """(check, ok or None if not applicable, detail) for each of :data:`CHECKS`."""
    for name, check in (
        ("dense", _dense),
        ("float32", _float32),
        ("gradcheck", _gradcheck),
        ("stability", _stability),
        ("oracle", _oracle),
    ):
        if name == "dense":
            ok, detail = check(rule, sizes)
        else:
            ok, detail = check(rule)
        yield name, ok, detail


def _inputs(n: int, dtype=torch.float64, seed: int = 0, d: int = 16, batch: int = 2):
    g = torch.Generator().manual_seed(seed)
    return [torch.randn(batch, n, d, generator=g, dtype=dtype) for _ in range(3)]


def _variants(rule: Normalizer, n: int) -> list[tuple[str, dict]]:
    pad = torch.ones(2, 1, n, dtype=torch.bool)
    pad[1, :, n // 2 :] = False  # the second sequence ends halfway
    pad[0, :, 0] = n == 1  # its first key padded: with causal masking, row 0 sees nothing
    variants = [("causal", {"causal": True}), ("causal+padding", {"causal": True, "mask": pad})]
    if rule.kind != "stick":
        variants = [("unmasked", {}), *variants, ("padding", {"mask": pad})]
    return variants


def _dense(rule: Normalizer, sizes: tuple[int, ...]) -> tuple[bool, str]:
    worst, where = 0.0, ""
    for n in sizes:
        for label, options in _variants(rule, n):
            if n > 513 and label != "causal+padding":
                continue
            q, k, v = (t.requires_grad_() for t in _inputs(n))
            runs = [
                attend(q, k, v, rule, implementation=impl, chunk=128, **options)
                for impl in ("chunked", "dense")
            ]
            grad = torch.randn_like(runs[1])
            pairs = [(runs[0], runs[1])]
            pairs += list(zip(*(torch.autograd.grad(r, (q, k, v), grad) for r in runs)))
            for a, b in pairs:
                a, b = a.detach(), b.detach()
                err = float((a - b).abs().max() / (1 + b.abs().max()))
                if not math.isfinite(err) or err > worst:
                    worst, where = err, f"n={n} {label}"
            if "mask" in options and options.get("causal") and n > 1:
                empty = float(runs[0][0, 0].detach().abs().max())
                if empty != 0.0:
                    return False, f"n={n}: a row with no visible key gives {empty:.3g}, not 0"
    return worst <= 1e-9, f"max error {worst:.2g} ({where})"


def _float32(rule: Normalizer) -> tuple[bool, str]:
    q, k, v = _inputs(513)
    options = {"causal": True}
    reference = attend(q, k, v, rule, implementation="dense", **options)
    fast = attend(*(t.float() for t in (q, k, v)), rule, implementation="chunked", **options)
    err = float((fast.double() - reference).abs().max() / reference.abs().max())
    return err <= 2e-5, f"relative error {err:.2g}"


def _gradcheck(rule: Normalizer) -> tuple[bool, str]:
    q, k, v = (t.requires_grad_() for t in _inputs(6, d=3))
    pad = torch.tensor([True] * 5 + [False])
    inputs: tuple[torch.Tensor, ...] = (q, k, v)
    names = ["q", "k", "v"]
    if rule.learnable:
        inputs += tuple(
            torch.tensor(1.3, dtype=torch.float64, requires_grad=True) for _ in rule.learnable
        )
        names += list(rule.learnable)

    def run(*tensors: torch.Tensor) -> torch.Tensor:
        params = dict(zip(rule.learnable, tensors[3:]))
        return attend(
            *tensors[:3],
            rule,
            causal=True,
            mask=pad,
            chunk=2,
            implementation="chunked",
            params=params,
        )

    try:
        ok = torch.autograd.gradcheck(run, inputs, atol=1e-6, rtol=1e-5)
    except RuntimeError as err:
        return False, str(err).splitlines()[0]
    return ok, f"over {', '.join(names)}"


def _stability(rule: Normalizer) -> tuple[bool, str]:
    q, k, v = (t.float() for t in _inputs(64, seed=1))
    q = (q.sign() * 50).requires_grad_()  # scores scale * q.k reach +-1e4
    k = (k.sign() * 50).requires_grad_()
    v.requires_grad_()
    out = attend(q, k, v, rule, causal=True, implementation="chunked")
    grads = torch.autograd.grad(out.sum(), (q, k, v))
    peak = float(((q @ k.transpose(-1, -2)) / 4).abs().max())
    finite = all(bool(torch.isfinite(t).all()) for t in (out, *grads))
    return finite, f"scores up to {peak:.3g}: {'finite' if finite else 'inf or NaN'}"


def _oracle(rule: Normalizer) -> tuple[bool | None, str]:
    oracle = ORACLES.get(rule.name)
    return (None, "no independent statement") if oracle is None else oracle()


def _softmax() -> tuple[bool, str]:
    q, k, v = _inputs(33)
    ours = attend(q, k, v, "softmax", causal=True, implementation="chunked", chunk=8)
    torch_ = F.scaled_dot_product_attention(q, k, v, is_causal=True)
    err = float((ours - torch_).abs().max())
    return err <= 1e-12, f"against scaled_dot_product_attention: {err:.2g}"


def _entmax_package(alphas: tuple[float, ...]) -> Callable[[], tuple[bool | None, str]]:
    def check() -> tuple[bool | None, str]:
        try:
            import entmax
        except ImportError:
            return None, "the entmax package is not installed (pip install entmax)"
        q, k, _ = _inputs(40)
        x = q @ k.transpose(-1, -2) / 4
        worst = 0.0
        for alpha in alphas:
            ours = attention_weights(q, k, "entmax", params={"alpha": alpha})
            theirs = (
                entmax.sparsemax(x, dim=-1)
                if alpha == 2
                else entmax.entmax_bisect(x, alpha=alpha, dim=-1, n_iter=100)
            )
            worst = max(worst, float((ours - theirs).abs().max()))
        return (
            worst <= 1e-6,
            f"against entmax {entmax.__version__} at alpha "
            f"{', '.join(map(str, alphas))}: {worst:.2g}",
        )

    return check


def _ssmax() -> tuple[bool, str]:
    n = 4096
    x = torch.full((1, n), -2.0, dtype=torch.float64)
    x[0, 0] = 3.0
    k = torch.cat([x.T, torch.zeros(n, 1, dtype=torch.float64)], 1)
    q = torch.tensor([[1.0, 0.0]], dtype=torch.float64)
    soft = float(attention_weights(q, k, "softmax", scale=1.0).max())
    scalable = float(attention_weights(q, k, "ssmax", scale=1.0, params={"s": 0.43}).max())
    ok = abs(soft - 0.035) < 0.001 and scalable > 0.999
    return ok, f"n = 4096, one logit 3 among -2: softmax max {soft:.4f}, SSMax {scalable:.5f}"


def _sigmoid() -> tuple[bool, str]:
    q, k, _ = _inputs(4096, batch=1, d=64, seed=2)
    mean = float(attention_weights(q * 0.25, k, "sigmoid").sum(-1).mean())
    return abs(
        mean - 1
    ) < 0.05, f"b = -log n, n = 4096, i.i.d. scores of sd 0.25: rows sum to {mean:.3f} on average"


def _stick() -> tuple[bool, str]:
    q, k, _ = _inputs(5, batch=1)
    w = attention_weights(q, k, "stick_breaking", causal=True)[0]
    beta = torch.sigmoid(q[0] @ k[0].T / 4)
    i = 4
    by_hand = [float(beta[i, j] * torch.prod(1 - beta[i, j + 1 : i])) for j in range(i)]
    err = max(abs(a - b) for a, b in zip(w[i, :i].tolist(), by_hand))
    return err <= 1e-14 and float(w[i, i]) == 0, f"against the product by hand: {err:.2g}"


ORACLES: dict[str, Callable[[], tuple[bool | None, str]]] = {
    "softmax": _softmax,
    "sparsemax": _entmax_package((2.0,)),
    "entmax": _entmax_package((1.25, 1.5, 2.0)),
    "ssmax": _ssmax,
    "sigmoid": _sigmoid,
    "stick_breaking": _stick,
}
