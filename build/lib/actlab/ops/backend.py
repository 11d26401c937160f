"""Which implementation runs a Spec: ``auto`` resolved to ``fused``, ``eager`` or ``native``.

``auto`` takes the fastest correct implementation measured on this machine by ``actlab perf``
(:mod:`actlab.ops.machine`); where nothing was measured yet it takes ``fused``, or, when
compilation is off, torch's native op where one exists and ``eager`` otherwise. Learnable
parameters rule out ``native`` (torch's ops take Python numbers).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Literal, get_args

import torch

from actlab.catalog.spec import Spec
from actlab.errors import ParameterError
from actlab.ops import compile as compile_
from actlab.ops import eager, fused
from actlab.ops.eager import Params
from actlab.ops.machine import machine_file, read_json, write_json

log = logging.getLogger(__name__)

Backend = Literal["auto", "fused", "eager", "native"]
BACKENDS: tuple[str, ...] = get_args(Backend)


def device_types() -> tuple[str, ...]:
    """The device types kernels are prepared for: CPU, and CUDA where available."""
    return ("cpu", "cuda") if torch.cuda.is_available() else ("cpu",)


def resolve(spec: Spec, backend: str, *, learnable: bool = False) -> str:
    """The concrete backend for ``spec``; ParameterError for an unknown or impossible one."""
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
    measured = measured_choices(device_types()[-1]).get(spec.name)
    if measured in ("fused", "eager") or (measured == "native" and spec.native and not learnable):
        return measured
    if compile_.enabled():
        return "fused"
    return "native" if spec.native is not None and not learnable else "eager"


def implementation(spec: Spec, backend: str, *, inplace: bool = False
                   ) -> Callable[[torch.Tensor, Params], torch.Tensor]:
    """``run(x, params)`` for a concrete ``backend`` (fused kernels are built here, up front)."""
    if backend == "native":
        def native(x: torch.Tensor, params: Params) -> torch.Tensor:
            floats = {k: float(v) for k, v in params.items()}
            return spec.native(x, **floats, inplace=True) if inplace else spec.native(x, **floats)

        return native
    if backend == "fused":
        kernels = {t: fused.prepare(spec, t) for t in device_types()}
        return lambda x, params: fused.apply(spec, x, params, kernels)
    return lambda x, params: eager.apply(spec, x, params)


@cache
def measured_choices(device_type: str) -> dict[str, str]:
    """``{entry name: fastest backend}`` recorded by ``actlab perf`` on this machine."""
    return read_json(machine_file("choices", device_type))


def record_choices(device_type: str, choices: dict[str, str]) -> Path:
    """Merge measured ``choices`` into this machine's file."""
    merged = {**measured_choices(device_type), **choices}
    measured_choices.cache_clear()
    return write_json(machine_file("choices", device_type), merged)
