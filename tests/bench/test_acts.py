"""Nonlinearity choices parsed from the command line."""

from __future__ import annotations

import pytest

from actlab.bench.acts import ActChoice, parse_acts
from actlab.errors import ParameterError, UnknownNameError


def test_aliases_and_defaults_name_the_same_run():
    assert ActChoice.of("logistic") == ActChoice.of("sigmoid")
    assert ActChoice.of("swish") == ActChoice.of("swish", beta=1.0)
    with pytest.raises(ParameterError, match="twice"):
        parse_acts("swish,swish:beta=1")


def test_parameters_are_numbers_never_expressions():
    with pytest.raises(ParameterError, match="param=number"):
        parse_acts("swish:beta=__import__('os')")
    assert parse_acts("snake:a=2.5e-1")[0].params == (("a", 0.25),)


def test_unknown_names_suggest_close_matches():
    with pytest.raises(UnknownNameError, match="Did you mean: gelu"):
        parse_acts("relu,gelu2")
