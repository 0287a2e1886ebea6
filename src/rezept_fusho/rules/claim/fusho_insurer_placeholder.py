"""不詳 — the 保険者番号 placeholder: 77777777, or 77777779.

請求事務連絡 (2023-07-19) 1.③: the 保険者等番号 of a 不詳 claim is 77777777
(8 digits). The 2023-09-15 revision adds 77777779 for receipt software that
cannot record 77777777 — 77777779 is 7777777 with its 検証番号, so software
that checks the check digit accepts it (R2.6, R3.8). The choice is the
caller's (``options.insurer_placeholder``). The revision is dated after the
2023-09 submission deadline, so on the 請求年月 axis it is first in force for
2023-10.

>>> INSURER.at(date(2023, 9, 1)), ALTERNATIVE.at(date(2023, 10, 1))
('77777777', '77777779')
>>> sorted(PLACEHOLDERS)
['77777777', '77777779']
"""

from __future__ import annotations

from datetime import date
from typing import Final, Literal

from rezept_fusho.rules.parameter import Parameter, Value
from rezept_fusho.rules.rule import Citation, Rule, Window
from rezept_fusho.rules.sources import (
    CLAIM_NOTICE_20230719,
    REVISION_20230915,
    VIA_SEED_003,
    VIA_SHAHO_0719,
    VIA_SHAHO_0915,
)

_NOTICE = Citation(CLAIM_NOTICE_20230719, "1.③", via=VIA_SHAHO_0719)
_SEED = Citation(CLAIM_NOTICE_20230719, "レセプト記載方法", via=VIA_SEED_003)
_REVISION = Citation(REVISION_20230915, "一部訂正", via=VIA_SHAHO_0915)

#: The 保険者番号 of a 不詳 claim, from the 2023-09 submission.
INSURER: Final = Parameter(
    "FUSHO-INSURER-NUMBER",
    "不詳請求の保険者番号",
    "保険者番号 of a 不詳 claim",
    (Value(date(2023, 9, 1), "77777777", _NOTICE),),
    axis="claim_month",
)
#: The check-digit-valid form, for receipt software that cannot record the first.
ALTERNATIVE: Final = Parameter(
    "FUSHO-INSURER-NUMBER-ALTERNATIVE",
    "レセコンの仕様上記録できない場合の不詳請求の保険者番号",
    "保険者番号 of a 不詳 claim for software that cannot record the first",
    (Value(REVISION_20230915.issued_on, "77777779", _REVISION),),
    axis="claim_month",
)

#: ``options.insurer_placeholder``: the values above, spelled once for the JSON contract.
InsurerPlaceholder = Literal["77777777", "77777779"]
DEFAULT: Final[InsurerPlaceholder] = "77777777"

RULE = Rule(
    id="FUSHO-INSURER-77777777",
    title_ja=f"不詳請求の保険者番号は「{INSURER.latest.value}」とする",
    title_en=f"The 保険者番号 of a 不詳 claim is {INSURER.latest.value}",
    window=Window(INSURER.first.start),
    citations=(_NOTICE, _SEED),
    summary=__doc__ or "",
    axis="claim_month",
)

RULE_ALT = Rule(
    id="FUSHO-INSURER-77777779",
    title_ja=f"レセコンの仕様上{INSURER.latest.value}を記録できない場合は「{ALTERNATIVE.latest.value}」とする",
    title_en=f"Receipt software that cannot record {INSURER.latest.value} uses {ALTERNATIVE.latest.value}",
    window=Window(ALTERNATIVE.first.start),
    citations=(_REVISION, _SEED),
    summary=__doc__ or "",
    axis="claim_month",
)

#: The rule of each ``insurer_placeholder`` choice.
RULES: dict[InsurerPlaceholder, Rule] = {"77777777": RULE, "77777779": RULE_ALT}
#: Every 不詳 保険者番号 (both forms): never a real insurer.
PLACEHOLDERS: Final = frozenset(RULES)
