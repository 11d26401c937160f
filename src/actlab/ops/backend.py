"""Which implementation runs a Spec: ``auto`` resolved to ``fused``, ``eager`` or ``native``.

``auto`` takes the fastest correct implementation measured on this machine by ``actlab perf``
(:mod:`actlab.ops.machine`) for the input's device type; where nothing was measured yet it takes
``fused``, or, when compilation is off, torch's native op where one exists and ``eager``
otherwise. Learnable parameters rule out ``native`` (torch's ops take Python numbers).

The choice is made per device type when an implementation is built (fused kernels included, so an
outer ``torch.compile`` traces straight through) and applied per call from ``x.device.type``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal, TypeVar, get_args

import torch

from actlab.catalog.spec import Spec
from actlab.errors import ActlabError, DeviceError, ForwardError, ParameterError
from actlab.ops import compile as compile_
from actlab.ops import eager, fused
from actlab.ops.eager import Params
from actlab.ops.fused import device_types
from actlab.ops.machine import machine_file, read_json, write_json

Backend = Literal["auto", "fused", "eager", "native"]
BACKENDS: tuple[str, ...] = get_args(Backend)
ANY_DEVICE = ("eager", "native")  # torch ops: they run wherever torch does
Run = Callable[[torch.Tensor, Params], torch.Tensor]
T = TypeVar("T")


def resolve(spec: Spec, backend: str, *, learnable: bool = False,
            device_type: str = "cpu") -> str:
    """The concrete backend for ``spec`` on ``device_type``; ParameterError for an unknown or
    impossible one."""
    if backend not in BACKENDS:
        raise ParameterError(f"backend must be one of {', '.join(map(repr, BACKENDS))}, "
                             f"got {backend!r}")
    if backend == "native" and spec.native is None:
        raise ParameterError(f"{spec.name} has no native torch implementation; use "
                             f"backend='auto', 'fused' or 'eager'")
    if backend == "native" and learnable:
        raise ParameterError("learnable parameters need backend 'auto', 'fused' or 'eager'")
    if backend != "auto":
        return backend
    measured = measured_choices(device_type).get(spec.name)
    if measured in ("fused", "eager") or (measured == "native" and spec.native and not learnable):
        return measured
    if compile_.enabled():
        return "fused"
    return "native" if spec.native is not None and not learnable else "eager"


@dataclass(frozen=True)
class Implementation:
    """A backend request for one Spec, resolved per device type. Calling it with ``(x, params)``
    runs the implementation chosen for ``x.device.type``."""

    requested: str
    chosen: Mapping[str, str]  # device type -> concrete backend
    runs: Mapping[str, Run]  # device type -> run(x, params)

    def backend_for(self, device_type: str) -> str:
        """The concrete backend that runs on ``device_type``."""
        return self.chosen.get(device_type, self.requested)

    def __call__(self, x: torch.Tensor, params: Params) -> torch.Tensor:
        device_type = x.device.type
        if device_type in self.runs:
            return self.runs[device_type](x, params)
        if self.requested in ANY_DEVICE:
            return self.runs["cpu"](x, params)
        raise DeviceError(device_type, self.runs)


def implementation(spec: Spec, backend: str, *, inplace: bool = False,
                   learnable: bool = False) -> Implementation:
    """``backend`` (``auto`` included) for ``spec`` on every device type of :func:`device_types`,
    fused kernels built here, up front; eager and native also run on any other device."""
    chosen = {t: resolve(spec, backend, learnable=learnable, device_type=t)
              for t in device_types()}
    runs = {t: _concrete(spec, b, t, inplace=inplace) for t, b in chosen.items()}
    return Implementation(backend, chosen, runs)


def _concrete(spec: Spec, backend: str, device_type: str, *, inplace: bool) -> Run:
    """``run(x, params)`` for a concrete ``backend`` (only fused kernels depend on the device)."""
    if backend == "native":
        def native(x: torch.Tensor, params: Params) -> torch.Tensor:
            floats = {k: float(v) for k, v in params.items()}
            return spec.native(x, **floats, inplace=True) if inplace else spec.native(x, **floats)

        return native
    if backend == "fused":
        kernel = fused.prepare(spec, device_type)
        return lambda x, params: fused.apply_kernel(kernel, x, params)
    return lambda x, params: eager.apply(spec, x, params)


def reported(name: str, backend_for: Callable[[str], str], x: torch.Tensor,
             run: Callable[[], T]) -> T:
    """``run()`` (the forward of ``name`` at ``x``); any error but an ActlabError or running out of
    memory re-raised as a ForwardError naming ``name``, the backend ``backend_for`` gives for
    ``x``'s device type, and ``x``. Not wrapped while torch.compile traces."""
    if torch.compiler.is_compiling():
        return run()
    try:
        return run()
    except (ActlabError, torch.OutOfMemoryError):
        raise
    except Exception as err:
        raise ForwardError(f"{_context(name, backend_for, x)}\n  {type(err).__name__}: {err}"
                           ) from err


def _context(name: str, backend_for: Callable[[str], str], x: object) -> str:
    if not isinstance(x, torch.Tensor):
        return f"{name} failed on a {type(x).__name__}, which is not a torch.Tensor:"
    return (f"{name} (backend {backend_for(x.device.type)}) failed on an input of shape "
            f"{tuple(x.shape)}, dtype {x.dtype}, device {x.device}:")


@cache
def measured_choices(device_type: str) -> dict[str, str]:
    """``{entry name: fastest backend}`` recorded by ``actlab perf`` on this machine."""
    return read_json(machine_file("choices", device_type))


def record_choices(device_type: str, choices: dict[str, str]) -> Path:
    """Merge measured ``choices`` into this machine's file."""
    merged = {**measured_choices(device_type), **choices}
    measured_choices.cache_clear()
    return write_json(machine_file("choices", device_type), merged)
