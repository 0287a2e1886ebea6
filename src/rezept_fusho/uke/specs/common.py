"""Field constructors and the records whose layout is shared by 医科, 歯科 and 調剤.

Each spec cites its evidence in ``shared/domain/uke-format.md``: [C]
confirmed, [S] one secondary source, [I] inferred. A length this library had
to guess is generous, so a real file is not flagged for it.
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
COMMENT_CATEGORY = "診療識別"
BURDEN = "負担区分"
COMMENT_CODE = "コメントコード"
COMMENT_TEXT = "文字データ"


def header(record: str, name: str, *, with_reserve: bool = True) -> RecordSpec:
    """IR / UK / YK: 審査支払機関, 都道府県, 点数表, 医療機関コード … [C] 医科 IR; [S] YK, UK."""
    fields = [
        record_id(record),
        numeric("審査支払機関", 1, fixed=True, required=True),
        numeric("都道府県", 2, fixed=True, required=True),
        numeric("点数表", 1, fixed=True, required=True),
        numeric("医療機関コード", 7, fixed=True, required=True),
    ]
    if with_reserve:
        # 医科 IR has a 予備 before the name; 調剤 YK goes straight to 薬局名称 (uke-parser).
        fields.append(alnum("予備", 2))
    fields += [
        kanji(name, 40),
        numeric("請求年月", 6, fixed=True, required=True),
        numeric("マルチボリューム識別情報", 2, fixed=True, required=True),
        alnum("電話番号", 15),
    ]
    return RecordSpec(record, "医療機関情報レコード" if record != "YK" else "薬局情報レコード", tuple(fields))


def ho_card_fields(options: UkeOptions) -> list[FieldSpec]:
    return [
        record_id("HO"),
        alnum(INSURER, 8, fixed=True, required=True),
        text(SYMBOL, options.card_max_bytes),
        text(NUMBER, options.card_max_bytes, required=True),
    ]


def sn(options: UkeOptions) -> RecordSpec:
    """SN 資格確認 (9 fields) [C] myclinic-ts, HealthDataWorks IG; assumed the same for 歯科/調剤 [I]."""
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
            numeric(BRANCH, 2, fixed=True),
            numeric(RECIPIENT, 7),
            alnum("予備", 8),
        ),
    )


def go() -> RecordSpec:
    """GO 診療報酬請求書 [C] myclinic-ts, ORCA."""
    return RecordSpec(
        "GO",
        "診療報酬請求書レコード",
        (
            record_id("GO"),
            numeric("総件数", 6, required=True),
            numeric("総合計点数", 10, required=True),
            numeric("マルチボリューム識別情報", 2, fixed=True, required=True),
        ),
    )


def comment_tail(options: UkeOptions) -> list[FieldSpec]:
    return [
        numeric(COMMENT_CODE, 9, fixed=True, required=True),
        kanji(COMMENT_TEXT, options.comment_max_bytes),
    ]
