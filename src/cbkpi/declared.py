"""The units and areas of one report: the built-in ones and those its data files declare.

A report (the files read by one command) has one registry: a unit declared in any of its files
serves all of them (a results file and a targets file of the same folder share it). Nothing is
global: each report builds its own, and the built-in registry never changes.
"""

from __future__ import annotations

from collections.abc import Iterable

from cbkpi.models import DataFile, Names
from cbkpi.units import BUILTIN_UNITS, UnitRegistry


def report_units(files: Iterable[DataFile]) -> UnitRegistry:
    """The built-in units plus every unit the files declare (the first declaration of a key)."""
    return BUILTIN_UNITS.with_declared(u.unit() for f in files for u in f.units)


def report_areas(files: Iterable[DataFile]) -> dict[str, Names]:
    """The areas the files declare, by key (the first declaration of a key)."""
    out: dict[str, Names] = {}
    for f in files:
        for key, names in f.area_names().items():
            out.setdefault(key, names)
    return out
