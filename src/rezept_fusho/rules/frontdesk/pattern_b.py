"""Pattern B — the オンライン資格確認等システム's 緊急時医療情報・資格確認機能.

Seed 003 and 保発0710第1号 別添2: depending on the cause, use one of its two
modes. システム障害時モード for a power cut, a network outage or broken
equipment: ask the call centre to enable it, note the card-face 氏名・性別・
生年月日・住所 at the counter, and check once the function can be reached
(it may be afterwards). 災害時モード (災害時医療情報閲覧) when a disaster has
been declared and the patient has lost the card: the qualification is looked
up from the patient's name, birth date and address.
"""

from __future__ import annotations

from datetime import date

from rezept_fusho.rules.frontdesk.method import Method
from rezept_fusho.rules.rule import Citation, Rule, Window
from rezept_fusho.rules.sources import HOHATSU_0710, VIA_SEED_003, VIA_WICNET_8

_SUMMARY = __doc__ or ""

RULE_OUTAGE_MODE = Rule(
    id="FRONTDESK-PATTERN-B-OUTAGE-MODE",
    title_ja="緊急時医療情報・資格確認機能のシステム障害時モードで資格を確認する",
    title_en="Confirm the qualification with the emergency function's システム障害時モード",
    window=Window(date(2023, 7, 10)),
    citations=(
        Citation(HOHATSU_0710, "別添2（資格情報照会（システム障害時））", via=VIA_WICNET_8),
        Citation(HOHATSU_0710, "seed 003 Bパターン", via=VIA_SEED_003),
    ),
    summary=_SUMMARY,
)

RULE_DISASTER_MODE = Rule(
    id="FRONTDESK-PATTERN-B-DISASTER-MODE",
    title_ja="緊急時医療情報・資格確認機能の災害時モード（災害時医療情報閲覧）で資格を確認する",
    title_en="Confirm the qualification with the emergency function's 災害時モード",
    window=Window(date(2023, 7, 10)),
    citations=(Citation(HOHATSU_0710, "seed 003 Bパターン（災害時モード）", via=VIA_SEED_003),),
    summary=_SUMMARY,
    grade="seed",
)

OUTAGE_MODE = Method(
    id="outage_mode",
    pattern="B",
    rule=RULE_OUTAGE_MODE,
    label_ja="緊急時医療情報・資格確認機能：システム障害時モード",
    action_ja="券面の氏名・性別・生年月日・住所を控え、システム障害時モードで資格を照会する（復旧後でも可）",
    basis="current",
    needs_system=True,
)

DISASTER_MODE = Method(
    id="disaster_mode",
    pattern="B",
    rule=RULE_DISASTER_MODE,
    label_ja="緊急時医療情報・資格確認機能：災害時モード（災害時医療情報閲覧）",
    action_ja="氏名・生年月日・住所を聞き、災害時モードで資格を照会する",
    basis="current",
    needs_system=True,
)

METHODS: tuple[Method, ...] = (OUTAGE_MODE, DISASTER_MODE)
RULES: tuple[Rule, ...] = (RULE_OUTAGE_MODE, RULE_DISASTER_MODE)
