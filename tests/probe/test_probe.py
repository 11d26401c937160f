"""Probes against hand-computed values on small models."""

import math

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from actlab.errors import ModelError, ParameterError
from actlab.nn import Activation, FeedForward
from actlab.probe import Options, cett, ppl_sparsity, probe, train_predictors
from actlab.probe.sparsity import threshold_for


class Identity(nn.Module):
    """y = relu(x): a ReLU layer whose pre-activations are the inputs themselves."""

    def __init__(self, act: nn.Module | None = None):
        super().__init__()
        self.act = act or nn.ReLU()

    def forward(self, x):
        return self.act(x)


class Functional(nn.Module):
    def forward(self, x):
        return torch.tanh(F.gelu(x))


X = torch.tensor([[1.0, -1.0, 2.0, 0.005], [-3.0, -4.0, 0.5, 6.0]])


def test_relu_counts_match_hand_values():
    record = probe(Identity(), [X], options=Options(eps=0.01, top=0.25, tau=0.1)).records[0]
    # h = [[1, 0, 2, 0.005], [0, 0, 0.5, 6]]: 3 zeros of 8, 4 entries below 0.01
    assert record["zeros"] == pytest.approx(3 / 8)
    assert record["fat_eps"] == pytest.approx(4 / 8)
    # top 25% = the largest unit of 4: 2 / 3.005 and 6 / 6.5
    assert record["top_mass"] == pytest.approx((2 / 3.005 + 6 / 6.5) / 2)
    # unit 1 never fires; ReDo scores: E|h| = (0.5, 0, 1.25, 3.0025) / mean 1.188...
    assert record["dead_units"] == 1
    assert record["dormant_units"] == 1
    # relu' = 0 at the three negative inputs
    assert record["flat"] == pytest.approx(3 / 8)
    h = X.relu().double()
    assert record["variance"] == pytest.approx(h.var(unbiased=False).item())
    central = h - h.mean()
    kurtosis = (central**4).mean() / (central**2).mean() ** 2 - 3
    assert record["kurtosis"] == pytest.approx(kurtosis.item())


def test_dormant_score_by_tau():
    units = probe(Identity(), [X]).units["act"]
    means = [0.5, 0.0, 1.25, 3.0025]
    assert [u["tau_score"] for u in units] == pytest.approx([m / (sum(means) / 4) for m in means])


def test_functional_calls_are_sites_with_flat_occupancy():
    x = torch.tensor([[-12.0, -11.0, 1.0, 2.0]])
    report = probe(Functional(), [x])
    sites = {r["site"]: r for r in report.records}
    assert set(sites) == {":gelu#0", ":tanh#0"}
    # gelu'(x) = Phi(x) + x phi(x): ~1e-30 far left, > 1 on the right
    assert sites[":gelu#0"]["flat"] == pytest.approx(0.5)
    # tanh' at gelu(x) in {~0, ~0, 0.84, 1.95}: 1 - tanh^2 < 0.01 nowhere
    assert sites[":tanh#0"]["flat"] == 0.0


def test_planted_massive_activation_is_found_where_it_is():
    torch.manual_seed(0)
    x = torch.rand(2, 16, 32) + 0.5  # (batch, tokens, channels), |h| in [0.5, 1.5]
    x[1, 7, 3] = 1e4
    record = probe(Identity(), [x]).records[0]
    assert record["max_abs"] == pytest.approx(1e4)
    assert record["max_at"] == "batch 0 row 1 position 7 unit 3"
    assert 5e3 < record["massive_ratio"] < 2e4


def test_gradient_norm_at_each_site():
    # loss = sum(h): dL/dh = 1 everywhere, so the gradient norm is sqrt(elements) per batch
    linear = nn.Linear(4, 4)
    net = nn.Sequential(linear, Activation("gelu", backend="eager"))
    report = probe(net, [X, X], loss=lambda out, batch: out.sum())
    assert report.records[0]["grad_norm"] == pytest.approx(math.sqrt(8))


def test_padding_mask_leaves_tokens_out():
    x = torch.tensor([[[1.0, 2.0], [-1.0, -1.0]]])  # one sequence, the second token padding
    record = probe(Identity(), [x], mask=lambda b: torch.tensor([[True, False]])).records[0]
    assert record["rows"] == 1 and record["zeros"] == 0.0


def test_gated_feed_forward_site_is_the_product(no_compile):
    ff = FeedForward(4, hidden=6, act="swiglu")
    report = probe(ff, [torch.randn(3, 4)])
    assert [(r["site"], r["kind"], r["units"]) for r in report.records] == [("", "gated", 6)]


def test_cett_with_a_consumer_layer():
    h = torch.tensor([[1.0, 2.0]])
    down = torch.tensor([[3.0, 0.0], [0.0, 1.0]])
    # magnitudes |h_i| ||W_i|| = (3, 2): threshold 2.5 drops unit 1, W h = (3, 2)
    assert cett(h, 2.5, down) == pytest.approx(2 / math.sqrt(13))
    assert cett(h, 2.5, down) <= cett(h, 3.5, down) == pytest.approx(1.0)
    assert cett(h, threshold_for(h, 0.5, down), down) <= 0.5


def test_ppl_sparsity_keeps_the_loss_within_p_percent():
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(6, 32), nn.ReLU(), nn.Linear(32, 3))
    x = torch.randn(256, 6)
    y = net(x).argmax(1).detach()  # a task the net solves: zeroing units costs loss
    batches = [(x, y)]
    found = ppl_sparsity(
        net,
        batches,
        lambda out, b: F.cross_entropy(out, b[1]),
        p=5,
        forward=lambda m, b: m(b[0]),
        steps=8,
    )
    assert found.loss <= found.base_loss + math.log1p(0.05) + 1e-9
    assert found.sparsity >= 0.5  # at least the ReLU's own zeros
    with pytest.raises(ParameterError):
        ppl_sparsity(net, batches, lambda out, b: F.cross_entropy(out, b[1]), p=0)


def test_predictor_recall_on_relu():
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 8))
    data = [torch.randn(256, 8) for _ in range(2)]
    [result] = train_predictors(net, data[:1], data[1:], rank=8, steps=150)
    assert result.recall > 0.9 and result.precision > 0.9
    assert 0.3 < result.active < 0.7


def test_no_sites_and_nan_loss_are_clear_errors():
    with pytest.raises(ModelError, match="no activation sites"):
        probe(nn.Linear(2, 2), [torch.randn(1, 2)])
    with pytest.raises(ModelError, match="finite loss"):
        probe(Identity(), [X], loss=lambda out, b: out.sum() * math.nan)


def test_records_save_as_csv_and_json_and_plot(tmp_path):
    from actlab.probe.figures import plot_report

    report = probe(Functional(), [X])
    assert plot_report(report, tmp_path / "p.png").read_bytes()[:4] == b"\x89PNG"
    assert report.save(tmp_path / "r.csv").read_text().startswith("site,kind,entry")
    assert '"units"' in report.save(tmp_path / "r.json").read_text()
    with pytest.raises(ModelError):
        report.save(tmp_path / "r.txt")
