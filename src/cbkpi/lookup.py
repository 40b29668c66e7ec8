"""Finding an indicator the way a person names it: its id, its number as printed or a piece of
its name typed without accents (``che phu rung`` finds "Tỉ lệ che phủ rừng").

Plain functions over the loaded data files; no terminal knowledge."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from cbkpi.loader import Loaded
from cbkpi.models import Indicator
from cbkpi.units import BUILTIN_UNITS, UnitRegistry


def fold(text: str) -> str:
    """Lower case, accents and đ dropped, runs of other characters one space: how names compare."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.split(r"[^0-9a-z]+", bare.lower())).strip()


@dataclass(frozen=True)
class Entry:
    """One indicator as ``cbkpi list`` shows it: in the first file that has it, with every term."""

    indicator: Indicator
    terms: list[tuple[int, int, str]]
    """(start, end, kind) of each file that has the indicator, in file order."""
    in_targets: bool
    """Whether a targets file (the current term) has it: its number is the one ``show`` matches first."""
    units: UnitRegistry = BUILTIN_UNITS
    """The report's units (built-in and declared), for the unit's label."""


def entries(loaded: Sequence[Loaded]) -> list[Entry]:
    """Every indicator id once, targets files first, in file order."""
    by_id: dict[str, Entry] = {}
    ordered = sorted(loaded, key=lambda f: f.model.kind != "targets")
    for f in ordered:
        term = (f.model.term.start, f.model.term.end, f.model.kind)
        for ind in f.model.indicators:
            if ind.id in by_id:
                by_id[ind.id].terms.append(term)
            else:
                units = f.units if f.units is not None else f.model.unit_registry()
                by_id[ind.id] = Entry(ind, [term], f.model.kind == "targets", units)
    return list(by_id.values())


@dataclass(frozen=True)
class Lookup:
    """What a query found: one indicator, several (ambiguous), or none with the closest."""

    found: list[Entry]
    close: list[Entry]


def find(query: str, loaded: Sequence[Loaded]) -> Lookup:
    """The indicators ``query`` names, trying in turn: the id (case ignored), the number as
    printed (``14``, ``9b``; the current term's numbering first), then a name that contains
    every word of the query (case and accents ignored, Vietnamese or English name)."""
    all_entries = entries(loaded)
    q = query.strip()
    by_id = [e for e in all_entries if e.indicator.id.lower() == q.lower()]
    if by_id:
        return Lookup(by_id, [])
    by_number = [e for e in all_entries if e.indicator.label.lower() == q.lower()]
    current = [e for e in by_number if e.in_targets]
    if current or by_number:
        return Lookup(current or by_number, [])
    words = _loose(fold(q)).split()
    if words:
        by_name = [e for e in all_entries if all(w in _names(e) for w in words)]
        if by_name:
            return Lookup(by_name, [])
    return Lookup([], _closest(q, all_entries))


def _names(entry: Entry) -> str:
    name = entry.indicator.name
    return _loose(f"{fold(name.vi)} {fold(name.en)} {fold(entry.indicator.id)}")


def _loose(folded: str) -> str:
    """``y`` read as ``i``: Vietnamese spells the same word tỉ or tỷ (``ty le`` finds "Tỉ lệ")."""
    return folded.replace("y", "i")


def describe(entry: Entry, lang: str) -> str:
    """``14 forest_cover (Tỉ lệ che phủ rừng)``: one candidate in a message."""
    ind = entry.indicator
    return f"{ind.label} {ind.id} ({ind.name.get(lang)})"


def _closest(query: str, all_entries: Sequence[Entry]) -> list[Entry]:
    """Up to three indicators whose id or name is nearest to ``query``."""
    keys: dict[str, Entry] = {}
    for e in all_entries:
        keys.setdefault(e.indicator.id, e)
        keys.setdefault(fold(e.indicator.name.vi), e)
        keys.setdefault(fold(e.indicator.name.en), e)
    near = difflib.get_close_matches(fold(query) if " " in query else query, list(keys), n=6, cutoff=0.6)
    out: list[Entry] = []
    for key in near:
        if keys[key] not in out:
            out.append(keys[key])
    return out[:3]


def closest_ids(query: str, ids: Sequence[str]) -> list[str]:
    """Up to three ids near ``query`` (a mistyped id in an observations file)."""
    return difflib.get_close_matches(query, list(ids), n=3, cutoff=0.6)
