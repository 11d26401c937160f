"""Tables as data: library code builds them, the command line renders them in the terminal, and
:meth:`Table.markdown` renders the same table for the docs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Table:
    """A titled table of text cells; ``note`` is a line shown under it.

    >>> print(Table(("name", "value"), (("a|b", "1"),), title="T").markdown())
    | name | value |
    |---|---|
    | a\\|b | 1 |
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    title: str = ""
    note: str = ""

    @classmethod
    def of(cls, columns: Sequence[str], rows: Sequence[Sequence[object]], title: str = "",
           note: str = "") -> Table:
        """A table from any cell values (rendered with ``str``)."""
        return cls(tuple(columns), tuple(tuple(map(str, row)) for row in rows), title, note)

    def markdown(self) -> str:
        """GitHub-flavoured markdown; ``|`` inside cells is escaped (title and note left out)."""
        lines = [_line(self.columns), "|" + "---|" * len(self.columns)]
        return "\n".join([*lines, *(_line(row) for row in self.rows)])


def _line(cells: Sequence[str]) -> str:
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"
