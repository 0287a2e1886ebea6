"""Scope — 歯科 and 調剤 claims follow the same rules as 医科.

保発0710第1号 1 defines 受診等 as a visit *or a dispensing*, so pharmacies are
in scope (R1.1, confirmed); the 請求事務連絡 speaks of 「診療報酬等」, so the
same placeholders and 摘要 apply to the 調剤報酬明細書 (R6.1, inferred).
The 日本歯科医師会 gives dentists the same cases, methods, 申立書 and tiers,
citing the 事務連絡 of 2023-07-11 (R6.2). A 歯科 or 調剤 claim records which
of these it relies on; a 医科 claim needs neither.
"""

from __future__ import annotations

from datetime import date

from rezept_fusho.rules.rule import Citation, Rule, Window
from rezept_fusho.rules.sources import HOHATSU_0710, VIA_SEED_003

RULE_PHARMACY = Rule(
    id="SCOPE-PHARMACY",
    title_ja="調剤（保険薬局）にも同じ取扱いを適用する",
    title_en="Pharmacy (調剤) claims follow the same handling",
    window=Window(date(2023, 7, 10)),
    citations=(Citation(HOHATSU_0710, "1（受診等の定義：受診又は調剤）"),),
    summary=__doc__ or "",
    grade="confirmed",
)

RULE_DENTAL = Rule(
    id="SCOPE-DENTAL",
    title_ja="歯科にも同じ取扱いを適用する",
    title_en="Dental (歯科) claims follow the same handling",
    window=Window(date(2023, 7, 10)),
    citations=(Citation(HOHATSU_0710, "歯科への周知（事務連絡 令和5年7月11日）", via=VIA_SEED_003),),
    summary=__doc__ or "",
    grade="secondary",
)

RULES = {"pharmacy": RULE_PHARMACY, "dental": RULE_DENTAL}
