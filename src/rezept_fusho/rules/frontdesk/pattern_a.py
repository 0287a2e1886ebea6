"""Pattern A — what the patient can show, an oral check, or the 被保険者資格申立書.

Seed 003 (日本歯科医師会, after the 支払基金 portal) and 保発0710第1号 2(1)–2(2):
when the card check fails, choose whichever the patient can do —
the マイナポータル 資格情報 screen with the card (a PDF downloaded from
マイナポータル is accepted: 医療保険部会 2024-10-31 資料2); the 資格情報のお知らせ
with the card (from 2024-12-02, 告示第349号); on a 再診, when earlier visits
give the data a claim needs, an oral check that nothing has changed (the
申立書 is then deemed submitted); on a 初診, the 被保険者資格申立書 with the
card. The clinic keeps the 申立書 and may destroy it once the claim is paid.

The form is part of 保発0710第1号 itself (:data:`FORM`): the 申立書 is its
別紙様式 and the 説明書 for the patient its 別添3 (the naming as 日本薬剤師会
relayed it). MHLW publishes it only inside the notice; associations pass
the same PDF on. No Word or Excel version was found.
"""

from __future__ import annotations

from datetime import date

from rezept_fusho.rules.frontdesk.method import Method
from rezept_fusho.rules.rule import Citation, Rule, Window
from rezept_fusho.rules.sources import (
    HOHATSU_0710,
    HOKEN_BUKAI_20241031,
    KOKUJI_349,
    VIA_HYOGO_KENYAKU,
    VIA_JDA,
    VIA_JMEDJ_349,
    VIA_SEED_003,
    VIA_WICNET_3,
    VIA_WICNET_10,
)

_SUMMARY = __doc__ or ""

#: Where the 申立書 form comes from: the notice's own 別紙様式, with the 説明書 as 別添3.
FORM = Citation(
    HOHATSU_0710,
    "別紙様式「被保険者資格申立書」・別添3「被保険者資格申立書に関する説明書」",
    via=VIA_HYOGO_KENYAKU,
)

RULE_PORTAL = Rule(
    id="FRONTDESK-PATTERN-A-PORTAL",
    title_ja="マイナポータルの資格情報画面＋マイナンバーカードで資格を確認する",
    title_en="Confirm the qualification from the マイナポータル screen with the card",
    window=Window(date(2023, 7, 10)),
    citations=(
        Citation(HOHATSU_0710, "2(1)", via=VIA_WICNET_3),
        Citation(HOKEN_BUKAI_20241031, "資料2（PDFの提示も可）"),
        Citation(HOHATSU_0710, "seed 003 Aパターン", via=VIA_SEED_003),
    ),
    summary=_SUMMARY,
)

RULE_NOTICE = Rule(
    id="FRONTDESK-PATTERN-A-NOTICE",
    title_ja="資格情報のお知らせ＋マイナンバーカードで資格を確認する",
    title_en="Confirm the qualification from the 資格情報のお知らせ with the card",
    window=Window(date(2024, 12, 2)),
    citations=(
        Citation(KOKUJI_349, "療養担当規則 第3条（資格確認の方法）", via=VIA_JMEDJ_349),
        Citation(HOKEN_BUKAI_20241031, "資料2"),
    ),
    summary=_SUMMARY,
)

RULE_ORAL_RETURN = Rule(
    id="FRONTDESK-PATTERN-A-ORAL-RETURN",
    title_ja="再診で過去の受診時の資格情報を把握していれば、患者への口頭確認で足りる",
    title_en="On a 再診 with qualification data already held, an oral check suffices",
    window=Window(date(2023, 7, 10)),
    citations=(
        Citation(HOHATSU_0710, "2(2)（申立書の提出があったものとみなす）", via=VIA_JDA),
        Citation(HOKEN_BUKAI_20241031, "資料2（再診）"),
    ),
    summary=_SUMMARY,
)

RULE_DECLARATION = Rule(
    id="FRONTDESK-PATTERN-A-DECLARATION",
    title_ja="初診等では被保険者資格申立書＋マイナンバーカードで受け付ける（申立書は支払確認まで保管）",
    title_en="On a 初診 (or without held data), take the 被保険者資格申立書 with the card; keep it until paid",
    window=Window(date(2023, 7, 10)),
    citations=(
        Citation(HOHATSU_0710, "2(2)・別添3", via=VIA_WICNET_10),
        Citation(HOKEN_BUKAI_20241031, "資料2（初診）"),
        FORM,
    ),
    summary=_SUMMARY,
)

PORTAL = Method(
    id="portal_screen",
    pattern="A",
    rule=RULE_PORTAL,
    label_ja="マイナポータルの資格情報画面＋マイナンバーカード",
    action_ja="スマートフォンのマイナポータル資格情報画面（PDF可）とマイナンバーカードを見せてもらう",
    basis="current",
    needs=frozenset({"portal_screen", "my_number_card"}),
)

NOTICE = Method(
    id="qualification_notice",
    pattern="A",
    rule=RULE_NOTICE,
    label_ja="資格情報のお知らせ＋マイナンバーカード",
    action_ja="資格情報のお知らせとマイナンバーカードを見せてもらう",
    basis="current",
    needs=frozenset({"qualification_notice", "my_number_card"}),
)

ORAL_RETURN = Method(
    id="oral_confirmation",
    pattern="A",
    rule=RULE_ORAL_RETURN,
    label_ja="再診：把握済みの資格情報を口頭で確認",
    action_ja="前回から保険が変わっていないか口頭で確認する（変更がなければ申立書の提出があったものとみなす）",
    basis="current",
    visit="return",
    needs_past_data=True,
)

DECLARATION = Method(
    id="declaration",
    pattern="A",
    rule=RULE_DECLARATION,
    label_ja="被保険者資格申立書＋マイナンバーカード",
    action_ja="被保険者資格申立書に記入してもらい、マイナンバーカードの券面で本人を確認する",
    basis="fusho",
    needs=frozenset({"my_number_card"}),
)

METHODS: tuple[Method, ...] = (PORTAL, NOTICE, ORAL_RETURN, DECLARATION)
RULES: tuple[Rule, ...] = (RULE_PORTAL, RULE_NOTICE, RULE_ORAL_RETURN, RULE_DECLARATION)
