import warnings

import pytest
import torch

from actlab.ops import compile as compile_mod
from actlab.ops.compile import compiled


def _double_exp(x: torch.Tensor) -> torch.Tensor:
    return 2 * torch.exp(x)


def test_compiled_matches_eager_and_keeps_name():
    fast = compiled(_double_exp)
    x = torch.linspace(-3, 3, 17)
    torch.testing.assert_close(fast(x), _double_exp(x))
    assert fast.__name__ == "_double_exp"


def test_compiler_failure_falls_back_once_with_a_warning(monkeypatch):
    def broken(*_args, **_kwargs):
        def raise_(*_a, **_k):
            raise RuntimeError("no C++ compiler")
        return raise_

    monkeypatch.setattr(torch, "compile", broken)
    fast = compiled(_double_exp)
    x = torch.ones(3)
    with pytest.warns(RuntimeWarning, match="no C\\+\\+ compiler"):
        torch.testing.assert_close(fast(x), _double_exp(x))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        torch.testing.assert_close(fast(x), _double_exp(x))


def test_errors_in_the_inputs_are_raised_not_swallowed():
    fast = compiled(_double_exp)
    with pytest.raises(TypeError):
        fast("not a tensor")


def test_env_switch_turns_compilation_off(monkeypatch):
    monkeypatch.setenv("ACTLAB_COMPILE", "0")
    monkeypatch.setattr(torch, "compile", lambda *a, **k: pytest.fail("compiled although off"))
    assert not compile_mod.enabled()
    torch.testing.assert_close(compiled(_double_exp)(torch.zeros(2)), torch.full((2,), 2.0))

