"""Tier 1 — bill on the current qualification.

保発0710第1号 3(1): when the qualification is confirmed on the spot or
afterwards (マイナポータル screen, 資格情報のお知らせ, 資格確認書, a valid
保険証, システム障害時モード, 目視確認モード …), the claim uses that
qualification's 保険者番号 and 記号・番号. A confirmed current qualification
wins even when a 旧資格 or a 申立書 is also known (R1.14, R1.17).
"""

from __future__ import annotations

from datetime import date

from rezept_fusho.rules.rule import Citation, Rule, Window
from rezept_fusho.rules.sources import HOHATSU_0710, VIA_AICHI, VIA_WICNET_4

RULE = Rule(
    id="CLAIM-TIER-CURRENT",
    title_ja="現在の資格が確認できた場合は当該資格に基づき請求する",
    title_en="Bill on the current qualification when it can be confirmed",
    window=Window(date(2023, 7, 10)),
    citations=(
        Citation(HOHATSU_0710, "3(1)", via=VIA_WICNET_4),
        Citation(HOHATSU_0710, "3 (order of the tiers)", via=VIA_AICHI),
    ),
    summary=__doc__ or "",
    grade="confirmed",
)
