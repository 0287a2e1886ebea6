"""医科 records: IR, RE, HO, KO, SN, CO, GO.

Field order and modes: ORCA v5.2's own UKE checker table
(``scripts/monthly/receden_common_const.rb.in``, 2025), which agrees with
receiptisan, myclinic-ts and uke-parser on every position (``docs/uke.md``).
No transcription of the 令和6年 or 令和8年 医科 記録条件仕様 was found, so one
layout serves every 請求年月 this library handles.
"""

from __future__ import annotations

from datetime import date

from rezept_fusho.uke.fields import RecordSpec
from rezept_fusho.uke.options import UkeOptions
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

#: CO 文字データ: 76 bytes (ORCA's checker, 2019 and 2025; ORCA's writer cuts there; real files split at 76).
COMMENT_TEXT_BYTES = 76
#: RE 請求情報 (field 21): where ORCA writes 作成日時, 災害区分 and the 資格確認区分.
CLAIM_INFO = "請求情報"


def ir() -> RecordSpec:
    """IR 医療機関情報, once at the head of the file (10 fields)."""
    return RecordSpec(
        "IR",
        "医療機関情報レコード",
        (
            record_id("IR"),
            numeric("審査支払機関", 1, fixed=True, required=True),
            numeric("都道府県", 2, fixed=True, required=True),
            numeric("点数表", 1, fixed=True, required=True),
            numeric("医療機関コード", 7, fixed=True, required=True),
            numeric("予備", 2),
            kanji("医療機関名称", 40),
            numeric(CLAIM_MONTH, 6, fixed=True, required=True),
            numeric(VOLUME, 2, fixed=True, required=True),
            alnum("電話番号", 15),
        ),
    )


def re_record() -> RecordSpec:
    """RE レセプト共通 (38 fields)."""
    departments = []
    for n in (1, 2, 3):
        departments += [
            numeric(f"診療科名{n}", 2),
            numeric(f"人体の部位等{n}", 3),
            numeric(f"性別等{n}", 3),
            numeric(f"医学的処置{n}", 3),
            numeric(f"特定疾病{n}", 3),
        ]
    return RecordSpec(
        "RE",
        "レセプト共通レコード",
        (
            record_id("RE"),
            numeric(RECEIPT_NUMBER, 6, required=True),
            numeric(RECEIPT_KIND, 4, fixed=True, required=True),
            numeric("診療年月", 6, fixed=True, required=True),
            text("氏名", 40, required=True),
            numeric("男女区分", 1, fixed=True),
            numeric("生年月日", 8, fixed=True),
            numeric("給付割合", 3),
            numeric("入院年月日", 8, fixed=True),
            alnum("病棟区分", 8),
            numeric("一部負担金・食事療養費・生活療養費標準負担額区分", 1),
            alnum("レセプト特記事項", 10),
            numeric("病床数", 4),
            alnum("カルテ番号等", 20),
            numeric("割引点数単価", 2),
            numeric("予備1", 1),
            numeric("予備2", 1),
            numeric("予備3（旧診療科）", 2),
            numeric("検索番号", 30),
            numeric("予備4（記録条件仕様年月情報）", 5),
            alnum(CLAIM_INFO, 40),
            *departments,
            kanji("カタカナ（氏名）", 80),
            numeric("患者の状態", 60),
        ),
    )


def ho(options: UkeOptions) -> RecordSpec:
    """HO 保険者 (15 fields)."""
    return RecordSpec(
        "HO",
        "保険者レコード",
        (
            *ho_card_fields(options),
            numeric("診療実日数", 2),
            numeric(POINTS, 8),
            numeric("予備", 5),
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
    """KO 公費 (12 fields): 負担者番号 英数 8, the two 一部負担金 6 bytes, 予備 数字 5."""
    return RecordSpec(
        "KO",
        "公費レコード",
        (
            record_id("KO"),
            alnum(PUBLIC_PAYER, 8, fixed=True, required=True),
            numeric(RECIPIENT, 7),
            numeric("任意給付区分", 1),
            numeric("実日数", 2),
            numeric(POINTS, 8),
            numeric("負担金額 公費", 8),
            numeric("公費給付対象外来一部負担金", 6),
            numeric("公費給付対象入院一部負担金", 6),
            numeric("予備", 5),
            numeric("食事療養・生活療養 回数", 2),
            numeric("食事療養・生活療養 合計金額", 8),
        ),
    )


def co(max_bytes: int) -> RecordSpec:
    """CO コメント (5 fields)."""
    return RecordSpec("CO", "コメントレコード", (record_id("CO"), *comment_head(), *comment_tail(max_bytes)))


def specs(options: UkeOptions, claim_month: date | None) -> dict[str, RecordSpec]:
    """The 医科 records (one layout for every 請求年月)."""
    limit = options.comment_max_bytes or COMMENT_TEXT_BYTES
    return {
        spec.record_id: spec for spec in (ir(), re_record(), ho(options), ko(), sn(options), co(limit), go())
    }


#: 摘要 records: the comments of a resolution go before the first of these in a receipt (after SY),
#: where ORCA writes its 申立書 group.
SUMMARY_RECORDS = frozenset({"SI", "IY", "TO", "CO"})
