import pytest
import torch
import torch.nn.functional as F

from actlab.errors import DeviceError, ForwardError, ParameterError, UnknownNameError
from actlab.nn import FeedForward
from actlab.nn.feedforward import BLOCKS, gated_product


@pytest.mark.parametrize("block", sorted(BLOCKS))
def test_gated_product_gradcheck_for_every_block(block):
    gate, up = BLOCKS[block]
    torch.manual_seed(0)
    gate_up = torch.randn(3, 8, dtype=torch.float64, requires_grad=True)
    params = {"alpha": torch.tensor(0.3, dtype=torch.float64, requires_grad=True)} \
        if block.startswith("x") else {}
    assert torch.autograd.gradcheck(
        lambda t, *p: gated_product(t, gate, dict(zip(params, p)), up), (gate_up, *params.values()))


@pytest.mark.parametrize(("block", "reference"), [
    ("swiglu", lambda g, u: F.silu(g) * u),
    ("geglu", lambda g, u: F.gelu(g) * u),
    ("reglu", lambda g, u: F.relu(g) * u),
    ("glu", lambda g, u: torch.sigmoid(g) * u),
    ("bilinear", lambda g, u: g * u),
    ("drelu", lambda g, u: F.relu(g) * F.relu(u)),
])
def test_fused_product_matches_torch(block, reference, compiled_kernels):
    gate_up = torch.randn(4, 6, 10, requires_grad=True)
    grad = torch.randn(4, 6, 5)
    fused = gated_product(gate_up, *BLOCKS[block][:1], up=BLOCKS[block][1])
    plain = reference(*gate_up.chunk(2, -1))
    torch.testing.assert_close(fused, plain)
    torch.testing.assert_close(torch.autograd.grad(fused, gate_up, grad)[0],
                               torch.autograd.grad(plain, gate_up, grad)[0])


def test_any_catalog_entry_can_gate():
    block = FeedForward(8, act="mish", gated=True)
    assert block.gated and block.hidden == 22 and block.proj_in.out_features == 44
    x = torch.randn(2, 8)
    h = block.proj_in(x)
    g, u = h.chunk(2, -1)
    torch.testing.assert_close(block(x), block.proj_out(F.mish(g) * u))


def test_hidden_sizes_and_plain_blocks():
    assert FeedForward(12).hidden == 32  # 2/3 * 4 * 12
    plain = FeedForward(12, act="gelu")
    assert not plain.gated and plain.hidden == 48
    x = torch.randn(3, 12)
    torch.testing.assert_close(plain(x), plain.proj_out(F.gelu(plain.proj_in(x))))
    assert FeedForward(12, hidden=20, act="geglu", bias=True).proj_in.bias.shape == (40,)


def test_expanded_gate_alpha_is_learned_and_round_trips():
    block = FeedForward(8, act="xswiglu", alpha=0.2)
    assert [n for n, _ in block.named_parameters()] == ["act.alpha", "proj_in.weight",
                                                        "proj_out.weight"]
    block(torch.randn(5, 8)).square().sum().backward()
    assert block.act.alpha.grad is not None and block.act.alpha.grad != 0
    copy = FeedForward(8, act="xswiglu")
    copy.load_state_dict(block.state_dict())
    assert copy.act.alpha.item() == pytest.approx(0.2)


def test_bad_configurations_raise_clear_errors():
    with pytest.raises(UnknownNameError, match="Did you mean"):
        FeedForward(8, act="swigluu")
    with pytest.raises(ParameterError, match="gated block"):
        FeedForward(8, act="swiglu", gated=False)
    with pytest.raises(ParameterError, match="no parameters"):
        FeedForward(8, act="bilinear", alpha=1.0)
    with pytest.raises(ParameterError, match="even"):
        gated_product(torch.randn(2, 3))


def test_whole_module_pickles_with_torch_save(tmp_path):
    block = FeedForward(8, act="xgeglu", alpha=0.1)
    torch.save(block, tmp_path / "block.pt")
    loaded = torch.load(tmp_path / "block.pt", weights_only=False)
    x = torch.randn(3, 8)
    torch.testing.assert_close(loaded(x), block(x))


def test_a_failure_in_forward_names_block_backend_and_input():
    with pytest.raises(ForwardError) as caught:
        FeedForward(8)(torch.randn(2, 5, 8, dtype=torch.float64))
    assert str(caught.value).startswith("swiglu (backend fused) failed on an input of shape "
                                        "(2, 5, 8), dtype torch.float64, device cpu:")
    assert isinstance(caught.value.__cause__, RuntimeError)


@pytest.mark.parametrize(("act", "fallback"), [("geglu", "actlab.get('gelu', backend='eager')"),
                                               ("bilinear", "nn.Linear layers")])
def test_a_device_type_without_kernels_names_the_supported_ones(act, fallback):
    block = FeedForward(8, act=act).to("meta")
    with pytest.raises(DeviceError, match="'meta'.*cpu") as caught:
        block(torch.randn(3, 8, device="meta"))
    assert fallback in str(caught.value)
