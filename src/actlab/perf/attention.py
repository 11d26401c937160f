"""Speed and memory of the chunked attention normalizers.

- speed: forward+backward of :func:`actlab.attention.attend` (chunked) for each normalizer,
  against torch's fused ``scaled_dot_product_attention`` and against the chunked softmax,
  best-of-blocks times measured in one process (interference from other processes only adds);
- memory: the peak bytes allocated by one forward+backward at long length, beside the size of a
  single dense float32 score matrix.

``python -m actlab.perf.attention [n_speed] [n_memory]`` prints both tables (markdown).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import torch
import torch.nn.functional as F

from actlab.attention import attend, normalizers
from actlab.ops.timing import best_seconds
from actlab.perf.memory import peak_bytes
from actlab.tables import Table

MIB = 2**20


def _inputs(n: int, d: int, heads: int) -> list[torch.Tensor]:
    g = torch.Generator().manual_seed(0)
    return [torch.randn(1, heads, n, d, generator=g).requires_grad_() for _ in range(3)]


def _step(name: str | None, tensors: list[torch.Tensor], chunk: int):
    """One forward+backward: ``name`` chunked, or None for scaled_dot_product_attention."""

    def step() -> None:
        if name is None:
            out = F.scaled_dot_product_attention(*tensors, is_causal=True)
        else:
            out = attend(*tensors, name, causal=True, chunk=chunk, implementation="chunked")
        out.sum().backward()
        for t in tensors:
            t.grad = None

    return step


def speed(
    n: int = 2048,
    d: int = 64,
    heads: int = 1,
    chunk: int = 512,
    names: Sequence[str] | None = None,
    min_run_time: float = 1.0,
) -> Table:
    """Forward+backward seconds per normalizer at length ``n`` (causal), with the ratios to
    scaled_dot_product_attention and to the chunked softmax."""
    tensors = _inputs(n, d, heads)
    names = list(names or [r.name for r in normalizers()])
    fused = best_seconds(_step(None, tensors, chunk), min_run_time=min_run_time)
    times = {
        name: best_seconds(_step(name, tensors, chunk), min_run_time=min_run_time) for name in names
    }
    softmax = times.get("softmax") or best_seconds(
        _step("softmax", tensors, chunk), min_run_time=min_run_time
    )
    rows = [("scaled_dot_product_attention", f"{fused * 1e3:.1f}", "1.00", "")]
    rows += [
        (name, f"{t * 1e3:.1f}", f"{t / fused:.2f}", f"{t / softmax:.2f}")
        for name, t in times.items()
    ]
    return Table.of(
        ("normalizer", "ms fwd+bwd", "x fused softmax", "x chunked softmax"),
        rows,
        f"attention speed: n={n}, d={d}, heads={heads}, causal, chunk {chunk}, "
        f"{torch.get_num_threads()} threads",
    )


def memory(
    n: int = 16384, d: int = 64, chunk: int = 512, names: Sequence[str] = ("softmax",)
) -> Table:
    """Peak MiB allocated by one forward+backward at length ``n``, one head (after warm-up)."""
    tensors = _inputs(n, d, 1)
    rows = [(name, f"{peak_bytes(_step(name, tensors, chunk)) / MIB:.1f}") for name in names]
    dense = n * n * 4 / MIB
    return Table.of(
        ("normalizer", "peak MiB fwd+bwd"),
        rows,
        f"attention memory: n={n}, d={d}, one head, causal, chunk {chunk}",
        f"one dense float32 score matrix: {dense:.0f} MiB",
    )


def main(argv: Sequence[str]) -> None:
    n_speed = int(argv[0]) if argv else 2048
    n_memory = int(argv[1]) if len(argv) > 1 else 16384
    for table in (speed(n_speed), memory(n_memory)):
        print(f"{table.title}\n\n{table.markdown()}\n\n{table.note}\n")


if __name__ == "__main__":
    main(sys.argv[1:])
