"""The attention normalizers: each passes its verification; bad input gives one clear error."""

from __future__ import annotations

import pytest
import torch

from actlab.attention import attend, attention_weights, lookup, normalizers
from actlab.attention.checks import SIZES, check_normalizer
from actlab.errors import ParameterError, UnknownNameError
from actlab.nn import Attention
from actlab.probe import attention_probes

NAMES = [rule.name for rule in normalizers()]


def test_the_registry_covers_the_issue():
    wanted = {
        "softmax",
        "softmax1",
        "ssmax",
        "sigmoid",
        "relu_l",
        "relu2_l",
        "softplus_l1",
        "softpick",
        "power_softmax",
        "sparsemax",
        "entmax",
        "stick_breaking",
    }
    assert wanted <= set(NAMES)
    for rule in normalizers():
        assert rule.citation is not None and rule.rule


@pytest.mark.parametrize("name", NAMES)
def test_every_normalizer_passes_its_checks_at_small_sizes(name):
    failures = [
        (check, detail)
        for check, ok, detail in check_normalizer(lookup(name), (1, 7, 65))
        if ok is False
    ]
    assert not failures


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_every_normalizer_passes_its_checks_at_full_sizes(name):
    failures = [
        (check, detail)
        for check, ok, detail in check_normalizer(lookup(name), SIZES)
        if ok is False
    ]
    assert not failures


def test_catalog_entries_are_elementwise_normalizers_with_their_derivative():
    q, k, v = (torch.randn(1, 9, 4, dtype=torch.float64, requires_grad=True) for _ in range(3))
    assert torch.autograd.gradcheck(
        lambda q, k, v: attend(q, k, v, "gelu", causal=True, chunk=4), (q, k, v)
    )
    w = attention_weights(q, k, "gelu")
    x = q @ k.transpose(-1, -2) / 2
    assert torch.allclose(w, torch.nn.functional.gelu(x))


def test_a_fully_masked_row_gives_zeros_for_every_normalizer():
    q = k = v = torch.randn(1, 4, 8)
    mask = torch.ones(4, 4, dtype=torch.bool)
    mask[2] = False
    for name in NAMES:
        causal = name == "stick_breaking"
        out = attend(q, k, v, name, mask=mask, causal=causal, implementation="chunked")
        assert torch.isfinite(out).all() and (out[0, 2] == 0).all(), name


def test_low_precision_and_auto_paths_agree_with_the_reference():
    q, k, v = (torch.randn(2, 3, 40, 16) for _ in range(3))
    reference = attend(q.double(), k.double(), v.double(), "softpick", causal=True)
    half = attend(q.bfloat16(), k.bfloat16(), v.bfloat16(), "softpick", causal=True)
    assert half.dtype == torch.bfloat16
    assert (half.double() - reference).abs().max() < 0.05
    fused = attend(q, k, v, "softmax", causal=True)  # scaled_dot_product_attention
    chunked = attend(q, k, v, "softmax", causal=True, implementation="chunked", chunk=7)
    assert torch.allclose(fused, chunked, atol=1e-5)


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda q: attend(q, q[..., :3, :], q), "same length"),
        (lambda q: attend(q, q[..., :5], q), "same feature size"),
        (lambda q: attend(q, q.double(), q), "dtypes differ"),
        (lambda q: attend(q[..., :0, :], q, q), "empty sequence"),
        (lambda q: attend(q, q, q, mask=torch.ones(3, 7, dtype=torch.bool)), "does not broadcast"),
        (lambda q: attend(q, q, q, mask=torch.ones(6, 6)), "boolean"),
        (lambda q: attend(q, q, q, "entmax", params={"alpha": 0.5}), "out of range"),
        (lambda q: attend(q, q, q, "sparsemax", params={"beta": 1}), "no parameter 'beta'"),
        (lambda q: attend(q, q, q, "stick_breaking"), "causal=True"),
        (lambda q: attend(q, q, q, "softmax", params={}, chunk=0), "chunk"),
        (
            lambda q: attend(q, q, q, "ssmax", params={"s": torch.tensor(1.0, requires_grad=True)}),
            "not learnable",
        ),
    ],
)
def test_bad_input_raises_one_clear_error(call, words):
    with pytest.raises(ParameterError, match=words):
        call(torch.randn(2, 6, 8))


def test_unknown_names_list_close_matches():
    with pytest.raises(UnknownNameError, match="softmax1"):
        attend(*(torch.randn(3, 4) for _ in range(3)), "softmax_1")


def test_attention_module_learns_alpha_and_probes_see_sparsity():
    torch.manual_seed(0)
    layer = Attention(16, 2, "entmax", causal=True, learnable=True)
    out = layer(torch.randn(2, 10, 16))
    out.square().sum().backward()
    assert layer.alpha.grad is not None and torch.isfinite(layer.alpha.grad)
    sparse = attention_probes(
        torch.nn.Sequential(Attention(16, 2, "sparsemax")), torch.randn(2, 30, 16) * 4
    ).summary()
    dense = attention_probes(
        torch.nn.Sequential(Attention(16, 2, "softmax", causal=True)), torch.randn(2, 30, 16)
    ).summary()
    assert sparse["zero_fraction"] > 0.2 and dense["zero_fraction"] == 0
    assert 0 < dense["entropy"] < torch.log(torch.tensor(30.0))
    assert 0 < dense["max_weight"] <= 1 and dense["kurtosis"] > 1
