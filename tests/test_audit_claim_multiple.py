"""A growth claim that states both its increase and its multiple: the two checked against each
other (audit.audit_claim, check ``claim_multiple``). No claim of the bundled report states both,
so these are made up; the arithmetic is written out in each case."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cbkpi.audit import AGREES, DISAGREES, WITHIN_ROUNDING, audit_claim
from cbkpi.models import GrowthClaim


def claim(increase: str, multiple: str) -> GrowthClaim:
    return GrowthClaim.model_validate(
        {
            "id": "made_up",
            "subject": {"vi": "Giá trị", "en": "Value"},
            "start_year": 2015,
            "end_year": 2020,
            "increase_pct": Decimal(increase),
            "multiple": Decimal(multiple),
            "ref": {"line": 1, "quote": "tăng 96,5%, gấp 1,97 lần"},
        }
    )


@pytest.mark.parametrize(
    ("increase", "multiple", "recomputed", "expected"),
    [
        # 1 + 96.5/100 = 1.965, printed to 2 places half up: 1.97, as published.
        ("96.5", "1.97", 1.965, AGREES),
        # 1 + 96/100 = 1.96; to 3 places 1.960, not 1.964; but 96 stands for 95.5..96.5, so the
        # multiple lies in 1.955..1.965, which meets 1.964 +- 0.0005.
        ("96", "1.964", 1.96, WITHIN_ROUNDING),
        # 96.45..96.55 gives 1.9645..1.9655: nowhere near 2.5 +- 0.05.
        ("96.5", "2.5", 1.965, DISAGREES),
    ],
)
def test_multiple_against_increase(increase: str, multiple: str, recomputed: float, expected: str) -> None:
    items = audit_claim("results.yaml", claim(increase, multiple))
    [item] = [i for i in items if i.check == "claim_multiple"]
    assert item.recomputed == pytest.approx(recomputed)
    assert item.verdict == expected
    assert item.formula == f"1 + {increase}/100"
    assert item.published == Decimal(multiple)
