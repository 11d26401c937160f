"""Matplotlib figures of a report, returned as base64 PNG for embedding."""

from __future__ import annotations

import base64
import functools
import io
import math
from collections.abc import Callable
from typing import TypeVar

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import torch  # noqa: E402

from actlab.bench.acts import ActChoice  # noqa: E402
from actlab.bench.report.data import Board  # noqa: E402
from actlab.plot import style_axes  # noqa: E402

F = TypeVar("F", bound=Callable[..., object])


def _literal_text(figure: F) -> F:
    """Draw with text taken literally: a stored name such as ``$x$`` is not mathtext."""

    @functools.wraps(figure)
    def draw(*args, **kwargs):
        with plt.rc_context({"text.parse_math": False}):
            return figure(*args, **kwargs)

    return draw  # type: ignore[return-value]


def _png(fig) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=90)
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


@_literal_text
def leaderboard(board: Board, baseline: str) -> str:
    """Means with 95% Student-t intervals, best at the top; means without an interval (below 3
    seeds) as open circles, published numbers as diamonds."""
    rows = board.rows[::-1]
    fig, ax = plt.subplots(figsize=(6.4, 0.9 + 0.32 * len(rows)), constrained_layout=True)
    for i, row in enumerate(rows):
        s = row.summary
        color = "0.45" if row.act == baseline else "C0"
        if s.has_interval:
            ax.errorbar(s.mean, i, xerr=[[s.mean - s.low], [s.high - s.mean]], fmt="o",
                        color=color, capsize=3)
        else:
            ax.plot(s.mean, i, "o", color=color, mfc="white", label="mean only (too few seeds)")
        if row.published:
            ax.plot(row.published.value, i, "D", color="C3", label="published")
    ax.set_yticks(range(len(rows)), [r.act for r in rows])
    ax.set_xlabel(f"{board.metric.name} ({'higher' if board.metric.higher_is_better else 'lower'}"
                  " is better)")
    ax.grid(axis="x", alpha=0.3)
    handles, labels = ax.get_legend_handles_labels()
    if labels:
        unique = dict(zip(labels, handles))
        ax.legend(unique.values(), unique.keys(), loc="best", fontsize=8)
    return _png(fig)


@_literal_text
def curves(board: Board) -> str | None:
    """Mean learning curves over seeds, one panel per curve family."""
    families = [f for f in board.curves if board.curves[f]]
    if not families:
        return None
    fig, axes = plt.subplots(1, len(families), figsize=(4.6 * len(families), 3.4),
                             constrained_layout=True, squeeze=False)
    for ax, family in zip(axes[0], families):
        for act, (steps, values) in sorted(board.curves[family].items()):
            ax.plot(steps, values, label=act, lw=1.3)
        if "loss" in family and all(v > 0 for _, vs in board.curves[family].values() for v in vs):
            ax.set_yscale("log")
        ax.set_title(family)
        ax.set_xlabel("step")
        ax.grid(alpha=0.3)
    axes[0][0].legend(fontsize=7)
    return _png(fig)


@_literal_text
def shapes(acts: dict[str, ActChoice], low: float = -5.0, high: float = 5.0) -> str | None:
    """Each elementwise nonlinearity (with its benchmarked parameters) and its derivative; gated
    blocks are not functions of one variable and are left out."""
    acts = {label: choice for label, choice in acts.items() if not choice.gated}
    if not acts:
        return None
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4), constrained_layout=True)
    x = torch.linspace(low, high, 801, requires_grad=True)
    for label, choice in sorted(acts.items()):
        y = choice()(x)
        (dy,) = torch.autograd.grad(y.sum(), x)
        left.plot(x.detach(), y.detach(), label=label, lw=1.3)
        right.plot(x.detach(), dy, label=label, lw=1.3)
    for ax, title in ((left, "f(x)"), (right, "f'(x)")):
        style_axes(ax, title)
        finite_range(ax)
    left.legend(fontsize=8)
    return _png(fig)


def finite_range(ax) -> None:
    """Clip the y axis to a readable range when a curve explodes."""
    low, high = ax.get_ylim()
    if not (math.isfinite(low) and math.isfinite(high)) or high - low > 100:
        ax.set_ylim(-10, 10)
