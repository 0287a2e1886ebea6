"""What to collect at the window so that a 不詳 claim stays possible: the 申立書 items.

事務連絡 2023-07-19 1.③ (seed 003): a 不詳 claim writes into the 摘要 what the
patient declared on the 被保険者資格申立書 — カナ氏名, 保険種別, 保険者等名称,
事業所名 (not for 後期高齢者医療), every 住所, 連絡先 — and the date the clinic
contacted the patient, which the clinic must record when it happens.

>>> items("late_elderly")[:3]
('カナ氏名', '保険種別', '保険者等名称')
>>> "事業所名" in items("late_elderly")
False
"""

from __future__ import annotations

from datetime import date

from rezept_fusho.models.claim import InsuranceKind
from rezept_fusho.rules.rule import Citation, Rule, Window
from rezept_fusho.rules.sources import CLAIM_NOTICE_20230719, VIA_SEED_003, VIA_SHAHO_0719

RULE = Rule(
    id="FRONTDESK-COLLECT-DECLARATION-ITEMS",
    title_ja="不詳請求に備え、申立書の記載事項（カナ氏名・保険種別・保険者等名称・事業所名・住所・連絡先）を受付で集める",
    title_en="Collect the 申立書 items a 不詳 claim needs, and record the date the patient is contacted",
    window=Window(date(2023, 7, 10)),
    citations=(
        Citation(CLAIM_NOTICE_20230719, "1.③（摘要欄の記載事項）", via=VIA_SHAHO_0719),
        Citation(CLAIM_NOTICE_20230719, "seed 003 資格情報が不詳の場合のレセプト記載方法", via=VIA_SEED_003),
    ),
    summary=__doc__ or "",
)

CONTACT_DATE = "患者への連絡を行った日付（連絡したときに記録する）"


def items(kind: InsuranceKind) -> tuple[str, ...]:
    """The 申立書 items to collect now, in 摘要 order, for an insurer of *kind*."""
    employer = () if kind == "late_elderly" else ("事業所名",)
    return (
        "カナ氏名",
        "保険種別",
        "保険者等名称",
        *employer,
        "住所（複数あればすべて）",
        "連絡先",
        CONTACT_DATE,
    )
