"""Activation sparsity from scratch: the tinyshakespeare GPT of ``shakespeare_char``, trained the
same way, then measured inside. Validation loss; PPL-1% sparsity (the largest fraction of
feed-forward units that per-layer magnitude thresholds can zero while validation perplexity
rises at most 1%; Luo et al. 2024, arXiv:2411.02335); and the recall and precision of low-rank
predictors of the units active at those thresholds (Deja Vu / PowerInfer style), trained on
training-set activations and scored on validation tokens."""

from __future__ import annotations

from pathlib import Path

import torch
import torch.nn.functional as F

from actlab.bench.acts import ActChoice
from actlab.bench.task import Context, Metric, Outcome, Task
from actlab.bench.tasks import shakespeare_char as char
from actlab.probe import ProbeReport, ppl_sparsity, probe, train_predictors

P = 1.0  # tolerated perplexity rise, percent


def batches(tokens: torch.Tensor, config: char.Config, generator: torch.Generator, count: int):
    return [char.batch(tokens, config, generator) for _ in range(count)]


def run(model: str, act: ActChoice, config: char.Config, context: Context) -> Outcome:
    net, curves = char.train(act, config, context)
    net.eval()
    train, val, _ = char.corpus(char.data_file(context.data_dir))
    held_out = batches(val, config, context.generator(offset=1), config.eval_batches)
    fitting = batches(train, config, context.generator(offset=2), config.eval_batches)

    def forward(net, batch):
        return net(batch[0].to(context.device))

    def loss(logits, batch):
        return F.cross_entropy(logits.flatten(0, 1), batch[1].to(context.device).flatten())

    sparse = ppl_sparsity(net, held_out, loss, p=P, forward=forward)
    thresholds = {layer.site: layer.threshold for layer in sparse.layers}
    predictors = train_predictors(
        net,
        fitting,
        held_out,
        forward=forward,
        thresholds=thresholds,
        rank=max(8, config.width // 4),
        seed=context.seed,
    )
    recall = sum(p.recall for p in predictors) / len(predictors)
    precision = sum(p.precision for p in predictors) / len(predictors)
    return Outcome(
        {
            "val_loss": curves["val_loss"][-1][1],
            "ppl1_sparsity": sparse.sparsity,
            "predictor_recall": recall,
            "predictor_precision": precision,
        },
        curves,
    )


TASK = Task(
    name="shakespeare_sparsity",
    description="the shakespeare_char GPT, then PPL-1% sparsity and active-unit predictors",
    models=("gpt",),
    metrics=(
        Metric("val_loss", False, "validation cross-entropy, nats per character"),
        Metric("ppl1_sparsity", True, "fraction of feed-forward units zeroed at PPL-1%"),
        Metric("predictor_recall", True, "active units predicted, mean over layers"),
        Metric("predictor_precision", True, "predicted units active, mean over layers"),
    ),
    budgets=char.TASK.budgets,
    run=run,
    check=char.data_file,
    gated=True,
)


def probe_gpt(
    act: str, suite: str = "quick", seed: int = 0, data_dir: Path | None = None
) -> ProbeReport:
    """Train the shakespeare GPT of ``suite`` with ``act`` and probe it on validation batches
    (with gradient norms of the validation loss)."""
    config = TASK.budget(suite, "gpt")
    context = Context(seed, data_dir=data_dir)
    net, _ = char.train(ActChoice.of(act), config, context)
    net.eval()
    _, val, _ = char.corpus(char.data_file(data_dir))
    held_out = batches(val, config, context.generator(offset=1), config.eval_batches)
    return probe(
        net,
        held_out,
        forward=lambda net, batch: net(batch[0]),
        loss=lambda logits, batch: F.cross_entropy(logits.flatten(0, 1), batch[1].flatten()),
    )
