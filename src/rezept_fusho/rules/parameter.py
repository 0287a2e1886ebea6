"""A value of the notices as a dated series: each value with the day it starts and its citation.

Modelled on OpenFisca parameters: a notice that changes a number or a date
adds one :class:`Value` to the series, and the code asks for the value *as of*
a day (:meth:`Parameter.at`) on the parameter's axis — never a constant
repeated in messages, options or checks.

>>> from rezept_fusho.rules.sources import CLAIM_NOTICE_20230719
>>> limit = Parameter(
...     "EXAMPLE", "例", "example",
...     (Value(date(2023, 9, 1), 76, Citation(CLAIM_NOTICE_20230719, "1")),
...      Value(date(2026, 7, 1), 400, Citation(CLAIM_NOTICE_20230719, "2"))),
... )
>>> limit.at(date(2026, 6, 30)), limit.at(date(2026, 7, 1)), limit.latest.value
(76, 400, 400)
>>> limit.at(date(2023, 8, 31))
Traceback (most recent call last):
    ...
LookupError: EXAMPLE has no value before 2023-09-01
"""

from __future__ import annotations

from datetime import date
from typing import Generic, TypeVar

import attrs

from rezept_fusho.rules.rule import Axis, Citation, Grade

T = TypeVar("T")

__all__ = ["Parameter", "Value"]


@attrs.frozen
class Value(Generic[T]):
    """One value of a parameter: from *start* on (inclusive), as *citation* says, graded."""

    start: date
    value: T
    citation: Citation
    grade: Grade = "secondary"


def _ordered(
    instance: Parameter[T], attribute: attrs.Attribute[tuple[Value[T], ...]], values: tuple[Value[T], ...]
) -> None:
    if not values:
        raise ValueError(f"{instance.id}: a parameter needs a value")
    starts = [value.start for value in values]
    if starts != sorted(set(starts)):
        raise ValueError(f"{instance.id}: values must start on strictly increasing days")


@attrs.frozen
class Parameter(Generic[T]):
    """A named series of dated values, read on one axis (the 診療日 or the 請求年月)."""

    id: str
    title_ja: str
    title_en: str
    values: tuple[Value[T], ...] = attrs.field(validator=_ordered)
    axis: Axis = "service_date"

    def entry_at(self, day: date) -> Value[T]:
        """The value in force on *day*; LookupError before the first one starts."""
        found = None
        for value in self.values:
            if value.start > day:
                break
            found = value
        if found is None:
            raise LookupError(f"{self.id} has no value before {self.values[0].start.isoformat()}")
        return found

    def at(self, day: date) -> T:
        """The value as of *day* (read on this parameter's axis)."""
        return self.entry_at(day).value

    @property
    def every_value(self) -> tuple[T, ...]:
        """Every value the series has held, oldest first (what a check of old files accepts)."""
        return tuple(value.value for value in self.values)

    @property
    def first(self) -> Value[T]:
        return self.values[0]

    @property
    def latest(self) -> Value[T]:
        return self.values[-1]
