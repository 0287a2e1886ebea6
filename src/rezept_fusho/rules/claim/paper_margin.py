"""不詳 — on a paper receipt, 「不詳」 in red above the top margin.

請求事務連絡 (2023-07-19): a paper 不詳 claim carries 「不詳」 written in red in
the space above the form (R2.1 table; the seed document states it whole).
"""

from __future__ import annotations

from datetime import date
from typing import Final

from rezept_fusho.rules.rule import Citation, Rule, Window
from rezept_fusho.rules.sources import CLAIM_NOTICE_20230719, VIA_SEED_003, VIA_SHAHO_0719

RULE = Rule(
    id="FUSHO-PAPER-MARGIN",
    title_ja="紙レセプトの場合は上部欄外に赤色で「不詳」と記載する",
    title_en="A paper 不詳 receipt has 不詳 in red above the top margin",
    window=Window(date(2023, 9, 1)),
    citations=(
        Citation(CLAIM_NOTICE_20230719, "1.③ 紙レセプトの場合", via=VIA_SHAHO_0719),
        Citation(CLAIM_NOTICE_20230719, "レセプト記載方法 摘要", via=VIA_SEED_003),
    ),
    summary=__doc__ or "",
    axis="claim_month",
    grade="seed",
)

NOTE: Final = "不詳"
