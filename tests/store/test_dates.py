"""The English academic year, 1 September to 31 August."""

from __future__ import annotations

from datetime import date

import pytest

from store.dates import (
    academic_year_bounds,
    academic_year_of,
    is_academic_year,
    parse_uk_date,
    uk_date,
)


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


@pytest.mark.parametrize(
    "text",
    ["15/01/2026", "15-01-2026", "2026-01-15", "15 Jan 2026", "15 January 2026", " 15 jan 2026 "],
)
def test_uk_date_formats_are_all_accepted(text: str) -> None:
    assert parse_uk_date(text) == date(2026, 1, 15)


def test_dates_are_shown_one_way() -> None:
    assert uk_date(date(2026, 1, 5)) == "5 Jan 2026"
    assert parse_uk_date("") is None


@pytest.mark.parametrize(
    ("text", "message"), [("31/02/2026", "no such date"), ("next Tuesday", "write a date like")]
)
def test_bad_dates_say_why(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_uk_date(text)
