"""The atlas page: every card's data, the generated JavaScript of every formula, one HTML file."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import jinja2

from actlab.atlas import entries
from actlab.atlas.javascript import function_source
from actlab.atlas.ranks import Rank, read
from actlab.catalog.registry import catalog
from actlab.catalog.spec import Spec
from actlab.errors import OutputError
from actlab.files import atomic_write, check_writable

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("actlab.atlas", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
)
_ENV.filters["num"] = lambda value: f"{value:.4g}"


def card(spec: Spec, neighbours: list[tuple[str, float]], ranks: list[Rank]) -> dict[str, Any]:
    """Everything one card shows, as template data."""
    props = spec.properties
    return {
        "name": spec.name,
        "aliases": spec.aliases,
        "family": spec.family,
        "formula": spec.formula,
        "latex": spec.expression.latex(),
        "description": spec.description,
        "backward": spec.custom_backward,
        "labels": props.labels() if props else [],
        "flags": " ".join(entries.flags(spec)),
        "smoothness": props.smoothness if props else "",
        "sliders": [entries.slider(p) for p in spec.params],
        "citation": str(spec.citation) if spec.citation else "",
        "url": entries.citation_url(spec.citation) if spec.citation else "",
        "search": entries.search_text(spec),
        "nearest": neighbours,
        "ranks": ranks,
    }


def script(spec: Spec) -> str:
    """``(x, p) => [f, f']`` for the entry; f' is the derivative the backward pass uses."""
    params = tuple(p.name for p in spec.params)
    return function_source([spec.expression.expr, spec.derivative_expression("x")], params)


def _json(value: Any) -> str:
    """JSON safe to place inside a <script> element."""
    return json.dumps(value, allow_nan=False).replace("</", "<\\/")


def render(
    specs: Sequence[Spec],
    ranks: dict[str, list[Rank]] | None = None,
    progress: Callable[[str], None] | None = None,
) -> str:
    """The atlas of ``specs`` as one HTML string; ``progress(name)`` is called per entry."""
    ranks = ranks or {}
    neighbours = entries.nearest(specs)
    cards, functions = [], []
    for spec, near in zip(specs, neighbours):
        cards.append(card(spec, near, ranks.get(spec.name, [])))
        functions.append(f"{_json(spec.name)}: {script(spec)}")
        if progress is not None:
            progress(spec.name)
    static = Path(__file__).with_name("static")
    return _ENV.get_template("atlas.html.j2").render(
        cards=cards,
        families=sorted({s.family for s in specs}),
        filters=list(entries.FILTERS),
        smoothness=entries.SMOOTHNESS,
        ranked=bool(ranks),
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        functions="{\n" + ",\n".join(functions) + "\n}",
        defaults=_json({s.name: s.defaults for s in specs}),
        window=_json({"low": entries.LOW, "high": entries.HIGH, "points": entries.POINTS}),
        style=(static / "atlas.css").read_text(),
        code=(static / "atlas.js").read_text(),
    )


def write_atlas(
    path: Path | str,
    db: str | None = None,
    specs: Sequence[Spec] | None = None,
    progress: Callable[[str], None] | None = None,
) -> Path:
    """Write the atlas of ``specs`` (default: the whole catalog) to ``path`` atomically, with the
    entries' benchmark ranks when ``db`` (a results database URL) is given.

    The database and the destination are checked before the work starts: an unreachable database
    raises StoreError, an unwritable path OutputError, and nothing is written.
    """
    path = Path(path)
    ranks = read(db) if db is not None else None
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a directory; give a file name")
    try:
        check_writable(path.parent)
    except OutputError as err:
        raise OutputError(f"cannot write {path}: {str(err).rpartition(': ')[2]}") from None
    html = render(list(catalog() if specs is None else specs), ranks, progress)
    return atomic_write(path, html.encode("utf-8"))
