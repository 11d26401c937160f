"""The `actlab` command line: parses arguments, calls the library, renders its tables and
progress with Rich. It holds no logic of its own; each module registers its commands on `app`."""

from actlab.cli import bench, entries, perf, search
from actlab.cli.app import app

__all__ = ["app", "bench", "entries", "perf", "search"]
