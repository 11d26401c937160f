"""Benchmarks of the learnable modules' fused paths against the ways people write them plainly.

- PAU forward+backward (input and coefficient gradients) against the rational written as
  plain torch ops and differentiated by autograd;
- the gated feed-forward product act(gate)*up, fused, against actlab's eager activation times up
  (and against torch's own activation times up, for reference);
- a KAN layer (B-spline basis, one matmul) against the same basis-then-matmul written plainly in
  eager torch, and against a loop over the layer's edges.

Each returns :class:`Comparison` rows; ``actlab perf`` shows them. Timings are medians from
:func:`actlab.ops.timing.median_seconds`, all measured in one process.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import torch
import torch.nn.functional as F

from actlab.catalog import lookup
from actlab.nn.feedforward import gated_product
from actlab.nn.kan import KANLinear, bspline_bases
from actlab.nn.learnable.rational import rational
from actlab.ops import eager
from actlab.ops.timing import median_seconds
from actlab.series import rational_value
from actlab.tables import Table


@dataclass(frozen=True)
class Comparison:
    """One benchmark: ``seconds`` of actlab's path against ``baseline_seconds`` of ``baseline``."""

    name: str
    case: str
    baseline: str
    seconds: float
    baseline_seconds: float

    @property
    def speedup(self) -> float:
        return self.baseline_seconds / self.seconds


def _compare(name: str, case: str, ours: Callable[[], object],
             baselines: dict[str, Callable[[], object]], min_run_time: float) -> list[Comparison]:
    seconds = median_seconds(ours, min_run_time=min_run_time)
    return [Comparison(name, case, label, seconds, median_seconds(work, min_run_time=min_run_time))
            for label, work in baselines.items()]


def pau(elements: int = 2**22, groups: int = 1, form: str = "abs_sum",
        min_run_time: float = 0.3) -> list[Comparison]:
    """PAU 5/4 forward+backward with input and coefficient gradients, on (elements/1024, 1024)."""
    x = torch.randn(elements // 1024, 1024, requires_grad=True)
    numerator = (torch.randn(groups, 6) * 0.3).requires_grad_()
    denominator = (torch.randn(groups, 4) * 0.3).requires_grad_()
    grad = torch.randn_like(x)
    inputs = (x, numerator, denominator)

    def fused():
        torch.autograd.grad(rational(x, numerator, denominator, form=form), inputs, grad)

    def plain():
        grouped = x.view(x.shape[0], groups, -1)
        y = rational_value(grouped, numerator[:, None], denominator[:, None], form)
        torch.autograd.grad(y, inputs, grad.view_as(grouped))

    case = f"{elements} elements, groups={groups}, {form}, fwd+bwd"
    return _compare("pau", case, fused, {"plain torch + autograd": plain}, min_run_time)


def gated(gate: str = "silu", tokens: int = 2048, hidden: int = 2048,
          min_run_time: float = 0.3) -> list[Comparison]:
    """act(gate)*up forward+backward on a (tokens, 2*hidden) gate|up projection."""
    spec = lookup(gate)
    gate_up = torch.randn(tokens, 2 * hidden, requires_grad=True)
    params = {p.name: torch.tensor(p.default, requires_grad=p.learnable) for p in spec.params}
    inputs = [gate_up, *(v for v in params.values() if v.requires_grad)]
    grad = torch.randn(tokens, hidden)

    def fused():
        torch.autograd.grad(gated_product(gate_up, spec, params), inputs, grad)

    def unfused():
        g, u = gate_up.chunk(2, -1)
        torch.autograd.grad(eager.apply(spec, g, params) * u, inputs, grad)

    baselines = {"actlab eager act * up": unfused}
    if spec.native is not None and not spec.params:
        def native():
            g, u = gate_up.chunk(2, -1)
            torch.autograd.grad(spec.native(g) * u, inputs, grad)

        baselines["torch native act * up"] = native
    case = f"{gate}, {tokens}x{hidden}, fwd+bwd"
    return _compare("feedforward gate*up", case, fused, baselines, min_run_time)


def kan(batch: int = 1024, features: int = 64, grid_size: int = 5, order: int = 3,
        loop_features: int = 32, min_run_time: float = 0.3) -> list[Comparison]:
    """B-spline KANLinear(features, features) forward+backward against the plain formulation;
    and, at ``loop_features`` (the loop's cost grows with in*out), against a loop over edges."""
    rows = []
    for size, baselines in ((features, ("plain",)), (loop_features, ("loop",))):
        layer = KANLinear(size, size, grid_size=grid_size, order=order)
        x = torch.randn(batch, size, requires_grad=True)
        grad = torch.randn(batch, size)
        inputs = [x, *layer.parameters()]
        weight = layer.weight.view(size, size, layer.basis.size)
        work = {
            "plain": lambda layer=layer, x=x: _plain_kan(layer, x),
            "loop": lambda x=x, weight=weight, layer=layer: _edge_loop_kan(layer, weight, x),
        }

        def ours(layer=layer, x=x, grad=grad, inputs=inputs):
            torch.autograd.grad(layer(x), inputs, grad)

        label = {"plain": "basis-then-matmul in plain torch", "loop": "loop over edges"}
        rows += _compare("kan", f"bspline {size}->{size}, G={grid_size}, k={order}, batch {batch}, "
                         "fwd+bwd", ours,
                         {label[b]: _with_backward(work[b], inputs, grad) for b in baselines},
                         min_run_time)
    return rows


def _with_backward(forward: Callable[[], torch.Tensor], inputs, grad) -> Callable[[], object]:
    return lambda: torch.autograd.grad(forward(), inputs, grad)


def _plain_kan(layer: KANLinear, x: torch.Tensor) -> torch.Tensor:
    """The efficient-KAN formulation in eager torch: Cox-de Boor, SiLU, one matmul."""
    features = torch.cat([bspline_bases(x, layer.basis.grid, layer.basis.order),
                          F.silu(x)[..., None]], -1)
    return F.linear(features.flatten(1), layer.weight, layer.bias)


def _edge_loop_kan(layer: KANLinear, weight: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    """One learnable function per edge (i -> o), evaluated and summed edge by edge."""
    outputs = []
    for o in range(weight.shape[0]):
        total = layer.bias[o]
        for i in range(weight.shape[1]):
            xi = x[:, i:i + 1]
            basis = bspline_bases(xi, layer.basis.grid[i:i + 1], layer.basis.order)[:, 0]
            total = total + basis @ weight[o, i, :-1] + weight[o, i, -1] * F.silu(xi[:, 0])
        outputs.append(total)
    return torch.stack(outputs, 1)


def all_benchmarks(min_run_time: float = 0.3) -> list[Comparison]:
    """Every module benchmark at its default size (PAU on 2^22 elements)."""
    return [*pau(min_run_time=min_run_time), *pau(groups=8, form="sum_abs",
                                                  min_run_time=min_run_time),
            *gated("silu", min_run_time=min_run_time), *gated("gelu", min_run_time=min_run_time),
            *gated("xsilu", min_run_time=min_run_time), *kan(min_run_time=min_run_time)]


def table(rows: list[Comparison]) -> Table:
    """One row per benchmark and baseline, forward+backward."""
    cells = [(r.name, r.case, r.baseline, f"{r.seconds * 1e3:.2f}",
              f"{r.baseline_seconds * 1e3:.2f}", f"{r.speedup:.1f}x") for r in rows]
    return Table.of(("benchmark", "case", "baseline", "actlab ms", "baseline ms", "speed-up"),
                    cells, "actlab perf --modules (forward+backward)")

