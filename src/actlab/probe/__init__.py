"""Probes: measure what the nonlinearities of any PyTorch model do on data.

:func:`probe` measures every activation site (modules and functional calls) over a data
iterator, streaming; :func:`ppl_sparsity` finds PPL-p% sparsity; :func:`train_predictors`
trains low-rank predictors of active units; :func:`attention_probes` measures attention
weights per head. :class:`Tap` is the hook they all stand on.
"""

from actlab.probe.attention import attention_probes
from actlab.probe.measure import ProbeReport, call, checked_loss, no_sites, probe
from actlab.probe.predictor import PredictorResult, train_predictors
from actlab.probe.sites import Entry, Site, module_sites
from actlab.probe.sparsity import PPLSparsity, cett, ppl_sparsity
from actlab.probe.stats import Options, Reservoir
from actlab.probe.tap import Tap, swapped_slot

__all__ = [
    "Entry",
    "Options",
    "PPLSparsity",
    "PredictorResult",
    "ProbeReport",
    "Reservoir",
    "Site",
    "Tap",
    "attention_probes",
    "call",
    "cett",
    "checked_loss",
    "module_sites",
    "no_sites",
    "ppl_sparsity",
    "probe",
    "swapped_slot",
    "train_predictors",
]
