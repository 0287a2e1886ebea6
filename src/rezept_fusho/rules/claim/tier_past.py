"""Tier 2 — bill on the past qualification (旧資格請求).

保発0710第1号 3 and the 2023-08-03 疑義解釈: when the current qualification
cannot be confirmed but the past 保険者番号 / 被保険者番号 are known (the
「資格(無効)」 display, earlier visits), bill on them; the 審査支払機関 can
move the claim to the new insurer (レセプト振替). Never 不詳 while a 旧資格 is
known (R1.15, R1.17).
"""

from __future__ import annotations

from datetime import date

from rezept_fusho.rules.rule import Citation, Rule, Window
from rezept_fusho.rules.sources import HOHATSU_0710, QA_20230803, VIA_AICHI, VIA_SHAHO_QA

RULE = Rule(
    id="CLAIM-TIER-PAST",
    title_ja="現在の資格が確認できない場合は過去の資格（旧資格）に基づき請求する",
    title_en="Bill on the past qualification (旧資格) when the current one cannot be confirmed",
    window=Window(date(2023, 7, 10)),
    citations=(
        Citation(HOHATSU_0710, "3(2)", via=VIA_AICHI),
        Citation(QA_20230803, "旧資格請求", via=VIA_SHAHO_QA),
    ),
    summary=__doc__ or "",
)
