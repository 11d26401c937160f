"""The `actlab` command line: parses arguments, calls the library, renders its tables and
progress with Rich. It holds no logic of its own; each module registers its commands on `app`."""

from actlab.cli import atlas, bench, entries, perf, pi, probe, search
from actlab.cli.app import app

__all__ = ["app", "atlas", "bench", "entries", "perf", "pi", "probe", "search"]
