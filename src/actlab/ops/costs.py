"""Per-primitive cost table of this machine: what one more call of ``exp``, ``tanh``, ... costs
inside a fused kernel.

Each primitive is measured with Inductor on a 2^22-element float32 vector, four calls per element
in one kernel, minus the same kernel without the primitive: the marginal compute cost, in
milliseconds per 2^22 elements. Arithmetic is nearly free in a fused kernel; transcendental calls
are not, and they differ by an order of magnitude (``log1p`` and ``asinh`` have no vectorized
implementation in Inductor's CPU backend and run scalar).

``actlab perf --calibrate`` measures the running machine and caches the table
(:mod:`actlab.ops.machine`); until then the table measured on the reference
machine ships with the package (``costs_reference.json``).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from pathlib import Path

import torch
import torch.nn.functional as F

from actlab.errors import ActlabError
from actlab.formula.targets import ndtr, sigmoid_tensor
from actlab.ops.compile import compiled
from actlab.ops.machine import machine_file, read_json, write_json
from actlab.ops.timing import best_seconds

log = logging.getLogger(__name__)

REFERENCE_TABLE = Path(__file__).with_name("costs_reference.json")
SIZE = 2**22

# each primitive on inputs in [0.5, 2], where all of them are defined
PRIMITIVES: dict[str, Callable[[torch.Tensor], torch.Tensor]] = {
    "add": lambda x: x + 0.5, "mul": lambda x: x * x, "div": lambda x: 1.0 / x,
    "where": lambda x: torch.where(x > 1.0, x, -x), "abs": torch.abs, "max": lambda x: x.clamp(1.0),
    "sign": torch.sign, "pow": lambda x: torch.pow(x, 0.37), "sqrt": torch.sqrt,
    "rsqrt": torch.rsqrt, "exp": torch.exp, "expm1": torch.expm1, "log": torch.log,
    "log1p": torch.log1p, "sigmoid": sigmoid_tensor, "softplus": F.softplus,
    "logsigmoid": F.logsigmoid, "tanh": torch.tanh, "sinh": torch.sinh, "cosh": torch.cosh,
    "asinh": torch.asinh, "atan": torch.atan, "sin": torch.sin, "cos": torch.cos, "tan": torch.tan,
    "erf": torch.erf, "erfc": torch.erfc, "normal_cdf": ndtr,
}  # fmt: skip


def measure(device: torch.device | str = "cpu", *, min_run_time: float = 0.5,
            names: list[str] | None = None) -> Iterator[tuple[str, float]]:
    """Yield ``(primitive, marginal ms per 2^22 elements)``; ``"copy"`` comes first and is the time
    of one read and one write of the vector (the memory roofline)."""
    device = torch.device(device)
    x = torch.linspace(0.5, 2.0, SIZE, device=device)

    def per_call(op: Callable[[torch.Tensor], torch.Tensor]) -> float:
        kernel = compiled(lambda x: op(x) + op(x * 0.9 + 0.1) + op(x * 0.8 + 0.3) + op(x * 1.0))
        return best_seconds(lambda: kernel(x), min_run_time=min_run_time) * 1e3 / 4

    copy = best_seconds(lambda: x.clone(), min_run_time=min_run_time) * 1e3
    yield "copy", copy
    identity = per_call(lambda v: v)
    for name in names or list(PRIMITIVES):
        yield name, max(per_call(PRIMITIVES[name]) - identity, 0.0)


def calibrate(device: torch.device | str = "cpu", *, progress: Callable[[str], None] | None = None
              ) -> dict[str, float]:
    """Measure every primitive on ``device`` and cache the table for later processes."""
    table = {}
    for name, ms in measure(device):
        table[name] = round(ms, 4)
        if progress:
            progress(name)
    write_json(machine_file("costs", device), table)
    table_for.cache_clear()
    return table


@cache
def table_for(device_type: str = "cpu") -> Mapping[str, float]:
    """The cached table of this machine if calibrated, else the reference machine's table."""
    path = machine_file("costs", device_type)
    for candidate in (path, REFERENCE_TABLE):
        table = read_json(candidate)
        if _usable(table):
            if candidate == REFERENCE_TABLE:
                log.info("no cost table for this machine yet (actlab perf --calibrate); using "
                         "the reference machine's")
            return table
    raise ActlabError(f"no usable cost table: {path} and the packaged {REFERENCE_TABLE.name} are "
                      "missing or incomplete; reinstall actlab or run `actlab perf --calibrate`")


def _usable(table: Mapping[str, object]) -> bool:
    """Every primitive and the copy time present, each a finite number >= 0."""
    return {"copy", *PRIMITIVES} <= set(table) and all(
        type(v) is float and math.isfinite(v) and v >= 0 or type(v) is int and 0 <= v < 2**53
        for v in (table[k] for k in ("copy", *PRIMITIVES)))
