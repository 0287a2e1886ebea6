"""不詳 — the 保険者番号 placeholder: 77777777, or 77777779.

請求事務連絡 (2023-07-19) 1.③: the 保険者等番号 of a 不詳 claim is 77777777
(8 digits). The 2023-09-15 revision adds 77777779 for receipt software that
cannot record 77777777 — 77777779 is 7777777 with its 検証番号, so software
that checks the check digit accepts it (R2.6, R3.8). The choice is the
caller's (``options.insurer_placeholder``). The revision is dated after the
2023-09 submission deadline, so on the 請求年月 axis it is first in force for
2023-10.
"""

from __future__ import annotations

from datetime import date

from rezept_fusho.rules.model import Citation, Rule, Window
from rezept_fusho.rules.sources import (
    CLAIM_NOTICE_20230719,
    REVISION_20230915,
    VIA_SEED_003,
    VIA_SHAHO_0719,
    VIA_SHAHO_0915,
)

RULE = Rule(
    id="FUSHO-INSURER-77777777",
    title_ja="不詳請求の保険者番号は「77777777」とする",
    title_en="The 保険者番号 of a 不詳 claim is 77777777",
    window=Window(date(2023, 9, 1)),
    citations=(
        Citation(CLAIM_NOTICE_20230719, "1.③", via=VIA_SHAHO_0719),
        Citation(CLAIM_NOTICE_20230719, "レセプト記載方法", via=VIA_SEED_003),
    ),
    summary=__doc__ or "",
    axis="claim_month",
)

RULE_ALT = Rule(
    id="FUSHO-INSURER-77777779",
    title_ja="レセコンの仕様上77777777を記録できない場合は「77777779」とする",
    title_en="Receipt software that cannot record 77777777 uses 77777779",
    window=Window(REVISION_20230915.issued_on),
    citations=(
        Citation(REVISION_20230915, "一部訂正", via=VIA_SHAHO_0915),
        Citation(CLAIM_NOTICE_20230719, "レセプト記載方法", via=VIA_SEED_003),
    ),
    summary=__doc__ or "",
    axis="claim_month",
)

RULES = {"77777777": RULE, "77777779": RULE_ALT}
