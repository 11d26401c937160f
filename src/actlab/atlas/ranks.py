"""Each entry's places on the benchmark's leaderboards, read from a results database."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from actlab.bench.report import ReportData, collect
from actlab.bench.store import Store


@dataclass(frozen=True)
class Rank:
    """One nonlinearity (``label``, with its parameters) on one leaderboard."""

    board: str  # "task / model"
    label: str
    rank: int  # 1 = best
    of: int
    mean: float
    metric: str


def ranks(data: ReportData) -> dict[str, list[Rank]]:
    """Catalog entry name -> its ranks on every board (gated blocks, which have no card of
    their own, are left out)."""
    found: dict[str, list[Rank]] = defaultdict(list)
    for board in data.boards:
        for place, row in enumerate(board.rows, 1):
            choice = data.acts.get(row.act)
            if choice is None or choice.gated:
                continue
            found[choice.name].append(
                Rank(
                    board.title,
                    row.act,
                    place,
                    len(board.rows),
                    row.summary.mean,
                    board.metric.name,
                )
            )
    return dict(found)


def read(url: str) -> dict[str, list[Rank]]:
    """The ranks stored in the results database at ``url``; StoreError if it cannot be read (a
    missing SQLite file included: an atlas never creates a database)."""
    store = Store(url, create=False)
    try:
        return ranks(collect(store))
    finally:
        store.close()
