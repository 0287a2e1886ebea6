"""不詳 — the 記号 and 番号: no 記号; 番号 777777777, or 77777777 for 後期高齢者.

請求事務連絡 (2023-07-19) 1.③: the 被保険者証等記号 is not recorded and the
番号 is 777777777 (9 digits); for 後期高齢者医療, whose 被保険者番号 has 8
digits, it is 77777777 (8 digits). No 枝番 is written: the notice names
none (R2.1 table, [I]).

>>> NUMBER.at(date(2023, 9, 1)), LATE_ELDERLY_NUMBER.at(date(2023, 9, 1))
('777777777', '77777777')
"""

from __future__ import annotations

from datetime import date
from typing import Final

from rezept_fusho.rules.parameter import Parameter, Value
from rezept_fusho.rules.rule import Citation, Rule, Window
from rezept_fusho.rules.sources import CLAIM_NOTICE_20230719, VIA_SEED_003, VIA_SHAHO_0719

_NOTICE = Citation(CLAIM_NOTICE_20230719, "1.③", via=VIA_SHAHO_0719)

NUMBER: Final = Parameter(
    "FUSHO-CARD-NUMBER",
    "不詳請求の被保険者等番号",
    "番号 of a 不詳 claim",
    (Value(date(2023, 9, 1), "777777777", _NOTICE),),
    axis="claim_month",
)
LATE_ELDERLY_NUMBER: Final = Parameter(
    "FUSHO-CARD-NUMBER-LATE-ELDERLY",
    "後期高齢者医療の不詳請求の被保険者番号",
    "番号 of a 後期高齢者 不詳 claim",
    (
        Value(
            date(2023, 9, 1),
            "77777777",
            Citation(CLAIM_NOTICE_20230719, "レセプト記載方法（後期高齢者医療の場合）", via=VIA_SEED_003),
            grade="seed",
        ),
    ),
    axis="claim_month",
)

RULE = Rule(
    id="FUSHO-NUMBER-777777777",
    title_ja=f"不詳請求の被保険者等記号は記載せず、番号は「{NUMBER.latest.value}」（9桁）とする",
    title_en=f"A 不詳 claim has no 記号 and the 番号 {NUMBER.latest.value} (9 digits)",
    window=Window(NUMBER.first.start),
    citations=(_NOTICE, Citation(CLAIM_NOTICE_20230719, "レセプト記載方法", via=VIA_SEED_003)),
    summary=__doc__ or "",
    axis="claim_month",
)

RULE_LATE_ELDERLY = Rule(
    id="FUSHO-NUMBER-LATE-ELDERLY",
    title_ja=f"後期高齢者医療の不詳請求の番号は「{LATE_ELDERLY_NUMBER.latest.value}」（8桁）とする",
    title_en=f"For 後期高齢者医療 the 不詳 番号 is {LATE_ELDERLY_NUMBER.latest.value} (8 digits)",
    window=Window(LATE_ELDERLY_NUMBER.first.start),
    citations=(_NOTICE, LATE_ELDERLY_NUMBER.first.citation),
    summary=__doc__ or "",
    axis="claim_month",
    grade="seed",
)


def number_for(late_elderly: bool, claim_month: date) -> tuple[Rule, str]:
    """The rule and the 番号 of a 不詳 claim (後期高齢者 or not) for the 請求年月."""
    if late_elderly:
        return RULE_LATE_ELDERLY, LATE_ELDERLY_NUMBER.at(claim_month)
    return RULE, NUMBER.at(claim_month)


#: Every 不詳 番号 (both lengths): never a real card's.
PLACEHOLDERS: Final = frozenset({NUMBER.latest.value, LATE_ELDERLY_NUMBER.latest.value})
