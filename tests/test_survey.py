"""The survey ledger: every row resolves in the catalog, statuses are valid, the page is current."""

from pathlib import Path

import pytest

from actlab.catalog import survey
from actlab.errors import DataError

DOCS = Path(__file__).resolve().parents[1] / "docs"
ROWS = survey.read(DOCS / "survey.csv")


def test_every_row_resolves():
    assert survey.check(ROWS) == []


def test_ledger_covers_the_survey():
    sections = {row.section.split(".")[0] for row in ROWS}
    assert sections == {"3", "4"}
    assert len(ROWS) >= 400
    assert sum(survey.counts(ROWS).values()) == len(ROWS)


def test_page_is_generated_from_the_ledger():
    assert (DOCS / "survey.md").read_text(encoding="utf-8") == survey.page(ROWS)


def test_unknown_entries_and_aliases_fail():
    rows = [
        survey.Row("3.6", "ReLU", "entry", "relu", ""),
        survey.Row("9.9", "Nonesuch", "alias", "no_such_unit", ""),
        survey.Row("9.9", "ReLU again", "entry", "relu", ""),
        survey.Row("9.9", "Softmax", "out of scope", "", ""),
    ]
    problems = survey.check(rows)
    assert len(problems) == 3
    assert "no_such_unit" in problems[0]
    assert "already" in problems[1]
    assert "without a reason" in problems[2]


@pytest.mark.parametrize(
    "text, message",
    [
        ("section,name,status,entry,note\n3.6,ReLU,maybe,relu,\n", "unknown status 'maybe'"),
        ("section,name,status\n", "header"),
        ("section,name,status,entry,note\n3.6,ReLU,entry\n", "3 fields"),
    ],
)
def test_malformed_ledger_is_one_clear_error(tmp_path, text, message):
    path = tmp_path / "survey.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=message):
        survey.read(path)
    with pytest.raises(DataError, match="cannot read"):
        survey.read(tmp_path / "missing.csv")
