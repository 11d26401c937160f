"""Surgery: change the nonlinearities of a trained model in place.

:func:`swap` replaces activations (modules and functional calls) with any catalog entry or
module; :func:`relufy` is ReLUfication with recovery; :func:`threshold` calibrates TEAL or CATS
magnitude thresholds to a target sparsity (:func:`calibrate` once for several targets,
then :meth:`Calibration.at`); :func:`predictor` trains low-rank predictors of the
active units (the same as :func:`actlab.probe.train_predictors`).
"""

from actlab.probe import PredictorResult
from actlab.probe import train_predictors as predictor
from actlab.surgery.relufy import Relufication, relufy
from actlab.surgery.swap import Change, swap
from actlab.surgery.threshold import Calibration, Thresholds, calibrate, threshold

__all__ = [
    "Calibration",
    "Change",
    "PredictorResult",
    "Relufication",
    "Thresholds",
    "calibrate",
    "predictor",
    "relufy",
    "swap",
    "threshold",
]
