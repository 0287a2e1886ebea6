"""HO from a resolution: 保険者番号 in 8 bytes, 記号 (empty when none), 番号.

A 6-digit 国保 number is right-justified with two half-width spaces; a
placeholder (77777777, 77777779) is 8 digits and written as is.

>>> from rezept_fusho.uke.options import UkeOptions
>>> from rezept_fusho.uke.specs import layout_for
>>> spec = layout_for("medical", None, UkeOptions()).specs["HO"]
>>> ho_values("133066", None, "1234")
{'保険者番号': '  133066', '記号': '', '番号': '1234'}
>>> build_ho(spec, ho_values("77777777", None, "777777777")).raw
b'HO,77777777,,777777777,,,,,,,,,,,'
"""

from __future__ import annotations

from rezept_fusho.numbers import insurer
from rezept_fusho.uke.fields import RecordSpec
from rezept_fusho.uke.record import Record
from rezept_fusho.uke.specs.common import INSURER, NUMBER, SYMBOL
from rezept_fusho.uke.writer import new_record, replace_fields


def ho_values(insurer_number: str, symbol: str | None, number: str) -> dict[str, str]:
    """The three HO fields a resolution decides, by field name."""
    return {INSURER: insurer.format(insurer_number), SYMBOL: symbol or "", NUMBER: number}


def build_ho(spec: RecordSpec, values: dict[str, str], base: Record | None = None) -> Record:
    """A new HO holding *values*, or *base* with those fields rewritten and the rest kept."""
    if base is None:
        return new_record(spec, values)
    return replace_fields(base, spec, values)
