"""医科 records: IR, RE, HO, KO, SN, CO, GO (``uke-format.md`` §2–§4, §9)."""

from __future__ import annotations

from rezept_fusho.uke.fields import RecordSpec
from rezept_fusho.uke.options import UkeOptions
from rezept_fusho.uke.specs.common import (
    BURDEN,
    COMMENT_CATEGORY,
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
    """RE レセプト共通 (38 fields) [C] myclinic-ts, ORCA sample; 37–38 modes [I]."""
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
            alnum("予備1", 10),
            alnum("予備2", 10),
            alnum("予備3", 10),
            numeric("検索番号", 30),
            numeric("記録条件仕様年月情報", 8),
            alnum("請求情報", 40),
            *departments,
            text("カタカナ（氏名）", 100),
            numeric("患者の状態", 9),
        ),
    )


def ho(options: UkeOptions, *, with_reserve: bool = True) -> RecordSpec:
    """HO 保険者 (医科 15 fields [C]; 歯科 14, without the 予備 at 7 [S])."""
    fields = [
        *ho_card_fields(options),
        numeric("診療実日数", 2),
        numeric("合計点数", 8),
    ]
    if with_reserve:
        fields.append(numeric("予備", 5))
    fields += [
        numeric("食事療養・生活療養 回数", 2),
        numeric("食事療養・生活療養 合計金額", 8),
        numeric("職務上の事由", 1),
        numeric("証明書番号", 3),
        numeric("負担金額 医療保険", 9),
        numeric("負担金額 減免区分", 1),
        numeric("負担金額 減額割合", 3),
        numeric("負担金額 減額金額", 6),
    ]
    return RecordSpec("HO", "保険者レコード", tuple(fields))


def ko() -> RecordSpec:
    """KO 公費 (12 fields) [C] myclinic-ts; lengths after 受給者番号 [I]."""
    return RecordSpec(
        "KO",
        "公費レコード",
        (
            record_id("KO"),
            numeric(PUBLIC_PAYER, 8, fixed=True, required=True),
            numeric(RECIPIENT, 7),
            numeric("任意給付区分", 1),
            numeric("実日数", 2),
            numeric("合計点数", 8),
            numeric("負担金額 公費", 8),
            numeric("公費給付対象外来一部負担金", 8),
            numeric("公費給付対象入院一部負担金", 8),
            alnum("予備", 8),
            numeric("食事療養・生活療養 回数", 2),
            numeric("食事療養・生活療養 合計金額", 8),
        ),
    )


def co(options: UkeOptions) -> RecordSpec:
    """CO コメント (5 fields) [C] myclinic-ts, ORCA, Erlang."""
    return RecordSpec(
        "CO",
        "コメントレコード",
        (
            record_id("CO"),
            numeric(COMMENT_CATEGORY, 2, fixed=True),
            alnum(BURDEN, 1, fixed=True),
            *comment_tail(options),
        ),
    )


def specs(options: UkeOptions) -> dict[str, RecordSpec]:
    return {
        spec.record_id: spec
        for spec in (
            header("IR", "医療機関名称"),
            re_record(),
            ho(options),
            ko(),
            sn(options),
            co(options),
            go(),
        )
    }


#: 摘要 records: the CO lines of a resolution go before the first of these in a receipt.
SUMMARY_RECORDS = frozenset({"SI", "IY", "TO", "CO"})
