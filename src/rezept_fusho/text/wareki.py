"""和暦 (Japanese era) dates for 摘要 text.

A five-row era table of our own: the standard library has nothing portable,
and the era libraries are stale or opinionated. The first
year of an era is written 元年. Digits are full-width, not zero-padded.
:func:`format_kanji_date` remembers what it spelled: the 摘要's dates (the
day the patient was contacted) repeat from claim to claim; a birth date is
never spelled here.

>>> from datetime import date
>>> format_kanji_date(date(2025, 7, 10))
'令和７年７月１０日'
>>> format_kanji_date(date(2019, 5, 1))
'令和元年５月１日'
>>> format_kanji_date(date(2019, 4, 30))
'平成３１年４月３０日'
"""

from __future__ import annotations

import functools
from datetime import date

__all__ = ["ERAS", "era_of", "format_kanji_date"]

#: (name, first day, UKE 元号区分 digit), newest first.
ERAS: tuple[tuple[str, date, str], ...] = (
    ("令和", date(2019, 5, 1), "5"),
    ("平成", date(1989, 1, 8), "4"),
    ("昭和", date(1926, 12, 25), "3"),
    ("大正", date(1912, 7, 30), "2"),
    ("明治", date(1868, 10, 23), "1"),
)

_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def era_of(day: date) -> tuple[str, int]:
    """Era name and year of era for *day* (明治 onward)."""
    for name, start, _code in ERAS:
        if day >= start:
            return name, day.year - start.year + 1
    raise ValueError("dates before 明治 are not supported")


@functools.lru_cache(maxsize=4096)
def format_kanji_date(day: date) -> str:
    """``令和７年７月１０日``: era, year (元年 for 1), month and day in full-width digits."""
    name, year = era_of(day)
    year_text = "元" if year == 1 else str(year)
    return f"{name}{year_text}年{day.month}月{day.day}日".translate(_FULLWIDTH)
