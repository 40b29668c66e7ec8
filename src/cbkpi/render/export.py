"""``cbkpi export``: the writers of the export registry, one per format.

The workbook is :mod:`cbkpi.render.xlsx`, the HTML report :mod:`cbkpi.render.report`; both are
built from the same records as ``cbkpi status`` (:mod:`cbkpi.status`), so their numbers are the
JSON output's numbers.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from cbkpi.outputs import write_atomically, write_text_atomically
from cbkpi.render import status as rs
from cbkpi.render.status_json import as_json

if TYPE_CHECKING:
    from cbkpi.pipeline import StatusReport


# -- the export registry's writers (cbkpi.formats.EXPORT) -----------------------------------------
def export_xlsx(path: Path, report: StatusReport, lang: str) -> None:
    from cbkpi.render.xlsx import write_xlsx

    write_atomically(path, lambda tmp: write_xlsx(tmp, report.terms, report.observations, lang))


def export_html(path: Path, report: StatusReport, lang: str) -> None:
    from cbkpi.render.report import html_report

    page = html_report(
        report.terms,
        report.observed,
        lang,
        as_of=report.as_of,
        observations=report.observations,
        observation_sources=report.observation_sources,
    )
    write_text_atomically(path, page)


def export_json(path: Path, report: StatusReport, lang: str) -> None:
    write_text_atomically(path, as_json(report.terms))


def export_csv(path: Path, report: StatusReport, lang: str) -> None:
    write_text_atomically(path, rs.as_csv(report.terms, lang))


def export_csv_keys(path: Path, report: StatusReport, lang: str) -> None:
    write_text_atomically(path, rs.as_csv(report.terms, lang, keys=True))


def export_markdown(path: Path, report: StatusReport, lang: str) -> None:
    write_text_atomically(path, rs.as_markdown(report.terms, lang))
