"""The HTML report: self-contained, with every section, honest verdicts and exports; written
atomically."""

from __future__ import annotations

import base64
import csv
import errno
import io
import json
import os
from html.parser import HTMLParser

import pytest

from actlab.bench import Store
from actlab.bench.report import collect, write_report
from actlab.errors import OutputError
from bench.helpers import record


class Page(HTMLParser):
    """Collects ids, image sources, link targets and text of a page."""

    def __init__(self):
        super().__init__()
        self.ids, self.images, self.links, self.text = set(), [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "img":
            self.images.append(attrs["src"])
        if tag in ("a", "link", "script") and (attrs.get("href") or attrs.get("src")):
            self.links.append(attrs.get("href") or attrs.get("src"))

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture
def store(tmp_path):
    """relu, a clearly better gelu and an indistinguishable tanh over five seeds, one failure."""
    store = Store(f"sqlite:///{tmp_path / 'r.sqlite'}")
    noise = [0.01, -0.02, 0.015, -0.01, 0.005]
    for seed, e in enumerate(noise):
        for model in ("mlp", "cnn"):
            store.record(record(seed, "relu", value=0.80 + e, task="mnist1d", model=model))
            store.record(record(seed, "gelu", value=0.90 + e + 0.001 * seed, task="mnist1d",
                                model=model))
            store.record(record(seed, "tanh", value=0.80 + noise[::-1][seed], task="mnist1d",
                                model=model))
    store.record(record(7, "tanh", status="failed", task="mnist1d"))
    return store


def test_report_is_self_contained_with_every_section(store, tmp_path):
    path = write_report(collect(store), tmp_path / "out" / "report.html")
    page = Page()
    page.feed(path.read_text())
    assert {"overall", "boards", "shapes", "published", "metadata", "export"} <= page.ids
    assert len(page.images) == 5 and all(s.startswith("data:image/png;base64,")
                                         for s in page.images)
    assert all(link.startswith(("#", "data:")) for link in page.links)
    text = " ".join(" ".join(page.text).split())
    assert "Significantly better than relu: gelu" in text
    assert "tanh" in text and "boom" in text  # the failed run and its reason
    assert "0.68" in text and "0.94" in text  # published MNIST-1D accuracies beside ours
    assert "gelu ranks first" in text
    assert "means over seeds with 95% Student-t intervals (none below 3 seeds)" in text
    tanh = next(r for r in collect(store).boards[0].rows if r.act == "tanh").comparison
    assert f"no significant difference (could detect ≥ {tanh.detectable:.2g})" in text


def test_exports_hold_every_run(store, tmp_path):
    page = Page()
    page.feed(write_report(collect(store), tmp_path / "report.html").read_text())
    exports = {link.split(";")[0]: base64.b64decode(link.split(",", 1)[1]).decode()
               for link in page.links if link.startswith("data:")}
    rows = list(csv.DictReader(io.StringIO(exports["data:text/csv"])))
    assert len(rows) == 31 and {r["status"] for r in rows} == {"ok", "failed"}
    results = json.loads(exports["data:application/json"])
    board = results["boards"][0]
    verdicts = {r["act"]: r["vs_baseline"] and r["vs_baseline"]["verdict"] for r in board["rows"]}
    assert verdicts == {"gelu": "better", "relu": None, "tanh": "no significant difference"}
    tanh = next(r for r in board["rows"] if r["act"] == "tanh")
    assert 0 < tanh["vs_baseline"]["detectable_difference"] < 0.1
    assert tanh["ci95"][0] < tanh["mean"] < tanh["ci95"][1]
    assert all(rank["ci95"] for rank in results["mean_ranks"].values())


def test_two_seeds_give_no_intervals_and_say_so(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'r.sqlite'}")
    for seed in range(2):
        for act, value in (("relu", 0.8), ("gelu", 0.9)):
            store.record(record(seed, act, value=value + 0.01 * seed))
    data = collect(store)
    assert data.leader is None and not data.rank_intervals
    page = Page()
    page.feed(write_report(data, tmp_path / "report.html").read_text())
    text = " ".join(" ".join(page.text).split())
    assert text.count("n = 2: too few seeds for an interval") == 2
    assert "No rank intervals, and so no overall winner" in text
    exports = [base64.b64decode(link.split(",", 1)[1]).decode() for link in page.links
               if link.startswith("data:application/json")]
    rows = json.loads(exports[0])["boards"][0]["rows"]
    assert [(r["ci95"], r["interval"]) for r in rows] == [
        (None, "n = 2: too few seeds for an interval")] * 2
    assert [r["vs_baseline"]["verdict"] for r in rows if r["vs_baseline"]] == ["untested"]


def test_verdicts_follow_the_statistics(store):
    data = collect(store)
    mlp = next(b for b in data.boards if b.model == "mlp")
    assert [r.act for r in mlp.rows][0] == "gelu" and mlp.better == ["gelu"] and not mlp.worse
    assert mlp.rows[0].published is None
    relu = next(r for r in mlp.rows if r.act == "relu")
    assert relu.published.value == 0.68 and relu.comparison is None
    assert data.leader == "gelu"  # first on both boards in every bootstrap replicate


def test_a_failed_write_leaves_nothing_behind(store, tmp_path, monkeypatch):
    def full_disk(*_args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OutputError, match="No space left"):
        write_report(collect(store), tmp_path / "report.html")
    assert not [p for p in tmp_path.iterdir() if "report" in p.name]


def test_a_board_with_gated_blocks_states_the_matched_parameter_count(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'r.sqlite'}")
    for seed in range(3):
        for act in ("gelu", "swiglu"):
            store.record(record(seed, act, value=1.5 + 0.01 * seed, task="shakespeare_char",
                                model="gpt"))
    (board,) = collect(store, baseline="gelu").boards
    assert board.gated == ("swiglu",)
    page = Page()
    page.feed(write_report(collect(store, baseline="gelu"), tmp_path / "r.html").read_text())
    text = " ".join(" ".join(page.text).split())
    assert "Gated blocks (swiglu) replace the whole feed-forward block" in text
    assert "keeps the parameter count" in text
