"""``cbkpi calc``: the formulas of docs/methodology.md on numbers typed on the command line."""

# No `from __future__ import annotations`: typer reads the commands' annotations with
# get_type_hints, which compiles and evaluates each string at every start; objects cost nothing.
import math
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from cbkpi.cli_options import Lang, LangOpt

if TYPE_CHECKING:
    from cbkpi.calc import Figure
    from cbkpi.pace import PaceUnit


class _SignedNumbers(TyperGroup):
    """Reads ``-4,00`` as a negative number, not as an option (:func:`cbkpi.pace.shield_negative_numbers`)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:  # ctx: click's (typer vendors it)
        from cbkpi.pace import shield_negative_numbers

        return super().parse_args(ctx, shield_negative_numbers(args))


calc_app = typer.Typer(
    cls=_SignedNumbers,
    help=(
        "The formulas of docs/methodology.md on numbers typed on the command line. Numbers may be "
        "written in Vietnamese (4,5  1.650) or English (4.5  1,650) notation, negative ones as "
        "-4,00; text that reads differently in the two (1.650) is refused unless --notation says which."
    ),
    no_args_is_help=True,
)


class PaceOpt(str, Enum):
    pct = "pct"
    points = "points"
    units = "units"


_PACE_UNITS: dict[str, "PaceUnit"] = {"pct": "pct_per_year", "points": "pp_per_year", "units": "units_per_year"}

PaceBasisOpt = Annotated[
    PaceOpt,
    typer.Option(
        "--pace",
        help=(
            "pct: compound %/year (amounts, levels); points: percentage points a year (shares); "
            "units: units a year (counts)."
        ),
    ),
]

NotationOpt = Annotated[
    Lang | None,
    typer.Option("--notation", help="How the numbers are written: vi (4,5) or en (4.5). Default: inferred."),
]


def _finite_years(value: float) -> float:
    if not math.isfinite(value):
        from cbkpi.i18n import message_lang, t

        raise typer.BadParameter(t("num_not_years", message_lang(), value=value))
    return value


YearsOpt = Annotated[
    float, typer.Option("--years", "-n", min=0, callback=_finite_years, help="Number of years (finite, ≥ 0).")
]


def _parse_arg(text: str, notation: Lang | None, name: str) -> float:
    from cbkpi.i18n import NumberFormatError, format_number, message_lang, t
    from cbkpi.pace import parse_signed_number
    from cbkpi.safe_text import shorten

    try:
        value = parse_signed_number(text, notation.value if notation else None)
    except NumberFormatError as exc:
        raise typer.BadParameter(str(exc), param_hint=name) from None
    if not math.isfinite(value):
        lang = message_lang()
        length = format_number(len(text), lang, 0)
        raise typer.BadParameter(t("num_too_large", lang, text=shorten(text, 40), length=length), param_hint=name)
    return value


def _show(fig: "Figure", lang: Lang, unit_key: str | None, json_out: bool, pace: PaceOpt | None = None) -> None:
    """Print a figure with its unit's label (the unit registry holds the words; a pace's unit:
    :func:`cbkpi.render.words.pace_label`), or as JSON (with ``unit``, the pace unit, for a pace)."""
    import json

    from cbkpi.i18n import format_number, t
    from cbkpi.units import get_unit

    if json_out:
        doc: dict[str, object] = {"value": fig.value, "reason": fig.reason, "note": fig.note}
        if pace is not None:
            doc["unit"] = _PACE_UNITS[pace.value]
        typer.echo(json.dumps(doc, allow_nan=False))
    elif fig.value is None:
        typer.echo(f"{t('not_computable', lang.value)}: {t(fig.reason or 'unknown_input', lang.value)}")
    else:
        note = f" ({t(fig.note, lang.value)})" if fig.note else ""
        unit = f" {get_unit(unit_key).label(lang.value)}" if unit_key else ""
        if pace is not None and pace is not PaceOpt.pct:
            from cbkpi.render.words import pace_label

            unit = " " + pace_label(_PACE_UNITS[pace.value], "", lang.value)
        typer.echo(f"{format_number(fig.value, lang.value, 2)}{unit}{note}")
    if fig.value is None:
        raise typer.Exit(1)


JsonOpt = Annotated[bool, typer.Option("--json", help="Print {value, reason, note} as JSON.")]


class DirectionOpt(str, Enum):
    up = "higher"
    down = "lower"


DirectionArg = Annotated[
    DirectionOpt, typer.Option("--direction", help="lower: lower is better (a reduction, a ceiling).")
]


@calc_app.command("required")
def calc_required(
    baseline: Annotated[str, typer.Argument(help="Start value.")],
    target: Annotated[str, typer.Argument(help="Target value.")],
    years: YearsOpt = 5,
    pace: PaceBasisOpt = PaceOpt.pct,
    direction: DirectionArg = DirectionOpt.up,
    notation: NotationOpt = None,
    lang: LangOpt = Lang.vi,
    json_out: JsonOpt = False,
) -> None:
    """Pace needed a year to go from BASELINE to TARGET in --years years.

    A compound growth rate, or with --pace points / units the change a year, (TARGET − BASELINE) /
    years; --direction lower for a reduction.

    Examples: cbkpi calc required 3 4,5 --years 5   →  8,45 %/năm;
    cbkpi calc required 22,07 2,07 --pace points --direction lower   →  -4,00 điểm %/năm;
    cbkpi calc required 25 50 --pace units   →  5,00 đơn vị/năm
    """
    from cbkpi.pace import required_pace

    fig = required_pace(
        _parse_arg(baseline, notation, "BASELINE"),
        _parse_arg(target, notation, "TARGET"),
        years,
        _PACE_UNITS[pace.value],
        direction.value,
    )
    _show(fig, lang, "percent_per_year", json_out, pace)


@calc_app.command("cagr")
def calc_cagr(
    start: Annotated[str, typer.Argument(help="Start value.")],
    end: Annotated[str, typer.Argument(help="End value.")],
    years: YearsOpt = 5,
    notation: NotationOpt = None,
    lang: LangOpt = Lang.vi,
    json_out: JsonOpt = False,
) -> None:
    """Compound annual growth rate from START to END over --years years.

    Example: cbkpi calc cagr 1.5 3 --years 5   →  14,87 %/năm
    """
    from cbkpi.calc import cagr

    _show(
        cagr(_parse_arg(start, notation, "START"), _parse_arg(end, notation, "END"), years),
        lang,
        "percent_per_year",
        json_out,
    )


@calc_app.command("implied")
def calc_implied(
    baseline: Annotated[str, typer.Argument(help="Start value.")],
    rate: Annotated[str, typer.Argument(help="Pace a year: growth in %, or points / units with --pace.")],
    years: YearsOpt = 5,
    pace: PaceBasisOpt = PaceOpt.pct,
    notation: NotationOpt = None,
    lang: LangOpt = Lang.vi,
    json_out: JsonOpt = False,
) -> None:
    """End value reached from BASELINE at RATE a year for --years years.

    Compound growth at RATE %/year, or with --pace points / units BASELINE + RATE × years (RATE
    signed).

    Examples: cbkpi calc implied 3 10 --years 5   →  4,83;
    cbkpi calc implied 22,07 -4 --pace points   →  2,07;  cbkpi calc implied 167 10 --pace units   →  217,00
    """
    from cbkpi.pace import implied_end

    fig = implied_end(
        _parse_arg(baseline, notation, "BASELINE"),
        _parse_arg(rate, notation, "RATE"),
        years,
        _PACE_UNITS[pace.value],
    )
    _show(fig, lang, None, json_out)


@calc_app.command("achieved")
def calc_achieved(
    actual: Annotated[str, typer.Argument(help="Result (a level, or an achieved rate).")],
    target: Annotated[str, typer.Argument(help="Target (a level, or a target rate).")],
    direction: Annotated[
        DirectionOpt, typer.Option("--direction", help="lower: lower is better (target/actual).")
    ] = DirectionOpt.up,
    notation: NotationOpt = None,
    lang: LangOpt = Lang.vi,
    json_out: JsonOpt = False,
) -> None:
    """Achievement in percent: ACTUAL / TARGET × 100 (TARGET / ACTUAL for --direction lower).

    The appendix's convention for growth targets too: cbkpi calc achieved 13 10  →  130,00 %
    """
    from cbkpi.calc import level_achievement

    _show(
        level_achievement(
            _parse_arg(actual, notation, "ACTUAL"), _parse_arg(target, notation, "TARGET"), direction.value
        ),
        lang,
        "percent",
        json_out,
    )
