"""Dates in Japanese messages: 西暦 with 年月日, digits as they are (``2026年7月31日``).

Messages read the dates they name from the rules, so a date is written once;
these only spell it.

>>> from datetime import date
>>> ja_date(date(2026, 7, 31)), ja_month(date(2023, 9, 1))
('2026年7月31日', '2023年9月')
"""

from __future__ import annotations

from datetime import date

__all__ = ["ja_date", "ja_month"]


def ja_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def ja_month(day: date) -> str:
    return f"{day.year}年{day.month}月"
