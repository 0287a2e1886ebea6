"""和暦 dates for the 摘要's 連絡日 line (contract: 令和７年７月１０日, 元年, full-width digits)."""

from __future__ import annotations

from datetime import date

import pytest

from rezept_fusho.text.wareki import ERAS, era_of, format_kanji_date


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2025, 7, 10), "令和７年７月１０日"),
        (date(2019, 4, 30), "平成３１年４月３０日"),
        (date(2019, 5, 1), "令和元年５月１日"),
        (date(1989, 1, 7), "昭和６４年１月７日"),
        (date(1989, 1, 8), "平成元年１月８日"),
        (date(2020, 1, 1), "令和２年１月１日"),
        (date(2019, 12, 31), "令和元年１２月３１日"),
        (date(1926, 12, 24), "大正１５年１２月２４日"),
        (date(1926, 12, 25), "昭和元年１２月２５日"),
        (date(1912, 7, 29), "明治４５年７月２９日"),
        (date(1912, 7, 30), "大正元年７月３０日"),
        (date(1868, 10, 23), "明治元年１０月２３日"),
        (date(2119, 1, 1), "令和１０１年１月１日"),
    ],
)
def test_format_kanji_date(day: date, expected: str) -> None:
    assert format_kanji_date(day) == expected


def test_era_of() -> None:
    assert era_of(date(2023, 9, 1)) == ("令和", 5)
    assert era_of(date(1989, 1, 8)) == ("平成", 1)
    assert [code for _name, _start, code in ERAS] == ["5", "4", "3", "2", "1"]


def test_before_meiji_raises() -> None:
    with pytest.raises(ValueError, match="明治"):
        era_of(date(1868, 10, 22))


def test_no_ascii_digits() -> None:
    text = format_kanji_date(date(2023, 10, 31))
    assert text == "令和５年１０月３１日"
    assert not any(char.isascii() for char in text)
