"""Charts of an indicator's series: in the terminal (text), as SVG (HTML report), as PNG.

All three draw the same :class:`cbkpi.series.Series`: baseline ○, observations ●, the required
path ·, the target ◆, a finished term's result ■. A chart across terms has several series of a
key (one per term, :attr:`Series.term`): each is drawn on its own, the legend names the key once
and lists each term's target.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import Any

from cbkpi.i18n import AXIS_LIMIT, format_axis, format_number, t
from cbkpi.safe_text import shorten
from cbkpi.series import Series
from cbkpi.units import BUILTIN_UNITS, UnitRegistry

SYMBOLS = {"required": "·", "baseline": "○", "observed": "●", "target": "◆", "result": "■"}
COLOURS = {
    "required": "#888888",
    "baseline": "#1f77b4",
    "observed": "#d62728",
    "target": "#2ca02c",
    "result": "#9467bd",
}
DRAW_ORDER = ("required", "baseline", "target", "result", "observed")


def _bounds(series: Sequence[Series], span: tuple[int, int] | None = None) -> tuple[int, int, float, float] | None:
    """x and y ranges; ``span`` (years) widens the x range to cover whole terms."""
    points = [p for s in series for p in s.points]
    if not points:
        return None
    xs = [x for x, _ in points] + (list(span) if span else [])
    ys = [y for _, y in points]
    lo, hi = min(ys), max(ys)
    if lo == hi:
        pad = abs(lo) * 0.1 or 1.0
        lo, hi = lo - pad, hi + pad
    return min(xs), max(xs), lo, hi


def _ordered(series: Sequence[Series]) -> list[Series]:
    """The series in drawing order (observations on top), every series of a key kept."""
    return [s for key in DRAW_ORDER for s in series if s.key == key]


def _keys(series: Sequence[Series]) -> list[str]:
    """Each key once, in the order first seen: the legend."""
    return list(dict.fromkeys(s.key for s in series))


def _years(series: Sequence[Series], span: tuple[int, int] | None) -> list[int]:
    return sorted({x for s in series for x, _ in s.points} | set(span or ()))


def target_legend(series: Sequence[Series], lang: str) -> str:
    """Each term's targets on a chart across terms: ``◆ 2020-2025: 8; 2025-2030: 10``."""
    parts = [
        f"{s.term}: {'; '.join(format_number(y, lang, 2, strip=True) for _, y in s.points)}"
        for s in series
        if s.key == "target" and s.term is not None
    ]
    return f"{SYMBOLS['target']} " + " · ".join(parts) if len(parts) > 1 else ""


def text_chart(
    series: Sequence[Series], lang: str, width: int = 56, height: int = 12, span: tuple[int, int] | None = None
) -> list[str]:
    """A chart in text: a grid of ``height`` rows and ``width`` columns with a y axis of values
    in the language's notation and an x axis of years (at least ``span``)."""
    bounds = _bounds(series, span)
    if bounds is None:
        return []
    x0, x1, lo, hi = bounds
    grid = [[" "] * width for _ in range(height)]

    def cell(x: int, y: float) -> tuple[int, int]:
        col = 0 if x1 == x0 else round((x - x0) / (x1 - x0) * (width - 1))
        row = round((hi - y) / (hi - lo) * (height - 1))
        return row, col

    for s in _ordered(series):
        for x, y in s.points:
            r, c = cell(x, y)
            grid[r][c] = SYMBOLS[s.key]
    labels = [format_axis(hi - (hi - lo) * i / (height - 1), lang) for i in range(height)]
    pad = max(len(s) for s in labels)
    lines = [f"{labels[i].rjust(pad)} ┤{''.join(row)}" for i, row in enumerate(grid)]
    lines.append(" " * pad + " └" + "─" * width)
    axis = [" "] * width
    ends = [x0, x1]  # labelled first: the years a chart across terms spans
    for x in ends + [y for y in _years(series, span) if y not in ends]:
        c = 0 if x1 == x0 else round((x - x0) / (x1 - x0) * (width - 1))
        label = str(x)
        start = min(max(0, c - 2), width - len(label))
        if all(ch == " " for ch in axis[max(0, start - 1) : start + len(label) + 1]):
            axis[start : start + len(label)] = list(label)
    lines.append(" " * (pad + 2) + "".join(axis))
    legend = "   ".join(f"{SYMBOLS[key]} {t('series_' + key, lang)}" for key in _keys(series))
    lines.append(" " * (pad + 2) + legend)
    targets = target_legend(series, lang)
    if targets:
        lines.append(" " * (pad + 2) + targets)
    return lines


def nice_ticks(lo: float, hi: float, count: int = 5) -> tuple[list[float], int]:
    """Round ticks covering ``lo``..``hi``: multiples of 1, 2 or 5 × 10^k (about ``count`` of
    them), and the decimals they need (``0, 2.000, 4.000`` → 0; ``7, 7,5, 8`` → 1). Where floats
    cannot step from ``lo`` to ``hi`` (extreme or tiny ranges) the ticks are ``count`` evenly
    spaced values with 2 decimals."""
    if hi <= lo:
        lo, hi = lo - 1, hi + 1
    even = [lo * (1 - k / (count - 1)) + hi * (k / (count - 1)) for k in range(count)], 2  # no overflow
    raw = (hi - lo) / max(1, count - 1)
    if not (math.isfinite(raw) and raw > 0 and max(abs(lo), abs(hi)) < AXIS_LIMIT):
        return even
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    first = math.floor(lo / step) * step
    ticks = [round(first + k * step, 10) for k in range(count + 3)]
    ticks = ticks[: next((k + 1 for k, v in enumerate(ticks) if v >= hi - step * 1e-9), len(ticks))]
    if ticks[-1] < hi - step * 1e-9 or len(set(ticks)) != len(ticks):  # floats could not step (a huge offset)
        return even
    decimals = max(0, -math.floor(math.log10(step) + 1e-9))
    return ticks, min(decimals, 6)


def tick_label(value: float, lang: str, decimals: int) -> str:
    """An axis tick in the language's notation with ``decimals``; extremes as ``9,09e+300``."""
    return format_number(value, lang, decimals) if abs(value) < AXIS_LIMIT else format_axis(value, lang)


def axis_label(unit: str | None, lang: str, units: UnitRegistry = BUILTIN_UNITS) -> str:
    """The y axis's title: the unit's label in the report's ``units`` (its key where the
    registry does not know it; nothing for unitless figures)."""
    if unit is None:
        return ""
    found = units.find(unit)
    if found is None:
        return unit
    return "" if found.kind == "none" else found.label(lang)


def year_labels(x0: int, x1: int, room: float, each: float = 36) -> list[int]:
    """The years labelled on an x axis ``room`` pixels wide: every year if they fit, else every
    second (third, ...) year from ``x0``, always ending on ``x1`` (a chart across terms is long)."""
    years = list(range(x0, x1 + 1))
    step = max(1, math.ceil(len(years) * each / max(room, 1.0)))
    shown = [x for x in years if (x - x0) % step == 0]
    if shown[-1] != x1:
        if x1 - shown[-1] < step and len(shown) > 1:
            shown.pop()
        shown.append(x1)
    return shown


class _Frame:
    """The plotting area of an SVG chart: data coordinates to pixels."""

    __slots__ = ("bottom", "height", "hi", "left", "lo", "right", "top", "width", "x0", "x1")

    def __init__(self, width: int, height: int, bounds: tuple[int, int, float, float], captions: int) -> None:
        self.width, self.height = width, height
        self.left, self.right, self.top, self.bottom = 78, 20, 46, 56 + 14 * captions
        self.x0, self.x1, self.lo, self.hi = bounds

    @property
    def base(self) -> int:
        """The y pixel of the x axis."""
        return self.height - self.bottom

    def px(self, x: float) -> float:
        x0, x1 = self.x0, self.x1
        return self.left + (0.5 if x1 == x0 else (x - x0) / (x1 - x0)) * (self.width - self.left - self.right)

    def py(self, y: float) -> float:
        return self.top + (self.hi - y) / (self.hi - self.lo) * (self.height - self.top - self.bottom)


def svg_chart(
    series: Sequence[Series],
    lang: str,
    title: str,
    width: int = 560,
    height: int = 300,
    *,
    unit: str | None = None,
    caption: str | None = None,
    span: tuple[int, int] | None = None,
    units: UnitRegistry = BUILTIN_UNITS,
) -> str:
    """A self-contained SVG chart (no script, no external resource): round ticks in the
    language's notation, the unit on the y axis, years on the x axis (at least ``span``), each
    term's target marked with its term on a chart across terms, a legend and a source caption.
    It scales to its container (viewBox) and keeps ``width``×``height`` standalone."""
    bounds = _bounds(series, span)
    if bounds is None:
        return ""
    x0, x1, lo, hi = bounds
    ticks, decimals = nice_ticks(lo, hi)
    captions = caption.splitlines()[:2] if caption else []
    frame = _Frame(width, height, (x0, x1, min(lo, ticks[0]), max(hi, ticks[-1])), len(captions))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(title)}" font-family="sans-serif" font-size="12" class="chart">',
        f'<text x="8" y="18" font-size="14" font-weight="bold">{escape(shorten(title, 64))}</text>',
    ]
    label = axis_label(unit, lang, units)
    if label:
        parts.append(f'<text x="8" y="{frame.top - 10}" fill="#444">{escape(label)}</text>')
    parts += _svg_axes(frame, ticks, decimals, lang)
    for s in _ordered(series):
        parts += _svg_series(frame, s)
    parts += _svg_legend(series, lang, frame.left, frame.base + 34)
    for k, line in enumerate(captions):
        y = height - 8 - 13 * (len(captions) - 1 - k)
        parts.append(f'<text x="8" y="{y}" font-size="10" fill="#555">{escape(shorten(line, width // 6))}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _svg_axes(frame: _Frame, ticks: list[float], decimals: int, lang: str) -> list[str]:
    """Grid lines with their tick labels, both axes, the years under the x axis."""
    left, right, width, top, base = frame.left, frame.right, frame.width, frame.top, frame.base
    parts = []
    for y in ticks:
        py = frame.py(y)
        parts.append(f'<line x1="{left}" y1="{py:.1f}" x2="{width - right}" y2="{py:.1f}" stroke="#e6e6e6"/>')
        text = escape(tick_label(y, lang, decimals))
        parts.append(f'<text x="{left - 6}" y="{py + 4:.1f}" text-anchor="end">{text}</text>')
    parts.append(f'<line x1="{left}" y1="{base}" x2="{width - right}" y2="{base}" stroke="#333"/>')
    parts.append(f'<line x1="{left}" y1="{top}" x2="{left}" y2="{base}" stroke="#333"/>')
    for x in year_labels(frame.x0, frame.x1, width - left - right):
        parts.append(f'<text x="{frame.px(x):.1f}" y="{base + 16}" text-anchor="middle">{x}</text>')
    return parts


def _svg_series(frame: _Frame, s: Series) -> list[str]:
    """One series: a line for the required path and the observations, a mark per point."""
    key, colour, parts = s.key, COLOURS[s.key], []
    if key in ("required", "observed") and len(s.points) > 1:
        pts = " ".join(f"{frame.px(x):.1f},{frame.py(y):.1f}" for x, y in s.points)
        dash = ' stroke-dasharray="4 3"' if key == "required" else ""
        parts.append(f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>')
    for x, y in s.points:
        cx, cy = frame.px(x), frame.py(y)
        if key == "target":
            parts.append(
                f'<polygon points="{cx:.1f},{cy - 7:.1f} {cx + 7:.1f},{cy:.1f} {cx:.1f},{cy + 7:.1f} '
                f'{cx - 7:.1f},{cy:.1f}" fill="{colour}"/>'
            )
            if s.term is not None:
                parts.append(
                    f'<text x="{cx:.1f}" y="{cy - 10:.1f}" font-size="10" text-anchor="middle" fill="#444">'
                    f"{escape(s.term)}</text>"
                )
        elif key == "result":
            parts.append(f'<rect x="{cx - 4:.1f}" y="{cy - 4:.1f}" width="8" height="8" fill="{colour}"/>')
        elif key != "required":
            fill = colour if key == "observed" else "white"
            parts.append(
                f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4.5" fill="{fill}" stroke="{colour}" stroke-width="2"/>'
            )
    return parts


def _svg_legend(series: Sequence[Series], lang: str, x: int, y: int) -> list[str]:
    """Each key once, a coloured square and its name, left to right from ``x``."""
    parts = []
    for key in _keys(series):
        parts.append(f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{COLOURS[key]}"/>')
        name = escape(t("series_" + key, lang))
        parts.append(f'<text x="{x + 14}" y="{y}">{name}</text>')
        x += 30 + 7 * len(name)
    return parts


PNG_STYLES: dict[str, dict[str, str]] = {
    "required": {"linestyle": "--", "marker": ""},
    "observed": {"linestyle": "-", "marker": "o"},
    "baseline": {"linestyle": "", "marker": "o", "markerfacecolor": "white"},
    "target": {"linestyle": "", "marker": "D"},
    "result": {"linestyle": "", "marker": "s"},
}
"""matplotlib's line and marker styles of each series key (the SVG's, drawn by matplotlib)."""


class ChartUnavailable(RuntimeError):
    """PNG charts need the optional matplotlib (``pip install 'cbkpi[charts]'``)."""


PNG_DPI = 100


def png_chart(
    series: Sequence[Series],
    lang: str,
    title: str,
    path: Path,
    *,
    unit: str | None = None,
    caption: str | None = None,
    size: tuple[int, int] = (800, 400),
    span: tuple[int, int] | None = None,
    units: UnitRegistry = BUILTIN_UNITS,
) -> None:
    """Write the chart as PNG bytes to ``path`` (the caller writes atomically): ``size`` in
    pixels, the unit on the y axis, round ticks in the language's notation, years (at least
    ``span``) on the x axis, each term's target marked with its term, the caption below."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib.ticker import FixedLocator, FuncFormatter
    except ImportError:
        from cbkpi.i18n import message_lang

        raise ChartUnavailable(t("err_png_needs_matplotlib", message_lang())) from None
    fig, ax = plt.subplots(figsize=(size[0] / PNG_DPI, size[1] / PNG_DPI), dpi=PNG_DPI)
    labelled: set[str] = set()
    for s in _ordered(series):
        key = s.key
        xs = [x for x, _ in s.points]
        ys = [y for _, y in s.points]
        label = None if key in labelled else t("series_" + key, lang)
        labelled.add(key)
        ax.plot(xs, ys, color=COLOURS[key], label=label, **PNG_STYLES[key])  # type: ignore[arg-type]
        if key == "target" and s.term is not None:
            for x, y in s.points:
                ax.annotate(s.term, (x, y), textcoords="offset points", xytext=(0, 7), ha="center", fontsize="x-small")
    ax.set_title(title, fontsize="medium")
    ax.grid(True, color="#eee")
    ax.legend(loc="best", fontsize="small")
    bounds = _bounds(series, span)
    if bounds is not None:
        _png_scales(ax, bounds, size[0], lang, FixedLocator, FuncFormatter)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: str(int(v))))
    ax.set_ylabel(axis_label(unit, lang, units))
    ax.set_xlabel(t("chart_year", lang))
    if caption:
        lines = [shorten(line, size[0] // 6) for line in caption.splitlines()[:2]]
        fig.text(0.01, 0.01, "\n".join(lines), fontsize="x-small", color="#555")
        fig.tight_layout(rect=(0, 0.03 + 0.025 * len(lines) * 400 / size[1], 1, 1))
    else:
        fig.tight_layout()
    fig.savefig(path, format="png")
    plt.close(fig)


def _png_scales(
    ax: Any, bounds: tuple[int, int, float, float], width: int, lang: str, locator: Any, formatter: Any
) -> None:
    """Round y ticks in the language's notation (a point on the lowest tick stays whole) and the
    years on the x axis, as on the SVG chart. ``locator`` and ``formatter`` are matplotlib's
    ``FixedLocator`` and ``FuncFormatter``, imported by :func:`png_chart` (matplotlib is optional)."""
    x0, x1, lo, hi = bounds
    ticks, decimals = nice_ticks(lo, hi)
    ax.yaxis.set_major_locator(locator(ticks))
    pad = (ticks[-1] - ticks[0]) * 0.03
    ax.set_ylim(min(lo, ticks[0]) - pad, max(hi, ticks[-1]) + pad)
    ax.xaxis.set_major_locator(locator([float(x) for x in year_labels(x0, x1, width * 0.8, 40)]))
    ax.set_xlim(x0 - 0.5, x1 + 0.5)
    ax.yaxis.set_major_formatter(formatter(lambda v, _pos: tick_label(v, lang, decimals)))
