"""Measurements inside any model, read through forward hooks."""

from actlab.probe.attention import attention_probes as attention_probes
