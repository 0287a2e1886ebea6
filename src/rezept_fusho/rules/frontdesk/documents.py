"""What a patient without a working マイナ保険証 may present instead: a valid 保険証 or a 資格確認書.

Seed 003: a patient who has no マイナンバーカード is checked with a 健康保険証
still within its validity or with a 資格確認書. 保発0710第1号 2(1) already named
the 保険証 as an alternative when the card check failed. 資格確認書 are issued
from 2024-12-02 (告示第349号; 医療保険部会 2024-10-31 資料2). Every 健康保険証
expired on 2025-12-01 at the latest, so the 保険証 rule's window ends on
2025-12-02 (half-open); a 保険証 shown later falls under the temporary handling
of expired cards (:mod:`.expired_card_temporary`).
"""

from __future__ import annotations

from datetime import date, timedelta

from rezept_fusho.rules.frontdesk.method import Method
from rezept_fusho.rules.rule import Citation, Rule, Window
from rezept_fusho.rules.sources import (
    HOHATSU_0710,
    HOKEN_BUKAI_20241031,
    KOKUJI_349,
    VIA_JMEDJ_349,
    VIA_SEED_003,
    VIA_WICNET_3,
)
from rezept_fusho.text.dates import ja_date

_SUMMARY = __doc__ or ""

#: The last day any 健康保険証 was valid (R4.1, R4.8).
LAST_CARD_DAY = date(2025, 12, 1)

RULE_HEALTH_INSURANCE_CARD = Rule(
    id="FRONTDESK-HEALTH-INSURANCE-CARD",
    title_ja=f"有効期限内の健康保険証で資格を確認する（{ja_date(LAST_CARD_DAY)}まで）",
    title_en=f"Confirm the qualification with a valid 健康保険証 (until {LAST_CARD_DAY.isoformat()})",
    window=Window(HOHATSU_0710.issued_on, LAST_CARD_DAY + timedelta(days=1)),
    citations=(
        Citation(HOHATSU_0710, "2(1)", via=VIA_WICNET_3),
        Citation(HOKEN_BUKAI_20241031, "資料2（保険証は最長2025年12月1日まで有効）"),
        Citation(HOHATSU_0710, "seed 003 ※カードをお持ちでない場合", via=VIA_SEED_003),
    ),
    summary=_SUMMARY,
)

RULE_QUALIFICATION_CERTIFICATE = Rule(
    id="FRONTDESK-QUALIFICATION-CERTIFICATE",
    title_ja="資格確認書で資格を確認する（2024年12月2日から）",
    title_en="Confirm the qualification with a 資格確認書 (from 2024-12-02)",
    window=Window(date(2024, 12, 2)),
    citations=(
        Citation(KOKUJI_349, "療養担当規則 第3条（資格確認書の追加）", via=VIA_JMEDJ_349),
        Citation(HOKEN_BUKAI_20241031, "資料2"),
    ),
    summary=_SUMMARY,
)

HEALTH_INSURANCE_CARD = Method(
    id="health_insurance_card",
    pattern=None,
    rule=RULE_HEALTH_INSURANCE_CARD,
    label_ja="有効期限内の健康保険証",
    action_ja="有効期限内の健康保険証を見せてもらう",
    basis="current",
    needs=frozenset({"health_insurance_card"}),
)

QUALIFICATION_CERTIFICATE = Method(
    id="qualification_certificate",
    pattern=None,
    rule=RULE_QUALIFICATION_CERTIFICATE,
    label_ja="資格確認書",
    action_ja="資格確認書を見せてもらう",
    basis="current",
    needs=frozenset({"qualification_certificate"}),
)

METHODS: tuple[Method, ...] = (QUALIFICATION_CERTIFICATE, HEALTH_INSURANCE_CARD)
RULES: tuple[Rule, ...] = (RULE_HEALTH_INSURANCE_CARD, RULE_QUALIFICATION_CERTIFICATE)
