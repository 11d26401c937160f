"""Surgery on small models: swaps (modules, functional calls, transformers and timm modules),
thresholds, ReLUfication and their errors."""

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from actlab.errors import ModelError, ParameterError, UnknownNameError
from actlab.nn import Activation
from actlab.probe import probe
from actlab.surgery import relufy, swap, threshold


class Calls(nn.Module):
    """Two functional activations inside forward."""

    def __init__(self):
        super().__init__()
        self.up, self.down = nn.Linear(4, 8), nn.Linear(8, 4)

    def forward(self, x):
        return torch.tanh(self.down(F.gelu(self.up(x))))


def mlp() -> nn.Sequential:
    return nn.Sequential(nn.Linear(4, 8), nn.GELU(), nn.Linear(8, 8), nn.SiLU(), nn.Linear(8, 2))


def test_swap_by_type_name_and_predicate():
    net = mlp()
    assert [c.site for c in swap(net, "relu", where=nn.GELU, backend="native")] == ["1"]
    assert [c.site for c in swap(net, "tanh", where="silu", backend="native")] == ["3"]
    x = torch.randn(5, 4)
    expected = net[4](torch.tanh(net[2](torch.relu(net[0](x)))))
    assert torch.allclose(net(x), expected)
    changes = swap(net, nn.ELU(), where=lambda site: site.name == "1")
    assert (changes[0].before, changes[0].after) == ("relu", "ELU")


def test_swap_functional_calls_found_by_running_an_example():
    torch.manual_seed(0)
    net, x = Calls(), torch.randn(3, 4)
    changes = swap(net, "relu", where="gelu", example=x, backend="native")
    assert [(c.site, c.kind, c.before, c.module) for c in changes] == [
        (":gelu#0", "function", "gelu", "swapped_gelu_0")
    ]
    assert torch.allclose(net(x), torch.tanh(net.down(torch.relu(net.up(x)))))
    # a probe now sees the replacing ReLU module, and the tanh call
    sites = {r["site"]: r["entry"] for r in probe(net, [x]).records}
    assert sites == {"swapped_gelu_0": "relu", ":tanh#0": "tanh"}


def test_swap_never_leaves_a_model_half_changed():
    net = mlp()
    made = []

    def flaky():
        if made:
            raise RuntimeError("out of modules")
        made.append(1)
        return nn.ReLU()

    with pytest.raises(ModelError, match="unchanged"):
        swap(net, flaky)
    assert [type(m).__name__ for m in net] == ["Linear", "GELU", "Linear", "SiLU", "Linear"]
    with pytest.raises(ModelError, match="no activation site matches"):
        swap(net, "relu", where="*.nothing")
    with pytest.raises(UnknownNameError):
        swap(net, "not_an_activation")
    assert [type(m).__name__ for m in net] == ["Linear", "GELU", "Linear", "SiLU", "Linear"]


def test_swap_in_a_transformers_model():
    transformers = pytest.importorskip("transformers")
    config = transformers.BertConfig(
        vocab_size=50,
        hidden_size=16,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=32,
    )
    model = transformers.BertModel(config).eval()
    ids = torch.randint(0, 50, (2, 5))
    before = {r["site"]: r["entry"] for r in probe(model, [{"input_ids": ids}]).records}
    assert before["encoder.layer.0.intermediate.intermediate_act_fn"] == "gelu"
    changes = swap(model, "relu", where="*.intermediate.*", backend="native")
    assert [c.before for c in changes] == ["GELUActivation", "GELUActivation"]
    after = probe(model, [{"input_ids": ids}]).records[0]
    assert after["entry"] == "relu" and after["zeros"] > 0.2


def test_timm_activation_modules_are_known_by_name():
    # timm does not import without torchvision; its modules are recognized by package and name
    Swish = type(
        "Swish",
        (nn.Module,),
        {"__module__": "timm.layers.activations", "forward": lambda self, x: F.silu(x)},
    )
    net = nn.Sequential(nn.Linear(3, 3), Swish())
    assert probe(net, [torch.randn(2, 3)]).records[0]["entry"] == "silu"
    assert swap(net, "relu", backend="native")[0].before == "Swish"


@pytest.mark.parametrize("method", ["teal", "cats"])
def test_thresholds_reach_the_target_on_held_out_data(method):
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(8, 64), nn.GELU(), nn.Linear(64, 8), nn.GELU(), nn.Linear(8, 2))
    calibration = [torch.randn(256, 8) for _ in range(4)]
    held_out = [torch.randn(256, 8) for _ in range(4)]
    dense = net(held_out[0])
    found = threshold(net, calibration, 0.4, method=method)
    assert set(found.values) == ({"0", "2", "4"} if method == "teal" else {"1", "3"})
    assert found.measure(net, held_out) == pytest.approx(0.4, abs=0.02)
    found.remove()
    assert torch.equal(net(held_out[0]), dense)


def test_threshold_errors():
    net = mlp()
    data = [torch.randn(4, 4)]
    for bad in (0.0, 1.0, 1.5):
        with pytest.raises(ParameterError, match=r"\(0, 1\)"):
            threshold(net, data, bad)
    with pytest.raises(ModelError, match="calibration batch 0 does not fit"):
        threshold(net, [torch.randn(4, 7)], 0.5)
    with pytest.raises(ParameterError):
        threshold(net, data, 0.5, method="magic")


def test_relufy_recovers_and_shifts_the_threshold():
    torch.manual_seed(0)
    teacher = nn.Sequential(nn.Linear(4, 32), nn.GELU(), nn.Linear(32, 1))
    student = nn.Sequential(nn.Linear(4, 32), nn.GELU(), nn.Linear(32, 1))
    student.load_state_dict(teacher.state_dict())
    data = [(x, teacher(x).detach()) for x in torch.randn(4, 64, 4)]
    result = relufy(
        student,
        data,
        lambda out, b: ((out - b[1]) ** 2).mean(),
        steps=60,
        lr=3e-3,
        l1=1e-3,
        shift=0.05,
        forward=lambda m, b: m(b[0]),
        backend="native",
    )
    assert result.losses[-1] < result.losses[0]
    assert isinstance(student[1], Activation) and student[1].spec.name == "threshold"
    with pytest.raises(ModelError, match="finite"):
        relufy(
            mlp(),
            data,
            lambda out, b: out.sum() * float("nan"),
            steps=1,
            forward=lambda m, b: m(b[0]),
            backend="native",
        )
