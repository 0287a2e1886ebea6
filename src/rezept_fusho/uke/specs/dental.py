"""歯科 records: UK, IR (one before every receipt), RE, HO, KO, SN, CO, GO.

Source: the 記録条件仕様（歯科用）令和8年6月版 as transcribed field by field in
``ryo02suzu/-Sourirette`` ``src/receipt/records.ts`` (one source, [S]), with
the same positions in the 支払基金「電子レセプトの作成手引き −歯科− 令和6年9月版」
record examples, a public 歯科 UKE explainer and uke-parser's 2019 sample.
The 歯科 layouts are not the 医科 ones: the UK header has 届出 before the
マルチボリューム and no 電話番号; an IR precedes **every** RE (so a receipt ends
at the next IR); RE has 27 fields, KO 10, CO 11.

The CO 文字データ holds 400 bytes in the 令和8年6月版 (from 請求年月 2026-07,
:data:`R08_FIRST_CLAIM_MONTH`); what earlier versions allowed was not found,
so before that month a patch writes the 医科 76 bytes, which every version
accepts.
"""

from __future__ import annotations

from datetime import date

from rezept_fusho.uke.fields import FieldSpec, RecordSpec
from rezept_fusho.uke.options import UkeOptions
from rezept_fusho.uke.specs import medical
from rezept_fusho.uke.specs.common import (
    CLAIM_MONTH,
    POINTS,
    PUBLIC_PAYER,
    RECEIPT_KIND,
    RECEIPT_NUMBER,
    RECIPIENT,
    VOLUME,
    alnum,
    comment_head,
    comment_tail,
    go,
    ho_card_fields,
    kanji,
    numeric,
    record_id,
    sn,
    text,
)

#: The 令和8年6月版 applies from 令和8年6月診療分, first claimed in 2026-07.
R08_FIRST_CLAIM_MONTH = date(2026, 7, 1)
#: CO 文字データ in the 令和8年6月版 (records.ts), and before it (not found: the 医科 value, which is safe).
COMMENT_TEXT_BYTES_R08 = 400
COMMENT_TEXT_BYTES_BEFORE = medical.COMMENT_TEXT_BYTES
#: RE 請求情報２ (field 22, 英数又は漢字 40, 「保険医療機関が任意で記録可能な値」): the only RE field that can hold
#: 作成日時 + 災害区分 + 資格確認区分. 請求情報１ (field 17, 数字 2) is the 割引点数単価.
CLAIM_INFO = "請求情報２"


def _office(record: str) -> list[FieldSpec]:
    return [
        record_id(record),
        numeric("審査支払機関", 1, fixed=True, required=True),
        numeric("都道府県", 2, fixed=True, required=True),
        numeric("点数表", 1, fixed=True, required=True),
        numeric("医療機関コード", 7, fixed=True, required=True),
        numeric("予備", 2),
    ]


def uk() -> RecordSpec:
    """UK 受付情報, once at the head of the file (10 fields)."""
    return RecordSpec(
        "UK",
        "受付情報レコード",
        (
            *_office("UK"),
            kanji("医療機関名称", 40),
            numeric(CLAIM_MONTH, 6, fixed=True, required=True),
            alnum("届出", 40),
            numeric(VOLUME, 2, fixed=True, required=True),
        ),
    )


def ir() -> RecordSpec:
    """IR 医療機関情報, at the head of every receipt (9 fields; no 名称)."""
    return RecordSpec(
        "IR",
        "医療機関情報レコード",
        (
            *_office("IR"),
            numeric(CLAIM_MONTH, 6, fixed=True, required=True),
            alnum("電話番号", 15),
            alnum("届出", 40),
        ),
    )


def re_record() -> RecordSpec:
    """RE レセプト共通 (27 fields)."""
    return RecordSpec(
        "RE",
        "レセプト共通レコード",
        (
            record_id("RE"),
            numeric(RECEIPT_NUMBER, 6, required=True),
            numeric(RECEIPT_KIND, 4, fixed=True, required=True),
            numeric("診療年月", 6, fixed=True, required=True),
            text("氏名", 40, required=True),
            numeric("男女区分", 1, fixed=True, required=True),
            numeric("生年月日", 8, fixed=True, required=True),
            numeric("給付割合", 3),
            numeric("入院年月日", 8),
            numeric("診療開始日", 8),
            numeric("転帰区分", 1),
            alnum("病棟区分", 8),
            numeric("一部負担金・食事療養費・生活療養費標準負担額区分", 1),
            alnum("レセプト特記事項", 10),
            numeric("予備1", 4),
            alnum("カルテ番号等", 20),
            numeric("請求情報１", 2),
            numeric("予備2", 2),
            numeric("未来院請求", 2),
            numeric("検索番号", 30),
            numeric("予備3", 5),
            text(CLAIM_INFO, 40),
            numeric("予備4", 2),
            numeric("予備5", 3),
            numeric("予備6", 3),
            kanji("カタカナ（氏名）", 80),
            numeric("患者の状態", 60),
        ),
    )


def ho(options: UkeOptions) -> RecordSpec:
    """HO 保険者 (14 fields: no 予備 after 合計点数)."""
    return RecordSpec(
        "HO",
        "保険者レコード",
        (
            *ho_card_fields(options),
            numeric("診療実日数", 2),
            numeric(POINTS, 8),
            numeric("食事療養・生活療養 回数", 2),
            numeric("食事療養・生活療養 合計金額", 8),
            numeric("職務上の事由", 1),
            numeric("証明書番号", 3),
            numeric("負担金額 医療保険", 9),
            numeric("負担金額 減免区分", 1),
            numeric("負担金額 減額割合", 3),
            numeric("負担金額 減額金額", 6),
        ),
    )


def ko() -> RecordSpec:
    """KO 公費 (10 fields)."""
    return RecordSpec(
        "KO",
        "公費レコード",
        (
            record_id("KO"),
            alnum(PUBLIC_PAYER, 8, fixed=True, required=True),
            numeric(RECIPIENT, 7),
            numeric("任意給付区分", 1),
            numeric("診療実日数", 2),
            numeric(POINTS, 8),
            numeric("負担金額 公費", 8),
            numeric("公費給付対象一部負担金", 6),
            numeric("食事療養・生活療養 回数", 2),
            numeric("食事療養・生活療養 合計金額", 8),
        ),
    )


def co(max_bytes: int) -> RecordSpec:
    """CO コメント (11 fields: 歯式コード 384 and five 予備 after 文字データ)."""
    return RecordSpec(
        "CO",
        "コメントレコード",
        (
            record_id("CO"),
            *comment_head(),
            *comment_tail(max_bytes),
            alnum("歯式コード", 384),
            alnum("予備1", 1),
            alnum("予備2", 2),
            alnum("予備3", 3),
            numeric("予備4", 7),
            numeric("予備5", 7),
        ),
    )


def comment_text_bytes(claim_month: date | None) -> int:
    """The CO 文字データ limit of the spec in force for *claim_month* (the latest when unknown)."""
    if claim_month is None or claim_month >= R08_FIRST_CLAIM_MONTH:
        return COMMENT_TEXT_BYTES_R08
    return COMMENT_TEXT_BYTES_BEFORE


def specs(options: UkeOptions, claim_month: date | None) -> dict[str, RecordSpec]:
    """The 歯科 records of the spec in force for the file's 請求年月."""
    limit = options.comment_max_bytes or comment_text_bytes(claim_month)
    return {
        spec.record_id: spec
        for spec in (uk(), ir(), re_record(), ho(options), ko(), sn(options), co(limit), go())
    }


#: 摘要 records in a 歯科 receipt (after the HS 傷病名部位): SS 歯科診療行為, SI, IY, TO, CO.
SUMMARY_RECORDS = frozenset({"SS", "SI", "IY", "TO", "CO"})
