"""Eager execution: analytical backward, memory saved for backward, guards at the edges."""

import math

import pytest
import torch

import actlab
from actlab.catalog import lookup
from actlab.ops import eager


def saved_tensor_count(fn, x):
    count = 0

    def pack(t):
        nonlocal count
        count += 1
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        fn(x)
    return count


def test_backward_saves_only_the_input(scratch_registry):
    spec = actlab.define("x * tanh(softplus(x))", name="mish_formula")
    x = torch.randn(100, requires_grad=True)
    lean = saved_tensor_count(lambda t: eager.apply(spec, t, {}), x)
    composite = saved_tensor_count(lambda t: eager.composite(spec, t, {}), x)
    assert lean == 1 and composite > 2


def test_where_branch_does_not_leak_nan_into_gradients(scratch_registry):
    spec = actlab.define("where(x > 0, x, expm1(x))", name="elu_formula")
    x = torch.tensor([-1000.0, 100.0, 1000.0], requires_grad=True)
    eager.apply(spec, x, {}).sum().backward()
    assert torch.isfinite(x.grad).all()


def test_guards_give_limits_and_keep_nan(scratch_registry):
    swish = actlab.define("x * sigmoid(x)", name="swish_formula")
    step = actlab.define("where(x > 1, x, 0)", name="step_formula")
    x = torch.tensor([-math.inf, math.inf, math.nan])
    assert eager.apply(swish, x, {}).tolist()[:2] == [0.0, math.inf]
    assert math.isnan(eager.apply(step, x, {})[2].item())
    assert eager.kernel(swish).guards.at_low == 0.0 and eager.kernel(step).guards.keep_nan


def test_parameter_gradients_reduce_to_parameter_shape():
    x = torch.randn(4, 8)
    slope = torch.full((8,), 0.1, requires_grad=True)
    y = eager.apply(lookup("leaky_relu"), x, {"negative_slope": slope})
    y.sum().backward()
    torch.testing.assert_close(slope.grad, torch.where(x < 0, x, 0).sum(0))


@pytest.mark.parametrize("dtype", [torch.float32, torch.bfloat16, torch.float16, torch.float64])
def test_output_dtype_follows_input(dtype):
    x = torch.randn(16, dtype=dtype, requires_grad=True)
    y = actlab.get("leaky_relu")(x)
    y.sum().backward()
    assert y.dtype == dtype and x.grad.dtype == dtype


def test_double_backward():
    x = torch.randn(8, dtype=torch.float64, requires_grad=True)
    sp = actlab.define("x * sigmoid(x)")
    (g,) = torch.autograd.grad(eager.apply(sp, x, {}).sum(), x, create_graph=True)
    (h,) = torch.autograd.grad(g.sum(), x)
    s = torch.sigmoid(x)
    want = s * (1 - s) * (2 + x * (1 - 2 * s))
    torch.testing.assert_close(h, want)
