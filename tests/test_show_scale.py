"""Issue 12, scale: ``cbkpi show`` prints its observation list in time linear in its length.

rich lays out every printed text again (and worse than linearly for one long text), so the list
must not go through ``Console.print`` once per observation: the number of rich prints stays the
same whatever the number of observations."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from rich.console import Console

from cbkpi.pipeline import build_report, find_indicator
from cbkpi.render.show import print_show
from tests.conftest import TARGETS


class CountingConsole(Console):
    prints = 0

    def print(self, *objects: Any, **kwargs: Any) -> None:
        self.prints += 1
        super().print(*objects, **kwargs)


def _render(tmp_path: Path, n: int) -> tuple[int, str]:
    rows = [
        f'  - {{indicator: grdp_growth, year: {2021 + i % 4}, value: 6.5, source: "s{i}"'
        + (", revises: true}" if i >= 4 else "}")
        for i in range(n)
    ]
    obs = tmp_path / f"obs{n}.yaml"
    obs.write_text("observations:\n" + "\n".join(rows) + "\n", encoding="utf-8")
    view = find_indicator(build_report([TARGETS, obs], tmp_path), "grdp_growth")
    out = io.StringIO()
    console = CountingConsole(file=out, width=400)  # wide: one line per observation to check
    print_show(console, view, "en")
    return console.prints, out.getvalue()


def test_show_prints_observations_without_a_rich_print_each(tmp_path: Path) -> None:
    few, _ = _render(tmp_path, 8)
    many, text = _render(tmp_path, 400)
    assert many == few
    # Every observation is still listed, one line each, with its place in its file.
    assert all(f"— s{i} (" in text for i in range(400))
    assert f"obs400.yaml:{400 + 1}" in text  # observation 400 is on line 401 (after "observations:")
