"""Pattern D — home visits and online care: マイナ資格確認アプリ or マイナ在宅受付Web.

Seed 003: depending on what the clinic has set up, use either the マイナ資格確認
アプリ (居宅同意取得型) or マイナ在宅受付Web. Both read the patient's card
away from the clinic's reader. The start date is the launch of the 居宅同意
取得型 オンライン資格確認 as the research recalls it (2024-04-01), not a date
read in a notice: grade ``inferred``.
"""

from __future__ import annotations

from datetime import date

from rezept_fusho.rules.frontdesk.method import Method
from rezept_fusho.rules.rule import Citation, Rule, Window
from rezept_fusho.rules.sources import HOHATSU_0710, VIA_SEED_003

_SUMMARY = __doc__ or ""

RULE_APP = Rule(
    id="FRONTDESK-PATTERN-D-APP",
    title_ja="訪問診療・オンライン診療ではマイナ資格確認アプリ（居宅同意取得型）で資格を確認する",
    title_en="For home visits and online care, use the マイナ資格確認アプリ (居宅同意取得型)",
    window=Window(date(2024, 4, 1)),
    citations=(Citation(HOHATSU_0710, "seed 003 Dパターン", via=VIA_SEED_003),),
    summary=_SUMMARY,
    grade="inferred",
)

RULE_WEB = Rule(
    id="FRONTDESK-PATTERN-D-WEB",
    title_ja="訪問診療・オンライン診療ではマイナ在宅受付Webで資格を確認する",
    title_en="For home visits and online care, use マイナ在宅受付Web",
    window=Window(date(2024, 4, 1)),
    citations=(Citation(HOHATSU_0710, "seed 003 Dパターン", via=VIA_SEED_003),),
    summary=_SUMMARY,
    grade="inferred",
)

APP = Method(
    id="home_app",
    pattern="D",
    rule=RULE_APP,
    label_ja="マイナ資格確認アプリ（居宅同意取得型）",
    action_ja="マイナ資格確認アプリで患者のマイナンバーカードを読み取る",
    basis="current",
    needs=frozenset({"my_number_card"}),
    needs_system=True,
    settings=frozenset({"home", "online"}),
)

WEB = Method(
    id="home_web",
    pattern="D",
    rule=RULE_WEB,
    label_ja="マイナ在宅受付Web",
    action_ja="患者のスマートフォンでマイナ在宅受付Webを読み込んでもらう",
    basis="current",
    needs=frozenset({"my_number_card"}),
    needs_system=True,
    settings=frozenset({"home", "online"}),
)

METHODS: tuple[Method, ...] = (APP, WEB)
RULES: tuple[Rule, ...] = (RULE_APP, RULE_WEB)
