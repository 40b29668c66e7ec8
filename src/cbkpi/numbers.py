"""Shared number helpers: the precision a figure was printed with, numbers for JSON.

One home for what the renderers and the audit all need (no language here: formatting for
people is :mod:`cbkpi.i18n`'s)."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cbkpi.calc import Figure

JSON_PLACES = 6
"""Computed figures are rounded to this many decimals in JSON (and CSV, xlsx)."""


def places(value: Decimal) -> int | None:
    """Decimals a figure was written with (``7.50`` → 2, ``1650`` → 0); None for NaN/infinity."""
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else None


def printed_places(value: Decimal) -> int:
    """Decimals of a finite figure as printed (the models hold finite numbers only)."""
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):
        raise ValueError(f"{value} has no printed precision")
    return max(0, -exponent)


def half_unit(value: Decimal) -> Decimal:
    """Half a unit of the last printed digit: ``7.5`` → ``0.05`` (the rounding a print hides)."""
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):
        raise ValueError(f"{value} has no printed precision")
    return Decimal(5).scaleb(exponent - 1)


def data_number(value: Decimal | None) -> float | int | None:
    """A data figure for JSON: an int where it was written without decimals (``111``), else a
    float (``111.0`` stays ``111.0``)."""
    if value is None:
        return None
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= 0:
        return int(value)
    return json_float(float(value), None)


def json_float(value: float | None, places: int | None = JSON_PLACES) -> float | None:
    """A computed figure for JSON, rounded to :data:`JSON_PLACES` decimals; None for NaN or
    infinity, which strict JSON cannot hold (the figure's reason field says why)."""
    if value is None or not math.isfinite(value):
        return None
    return value if places is None else round(value, places)


def json_figure(fig: Figure) -> float | None:
    """:func:`json_float` of the figure's value (written out: a dozen figures per target)."""
    value = fig.value
    if value is None or not math.isfinite(value):
        return None
    return round(value, JSON_PLACES)
