"""調剤 records: YK, RE (42), HO (14), KO (10), SN, CO, TK (3 each), GO.

Field names and order: the 記録条件仕様（調剤用）令和8年6月版 as
``pharma-oss/pharma-oss`` lists it (``dispensing_uke_validation.ts``
``DISPENSING_UKE_OFFICIAL_*``), which agrees with uke-parser (2019). That
source gives names, order and some digit counts but no modes or byte
maxima; a length no source gives is generous [I].

The receipt-level 摘要 of a 調剤 receipt is the TK 摘要欄レコード, after the
処方 groups (SH, CZ, IY, TO, CO); a CO belongs to the 調剤 group before it
(every example in the sources, [I]). So a patch writes its comments as TK
records (``UkeOptions.pharmacy_comment_record``).
"""

from __future__ import annotations

from datetime import date

from rezept_fusho.uke.fields import RecordSpec
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
    comment_tail,
    go,
    ho_card_fields,
    kanji,
    numeric,
    record_id,
    sn,
    text,
)

#: 文字データ of CO and TK: no 調剤 source gives it; the 医科 value, which pharma-oss's writer also keeps [I].
COMMENT_TEXT_BYTES = medical.COMMENT_TEXT_BYTES
#: RE 請求情報 (field 40); its mode and length are in no source [I: as 医科, 英数 40].
CLAIM_INFO = "請求情報"


def yk() -> RecordSpec:
    """YK 薬局情報 (9 fields: no 予備, 電話番号 last)."""
    return RecordSpec(
        "YK",
        "薬局情報レコード",
        (
            record_id("YK"),
            numeric("審査支払機関", 1, fixed=True, required=True),
            numeric("都道府県", 2, fixed=True, required=True),
            numeric("点数表", 1, fixed=True, required=True),
            numeric("薬局コード", 7, fixed=True, required=True),
            kanji("薬局名称", 40),
            numeric(CLAIM_MONTH, 6, fixed=True, required=True),
            numeric(VOLUME, 2, fixed=True, required=True),
            alnum("電話番号", 15),
        ),
    )


def re_record() -> RecordSpec:
    """RE レセプト共通 (42 fields)."""
    return RecordSpec(
        "RE",
        "レセプト共通レコード",
        (
            record_id("RE"),
            numeric(RECEIPT_NUMBER, 6, required=True),
            numeric(RECEIPT_KIND, 4, fixed=True, required=True),
            numeric("調剤年月", 6, fixed=True, required=True),
            text("氏名", 40, required=True),
            numeric("男女区分", 1, fixed=True),
            numeric("生年月日", 8, fixed=True),
            numeric("給付割合", 3),
            alnum("レセプト特記事項", 10),
            numeric("都道府県（医療機関）", 2),
            numeric("点数表（医療機関）", 1),
            numeric("医療機関コード", 7),
            text("医療機関名称", 100),
            text("医療機関所在地", 200),
            *(text(f"保険医氏名{n}", 100) for n in range(1, 21)),
            alnum("麻薬免許番号", 20),
            alnum("調剤録番号等", 20),
            numeric("予備1", 1),
            numeric("検索番号", 30),
            numeric("予備2（記録条件仕様年月情報）", 5),
            text(CLAIM_INFO, 40),
            numeric("一部負担金区分", 1),
            text("カタカナ（氏名）", 100),
        ),
    )


def ho(options: UkeOptions) -> RecordSpec:
    """HO 保険者 (14 fields: 処方箋受付回数, two 予備, no 食事療養)."""
    return RecordSpec(
        "HO",
        "保険者レコード",
        (
            *ho_card_fields(options),
            numeric("処方箋受付回数", 2),
            numeric(POINTS, 8),
            numeric("予備1", 5),
            numeric("職務上の事由", 1),
            numeric("証明書番号", 3),
            numeric("一部負担金", 9),
            numeric("予備2", 1),
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
            numeric("処方箋受付回数", 2),
            numeric(POINTS, 8),
            numeric("予備1", 5),
            numeric("一部負担金額", 8),
            numeric("予備2", 6),
            numeric("公費給付対象一部負担金", 8),
        ),
    )


def co(max_bytes: int) -> RecordSpec:
    """CO コメント (3 fields: no 診療識別, no 負担区分)."""
    return RecordSpec("CO", "コメントレコード", (record_id("CO"), *comment_tail(max_bytes)))


def tk(max_bytes: int) -> RecordSpec:
    """TK 摘要欄 (3 fields, as CO)."""
    return RecordSpec("TK", "摘要欄レコード", (record_id("TK"), *comment_tail(max_bytes)))


def specs(options: UkeOptions, claim_month: date | None) -> dict[str, RecordSpec]:
    """The 調剤 records (one layout for every 請求年月)."""
    limit = options.comment_max_bytes or COMMENT_TEXT_BYTES
    return {
        spec.record_id: spec
        for spec in (yk(), re_record(), ho(options), ko(), sn(options), co(limit), tk(limit), go())
    }


#: Where a TK comment group goes: before the receipt's first TK, else before KI / ST, else at its end.
SUMMARY_RECORDS_TK = frozenset({"TK", "KI", "ST"})
#: With ``pharmacy_comment_record = "CO"``: before the first 処方 record, as a CO.
SUMMARY_RECORDS_CO = frozenset({"SH", "CZ", "IY", "TO", "CO", "TK"})
