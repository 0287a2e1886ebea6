"""Field constructors and the records whose layout is shared by 医科, 歯科 and 調剤.

Each spec cites its evidence (``docs/uke.md`` lists every source and every
disagreement settled): the 歯科 令和8年6月版 記録条件仕様 as transcribed in
``ryo02suzu/-Sourirette``, the 調剤 令和8年6月版 in ``pharma-oss/pharma-oss``,
ORCA v5.2's own 医科 checker table, and ``uke-format.md``. A length no source
gives is generous, so a real file is not flagged for it.
"""

from __future__ import annotations

from rezept_fusho.uke.fields import FieldSpec, Mode, RecordSpec
from rezept_fusho.uke.options import UkeOptions


def numeric(name: str, size: int, *, fixed: bool = False, required: bool = False) -> FieldSpec:
    return FieldSpec(name, Mode.NUMERIC, size, fixed, required)


def alnum(name: str, size: int, *, fixed: bool = False, required: bool = False) -> FieldSpec:
    return FieldSpec(name, Mode.ALNUM, size, fixed, required)


def kanji(name: str, size: int, *, required: bool = False) -> FieldSpec:
    return FieldSpec(name, Mode.KANJI, size, False, required)


def text(name: str, size: int, *, required: bool = False) -> FieldSpec:
    return FieldSpec(name, Mode.TEXT, size, False, required)


def record_id(value: str) -> FieldSpec:
    # The value itself is the key of the spec table; the field only checks its shape.
    return alnum("レコード識別情報", 2, fixed=True, required=True)


#: Names the builders, reader and checker look fields up by.
INSURER = "保険者番号"
SYMBOL = "記号"
NUMBER = "番号"
BRANCH = "枝番"
PAYER_KIND = "負担者種別"
PUBLIC_PAYER = "負担者番号"
RECIPIENT = "受給者番号"
RECEIPT_NUMBER = "レセプト番号"
RECEIPT_KIND = "レセプト種別"
CLAIM_MONTH = "請求年月"
VOLUME = "マルチボリューム識別情報"
POINTS = "合計点数"
COMMENT_CATEGORY = "診療識別"
BURDEN = "負担区分"
COMMENT_CODE = "コメントコード"
COMMENT_TEXT = "文字データ"
TOTAL_COUNT = "総件数"
TOTAL_POINTS = "総合計点数"


def ho_card_fields(options: UkeOptions) -> list[FieldSpec]:
    return [
        record_id("HO"),
        alnum(INSURER, 8, fixed=True, required=True),
        text(SYMBOL, options.card_max_bytes),
        text(NUMBER, options.card_max_bytes, required=True),
    ]


def sn(options: UkeOptions) -> RecordSpec:
    """SN 資格確認 (9 fields): 枝番 英数 2 可変 and 予備 数字 1 (歯科 R08; 調剤 R08 agrees; no 医科 table)."""
    return RecordSpec(
        "SN",
        "資格確認レコード",
        (
            record_id("SN"),
            numeric(PAYER_KIND, 1, fixed=True, required=True),
            numeric("確認区分", 2, fixed=True),
            alnum("保険者番号等", 8),
            text(SYMBOL, options.card_max_bytes),
            text(NUMBER, options.card_max_bytes),
            alnum(BRANCH, 2),
            numeric(RECIPIENT, 7),
            numeric("予備", 1),
        ),
    )


def go() -> RecordSpec:
    """GO 診療報酬請求書: 総件数 and 総合計点数 are recorded on the last volume only (条件付)."""
    return RecordSpec(
        "GO",
        "診療報酬請求書レコード",
        (
            record_id("GO"),
            numeric(TOTAL_COUNT, 6),
            numeric(TOTAL_POINTS, 10),
            numeric(VOLUME, 2, fixed=True, required=True),
        ),
    )


def comment_tail(max_bytes: int) -> list[FieldSpec]:
    return [
        numeric(COMMENT_CODE, 9, fixed=True, required=True),
        kanji(COMMENT_TEXT, max_bytes),
    ]


def comment_head() -> list[FieldSpec]:
    """診療識別 (数字 2, variable: empty on a continuation) and 負担区分 of a 医科 / 歯科 CO."""
    return [numeric(COMMENT_CATEGORY, 2), alnum(BURDEN, 1, fixed=True, required=True)]
