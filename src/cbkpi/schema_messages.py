"""Schema errors in plain words, in the message language (:func:`cbkpi.i18n.message_lang`).

pydantic says "Input should be greater than or equal to 1900" or "Value error, expected a
number, got str '55,1'"; a person editing a YAML file needs "1800 is too small: expected at
least 1900" and "'55,1' is text, not a number: YAML writes decimals with a point, write 55.1".
The common errors are rephrased here (strings in :mod:`cbkpi.i18n`); rarer ones keep pydantic's
wording with the value given."""

from __future__ import annotations

import re
from typing import Any

from cbkpi.i18n import t
from cbkpi.safe_text import shorten

_COMMA_DECIMAL = re.compile(r"^[-+]?(\d{1,3}(\.\d{3})+|\d+),\d+$")
"""``55,1`` or ``1.650,5``: a number in Vietnamese notation, which YAML reads as text."""
_PLAIN_NUMBER = re.compile(r"^[-+]?\d+(\.\d+)?$")

_TYPES = {
    "int_type": "msg_not_whole",
    "int_parsing": "msg_not_whole",
    "int_from_float": "msg_not_whole",
    "bool_type": "msg_not_bool",
    "bool_parsing": "msg_not_bool",
    "string_type": "msg_not_text",
    "list_type": "msg_not_list",
    "dict_type": "msg_not_mapping",
    "model_type": "msg_not_mapping",
    "model_attributes_type": "msg_not_mapping",
    "float_type": "msg_not_number",
    "float_parsing": "msg_not_number",
}
_VALUE_ERRORS = (
    (re.compile(r"expected a finite number, got NaN or infinity"), "msg_not_finite"),
    (re.compile(r"a ref needs a 'line', a 'quote' or both"), "msg_ref_incomplete"),
    (re.compile(r"give either 'value' or 'from_observations: true', not both"), "msg_value_and_observed"),
    (re.compile(r"'value' is required \(null when unknown\), or 'from_observations: true'"), "msg_value_required"),
    (re.compile(r"low (?P<low>\S+) is not below high (?P<high>\S+); expected low < high"), "msg_range_order"),
)
"""The models' own checks (:mod:`cbkpi.models` raises them in English), by their wording: the
key of the message in :mod:`cbkpi.i18n_messages`, filled with the figures the text names."""

_BOUNDS = {
    "greater_than_equal": ("msg_too_small", "ge"),
    "less_than_equal": ("msg_too_large", "le"),
    "greater_than": ("msg_not_above", "gt"),
    "less_than": ("msg_not_below", "lt"),
    "too_short": ("msg_too_short", "min_length"),
    "too_long": ("msg_too_long", "max_length"),
}


def not_a_number(given: object, lang: str) -> str:
    """Why ``given`` is not a number, with the fix when it is one written as text."""
    text = given if isinstance(given, str) else None
    got = shorten(repr(given))
    if text is not None and _COMMA_DECIMAL.match(text.strip()):
        fixed = text.strip().replace(".", "").replace(",", ".")
        return t("msg_comma_decimal", lang, got=given, fixed=fixed)
    if text is not None and _PLAIN_NUMBER.match(text.strip()):
        return t("msg_quoted_number", lang, got=given, fixed=text.strip())
    return t("msg_not_number", lang, got=got)


def plain(error: dict[str, Any], lang: str) -> str | None:
    """The error in plain words, or None when it is not one of the common ones."""
    kind = error["type"]
    given = error.get("input")
    ctx = error.get("ctx") or {}
    if kind in ("float_type", "float_parsing") or (
        kind == "value_error" and str(error["msg"]).startswith("Value error, expected a number, got")
    ):
        return not_a_number(given, lang)
    if kind == "value_error":
        text = str(error["msg"]).removeprefix("Value error, ")
        for pattern, key in _VALUE_ERRORS:
            found = pattern.fullmatch(text)
            if found:
                return t(key, lang, **found.groupdict())
    if kind in _TYPES:
        shown = type(given).__name__ if isinstance(given, (dict, list)) else shorten(repr(given))
        return t(_TYPES[kind], lang, got=shown)
    if kind in _BOUNDS:
        key, bound = _BOUNDS[kind]
        return t(key, lang, got=given, bound=ctx.get(bound))
    if kind == "string_too_short":
        return t("msg_empty_text", lang)
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        return t("msg_choice", lang, got=given, expected=expected.replace(" or ", f" {t('or', lang)} "))
    if kind == "union_tag_invalid":
        return t("msg_kind", lang, got=given, expected=ctx.get("expected_tags", ""))
    return None
