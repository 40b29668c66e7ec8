"""Observations that reach an indicator's baseline: revisions, and breaks in series.

An observation for the baseline year (the statistics office's 35,62 for GRDP per capita 2020,
against the draft report's 37,2) supersedes the document's figure in every computation: the
indicator is rebuilt with that baseline before anything is computed, and a :class:`Revision`
records the change so that every output can say so. ``--baseline published`` skips this and
keeps the document's figures (docs/methodology.md, "Which baseline counts").

A series break (``series_break: true``, Eurostat flag b) after the baseline year starts a new
segment: the pace is computed from the first value on the new definition, never across it
(:func:`cbkpi.tracking.track` reports ``not_comparable`` when nothing follows the break).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from cbkpi.models import Baseline, Indicator
from cbkpi.observations import Located, in_unit

BaselineChoice = Literal["observed", "published"]


@dataclass(frozen=True)
class Revision:
    """The baseline ``published`` in the targets file replaced by the ``observed`` value."""

    indicator: str
    year: int
    published: Decimal | None
    observed: Decimal
    source: str
    estimate: bool
    file: str
    line: int | None
    term: str = ""
    """The term of the targets file whose baseline was replaced (``2025-2030``)."""
    published_comparator: str | None = None
    observed_comparator: str | None = None


@dataclass(frozen=True)
class SeriesBreak:
    """The first value on a new definition: no pace is computed across ``year``."""

    year: int
    definition: str | None
    note: str | None


Counted = Mapping[str, Mapping[int, Located]]
"""indicator → year → the observation that counts (:func:`cbkpi.observations.effective`),
found once per report and shared by the functions below."""


def revise(
    indicators: Sequence[Indicator],
    counted: Counted,
    choice: BaselineChoice = "observed",
    term: str = "",
) -> tuple[list[Indicator], list[Revision]]:
    """The indicators with each baseline replaced by the observation that counts for the
    baseline year (when it differs), and the list of replacements (tagged with ``term``).

    An observation that says what the document says (the same value with the same bound, such
    as "trên 4.000") replaces nothing and is not reported, whatever its estimate flag."""
    if choice == "published":
        return list(indicators), []
    out: list[Indicator] = []
    revisions: list[Revision] = []
    for ind in indicators:
        base = ind.baseline
        item = counted.get(ind.id, {}).get(base.year) if base is not None else None
        value = None if item is None else in_unit(item.obs, ind.unit)
        if (
            base is None
            or base.from_observations  # already the observation (cbkpi.terms.resolve_baselines)
            or item is None
            or value is None
            or (value == base.value and item.obs.comparator == base.comparator)
        ):
            out.append(ind)
            continue
        o = item.obs
        new = Baseline(
            year=base.year,
            value=value,
            comparator=o.comparator,
            estimate=o.estimate,
            note=f"revised by observation ({o.source}); the document's figure: {base.value}",
        )
        out.append(ind.model_copy(update={"baseline": new}))
        revisions.append(
            Revision(
                ind.id,
                base.year,
                base.value,
                value,
                o.source,
                o.estimate,
                item.file,
                item.line,
                term=term,
                published_comparator=base.comparator,
                observed_comparator=o.comparator,
            )
        )
    return out, revisions


def series_breaks(counted: Counted) -> dict[str, list[SeriesBreak]]:
    """indicator → the breaks in its series, by year (only the observations that count)."""
    out: dict[str, list[SeriesBreak]] = {}
    for ind_id, per in counted.items():
        found = [SeriesBreak(y, it.obs.definition, it.obs.note) for y, it in sorted(per.items()) if it.obs.series_break]
        if found:
            out[ind_id] = found
    return out


def units_of(indicators: Iterable[Indicator]) -> Mapping[str, str]:
    return {ind.id: ind.unit for ind in indicators}


def bounds(counted: Counted) -> dict[str, dict[int, str]]:
    """indicator → year → comparator, for the values that count and are bounds ("vượt 4.000")."""
    return {
        ind_id: {y: it.obs.comparator for y, it in per.items() if it.obs.comparator is not None}
        for ind_id, per in counted.items()
    }
