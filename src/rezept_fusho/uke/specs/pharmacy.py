"""調剤 records: YK, RE (42), HO (14), KO (10), SN, CO (3), GO. [S] uke-parser (2019 spec).

Field names and order follow uke-parser; byte limits not given there are
generous guesses [I]. SN is taken to be the 医科 one [I].
"""

from __future__ import annotations

from rezept_fusho.uke.fields import RecordSpec
from rezept_fusho.uke.options import UkeOptions
from rezept_fusho.uke.specs.common import (
    PUBLIC_PAYER,
    RECEIPT_KIND,
    RECEIPT_NUMBER,
    RECIPIENT,
    alnum,
    comment_tail,
    go,
    header,
    ho_card_fields,
    numeric,
    record_id,
    sn,
    text,
)


def re_record() -> RecordSpec:
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
            alnum("予備", 20),
            numeric("検索番号", 30),
            numeric("記録条件仕様年月情報", 8),
            alnum("請求情報", 40),
            numeric("一部負担金区分", 1),
            text("カタカナ（氏名）", 100),
        ),
    )


def ho(options: UkeOptions) -> RecordSpec:
    return RecordSpec(
        "HO",
        "保険者レコード",
        (
            *ho_card_fields(options),
            numeric("処方箋受付回数", 2),
            numeric("合計点数", 8),
            numeric("予備1", 5),
            numeric("職務上の事由", 1),
            numeric("証明書番号", 3),
            numeric("一部負担金", 9),
            numeric("予備2", 9),
            numeric("負担金額 減免区分", 1),
            numeric("負担金額 減額割合", 3),
            numeric("負担金額 減額金額", 6),
        ),
    )


def ko() -> RecordSpec:
    return RecordSpec(
        "KO",
        "公費レコード",
        (
            record_id("KO"),
            numeric(PUBLIC_PAYER, 8, fixed=True, required=True),
            numeric(RECIPIENT, 7),
            numeric("任意給付区分", 1),
            numeric("処方箋受付回数", 2),
            numeric("合計点数", 8),
            alnum("予備1", 8),
            numeric("一部負担金額", 8),
            alnum("予備2", 8),
            numeric("公費給付対象一部負担金", 8),
        ),
    )


def co(options: UkeOptions) -> RecordSpec:
    return RecordSpec("CO", "コメントレコード", (record_id("CO"), *comment_tail(options)))


def specs(options: UkeOptions) -> dict[str, RecordSpec]:
    return {
        spec.record_id: spec
        for spec in (
            header("YK", "薬局名称", with_reserve=False),
            re_record(),
            ho(options),
            ko(),
            sn(options),
            co(options),
            go(),
        )
    }


#: 摘要 records in a 調剤 receipt: the comment goes before 処方基本 SH and what follows [I].
SUMMARY_RECORDS = frozenset({"SH", "CZ", "IY", "TO", "CO", "TK"})
