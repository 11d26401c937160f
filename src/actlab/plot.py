"""Pictures of nonlinearities: each function beside its derivative (the backward pass)."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import torch  # noqa: E402

from actlab.catalog.spec import Spec  # noqa: E402
from actlab.errors import ParameterError  # noqa: E402
from actlab.files import atomic_write  # noqa: E402
from actlab.ops import eager  # noqa: E402


def curves(spec: Spec, low: float, high: float, points: int = 801):
    """``(x, f(x), f'(x))`` at default parameters, where f' is what backward computes."""
    x = torch.linspace(low, high, points, dtype=torch.float64, requires_grad=True)
    y = eager.apply(spec, x, spec.defaults)
    (dy,) = torch.autograd.grad(y.sum(), x)
    return x.detach().numpy(), y.detach().numpy(), dy.numpy()


def plot_functions(specs: Sequence[Spec], output: Path, low: float = -5.0, high: float = 5.0):
    """Write a PNG with f on the left and f' on the right for every Spec (atomically: a failed
    write leaves nothing behind)."""
    if not (math.isfinite(low) and math.isfinite(high)):
        raise ParameterError(f"the x range must be finite, got [{low}, {high}]")
    if not low < high:
        raise ParameterError(f"the x range must have low < high, got [{low}, {high}]")
    output = Path(output)
    if output.suffix.lower() != ".png":
        raise ParameterError(f"the output {output} must be a .png file")
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2), constrained_layout=True)
    for spec in specs:
        x, y, dy = curves(spec, low, high)
        left.plot(x, y, label=spec.name)
        right.plot(x, dy, label=spec.name)
    for ax, title in ((left, "f(x)"), (right, "f'(x) (backward)")):
        style_axes(ax, title)
    left.legend(fontsize=8)
    image = io.BytesIO()
    fig.savefig(image, format="png", dpi=120)
    plt.close(fig)
    return atomic_write(output, image.getvalue())


def style_axes(ax, title: str) -> None:
    """Title, axis lines through the origin, a light grid and the x label."""
    ax.set_title(title)
    ax.axhline(0, color="0.7", lw=0.8)
    ax.axvline(0, color="0.7", lw=0.8)
    ax.grid(alpha=0.3)
    ax.set_xlabel("x")
