"""The data model of cbkpi's YAML files, as pydantic models.

Numbers are kept as :class:`decimal.Decimal` built from the text written in the YAML file, so
``111`` and ``111.0`` stay distinguishable: the audit needs the precision a figure was printed
with. ``None`` (YAML ``null``) means *unknown*: the source does not give the figure.

The model knows nothing of files, lines or terminals; :mod:`cbkpi.loader` builds it from YAML and
:mod:`cbkpi.checks` adds the checks that span several fields.

No ``from __future__ import annotations`` here: pydantic would compile and evaluate every
annotation string of every model at each start of the command line; written as objects, the
annotations cost nothing more (a method returning its own class quotes the name).
"""

import datetime as dt
import math
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, WithJsonSchema, model_validator

from cbkpi.pace import PaceUnit
from cbkpi.units import BUILTIN_UNITS, UNITS, Measure, Unit, UnitKind, UnitRegistry


def _to_decimal(value: Any) -> Any:
    """Accept YAML numbers only (not strings, not booleans), never NaN or infinity."""
    if isinstance(value, bool):
        raise ValueError("expected a number, got a boolean")
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("expected a finite number, got NaN or infinity")
        return Decimal(repr(value))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError("expected a finite number, got NaN or infinity")
        return value
    raise ValueError(f"expected a number, got {type(value).__name__} {value!r}")


Number = Annotated[
    Decimal,
    PlainValidator(_to_decimal),  # not pydantic's own Decimal checks: several times faster
    WithJsonSchema({"type": "number"}),
]
"""A finite number, kept with the precision it was written with."""


KEY_PATTERN = r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$"

UnitKey = Annotated[
    str,
    Field(pattern=KEY_PATTERN, max_length=80),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": KEY_PATTERN,
            "description": "a built-in unit (" + ", ".join(sorted(UNITS)) + ") or a key declared under 'units'",
        }
    ),
]
"""A unit key; whether the unit exists (built in or declared in the file) is checked by
:mod:`cbkpi.checks`, which knows the file's declarations."""

Year = Annotated[int, Field(ge=1900, le=2100, strict=True)]
Id = Annotated[str, Field(pattern=KEY_PATTERN, max_length=80)]
BUILTIN_AREAS = ("economy", "culture_society", "environment", "party_building")
Area = Annotated[
    str,
    Field(pattern=KEY_PATTERN, max_length=80),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": KEY_PATTERN,
            "description": "a built-in area (" + ", ".join(BUILTIN_AREAS) + ") or a key declared under 'areas'",
        }
    ),
]
Direction = Literal["higher", "lower"]
Comparator = Literal["over", "at_least", "exactly", "at_most", "under", "reach"]
"""``reach``: the source gives a value without saying over/at least; read as at least for
higher-is-better indicators and at most for lower-is-better ones."""


def _pace_unit_of(key: str, units: UnitRegistry) -> PaceUnit | None:
    """The pace unit of unit ``key`` in ``units`` (the report's registry: built-in and declared
    units); a key the registry does not know is paced as a compound percent a year."""
    unit = units.find(key)
    return unit.pace_unit if unit is not None else "pct_per_year"


def no_items() -> list[Any]:
    """The default of a list field. A function of its own rather than ``list``: pydantic reads
    the signature of a default factory, and ``list``'s is parsed from its text (the tokenizer's
    regular expressions, compiled at every start of the command line)."""
    return []


class Strict(BaseModel):
    """Base: unknown keys are errors (a typo must not silently drop a figure)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Ref(Strict):
    """Where a figure stands in its source: a line of the source text, the exact quote, or both.

    ``source`` names an entry of the file's ``sources`` list; without it the ref points into the
    file's main ``source``. A web document has no lines: its refs give the quote alone."""

    line: Annotated[int, Field(ge=1, strict=True)] | None = None
    quote: Annotated[str, Field(min_length=1)] | None = None
    source: Id | None = None

    @model_validator(mode="after")
    def _line_or_quote(self) -> "Ref":
        if self.line is None and self.quote is None:
            raise ValueError("a ref needs a 'line', a 'quote' or both")
        return self


class Names(Strict):
    vi: Annotated[str, Field(min_length=1)]
    en: Annotated[str, Field(min_length=1)]

    def get(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


class SourceDoc(Strict):
    """A document figures are quoted from: a text file under the source folder (``file``) or a
    web page (``url``), or both."""

    title: Annotated[str, Field(min_length=1)]
    publisher: Annotated[str, Field(min_length=1)]
    date: dt.date | None
    """``null`` when the document carries no date."""
    file: str | None = None
    url: Annotated[str, Field(pattern=r"^https?://\S+$", max_length=2000)] | None = None


class NamedSource(SourceDoc):
    """A further source of a file, named by ``id`` in a ref's ``source``."""

    id: Id


class UnitDecl(Strict):
    """A unit declared in a data file, beside the built-in ones (``cbkpi units``)."""

    key: Id
    vi: Annotated[str, Field(min_length=1)]
    en: Annotated[str, Field(min_length=1)]
    kind: UnitKind
    measure: Measure = "amount"
    """``count`` for an ``amount`` that counts things (cooperatives, schools): paced in units a
    year, not in compound percent a year."""

    def unit(self) -> Unit:
        return Unit(self.key, self.vi, self.en, self.kind, self.measure)


class AreaDecl(Strict):
    """An area (a group of indicators) declared in a data file, beside the built-in ones."""

    key: Id
    vi: Annotated[str, Field(min_length=1)]
    en: Annotated[str, Field(min_length=1)]


class Term(Strict):
    start: Year
    end: Year


class Baseline(Strict):
    """The value an indicator starts the term from; ``value: null`` when the source gives none.
    With ``from_observations: true`` instead of a value, the value is the observation of the
    indicator for ``year`` that counts (the newest non-estimate, else the newest estimate)."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        json_schema_extra={
            "anyOf": [
                {"required": ["value"]},
                {"required": ["from_observations"], "properties": {"from_observations": {"const": True}}},
            ]
        },
    )

    year: Year
    value: Number | None = None
    from_observations: bool = False
    comparator: Comparator | None = None
    """``over`` where the source says "trên 2.000": the value is a lower bound."""
    estimate: bool = False
    ref: Ref | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _value_or_observations(self) -> "Baseline":
        if self.from_observations:
            if self.value is not None:
                raise ValueError("give either 'value' or 'from_observations: true', not both")
        elif "value" not in self.model_fields_set:
            raise ValueError("'value' is required (null when unknown), or 'from_observations: true'")
        return self


DONE_TEXTS = ("đạt", "done", "achieved")
"""A result text that says a milestone or a qualitative target was achieved (any case)."""


class Result(Strict):
    """What was achieved, in the target's own terms (a level, a rate, a count, a text)."""

    value: Number | None = None
    text: str | None = None
    comparator: Comparator | None = None
    unit: UnitKey | None = None
    basis: Literal["total", "per_year"] = "total"
    estimate: bool = True
    ref: Ref

    @property
    def done(self) -> bool | None:
        """Whether the text says achieved (:data:`DONE_TEXTS`); None without a text."""
        return None if self.text is None else self.text.strip().lower() in DONE_TEXTS


class PublishedRatio(Strict):
    """A ratio "result / target" as the source prints it, in percent (``130`` for "130%")."""

    value: Number
    ref: Ref


class Equivalent(Strict):
    """The same target expressed in another unit, as the source prints it."""

    value: Number
    unit: UnitKey
    ref: Ref


class _TargetBase(Strict):
    ref: Ref
    result: Result | None = None
    published_ratio: PublishedRatio | None = None
    note: str | None = None


class LevelTarget(_TargetBase):
    """Reach a level by a year: "forest cover 60 % by 2025"."""

    kind: Literal["level"]
    quantified: ClassVar[bool] = True
    """Whether observations can track it (a number to reach)."""
    comparator: Comparator = "reach"
    value: Number | None
    year: Year
    unit: UnitKey | None = None
    equivalent: Equivalent | None = None
    ratio_basis: Literal["value", "equivalent"] = "value"

    def value_unit(self, indicator_unit: str) -> str:
        """The unit of ``value``."""
        return indicator_unit if self.unit is None else self.unit

    @property
    def year_fields(self) -> list[tuple[str, int]]:
        """The year keys of the target and their values, as written."""
        return [("year", self.year)]

    def years(self, baseline_year: int | None) -> int | None:
        """Years the target spans: from its start year, or from the baseline year."""
        return None if baseline_year is None else self.year - baseline_year

    def pace_unit(self, indicator_unit: str, units: UnitRegistry = BUILTIN_UNITS) -> PaceUnit | None:
        """The unit of a pace against this target: points a year for a share, units a year for
        a count, a compound percent a year for other amounts (the unit's own)."""
        return _pace_unit_of(self.value_unit(indicator_unit), units)


class GrowthRateTarget(_TargetBase):
    """An average annual growth rate, in percent per year, over ``start_year``..``end_year``."""

    kind: Literal["growth_rate"]
    quantified: ClassVar[bool] = True
    """Whether observations can track it (a number to reach)."""
    comparator: Comparator = "reach"
    value: Number
    start_year: Year
    end_year: Year

    def value_unit(self, indicator_unit: str) -> str:
        """The unit of ``value``."""
        return "percent_per_year"

    @property
    def year_fields(self) -> list[tuple[str, int]]:
        """The year keys of the target and their values, as written."""
        return [("start_year", self.start_year), ("end_year", self.end_year)]

    def years(self, baseline_year: int | None) -> int | None:
        """Years the target spans: from its start year, or from the baseline year."""
        return self.end_year - self.start_year

    def pace_unit(self, indicator_unit: str, units: UnitRegistry = BUILTIN_UNITS) -> PaceUnit | None:
        """The unit of a pace against this target: its own yearly rate, in percent a year."""
        return "pct_per_year"


class PerUnit(Strict):
    value: Number
    label: Names


class CountPerYearTarget(_TargetBase):
    """A count per year over the term ("at least 1 new school per district per year").

    ``value`` is the province-wide count per year, or ``null`` where the source gives only the
    count per district (``per_unit``) and not the number of districts."""

    kind: Literal["count_per_year"]
    quantified: ClassVar[bool] = True
    """Whether observations can track it (a number to reach)."""
    comparator: Comparator = "reach"
    value: Number | None
    per_unit: PerUnit | None = None
    start_year: Year
    end_year: Year
    unit: UnitKey

    def value_unit(self, indicator_unit: str) -> str:
        """The unit of ``value``."""
        return self.unit

    @property
    def year_fields(self) -> list[tuple[str, int]]:
        """The year keys of the target and their values, as written."""
        return [("start_year", self.start_year), ("end_year", self.end_year)]

    def years(self, baseline_year: int | None) -> int | None:
        """Years the target spans: from its start year, or from the baseline year."""
        return self.end_year - self.start_year

    def pace_unit(self, indicator_unit: str, units: UnitRegistry = BUILTIN_UNITS) -> PaceUnit | None:
        """The unit of a pace against this target: the count a year, in its own unit."""
        return "units_per_year"


class PointsReductionTarget(_TargetBase):
    """A reduction in percentage points per year ("poverty rate down over 4 points a year")."""

    kind: Literal["points_reduction_per_year"]
    quantified: ClassVar[bool] = True
    """Whether observations can track it (a number to reach)."""
    comparator: Comparator = "reach"
    value: Number
    start_year: Year
    end_year: Year

    def value_unit(self, indicator_unit: str) -> str:
        """The unit of ``value``."""
        return "percentage_points_per_year"

    @property
    def year_fields(self) -> list[tuple[str, int]]:
        """The year keys of the target and their values, as written."""
        return [("start_year", self.start_year), ("end_year", self.end_year)]

    def years(self, baseline_year: int | None) -> int | None:
        """Years the target spans: from its start year, or from the baseline year."""
        return self.end_year - self.start_year

    def pace_unit(self, indicator_unit: str, units: UnitRegistry = BUILTIN_UNITS) -> PaceUnit | None:
        """The unit of a pace against this target: percentage points a year."""
        return "pp_per_year"


class _RangeBase(_TargetBase):
    """A target given as a range "from ``low`` to ``high``": neither end is more the target than
    the other; below ``low`` falls short of the range, above ``high`` goes beyond it."""

    low: Number
    high: Number

    @model_validator(mode="after")
    def _low_below_high(self) -> "_RangeBase":
        if self.low >= self.high:
            raise ValueError(f"low {self.low} is not below high {self.high}; expected low < high")
        return self


class LevelRangeTarget(_RangeBase):
    """Reach a level within a range by a year: "75-80 million VND per person by 2030"."""

    kind: Literal["level_range"]
    quantified: ClassVar[bool] = True
    """Whether observations can track it (a number to reach)."""
    year: Year

    def value_unit(self, indicator_unit: str) -> str:
        """The unit of ``low`` and ``high``."""
        return indicator_unit

    @property
    def year_fields(self) -> list[tuple[str, int]]:
        """The year keys of the target and their values, as written."""
        return [("year", self.year)]

    def years(self, baseline_year: int | None) -> int | None:
        """Years the target spans: from its start year, or from the baseline year."""
        return None if baseline_year is None else self.year - baseline_year

    def pace_unit(self, indicator_unit: str, units: UnitRegistry = BUILTIN_UNITS) -> PaceUnit | None:
        """The unit of a pace against this target: the indicator unit's own."""
        return _pace_unit_of(indicator_unit, units)


class CountPerYearRangeTarget(_RangeBase):
    """A count per year within a range ("1,500 to 1,600 new party members a year")."""

    kind: Literal["count_per_year_range"]
    quantified: ClassVar[bool] = True
    """Whether observations can track it (a number to reach)."""
    start_year: Year
    end_year: Year
    unit: UnitKey

    def value_unit(self, indicator_unit: str) -> str:
        """The unit of ``low`` and ``high``."""
        return self.unit

    @property
    def year_fields(self) -> list[tuple[str, int]]:
        """The year keys of the target and their values, as written."""
        return [("start_year", self.start_year), ("end_year", self.end_year)]

    def years(self, baseline_year: int | None) -> int | None:
        """Years the target spans: from its start year, or from the baseline year."""
        return self.end_year - self.start_year

    def pace_unit(self, indicator_unit: str, units: UnitRegistry = BUILTIN_UNITS) -> PaceUnit | None:
        """The unit of a pace against this target: the count a year, in its own unit."""
        return "units_per_year"


class MaintainTarget(_TargetBase):
    """Keep a level ("maintain 15 doctors per 10,000 people")."""

    kind: Literal["maintain"]
    quantified: ClassVar[bool] = True
    """Whether observations can track it (a number to reach)."""
    value: Number | None
    year: Year

    def value_unit(self, indicator_unit: str) -> str:
        """The unit of ``value``."""
        return indicator_unit

    @property
    def year_fields(self) -> list[tuple[str, int]]:
        """The year keys of the target and their values, as written."""
        return [("year", self.year)]

    def years(self, baseline_year: int | None) -> int | None:
        """Years the target spans: from its start year, or from the baseline year."""
        return None if baseline_year is None else self.year - baseline_year

    def pace_unit(self, indicator_unit: str, units: UnitRegistry = BUILTIN_UNITS) -> PaceUnit | None:
        """None: a level kept, not a pace."""
        return None


class MilestoneTarget(_TargetBase):
    """An event by a year ("expressway phase 1 completed by 2025")."""

    kind: Literal["milestone"]
    quantified: ClassVar[bool] = False
    """Whether observations can track it (a number to reach)."""
    description: Names
    year: Year

    def value_unit(self, indicator_unit: str) -> str:
        """The unit of ``value``."""
        return indicator_unit

    @property
    def year_fields(self) -> list[tuple[str, int]]:
        """The year keys of the target and their values, as written."""
        return [("year", self.year)]

    def years(self, baseline_year: int | None) -> int | None:
        """Years the target spans: from its start year, or from the baseline year."""
        return None if baseline_year is None else self.year - baseline_year

    def pace_unit(self, indicator_unit: str, units: UnitRegistry = BUILTIN_UNITS) -> PaceUnit | None:
        """None: no pace."""
        return None


class QualitativeTarget(_TargetBase):
    """A target judged in words ("Đạt")."""

    kind: Literal["qualitative"]
    quantified: ClassVar[bool] = False
    """Whether observations can track it (a number to reach)."""
    description: Names

    def value_unit(self, indicator_unit: str) -> str:
        """The unit of ``value``."""
        return indicator_unit

    @property
    def year_fields(self) -> list[tuple[str, int]]:
        """The year keys of the target and their values, as written."""
        return []

    def years(self, baseline_year: int | None) -> int | None:
        """Years the target spans: from its start year, or from the baseline year."""
        return None

    def pace_unit(self, indicator_unit: str, units: UnitRegistry = BUILTIN_UNITS) -> PaceUnit | None:
        """None: no pace."""
        return None


Target = Annotated[
    LevelTarget
    | GrowthRateTarget
    | CountPerYearTarget
    | PointsReductionTarget
    | MaintainTarget
    | MilestoneTarget
    | QualitativeTarget
    | LevelRangeTarget
    | CountPerYearRangeTarget,
    Field(discriminator="kind"),
]


class Indicator(Strict):
    id: Id
    number: Annotated[str, Field(min_length=1, max_length=10)] | None = None
    """The item number the source prints; absent when the source numbers none."""
    sub: Annotated[str, Field(min_length=1, max_length=10)] | None = None
    name: Names
    area: Area
    unit: UnitKey
    direction: Direction = "higher"
    share_group: Id | None = None
    baseline: Baseline | None = None
    targets: Annotated[list[Target], Field(min_length=1)]
    note: str | None = None

    @property
    def label(self) -> str:
        """The number as printed with its sub-row: ``9``, ``9b``."""
        return (self.number or "") + (self.sub or "")

    def title(self, lang: str) -> str:
        """``9b. Name`` with a number, else the name alone."""
        name = self.name.get(lang)
        return f"{self.label}. {name}" if self.label else name


class GrowthClaim(Strict):
    """A growth statement of the narrative: "X in 2020, up Y % on 2015, averaging Z %/year".

    Any of ``increase_pct`` (total change in percent), ``multiple`` ("N times the 2015 level")
    and ``average_annual_pct`` may be given; the audit checks the ones that are."""

    id: Id
    indicator: Id | None = None
    subject: Names
    unit: UnitKey | None = None
    start_year: Year
    end_year: Year
    end_value: Number | None = None
    increase_pct: Number | None = None
    multiple: Number | None = None
    average_annual_pct: Number | None = None
    average_comparator: Comparator = "exactly"
    ref: Ref
    note: str | None = None


class DataFile(Strict):
    """One YAML data file: a term's targets or results, with the source they come from."""

    source: SourceDoc
    sources: list[NamedSource] = Field(default_factory=no_items)
    term: Term
    kind: Literal["targets", "results"]
    units: list[UnitDecl] = Field(default_factory=no_items)
    areas: list[AreaDecl] = Field(default_factory=no_items)
    indicators: Annotated[list[Indicator], Field(min_length=1)]
    claims: list[GrowthClaim] = Field(default_factory=no_items)

    def unit_registry(self, base: UnitRegistry = BUILTIN_UNITS) -> UnitRegistry:
        """``base`` (the built-in units) plus the units this file declares."""
        return base.with_declared(u.unit() for u in self.units)

    def area_names(self) -> dict[str, Names]:
        """The areas this file declares, by key."""
        return {a.key: Names(vi=a.vi, en=a.en) for a in self.areas}

    def source_of(self, ref: Ref) -> SourceDoc | None:
        """The document ``ref`` quotes: the named one, else the main source (None: unknown id)."""
        if ref.source is None:
            return self.source
        return next((s for s in self.sources if s.id == ref.source), None)
