"""The layout of each receipt kind — its records, its receipt boundaries, its 摘要 — chosen by the file header.

A file opens with its header record: ``IR`` (医科, 点数表 1), ``UK`` (歯科) or
``YK`` (調剤). The header's 請求年月 selects the spec version in force
(:func:`layout_for`), like a rule's window.

>>> layout = layout_for("medical", None, UkeOptions())
>>> sorted(layout.specs)
['CO', 'GO', 'HO', 'IR', 'KO', 'RE', 'SN']
>>> layout.receipt_opener, layout_for("dental", None, UkeOptions()).receipt_opener
('RE', 'IR')
>>> len(layout_for("dental", None, UkeOptions()).specs["RE"].fields)
27
>>> layout_for("dental", date(2026, 6, 1), UkeOptions()).comment_text_bytes
76
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from datetime import date

import attrs

from rezept_fusho.uke.fields import RecordSpec
from rezept_fusho.uke.options import KINDS, Kind, UkeOptions
from rezept_fusho.uke.specs import dental, medical, pharmacy
from rezept_fusho.uke.specs.common import CLAIM_MONTH, COMMENT_TEXT
from rezept_fusho.uke.specs.record_ids import KNOWN_RECORD_IDS

__all__ = [
    "HEADER_IDS",
    "KINDS",
    "KNOWN_RECORD_IDS",
    "Kind",
    "Layout",
    "header_claim_month",
    "kind_of_header",
    "layout_for",
]

_YEAR_MONTH = re.compile(rb"[0-9]{6}")

#: Record ids that open a file.
HEADER_IDS = frozenset({"IR", "UK", "YK"})


@attrs.frozen
class Layout:
    """Everything a reader, checker or patcher needs to know about one kind's file."""

    kind: Kind
    header_id: str
    specs: Mapping[str, RecordSpec]
    #: The first record of a receipt: RE, or the IR that precedes every 歯科 RE.
    receipt_opener: str
    #: A patch inserts its comments before the first of these in a receipt (else at its end).
    summary_ids: frozenset[str]
    #: The record a 摘要 comment is written in (CO; TK for 調剤 by default).
    comment_id: str
    #: The RE field holding 請求情報 (作成日時 + 災害区分 + 資格確認区分).
    claim_info: str
    #: Whether the 資格確認区分 is written and checked for this kind (``UkeOptions.flag_kinds``).
    flags: bool

    @property
    def boundaries(self) -> frozenset[str]:
        """Records that can end the receipt before them: GO and the receipt opener always, an RE
        only once the receipt has its RE (a 歯科 IR comes before its RE)."""
        return frozenset({"RE", "GO", self.receipt_opener})

    @property
    def comment_text_bytes(self) -> int:
        return self.specs[self.comment_id].fields[self.specs[self.comment_id].index(COMMENT_TEXT)].max_bytes


# Bounded: the 請求年月 may come from a request (the 申立書 check) and the options carry a per-run 作成日時.
@functools.lru_cache(maxsize=64)
def layout_for(kind: Kind, claim_month: date | None, options: UkeOptions) -> Layout:
    """The layout of *kind* under the spec in force for *claim_month* (the latest when None)."""
    flags = kind in options.flag_kinds
    if kind == "dental":
        return Layout(
            kind,
            "UK",
            dental.specs(options, claim_month),
            "IR",
            dental.SUMMARY_RECORDS,
            "CO",
            dental.CLAIM_INFO,
            flags,
        )
    if kind == "pharmacy":
        tk = options.pharmacy_comment_record == "TK"
        return Layout(
            kind,
            "YK",
            pharmacy.specs(options, claim_month),
            "RE",
            pharmacy.SUMMARY_RECORDS_TK if tk else pharmacy.SUMMARY_RECORDS_CO,
            options.pharmacy_comment_record,
            pharmacy.CLAIM_INFO,
            flags,
        )
    return Layout(
        kind,
        "IR",
        medical.specs(options, claim_month),
        "RE",
        medical.SUMMARY_RECORDS,
        "CO",
        medical.CLAIM_INFO,
        flags,
    )


#: IR 点数表 → receipt kind.
_SCORE_TABLES: dict[str, Kind] = {"1": "medical", "3": "dental", "4": "pharmacy"}


def kind_of_header(record_id: str, score_table: str) -> Kind | None:
    """The receipt kind a header announces: YK 調剤; UK 歯科; IR by its 点数表 (1 医科, 3 歯科, 4 調剤)."""
    if record_id == "YK":
        return "pharmacy"
    if record_id == "UK":
        return "dental"
    if record_id != "IR":
        return None
    return _SCORE_TABLES.get(score_table)


def header_claim_month(header: RecordSpec, fields: list[bytes]) -> date | None:
    """The 請求年月 a header record holds (YYYYMM in ASCII digits), or None when it is not readable."""
    index = header.index(CLAIM_MONTH)
    raw = fields[index] if index < len(fields) else b""
    if not _YEAR_MONTH.fullmatch(raw):
        return None
    year, month = int(raw[:4]), int(raw[4:])
    return date(year, month, 1) if 1 <= month <= 12 and year >= 1 else None
