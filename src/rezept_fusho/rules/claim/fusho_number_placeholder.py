"""不詳 — the 記号 and 番号: no 記号; 番号 777777777, or 77777777 for 後期高齢者.

請求事務連絡 (2023-07-19) 1.③: the 被保険者証等記号 is not recorded and the
番号 is 777777777 (9 digits); for 後期高齢者医療, whose 被保険者番号 has 8
digits, it is 77777777 (8 digits). No 枝番 is written: the notice names
none (R2.1 table, [I]).
"""

from __future__ import annotations

from datetime import date

from rezept_fusho.rules.model import Citation, Rule, Window
from rezept_fusho.rules.sources import CLAIM_NOTICE_20230719, VIA_SEED_003, VIA_SHAHO_0719

NUMBER = "777777777"
LATE_ELDERLY_NUMBER = "77777777"

RULE = Rule(
    id="FUSHO-NUMBER-777777777",
    title_ja="不詳請求の被保険者等記号は記載せず、番号は「777777777」（9桁）とする",
    title_en="A 不詳 claim has no 記号 and the 番号 777777777 (9 digits)",
    window=Window(date(2023, 9, 1)),
    citations=(
        Citation(CLAIM_NOTICE_20230719, "1.③", via=VIA_SHAHO_0719),
        Citation(CLAIM_NOTICE_20230719, "レセプト記載方法", via=VIA_SEED_003),
    ),
    summary=__doc__ or "",
    axis="claim_month",
)

RULE_LATE_ELDERLY = Rule(
    id="FUSHO-NUMBER-LATE-ELDERLY",
    title_ja="後期高齢者医療の不詳請求の番号は「77777777」（8桁）とする",
    title_en="For 後期高齢者医療 the 不詳 番号 is 77777777 (8 digits)",
    window=Window(date(2023, 9, 1)),
    citations=(
        Citation(CLAIM_NOTICE_20230719, "1.③", via=VIA_SHAHO_0719),
        Citation(CLAIM_NOTICE_20230719, "レセプト記載方法（後期高齢者医療の場合）", via=VIA_SEED_003),
    ),
    summary=__doc__ or "",
    axis="claim_month",
    grade="seed",
)
