"""Character-level language modelling of tinyshakespeare with a small pre-norm GPT; the
nonlinearity sits in each feed-forward block, the attention normalizer (softmax unless chosen)
in each attention. Validation loss in nats and bits per character, and the attention probes.

Gated blocks (``swiglu``, ``geglu``, ``reglu``...) replace the whole feed-forward block at the
hidden width 2/3 * 4 * width, which keeps the plain block's parameter count (Shazeer 2020)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

from actlab.bench.acts import ActChoice
from actlab.bench.data import locate
from actlab.bench.models import GPT, PROBE_METRICS, probe_metrics
from actlab.bench.task import Context, Curves, Metric, Outcome, Published, Task
from actlab.bench.training import clipped_step, logging_steps
from actlab.errors import DataError

FILENAME = "tinyshakespeare.txt"
URL = "https://raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt"


@dataclass(frozen=True)
class Config:
    layers: int
    heads: int
    width: int
    context: int
    batch_size: int
    steps: int
    lr: float = 1e-3
    min_lr: float = 1e-4
    warmup: int = 100
    weight_decay: float = 0.1
    eval_batches: int = 20
    points: int = 50


@cache
def corpus(path: Path) -> tuple[torch.Tensor, torch.Tensor, int]:
    """Train and validation token streams (90/10 split) and the vocabulary size."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise DataError(f"cannot read {path}: {err}") from None
    if len(text) < 10_000:
        raise DataError(f"{path} holds {len(text)} characters; expected tinyshakespeare (~1.1M)")
    vocab = sorted(set(text))
    lookup = np.zeros(max(map(ord, vocab)) + 1, dtype=np.int64)
    lookup[[ord(c) for c in vocab]] = np.arange(len(vocab))
    tokens = torch.from_numpy(lookup[np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)])
    split = int(0.9 * len(tokens))
    return tokens[:split], tokens[split:], len(vocab)


def batch(tokens: torch.Tensor, config: Config, generator: torch.Generator):
    starts = torch.randint(len(tokens) - config.context - 1, (config.batch_size,),
                           generator=generator)
    rows = starts[:, None] + torch.arange(config.context + 1)
    window = tokens[rows]
    return window[:, :-1], window[:, 1:]


def learning_rate(step: int, config: Config) -> float:
    """Linear warm-up, then cosine decay to ``min_lr`` at the last step (nanoGPT's schedule)."""
    if step <= config.warmup:
        return config.lr * step / config.warmup
    progress = (step - config.warmup) / max(1, config.steps - config.warmup)
    return config.min_lr + 0.5 * (1 + math.cos(math.pi * progress)) * (config.lr - config.min_lr)


def data_file(data_dir: Path | None) -> Path:
    """tinyshakespeare.txt from the data directories, else downloaded, else a DataError."""
    return locate(FILENAME, data_dir, URL)


def run(model: str, act: ActChoice, config: Config, context: Context) -> Outcome:
    net, curves = train(act, config, context)
    val_loss = curves["val_loss"][-1][1]
    _, val, _ = corpus(data_file(context.data_dir))
    probes = probe_metrics(net, batch(val, config, context.generator(offset=2))[0][:4]
                           .to(context.device))
    return Outcome({"val_loss": val_loss, "val_bpc": val_loss / math.log(2),
                    "train_loss": curves["train_loss"][-1][1], **probes}, curves)


def train(act: ActChoice, config: Config, context: Context) -> tuple[GPT, Curves]:
    """A GPT with ``act`` in its feed-forward blocks, trained; its loss curves."""
    train_tokens, val, vocab = corpus(data_file(context.data_dir))
    net = GPT(vocab, config.context, config.layers, config.heads, config.width,
              act.feed_forward, act.attention, dict(act.attention_params))
    net.to(context.device)
    decay = [p for p in net.parameters() if p.dim() >= 2]
    rest = [p for p in net.parameters() if p.dim() < 2]
    optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": config.weight_decay},
                                   {"params": rest, "weight_decay": 0.0}],
                                  lr=config.lr, betas=(0.9, 0.99))
    generator = context.generator()
    log_at = logging_steps(config.steps, config.points)
    curves: Curves = {"train_loss": [], "val_loss": []}
    for step in range(1, config.steps + 1):
        for group in optimizer.param_groups:
            group["lr"] = learning_rate(step, config)
        x, y = (t.to(context.device) for t in batch(train_tokens, config, generator))
        loss = F.cross_entropy(net(x).flatten(0, 1), y.flatten())
        value = clipped_step(net, optimizer, loss, step)
        if step in log_at:
            curves["train_loss"].append((step, value))
            curves["val_loss"].append((step, evaluate(net, val, config, context)))
    return net, curves


def evaluate(net: GPT, tokens: torch.Tensor, config: Config, context: Context) -> float:
    """Mean loss on ``eval_batches`` validation batches, the same batches at every evaluation."""
    generator = context.generator(offset=1)
    net.train(False)
    with torch.no_grad():
        losses = []
        for _ in range(config.eval_batches):
            x, y = (t.to(context.device) for t in batch(tokens, config, generator))
            losses.append(F.cross_entropy(net(x).flatten(0, 1), y.flatten()).item())
    net.train()
    return sum(losses) / len(losses)


def _budget(**sizes) -> dict[str, Config]:
    return {"gpt": Config(**sizes)}


NANOGPT = "nanoGPT shakespeare_char on CPU (Karpathy, github.com/karpathy/nanoGPT README)"

TASK = Task(
    name="shakespeare_char",
    description="tinyshakespeare, character level, pre-norm GPT (90/10 split)",
    models=("gpt",),
    metrics=(Metric("val_loss", False, "validation cross-entropy, nats per character"),
             Metric("val_bpc", False, "validation bits per character"),
             Metric("train_loss", False), *PROBE_METRICS),
    budgets={
        "quick": _budget(layers=2, heads=2, width=64, context=32, batch_size=8, steps=150,
                         warmup=20, eval_batches=8, points=10),
        "standard": _budget(layers=4, heads=4, width=128, context=64, batch_size=12, steps=2000,
                            points=20),
        "full": _budget(layers=6, heads=6, width=384, context=256, batch_size=64, steps=5000,
                        points=25),
    },
    run=run,
    check=data_file,
    gated=True,
    attention=True,
    published=(Published("gpt", "gelu", "val_loss", 1.88,
                         "4 layers, 4 heads, width 128, context 64, batch 12, 2000 iterations",
                         NANOGPT),),
)
