"""``actlab perf`` for catalog entries: each implementation against its floors and peers, in one
process.

Per entry, forward and forward+backward medians for ``fused``, ``eager`` and ``native`` (where torch
has the op); ``auto`` is the fastest of them whose output matches the eager reference. Beside them:
the eager composite of the catalog formula (autograd through every op, guards included), the
published formula as a user writes it (:func:`published`: plain torch ops, no guards), eagerly
(``plain``) and under ``torch.compile(dynamic=False)`` (``compiled``), a plain copy of the tensor
(the memory roofline) and the primitive floor (one vectorized pass of each transcendental
primitive the optimized forward calls). Also the accuracy of ``compiled`` and ``auto`` against
the 30-digit reference and whether they stay finite over the dtype's range, the bytes saved for
backward per call and the peak memory of one training step of a small MLP.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field

import sympy
import torch
from torch import nn

from actlab.catalog.spec import Spec
from actlab.ops import backend as backends
from actlab.ops import eager
from actlab.ops.compile import own_code
from actlab.ops.costs import PRIMITIVES
from actlab.ops.fused import prepare
from actlab.ops.timing import median_seconds
from actlab.perf.memory import peak_bytes, saved_bytes
from actlab.precision import (
    dtype_points,
    pointwise_relative_error,
    reference_values,
    verification_points,
)
from actlab.tables import Table

Run = Callable[[torch.Tensor], torch.Tensor]


@dataclass
class ActivationPerf:
    """Medians in milliseconds (``None``: not applicable) and bytes, for one entry."""

    name: str
    auto: str  # the backend auto takes
    form: str  # the optimizer's forward form
    primitives: tuple[str, ...]
    composite: bool  # the formula needs more than one torch op
    forward_ms: dict[str, float | None] = field(default_factory=dict)
    train_ms: dict[str, float | None] = field(default_factory=dict)  # forward + backward
    saved_bytes: dict[str, int] = field(default_factory=dict)
    peak_mlp_bytes: dict[str, int] = field(default_factory=dict)
    error: dict[str, float] = field(default_factory=dict)  # compiled, auto: max relative error
    finite: dict[str, bool] = field(default_factory=dict)  # compiled, auto: over the dtype range

    def speedup(self, over: str, *, train: bool = True) -> float | None:
        """How many times faster auto is than ``over``."""
        times = self.train_ms if train else self.forward_ms
        return None if times.get(over) is None else times[over] / times["auto"]

    @property
    def roofline_ratio(self) -> float:
        """auto forward / max(copy, primitive floor)."""
        floor = max(self.forward_ms["copy"], self.forward_ms["floor"] or 0.0)
        return self.forward_ms["auto"] / floor

    def to_dict(self) -> dict:
        return asdict(self)


def implementations(spec: Spec) -> dict[str, Run]:
    """The contenders for ``auto`` plus the eager composite, at the entry's default parameters."""
    params = spec.defaults
    runs: dict[str, Run] = {}
    for backend in ("fused", "eager", "native"):
        if backend == "native" and spec.native is None:
            continue
        run = backends.implementation(spec, backend)
        runs[backend] = lambda x, run=run: run(x, params)
    runs["composite"] = lambda x: eager.composite(spec, x, params)
    runs["plain"] = published(spec)
    runs["compiled"] = torch.compile(own_code(runs["plain"]), dynamic=False)
    return runs


def published(spec: Spec) -> Run:
    """The published formula (:attr:`Spec.published_formula`) at the default parameters in plain
    torch ops, without guards: what a user who copies it from the paper writes.

    >>> import actlab
    >>> published(actlab.lookup("squareplus"))(torch.tensor([0.0, -1e4]))  # cancels to 0
    tensor([1., 0.])
    """
    fn, params = spec.published_formula.torch_function(), spec.defaults
    return lambda x: fn(x, **params)[0]


def accuracy(spec: Spec, run: Run, dtype: torch.dtype = torch.float32,
             device: str = "cpu") -> tuple[float, bool]:
    """``run``'s largest relative error against the 30-digit reference on the float32
    verification points (where the reference is a normal float32 number), and whether ``run``
    is finite over the whole range of ``dtype`` wherever the function is.

    >>> import actlab
    >>> spec = actlab.lookup("squareplus")
    >>> accuracy(spec, published(spec))  # no relative accuracy far left; x**2 overflows
    (1.0, False)
    """
    x = verification_points()
    ref = reference_values(spec.expression, spec.defaults, x)
    with torch.no_grad():
        error = pointwise_relative_error(run(x.to(device)).cpu(), ref).max().item()
        points = dtype_points(dtype)
        ref = reference_values(spec.expression, spec.defaults, points)
        y = run(points.to(device)).cpu()
    representable = ref.isfinite() & (ref.abs() <= torch.finfo(dtype).max)
    return error, bool(y[representable].isfinite().all())


def is_composite(spec: Spec) -> bool:
    return sympy.count_ops(spec.expression.expr) > 1


def measure(specs: Iterable[Spec], *, size: int = 2**22, dtype: torch.dtype = torch.float32,
            device: str = "cpu", min_run_time: float = 0.3) -> Iterator[ActivationPerf]:
    """Yield the measurements of each entry (one at a time, for progress bars)."""
    gen = torch.Generator().manual_seed(0)
    x = (torch.randn(size, generator=gen) * 4).to(device=device, dtype=dtype)
    copy_ms = median_seconds(lambda: x.clone(), min_run_time=min_run_time) * 1e3
    primitive_ms: dict[str, float] = {}

    def primitive(name: str) -> float:
        if name not in primitive_ms:
            op, positive = PRIMITIVES[name], x.abs() + 0.5
            primitive_ms[name] = median_seconds(lambda: op(positive),
                                                min_run_time=min_run_time) * 1e3
        return primitive_ms[name]

    for spec in specs:
        yield _measure_one(spec, x, copy_ms, primitive, min_run_time)


def _measure_one(spec: Spec, x: torch.Tensor, copy_ms: float, primitive: Callable[[str], float],
                 min_run_time: float) -> ActivationPerf:
    optimized = prepare(spec, x.device.type).optimized
    runs = implementations(spec)
    reference = runs["eager"](x)
    forward = {k: median_seconds(lambda run=run: run(x), min_run_time=min_run_time) * 1e3
               for k, run in runs.items()}
    train = {k: median_seconds(_training_step(run, x), min_run_time=min_run_time) * 1e3
             for k, run in runs.items()}
    correct = [k for k in ("fused", "eager", "native") if k in runs
               and _close(runs[k](x), reference, spec.rtol)]
    auto = min(correct, key=lambda k: train[k])
    floor = sum(primitive(p) for p in optimized.primitives) if optimized.primitives else None
    saved = {k: saved_bytes(runs[k], x[:4096]) for k in (auto, "composite")}
    peaks = {k: peak_bytes(_mlp_step(runs[k], x.device, x.dtype), x.device)
             for k in (auto, "composite")}
    checked = {k: accuracy(spec, runs[k], x.dtype, str(x.device)) for k in ("compiled", auto)}
    return ActivationPerf(
        spec.name, auto, optimized.forward.name, optimized.primitives, is_composite(spec),
        forward_ms={**forward, "auto": forward[auto], "copy": copy_ms, "floor": floor},
        train_ms={**train, "auto": train[auto]},
        saved_bytes={"auto": saved[auto], "composite": saved["composite"]},
        peak_mlp_bytes={"auto": peaks[auto], "composite": peaks["composite"]},
        error={"compiled": checked["compiled"][0], "auto": checked[auto][0]},
        finite={"compiled": checked["compiled"][1], "auto": checked[auto][1]},
    )


def _close(y: torch.Tensor, reference: torch.Tensor, rtol: float) -> bool:
    err = (y.double() - reference.double()).abs() / (1 + reference.double().abs())
    return bool((err.nan_to_num(math.inf) <= max(rtol, 10 * torch.finfo(y.dtype).eps)).all()
                | (y.isnan() & reference.isnan()).all())


def _training_step(run: Run, x: torch.Tensor) -> Callable[[], None]:
    leaf = x.detach().clone().requires_grad_()
    grad = torch.ones_like(x)

    def step() -> None:
        run(leaf).backward(grad)
        leaf.grad = None

    return step


def _mlp_step(run: Run, device: torch.device, dtype: torch.dtype,
              width: int = 256, batch: int = 4096, depth: int = 4) -> Callable[[], None]:
    """One training step of a ``depth``-layer MLP using ``run`` between the layers."""

    class Act(nn.Module):
        def forward(self, h: torch.Tensor) -> torch.Tensor:
            return run(h)

    torch.manual_seed(0)
    layers: list[nn.Module] = []
    for _ in range(depth):
        layers += [nn.Linear(width, width), Act()]
    model = nn.Sequential(*layers, nn.Linear(width, 1)).to(device=device, dtype=dtype)
    data = torch.randn(batch, width, device=device, dtype=dtype)

    def step() -> None:
        model(data).square().mean().backward()
        model.zero_grad(set_to_none=True)

    return step


def summary(results: list[ActivationPerf]) -> dict[str, object]:
    """The headline ratios the targets in docs/performance.md refer to."""
    composite = [r.speedup("composite") for r in results if r.composite]
    native = {r.name: r.speedup("native") for r in results if r.train_ms.get("native")}
    compiled = {r.name: r.speedup("compiled") for r in results if r.train_ms.get("compiled")}
    within = [r for r in results if r.roofline_ratio <= 1.25]
    return {
        "entries": len(results),
        "median_speedup_over_composite": _median(composite),
        "median_speedup_over_plain": _median([r.speedup("plain") for r in results
                                              if r.composite]),
        "median_speedup_over_compiled": _median([compiled.get(r.name) for r in results
                                                 if r.composite]),
        "slower_than_compiled": {k: v for k, v in sorted(compiled.items()) if v < 0.95},
        "less_accurate_than_compiled": sorted(
            r.name for r in results if r.error and (r.error["auto"] > 2 * r.error["compiled"] + 1e-6
                                                    or r.finite["compiled"] > r.finite["auto"])),
        "min_speedup_over_native": min(native.values(), default=None),
        "speedup_over_native": native,
        "share_within_1.25x_of_floor": len(within) / len(results) if results else None,
        "outside_floor": sorted(r.name for r in results if r.roofline_ratio > 1.25),
    }


def _median(values: list[float | None]) -> float | None:
    values = sorted(v for v in values if v is not None)
    if not values:
        return None
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


COLUMNS = ("entry", "auto", "form", "primitives", "fwd ms", "fwd+bwd ms", "vs composite",
           "vs plain", "vs compiled", "fwd vs compiled", "vs native", "fwd / floor",
           "rel. error auto / compiled", "finite auto / compiled",
           "saved KiB (4096 el.) auto / comp.", "MLP peak MiB auto / comp.")


def table(results: list[ActivationPerf]) -> Table:
    """One row per entry: auto's times and its fwd+bwd speed-ups; the headline ratios as note."""
    rows = [(r.name, r.auto, r.form, " ".join(r.primitives) or "-",
             f"{r.forward_ms['auto']:.2f}", f"{r.train_ms['auto']:.2f}",
             _ratio(r.speedup("composite")), _ratio(r.speedup("plain")),
             _ratio(r.speedup("compiled")), _ratio(r.speedup("compiled", train=False)),
             _ratio(r.speedup("native")), _ratio(r.roofline_ratio),
             f"{r.error['auto']:.1e} / {r.error['compiled']:.1e}",
             f"{_yes(r.finite['auto'])} / {_yes(r.finite['compiled'])}",
             f"{r.saved_bytes['auto'] // 1024} / {r.saved_bytes['composite'] // 1024}",
             f"{r.peak_mlp_bytes['auto'] / 2**20:.1f} / "
             f"{r.peak_mlp_bytes['composite'] / 2**20:.1f}") for r in results]
    totals = summary(results)
    outside = ", ".join(totals["outside_floor"]) or "none"
    slower = ", ".join(f"{k} {_ratio(v)}" for k, v in totals["slower_than_compiled"].items())
    note = (f"median fwd+bwd speedup over the eager composite (composite entries): "
            f"{_ratio(totals['median_speedup_over_composite'])}; over the plain published "
            f"formula: {_ratio(totals['median_speedup_over_plain'])}; over it compiled: "
            f"{_ratio(totals['median_speedup_over_compiled'])}; below 0.95x of compiled: "
            f"{slower or 'none'}; less accurate than compiled: "
            f"{', '.join(totals['less_accurate_than_compiled']) or 'none'}; slowest vs native: "
            f"{_ratio(totals['min_speedup_over_native'])}; forward within 1.25x of the floor: "
            f"{totals['share_within_1.25x_of_floor']:.0%} of {totals['entries']} entries. "
            f"Outside 1.25x of the floor: {outside}.")
    return Table.of(COLUMNS, rows, "actlab perf (fwd+bwd speedups of auto; floor = max(copy, "
                    "primitives))", note)


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"

