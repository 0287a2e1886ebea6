"""The record specs of each receipt type, chosen by the file header.

>>> sorted(specs_for("medical", UkeOptions()))
['CO', 'GO', 'HO', 'IR', 'KO', 'RE', 'SN']
>>> len(specs_for("dental", UkeOptions())["HO"].fields), len(specs_for("pharmacy", UkeOptions())["CO"].fields)
(14, 3)
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Literal

import attrs

from rezept_fusho.uke.fields import RecordSpec
from rezept_fusho.uke.options import UkeOptions
from rezept_fusho.uke.specs import dental, medical, pharmacy

Kind = Literal["medical", "dental", "pharmacy"]
KINDS: tuple[Kind, ...] = ("medical", "dental", "pharmacy")

#: Record ids that can open a file.
HEADER_IDS = frozenset({"IR", "UK", "YK"})


@functools.cache
def specs_for(kind: Kind, options: UkeOptions) -> Mapping[str, RecordSpec]:
    """Record id → spec for *kind* under *options* (built once per pair)."""
    if kind == "dental":
        return dental.specs(options)
    if kind == "pharmacy":
        return pharmacy.specs(options)
    return medical.specs(options)


def file_specs(
    header_id: str, score_table: str, options: UkeOptions
) -> tuple[Kind, Mapping[str, RecordSpec]]:
    """The receipt type and record specs for a file opening with *header_id*.

    A file that does not open with a header is read as 医科. A 歯科 file is read
    with whichever header it has (UK or IR): :attr:`UkeOptions.dental_header`
    only decides what a writer would emit.
    """
    kind = kind_of_header(header_id, score_table) or "medical"
    if kind == "dental":
        options = attrs.evolve(options, dental_header="IR" if header_id == "IR" else "UK")
    return kind, specs_for(kind, options)


def summary_records(kind: Kind) -> frozenset[str]:
    """Record ids that start the 摘要 of a receipt of *kind*."""
    return {"medical": medical.SUMMARY_RECORDS, "dental": dental.SUMMARY_RECORDS}.get(
        kind, pharmacy.SUMMARY_RECORDS
    )


def kind_of_header(record_id: str, score_table: str) -> Kind | None:
    """The receipt type a header announces: YK 調剤; UK 歯科; IR by its 点数表 (3 歯科, 4 調剤)."""
    if record_id == "YK":
        return "pharmacy"
    if record_id == "UK":
        return "dental"
    if record_id != "IR":
        return None
    if score_table == "3":
        return "dental"
    return "pharmacy" if score_table == "4" else "medical"
