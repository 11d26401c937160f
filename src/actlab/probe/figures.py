"""A probe report as a picture: sparsity per site, and histograms of each site's inputs."""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from actlab.files import atomic_write  # noqa: E402
from actlab.probe.measure import ProbeReport  # noqa: E402


def plot_report(report: ProbeReport, output: Path, histograms: int = 6) -> Path:
    """Write a PNG: zeros, FAT-eps and flat fractions per site (left), and histograms of the
    pre-activations of up to ``histograms`` sites (right)."""
    names = [r["site"] for r in report.records]
    fig, (bars, hist) = plt.subplots(1, 2, figsize=(12, 4.5), constrained_layout=True)
    width = 0.27
    for k, key in enumerate(("zeros", "fat_eps", "flat")):
        values = [r[key] or 0.0 for r in report.records]
        bars.bar([i + (k - 1) * width for i in range(len(names))], values, width, label=key)
    bars.set_xticks(
        range(len(names)), [_short(n) for n in names], rotation=45, ha="right", fontsize=7
    )
    bars.set_ylabel("fraction of entries")
    bars.set_title("sparsity per site")
    bars.legend(fontsize=8)
    for name in names[:histograms]:
        inputs = report.samples[name][0]
        if inputs.numel():
            hist.hist(inputs.numpy(), bins=120, histtype="step", density=True, label=_short(name))
    hist.set_yscale("log")
    hist.set_title("pre-activations (sampled)")
    hist.set_xlabel("x")
    hist.legend(fontsize=7)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110)
    plt.close(fig)
    return atomic_write(Path(output), buffer.getvalue())


def _short(name: str, keep: int = 28) -> str:
    return name if len(name) <= keep else "..." + name[-keep + 3 :]
