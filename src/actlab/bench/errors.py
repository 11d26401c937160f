"""Errors of the benchmark: data that cannot be found and databases that cannot be used."""

from __future__ import annotations

from actlab.errors import ActlabError


class DataError(ActlabError):
    """A dataset that is missing or unreadable; the message says where to put it."""


class StoreError(ActlabError):
    """A results database that cannot be opened or written."""


class OutputError(ActlabError):
    """An output file or directory that cannot be written (permissions, full disk)."""
