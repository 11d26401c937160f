"""The fused path: optimized forms, one-pass kernels and their integration with torch."""

import io
import math
import pickle
import warnings

import pytest
import torch
from torch import nn

import actlab
from actlab.ops import eager, fused
from actlab.perf.memory import saved_bytes

ENTRIES = [s.name for s in actlab.catalog()]
COMPILED_SAMPLE = ["mish", "gelu", "swish", "snake", "elu", "hardswish", "golu", "sau"]


def _points(dtype: torch.dtype) -> torch.Tensor:
    x = torch.cat([torch.linspace(-12, 12, 301, dtype=torch.float64) + 0.0123,
                   torch.logspace(-4, 3, 60, dtype=torch.float64),
                   -torch.logspace(-4, 3, 60, dtype=torch.float64)])
    return x.to(dtype)


def _forward_and_grads(run, spec, x):
    params = {p.name: torch.tensor(p.default, dtype=x.dtype, requires_grad=True)
              for p in spec.params}
    leaf = x.clone().requires_grad_()
    y = run(spec, leaf, params)
    grads = torch.autograd.grad(y.sum(), [leaf, *params.values()], allow_unused=True)
    return [y.detach(), *grads]


def _assert_agree(spec, x, tol):
    ours = _forward_and_grads(fused.apply, spec, x)
    reference = _forward_and_grads(eager.apply, spec, x)
    for label, a, b in zip(["f", "df/dx", *(p.name for p in spec.params)], ours, reference):
        agree = (a.isnan() & b.isnan()) | (a == b)  # equal infinities agree (e^x overflows)
        err = ((a - b).abs() / (1 + b.abs())).masked_fill(agree, 0).nan_to_num(math.inf)
        # parameter gradients are sums over all points: compare them relative to their size
        scale = 1 if a.dim() else x.numel()
        assert err.max().item() <= tol * scale, f"{spec.name} {label} {x.dtype}"


@pytest.mark.parametrize("name", ENTRIES)
def test_optimized_forms_agree_with_eager(name, no_compile):
    spec = actlab.lookup(name)
    _assert_agree(spec, _points(torch.float64), 1e-9)
    _assert_agree(spec, _points(torch.float32), max(spec.rtol, 1e-5))


@pytest.mark.parametrize("name", [n for n in ENTRIES if not actlab.lookup(n).custom_backward])
def test_gradcheck_on_the_fused_path(name, no_compile):
    spec = actlab.lookup(name)
    x = torch.linspace(-6, 6, 24, dtype=torch.float64).add(0.0123).requires_grad_()
    values = [torch.tensor(p.default, dtype=torch.float64, requires_grad=True)
              for p in spec.params]

    def f(x, *values):
        return fused.apply(spec, x, dict(zip([p.name for p in spec.params], values)))

    assert torch.autograd.gradcheck(f, (x, *values), eps=1e-6, atol=1e-5, rtol=1e-4)


@pytest.mark.parametrize("name", COMPILED_SAMPLE)
def test_compiled_kernels_agree_with_eager(name):
    spec = actlab.lookup(name)
    _assert_agree(spec, _points(torch.float32), max(spec.rtol, 1e-5))


@pytest.mark.slow
@pytest.mark.parametrize("name", ENTRIES)
def test_every_compiled_kernel_agrees_with_eager(name):
    spec = actlab.lookup(name)
    _assert_agree(spec, _points(torch.float64), 1e-9)
    _assert_agree(spec, _points(torch.float32), max(spec.rtol, 1e-5))


def test_compiled_gradcheck_with_a_learnable_parameter():
    act = actlab.get("swish", learnable=True, backend="fused").double()
    x = torch.linspace(-5, 5, 16, dtype=torch.float64).requires_grad_()
    assert torch.autograd.gradcheck(lambda x, beta: fused.apply(act.spec, x, {"beta": beta}),
                                    (x, act.beta), eps=1e-6, atol=1e-5, rtol=1e-4)


def test_only_the_input_is_saved_for_backward():
    x = torch.randn(1000)
    mish = actlab.fn("mish", backend="fused")
    assert saved_bytes(mish, x) == x.nbytes
    spec = actlab.lookup("mish")
    assert saved_bytes(lambda z: eager.composite(spec, z, {}), x) > 2 * x.nbytes


def test_inside_a_users_compiled_model_without_graph_breaks():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(8, 16), actlab.get("swish", learnable=True, backend="fused"),
                          nn.Linear(16, 16), actlab.get("mish", backend="fused"),  # sign branches
                          nn.Linear(16, 16), actlab.get("hardswish", backend="fused"),  # clamps
                          nn.Linear(16, 1))
    x = torch.randn(32, 8)
    expected = model(x)
    expected.sum().backward()
    grads = [p.grad.clone() for p in model.parameters()]
    model.zero_grad()
    compiled = torch.compile(model, fullgraph=True)
    got = compiled(x)
    got.sum().backward()
    torch.testing.assert_close(got, expected)
    for p, g in zip(model.parameters(), grads):
        torch.testing.assert_close(p.grad, g)


def test_torch_func_transforms():
    act = actlab.fn("mish", backend="fused")
    x = torch.randn(4, 5)
    torch.testing.assert_close(torch.func.vmap(act)(x), act(x))
    grad = torch.func.grad(lambda z: act(z).sum())(x[0])
    leaf = x[0].clone().requires_grad_()
    actlab.fn("mish", backend="eager")(leaf).sum().backward()
    torch.testing.assert_close(grad, leaf.grad)


def test_autocast_bfloat16():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(8, 8), actlab.get("gelu", backend="fused"))
    x = torch.randn(4, 8)
    with torch.autocast("cpu", dtype=torch.bfloat16):
        y = model(x)
    assert y.dtype == torch.bfloat16
    torch.testing.assert_close(y.float(), model(x), atol=3e-2, rtol=3e-2)


def test_modules_pickle_and_export():
    act = actlab.get("mish", backend="fused")
    x = torch.randn(10)
    buffer = io.BytesIO()
    torch.save(act, buffer)
    buffer.seek(0)
    restored = torch.load(buffer, weights_only=False)
    torch.testing.assert_close(restored(x), act(x))
    assert pickle.loads(pickle.dumps(act)).backend == "fused"
    for backend in ("eager", "fused"):
        model = nn.Sequential(nn.Linear(10, 10), actlab.get("mish", backend=backend))
        program = torch.export.export(model, (x[None],))
        torch.testing.assert_close(program.module()(x[None]), model(x[None]))


def test_compiler_failure_falls_back_to_eager_once(monkeypatch, scratch_registry):
    def broken(*args, **kwargs):
        def fail(*a, **k):
            raise RuntimeError("no working C++ compiler")
        return fail

    monkeypatch.setattr(torch, "compile", broken)
    spec = actlab.define("x * tanh(exp(x) / 3)")
    x = torch.randn(50)
    with pytest.warns(RuntimeWarning, match="no working C\\+\\+ compiler"):
        y = actlab.fn(spec, backend="fused")(x)
    torch.testing.assert_close(y, actlab.fn(spec, backend="eager")(x))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        actlab.fn(spec, backend="fused")(x)


def test_auto_takes_the_recorded_choice(fresh_cache):
    from actlab.ops import backend

    backend.record_choices("cpu", {"mish": "native", "swish": "eager"})
    assert actlab.get("mish").backend == "native"
    assert actlab.get("mish", learnable=False).backend == "native"
    assert actlab.get("swish").backend == "eager"
    assert actlab.get("gelu").backend == "fused"


def test_auto_without_compilation_prefers_native(no_compile, fresh_cache):
    assert actlab.get("gelu").backend == "native"
    assert actlab.get("golu").backend == "eager"
    assert actlab.get("swish", learnable=True).backend == "eager"


def test_many_shapes_share_one_graph_without_hitting_recompile_limits():
    act = actlab.get("smish", backend="fused")
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)  # a compile failure warns, falls back
        for shape in [(7,), (1,), (3, 5), (2, 1, 9), (4, 3, 2, 2), (2, 2, 2, 2, 3), (1, 1, 1)]:
            for requires_grad in (False, True):
                x = torch.randn(shape, requires_grad=requires_grad)
                y = act(x.transpose(0, -1) if x.dim() > 1 else x)
                if requires_grad:
                    y.sum().backward()
                    assert x.grad.shape == x.shape
