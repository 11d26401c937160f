"""Probes and surgery on the real all-MiniLM-L6-v2 (actlab[models]), on a few lines."""

import copy
from pathlib import Path

import pytest
import torch

from actlab.errors import ModelError
from actlab.probe import probe
from actlab.probe.minilm import batches, embeddings, fidelity, load_minilm, text_lines, tokens

TEXT = Path(__file__).parents[3] / "shared" / "data" / "tinyshakespeare.txt"
LINES = [
    "First Citizen:",
    "Before we proceed any further, hear me speak.",
    "You are all resolved rather to die than to famish?",
    "Resolved. resolved.",
    "First, you know Caius Marcius is chief enemy to the people.",
    "We know't, we know't.",
    "Let us kill him, and we'll have corn at our own price.",
    "Is't a verdict?",
]


@pytest.fixture(scope="module")
def minilm():
    try:
        return load_minilm()
    except ModelError as err:
        print(f"all-MiniLM-L6-v2 missing: {err}")
        pytest.skip(f"all-MiniLM-L6-v2 probes NOT tested ({err})")


def test_probe_sees_every_feed_forward_gelu(minilm):
    model, tokenizer = minilm
    report = probe(model, batches(tokenizer, LINES, size=4), mask=tokens)
    entries = {r["site"]: r["entry"] for r in report.records}
    ffn = [s for s in entries if s.endswith("intermediate.intermediate_act_fn")]
    assert len(ffn) == 6 and {entries[s] for s in ffn} == {"gelu"}
    assert entries["pooler.activation"] == "tanh"
    first = report.records[0]
    real_tokens = sum(int(b["attention_mask"].sum()) for b in batches(tokenizer, LINES, size=4))
    assert first["rows"] == real_tokens and first["units"] == 1536
    assert 0 < first["flat"] < 0.5 and first["massive_ratio"] > 10


def test_cats_thresholds_and_the_relu_swap_on_minilm(minilm):
    from actlab.surgery import swap, threshold

    model, tokenizer = minilm
    data = batches(tokenizer, LINES, size=4)
    dense = embeddings(model, data)
    found = threshold(model, data[:1], 0.4, method="cats", mask=tokens)
    try:
        assert found.measure(model, data[1:], mask=tokens) == pytest.approx(0.4, abs=0.06)
        assert fidelity(dense, embeddings(model, data)) > 0.9
    finally:
        found.remove()
    assert torch.allclose(embeddings(model, data), dense)
    relu = copy.deepcopy(model)
    assert len(swap(relu, "relu", where="*.intermediate.*", backend="native")) == 6
    assert fidelity(dense, embeddings(relu, data)) < fidelity(dense, dense) - 0.05


def test_text_lines_split_calibration_and_held_out(tmp_path):
    if TEXT.is_file():
        calibration, held_out = text_lines(TEXT, 4)
        assert calibration[0] == "First Citizen:" and len(held_out) == 4
    short = tmp_path / "short.txt"
    short.write_text("one\n\ntwo\n")
    with pytest.raises(ModelError, match="2 non-blank lines"):
        text_lines(short, 2)


def test_probe_command_on_minilm(minilm, tmp_path):
    from typer.testing import CliRunner

    from actlab.cli import app

    (tmp_path / "tinyshakespeare.txt").write_text("\n".join(LINES))
    args = [
        "probe",
        "minilm",
        "--lines",
        "4",
        "--data-dir",
        str(tmp_path),
        "--markdown",
        "--out",
        str(tmp_path / "sites.csv"),
        "--plot",
        str(tmp_path / "sites.png"),
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "| encoder.layer.5.intermediate.intermediate_act_fn | gelu | 1536 |" in result.output
    assert (tmp_path / "sites.csv").read_text().count("\n") == 8  # header and 7 sites
    assert (tmp_path / "sites.png").stat().st_size > 0
    bad = CliRunner().invoke(app, ["probe", "resnet"])
    assert bad.exit_code == 2 and "model is one of minilm, gpt" in bad.output
