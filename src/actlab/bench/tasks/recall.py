"""Multi-query associative recall (MQAR, as in the Zoology benchmark, Arora et al. 2023,
arXiv:2312.04927): a sequence opens with key-value pairs, and later each of several keys
reappears, to be answered with its value. A 2-layer transformer is trained at length 64 and
evaluated at 64 to 1024 (length extrapolation): the same pairs and queries, more filler between
them, so more keys for attention to spread its weight over.

Each token is embedded with the embedding of the token before it (a width-2 causal mixing, the
short convolution of Zoology's models), so recall needs no position embedding and lengths beyond
training are not new positions. The filler token (0) between them is what longer sequences add:
keys that attention must learn to give no weight. The nonlinearity sits in the feed-forward
blocks, the normalizer (softmax unless chosen) in the attention. Accuracy is over the answers;
the attention probes are measured at the training length.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn

from actlab.bench.acts import ActChoice
from actlab.bench.models import PROBE_METRICS, Block, probe_metrics
from actlab.bench.task import Context, Metric, Outcome, Task
from actlab.bench.training import clipped_step, logging_steps

LENGTHS = (64, 128, 256, 512, 1024)
FILLER = 0


@dataclass(frozen=True)
class Config:
    steps: int
    pairs: int = 8
    keys: int = 64  # key tokens 1..keys, value tokens keys+1..2*keys
    width: int = 64
    heads: int = 2
    layers: int = 2
    batch_size: int = 32
    lr: float = 3e-3
    eval_batch: int = 32
    train_length: int = 64
    points: int = 10


def sequences(
    config: Config, length: int, count: int, generator: torch.Generator
) -> tuple[torch.Tensor, torch.Tensor]:
    """``count`` MQAR sequences of ``length`` tokens and their targets (-100: not scored).

    >>> x, y = sequences(Config(steps=1), 64, 2, torch.Generator().manual_seed(0))
    >>> x.shape, int((y >= 0).sum())
    (torch.Size([2, 64]), 16)
    """
    d = config.pairs
    keys = torch.rand(count, config.keys, generator=generator).argsort(-1)[:, :d] + 1
    values = torch.randint(config.keys + 1, 2 * config.keys + 1, (count, d), generator=generator)
    x = torch.full((count, length), FILLER)
    y = torch.full((count, length), -100)
    x[:, 0 : 2 * d : 2], x[:, 1 : 2 * d : 2] = keys, values
    slots = (length - 2 * d) // 2  # (query, answer) slots after the pairs
    chosen = torch.rand(count, slots, generator=generator).argsort(-1)[:, :d].sort(-1).values
    where = 2 * d + 2 * chosen
    order = torch.rand(count, d, generator=generator).argsort(-1)  # which key each query asks
    rows = torch.arange(count)[:, None]
    x[rows, where] = keys.gather(1, order)
    x[rows, where + 1] = values.gather(1, order)
    y[rows, where] = values.gather(1, order)
    return x, y


class RecallNet(nn.Module):
    """Token embeddings mixed with the previous token's, pre-norm blocks, a linear read-out."""

    def __init__(self, config: Config, act: ActChoice):
        super().__init__()
        vocab = 2 * config.keys + 1
        self.tokens = nn.Embedding(vocab, config.width)
        self.mix = nn.Linear(2 * config.width, config.width)
        self.blocks = nn.Sequential(
            *(
                Block(
                    config.width,
                    config.heads,
                    act.feed_forward,
                    act.attention,
                    dict(act.attention_params),
                )
                for _ in range(config.layers)
            )
        )
        self.norm = nn.LayerNorm(config.width)
        self.head = nn.Linear(config.width, vocab)

    def forward(self, idx: torch.Tensor) -> torch.Tensor:
        e = self.tokens(idx)
        previous = F.pad(e, (0, 0, 1, 0))[:, :-1]
        return self.head(self.norm(self.blocks(self.mix(torch.cat([e, previous], -1)))))


def run(model: str, act: ActChoice, config: Config, context: Context) -> Outcome:
    net = RecallNet(config, act).to(context.device)
    optimizer = torch.optim.AdamW(net.parameters(), lr=config.lr, weight_decay=0.01)
    generator = context.generator()
    log_at = logging_steps(config.steps, config.points)
    curves: dict[str, list[tuple[int, float]]] = {"train_loss": []}
    for step in range(1, config.steps + 1):
        for group in optimizer.param_groups:  # cosine decay after a 10% warm-up
            warm = min(1.0, step / max(1, config.steps // 10))
            group["lr"] = config.lr * warm * 0.5 * (1 + math.cos(math.pi * step / config.steps))
        x, y = (
            t.to(context.device)
            for t in sequences(config, config.train_length, config.batch_size, generator)
        )
        loss = F.cross_entropy(net(x).flatten(0, 1), y.flatten(), ignore_index=-100)
        value = clipped_step(net, optimizer, loss, step)
        if step in log_at:
            curves["train_loss"].append((step, value))
    metrics = {f"accuracy_{n}": accuracy(net, config, n, context) for n in LENGTHS}
    metrics["accuracy"] = sum(metrics.values()) / len(LENGTHS)
    probe_input = sequences(config, config.train_length, 4, context.generator(offset=2))[0]
    return Outcome({**metrics, **probe_metrics(net, probe_input.to(context.device))}, curves)


def accuracy(net: RecallNet, config: Config, length: int, context: Context) -> float:
    """Fraction of answers right on ``eval_batch`` fresh sequences of ``length`` tokens."""
    x, y = sequences(config, length, config.eval_batch, context.generator(offset=length))
    net.train(False)
    with torch.no_grad():
        guess = net(x.to(context.device)).argmax(-1).cpu()
    net.train()
    scored = y >= 0
    return float((guess[scored] == y[scored]).float().mean())


TASK = Task(
    name="recall",
    description="multi-query associative recall (MQAR), 8 pairs; trained at length 64, "
    "evaluated at 64 to 1024",
    models=("transformer",),
    metrics=(
        Metric("accuracy", True, "answers right, mean over the five lengths"),
        *(Metric(f"accuracy_{n}", True, f"answers right at length {n}") for n in LENGTHS),
        *PROBE_METRICS,
    ),
    budgets={
        "quick": {"transformer": Config(steps=300, eval_batch=16)},
        "standard": {"transformer": Config(steps=1000, eval_batch=64)},
        "full": {"transformer": Config(steps=5000, width=128, batch_size=64, eval_batch=256)},
    },
    run=run,
    gated=True,
    attention=True,
)
