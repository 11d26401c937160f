"""The atlas: one offline HTML page with a card for every catalog entry.

Each card draws f and the derivative the backward pass uses, computed in the browser by
JavaScript generated from the entry's sympy expression (:mod:`~actlab.atlas.javascript`), with a
slider per parameter, the formula and its LaTeX, the declared properties, the citation, the three
nearest entries by curve distance and, given a benchmark database, the entry's ranks per task.
The page searches by name, alias and author, filters by family and properties, and overlays
chosen entries.

>>> import tempfile, pathlib
>>> from actlab.catalog import lookup
>>> out = pathlib.Path(tempfile.mkdtemp()) / "atlas.html"
>>> path = write_atlas(out, specs=[lookup(n) for n in ("relu", "gelu", "swish")])
>>> 'data-name="swish"' in path.read_text()
True
"""

from actlab.atlas.entries import FILTERS
from actlab.atlas.page import render, write_atlas

__all__ = ["FILTERS", "render", "write_atlas"]
