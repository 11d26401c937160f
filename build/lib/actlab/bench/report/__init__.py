"""The benchmark report: statistics from the store, figures, and one self-contained HTML file.

:func:`collect` turns stored runs into :class:`ReportData` (leaderboards, comparisons with the
baseline, mean ranks, curves); :func:`write_report` renders it to HTML with every figure and the
CSV/JSON exports embedded, and writes the file atomically.
"""

from actlab.bench.report.data import Board, ReportData, Row, collect
from actlab.bench.report.html import render, write_report

__all__ = ["Board", "ReportData", "Row", "collect", "render", "write_report"]
