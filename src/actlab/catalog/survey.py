"""The survey ledger: every function named in Kunc and Kléma's "Three Decades of Activations"
(arXiv:2402.09092) with its place in the catalog.

A row of ``docs/survey.csv`` names a survey section and function and one status:

- ``entry``: the catalog entry ``entry`` is that function (at its defaults);
- ``alias``: the same function as the entry ``entry``, possibly at other parameter values (the
  note says which);
- ``out of scope``: not a pointwise function of one input (the note says why: vector-valued,
  stochastic, needs training state, a transform of any other function, ...);
- ``no formula``: the survey gives no definition;
- ``pending``: a pointwise formula exists but is not in the catalog yet.

>>> rows = [Row("3.6", "ReLU", "entry", "relu", ""), Row("3.5", "Softmax", "out of scope", "",
...         "normalizes a vector")]
>>> check(rows)
[]
>>> counts(rows)
{'entry': 1, 'alias': 0, 'out of scope': 1, 'no formula': 0, 'pending': 0}
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import astuple, dataclass
from pathlib import Path

from actlab.catalog.registry import lookup
from actlab.errors import DataError, UnknownNameError
from actlab.tables import Table

STATUSES = ("entry", "alias", "out of scope", "no formula", "pending")
COLUMNS = ("section", "name", "status", "entry", "note")


@dataclass(frozen=True)
class Row:
    """One function of the survey: its section number, name, status, catalog entry and note."""

    section: str
    name: str
    status: str
    entry: str
    note: str


def read(path: str | Path) -> list[Row]:
    """The ledger at ``path``; a missing file, wrong header or unknown status raises DataError."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as err:
        raise DataError(f"cannot read the survey ledger {path}: {err.strerror or err}") from None
    reader = csv.reader(io.StringIO(text))
    header = tuple(next(reader, ()))
    if header != COLUMNS:
        raise DataError(f"{path}: the header must be {','.join(COLUMNS)}, got {','.join(header)}")
    rows = []
    for line, fields in enumerate(reader, start=2):
        if len(fields) != len(COLUMNS):
            raise DataError(f"{path}:{line}: {len(fields)} fields, expected {len(COLUMNS)}")
        row = Row(*(f.strip() for f in fields))
        if row.status not in STATUSES:
            raise DataError(
                f"{path}:{line}: unknown status {row.status!r}; use one of {', '.join(STATUSES)}"
            )
        rows.append(row)
    return rows


def check(rows: list[Row]) -> list[str]:
    """Problems of the ledger, one line each: entries and aliases that do not resolve in the
    catalog, entries claimed twice, rows out of scope without a reason."""
    problems = []
    claimed: dict[str, str] = {}
    for row in rows:
        where = f"{row.section} {row.name}"
        if row.status in ("entry", "alias"):
            try:
                canonical = lookup(row.entry).name
            except UnknownNameError as err:
                problems.append(f"{where}: {err}")
                continue
            if row.status == "entry":
                if canonical in claimed:
                    problems.append(f"{where}: entry {canonical} is already {claimed[canonical]}")
                claimed[canonical] = where
        elif row.entry:
            problems.append(f"{where}: a row with status {row.status!r} names no entry")
        if row.status == "out of scope" and not row.note:
            problems.append(f"{where}: out of scope without a reason")
    return problems


def counts(rows: list[Row]) -> dict[str, int]:
    """Rows per status, in the order of :data:`STATUSES`."""
    tally = Counter(row.status for row in rows)
    return {status: tally[status] for status in STATUSES}


def page(rows: list[Row]) -> str:
    """docs/survey.md: how it is made, the counts per status and the whole ledger."""
    summary = Table.of(("status", "functions"), list(counts(rows).items()), "")
    ledger = Table.of(COLUMNS, [astuple(r) for r in rows], "")
    return "\n".join(
        [
            "# The survey ledger",
            "",
            'Every function named in Kunc and Kléma, "Three Decades of Activations: A '
            'Comprehensive Survey of 400 Activation Functions for Neural Networks" '
            f"(arXiv:2402.09092), by section, with its place in the actlab catalog: "
            f"{len(rows)} functions. The source is "
            "`docs/survey.csv`; this page is generated from it by",
            "",
            "```",
            'python -c "from actlab.catalog import survey; '
            "print(survey.page(survey.read('docs/survey.csv')), end='')\" > docs/survey.md",
            "```",
            "",
            "`entry`: the catalog entry is that function; `alias`: the same function as the entry "
            "(at the parameters the note gives); `out of scope`: not a pointwise function of one "
            "input; `no formula`: the survey gives none; `pending`: pointwise, not yet in the "
            "catalog. Section numbers were reconstructed from the order of the survey's headings "
            "and its cross-references (see the note below the table).",
            "",
            SOURCES_NOTE,
            "",
            summary.markdown(),
            "",
            ledger.markdown(),
            "",
            NUMBERING_NOTE,
            "",
        ]
    )


SOURCES_NOTE = (
    "Sources: each entry's formula is taken from the original paper where it could be read "
    "(`actlab show NAME` says \"formula checked against: the original paper\"), or else from "
    "a source that cites it, an implementation or a library's documentation "
    "(`checked_against == \"secondary\"`). Where only the "
    "survey could be read, the entry says so (`Spec.checked_against == \"survey\"`, and its "
    "description); the survey's equations are images in the text available here, so those "
    "formulas were read from public transcriptions of its numbered equations, checked against "
    "the survey's prose (its parameter names, values and special cases) and, where there were "
    "several, against each other. A parameter that a unit inherits from the function it "
    "generalizes or smooths starts at that function's published default, and the description "
    "says so. A row stays `pending` when no source gives a complete definition: a published "
    "default for every other parameter, a formula that is consistent as printed."
)
NUMBERING_NOTE = (
    "Numbering: the survey's text was read without its heading numbers, so each number is the "
    "heading's position, anchored at every cross-reference the survey makes (for example "
    "RePU 3.6.39, softplus 3.17, bi-firing 3.21, LAAF 4.16, UAF 4.22, NAF 4.28, MSRF 4.55). Two "
    "anchors disagree with the count of headings between them: the chaotic functions are "
    "3.48.x by the survey's own reference but 3.49.x by count (kept here), and sections 3.19, "
    "3.20 and 4.52-4.54 have no heading text in the copy read, so no row carries them."
)
