"""actlab against the published formula, eagerly and under torch.compile, side by side.

Usage: ``python scripts/compiled_peer.py SIZE [NAMES]`` (default: the ten entries of
docs/performance.md). Forward+backward and forward alone, float32, each implementation run in turn
(interleaved rounds; the fastest round per implementation is kept, which is robust to other
processes sharing the cores). Prints one JSON line per entry: milliseconds per call.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable

import torch

import actlab
from actlab.ops.compile import own_code
from actlab.perf.activations import published

NAMES = "golu,mish,smish,logish,serf,snake,gcu,silu,gelu,squareplus"


def fastest_ms(runs: dict[str, Callable[[], object]], rounds: int, number: int) -> dict[str, float]:
    """Per implementation, the fastest round's mean time per call in ms, rounds interleaved."""
    for run in runs.values():
        run()
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(rounds):
        for name, run in runs.items():
            start = time.perf_counter()
            for _ in range(number):
                run()
            best[name] = min(best[name], (time.perf_counter() - start) / number * 1e3)
    return best


def training_step(f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor) -> Callable[[], None]:
    leaf, grad = x.detach().clone().requires_grad_(), torch.ones_like(x)

    def step() -> None:
        f(leaf).backward(grad)
        leaf.grad = None

    return step


def main(size: int, names: list[str]) -> None:
    rounds, number = (5, 2) if size > 2**16 else (10, 40)
    x = torch.randn(size, generator=torch.Generator().manual_seed(0)) * 4
    for name in names:
        spec = actlab.lookup(name)
        runs = {
            "plain": published(spec),
            "compiled": torch.compile(own_code(published(spec)), dynamic=False),
            "actlab": actlab.get(name),
        }
        train = fastest_ms({k: training_step(f, x) for k, f in runs.items()}, rounds, number)
        forward = fastest_ms({k: (lambda f=f: f(x)) for k, f in runs.items()}, rounds, number)
        print(
            json.dumps({"entry": name, "size": size, "train_ms": train, "forward_ms": forward}),
            flush=True,
        )


if __name__ == "__main__":
    main(int(sys.argv[1]), (sys.argv[2] if len(sys.argv) > 2 else NAMES).split(","))
