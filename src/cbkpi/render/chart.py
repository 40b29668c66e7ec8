"""Charts of an indicator's series: in the terminal (text), as SVG (HTML report), as PNG.

All three draw the same :class:`cbkpi.series.Series`: baseline ○, observations ●, the required
path ·, the target ◆, a finished term's result ■. A chart across terms has several series of a
key (one per term, :attr:`Series.term`): each is drawn on its own, the legend names the key once
and lists each term's target.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

from cbkpi.i18n import format_axis, format_number, t
from cbkpi.series import Series

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


def svg_chart(
    series: Sequence[Series],
    lang: str,
    title: str,
    width: int = 560,
    height: int = 260,
    span: tuple[int, int] | None = None,
) -> str:
    """A self-contained SVG chart (no script, no external resource)."""
    bounds = _bounds(series, span)
    if bounds is None:
        return ""
    x0, x1, lo, hi = bounds
    left, right, top, bottom = 70, 20, 30, 50

    def px(x: float) -> float:
        return left + (0 if x1 == x0 else (x - x0) / (x1 - x0) * (width - left - right))

    def py(y: float) -> float:
        return top + (hi - y) / (hi - lo) * (height - top - bottom)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(title)}" font-family="sans-serif" font-size="11">',
        f'<text x="{left}" y="18" font-size="13" font-weight="bold">{escape(title)}</text>',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - right}" y2="{height - bottom}" stroke="#333"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{height - bottom}" stroke="#333"/>',
    ]
    for i in range(5):
        y = lo + (hi - lo) * i / 4
        parts.append(
            f'<text x="{left - 6}" y="{py(y) + 4:.1f}" text-anchor="end">{escape(format_axis(y, lang))}</text>'
        )
        parts.append(f'<line x1="{left}" y1="{py(y):.1f}" x2="{width - right}" y2="{py(y):.1f}" stroke="#eee"/>')
    for x in _years(series, span):
        parts.append(f'<text x="{px(x):.1f}" y="{height - bottom + 16}" text-anchor="middle">{x}</text>')
    for s in _ordered(series):
        key = s.key
        colour = COLOURS[key]
        if key in ("required", "observed") and len(s.points) > 1:
            pts = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in s.points)
            dash = ' stroke-dasharray="4 3"' if key == "required" else ""
            parts.append(f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>')
        for x, y in s.points:
            if key == "target":
                cx, cy = px(x), py(y)
                parts.append(
                    f'<polygon points="{cx},{cy - 6:.1f} {cx + 6:.1f},{cy} {cx},{cy + 6:.1f} {cx - 6:.1f},{cy}" fill="{colour}"/>'
                )
            elif key == "result":
                parts.append(f'<rect x="{px(x) - 4:.1f}" y="{py(y) - 4:.1f}" width="8" height="8" fill="{colour}"/>')
            elif key != "required":
                fill = colour if key == "observed" else "white"
                parts.append(
                    f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="4" fill="{fill}" stroke="{colour}" stroke-width="2"/>'
                )
    x = left
    for key in _keys(series):
        parts.append(f'<rect x="{x}" y="{height - 18}" width="10" height="10" fill="{COLOURS[key]}"/>')
        label = escape(t("series_" + key, lang))
        parts.append(f'<text x="{x + 14}" y="{height - 9}">{label}</text>')
        x += 30 + 7 * len(label)
    parts.append("</svg>")
    return "\n".join(parts)


class ChartUnavailable(RuntimeError):
    """PNG charts need the optional matplotlib (``pip install 'cbkpi[charts]'``)."""


def png_chart(series: Sequence[Series], lang: str, title: str, path: Path, span: tuple[int, int] | None = None) -> None:
    """Write the chart as PNG bytes to ``path`` (the caller writes atomically)."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise ChartUnavailable("PNG charts need matplotlib: pip install 'cbkpi[charts]'") from None
    fig, ax = plt.subplots(figsize=(7, 3.5), dpi=100)
    styles = {
        "required": {"linestyle": "--", "marker": ""},
        "observed": {"linestyle": "-", "marker": "o"},
        "baseline": {"linestyle": "", "marker": "o", "markerfacecolor": "white"},
        "target": {"linestyle": "", "marker": "D"},
        "result": {"linestyle": "", "marker": "s"},
    }
    labelled: set[str] = set()
    for s in _ordered(series):
        key = s.key
        xs = [x for x, _ in s.points]
        ys = [y for _, y in s.points]
        label = None if key in labelled else t("series_" + key, lang)
        labelled.add(key)
        ax.plot(xs, ys, color=COLOURS[key], label=label, **styles[key])  # type: ignore[arg-type]
        if key == "target" and s.term is not None:
            for x, y in s.points:
                ax.annotate(s.term, (x, y), textcoords="offset points", xytext=(0, 7), ha="center", fontsize="x-small")
    if span is not None:
        ax.set_xlim(span[0] - 0.5, span[1] + 0.5)
    ax.set_title(title)
    ax.grid(True, color="#eee")
    ax.legend(loc="best", fontsize="small")
    ax.xaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]
    from matplotlib.ticker import FuncFormatter

    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: format_axis(v, lang)))
    fig.tight_layout()
    fig.savefig(path, format="png")
    plt.close(fig)


def chart_file(
    path: Path, kind: str, series: Sequence[Series], lang: str, title: str, span: tuple[int, int] | None = None
) -> None:
    """Write the chart to ``path`` as ``png`` or ``svg`` (the caller writes atomically)."""
    if kind == "png":
        png_chart(series, lang, title, path, span)
    else:
        path.write_text(svg_chart(series, lang, title, span=span) + "\n", encoding="utf-8")
