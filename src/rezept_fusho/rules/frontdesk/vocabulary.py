"""The front desk's words: cases, what a patient may present, visit types, settings.

Plain ``Literal`` types shared by the rules, the pydantic models and the guide,
with the Japanese label each one is shown under.
"""

from __future__ import annotations

from typing import Literal

Case = Literal[
    "qualification_invalid",
    "card_unusable",
    "outage",
    "equipment_failure",
    "card_lost_disaster",
    "identity_check_impossible",
    "reader_difficult",
    "no_card",
]
Item = Literal[
    "my_number_card",
    "portal_screen",
    "qualification_notice",
    "health_insurance_card",
    "expired_health_insurance_card",
    "qualification_certificate",
]
Visit = Literal["first", "return"]
Setting = Literal["clinic", "home", "online"]
Pattern = Literal["A", "B", "C", "D"]
Lookup = Literal["valid", "invalid", "not_done"]
AgeGroup = Literal["preschool", "under_70", "70_plus"]
Ratio = Literal["1割", "2割", "3割"]
Timing = Literal["now", "later"]

ITEM_LABELS: dict[Item, str] = {
    "my_number_card": "マイナンバーカード",
    "portal_screen": "マイナポータルの資格情報画面（ダウンロードしたPDFを含む）",
    "qualification_notice": "資格情報のお知らせ",
    "health_insurance_card": "有効期限内の健康保険証",
    "expired_health_insurance_card": "有効期限切れの健康保険証",
    "qualification_certificate": "資格確認書",
}

PATTERN_LABELS: dict[Pattern, str] = {
    "A": "Aパターン（患者の提示・口頭確認・申立書）",
    "B": "Bパターン（緊急時医療情報・資格確認機能）",
    "C": "Cパターン（顔認証付きカードリーダの目視確認モード）",
    "D": "Dパターン（訪問診療・オンライン診療）",
}

VISIT_LABELS: dict[Visit, str] = {"first": "初診", "return": "再診"}

SETTING_LABELS: dict[Setting, str] = {"clinic": "外来", "home": "訪問診療", "online": "オンライン診療"}

LOOKUP_LABELS: dict[Lookup, str] = {
    "not_done": "まだ照会していない",
    "valid": "照会で有効な資格が確認できた",
    "invalid": "照会で有効な資格が確認できなかった",
}

AGE_GROUP_LABELS: dict[AgeGroup, str] = {
    "preschool": "未就学児",
    "under_70": "70歳未満",
    "70_plus": "70歳以上",
}
