"""The English academic year, 1 September to 31 August."""

from __future__ import annotations

from datetime import date

import pytest

from store.dates import academic_year_bounds, academic_year_of, is_academic_year


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (date(2025, 9, 1), "2025/26"),
        (date(2026, 8, 31), "2025/26"),
        (date(2026, 11, 23), "2026/27"),
        (date(1999, 10, 1), "1999/00"),
    ],
)
def test_academic_year_of(day: date, year: str) -> None:
    assert academic_year_of(day) == year


def test_academic_year_bounds() -> None:
    assert academic_year_bounds("2025/26") == (date(2025, 9, 1), date(2026, 8, 31))


@pytest.mark.parametrize(
    ("text", "ok"), [("2025/26", True), ("2025/27", False), ("2025-26", False)]
)
def test_is_academic_year(text: str, ok: bool) -> None:
    assert is_academic_year(text) is ok
