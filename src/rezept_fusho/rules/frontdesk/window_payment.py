"""The window payment (窓口負担): 3割等 when a method succeeded; 10割 as the base case otherwise.

Seed 003 and 保発0710第1号 2: when any of the methods (patterns A–D, a valid
保険証 or 資格確認書, the temporary handling) succeeded, the patient pays the
normal share, 3割等 — 2割 for a child not yet at school, 1〜3割 for people of
70 and over, as known to the clinic or declared on the 申立書 (別添3 説明書).

保発0710第1号 2(3): a patient with neither a usable card nor a valid 保険証,
whose qualification cannot be confirmed, pays 10割 as a rule, as a patient
whose new 保険証 has not arrived would. Flexible handling is allowed: on a
再診 where the clinic knows the patient's history and identity, it may decide,
from the data it holds, to charge 3割分等 — a clinic policy, the option
``flexible_return_visit`` (default off).
"""

from __future__ import annotations

from datetime import date

from rezept_fusho.rules.frontdesk.vocabulary import AgeGroup, Ratio
from rezept_fusho.rules.rule import Citation, Rule, Window
from rezept_fusho.rules.sources import HOHATSU_0710, VIA_SEED_003, VIA_WICNET_4, VIA_WICNET_10

_SUMMARY = __doc__ or ""

RULE_NORMAL = Rule(
    id="FRONTDESK-WINDOW-NORMAL-SHARE",
    title_ja="いずれかの方法で確認できた場合は通常の自己負担（3割等）を求める",
    title_en="When any method succeeded, charge the normal share (3割等)",
    window=Window(date(2023, 7, 10)),
    citations=(
        Citation(HOHATSU_0710, "2・別添3 説明書（未就学2割、70歳以上1〜3割）", via=VIA_WICNET_10),
        Citation(HOHATSU_0710, "seed 003 窓口負担", via=VIA_SEED_003),
    ),
    summary=_SUMMARY,
)

RULE_FULL = Rule(
    id="FRONTDESK-WINDOW-FULL-BASE",
    title_ja="カードも有効な保険証もなく資格が確認できない場合は原則10割を求める",
    title_en="With no usable card or valid 保険証 and nothing confirmed, charge 10割 as the base case",
    window=Window(date(2023, 7, 10)),
    citations=(Citation(HOHATSU_0710, "2(3)", via=VIA_WICNET_4),),
    summary=_SUMMARY,
    grade="confirmed",
)

RULE_FLEXIBLE = Rule(
    id="FRONTDESK-WINDOW-FLEXIBLE-RETURN",
    title_ja="再診で受診歴・本人を把握している場合は、保有する情報により3割等とする柔軟な対応も可",
    title_en="On a 再診 where the clinic knows the patient, it may charge 3割等 from the data it holds",
    window=Window(date(2023, 7, 10)),
    citations=(Citation(HOHATSU_0710, "2(3)（柔軟な対応）", via=VIA_WICNET_4),),
    summary=_SUMMARY,
    grade="confirmed",
)

RULES: tuple[Rule, ...] = (RULE_NORMAL, RULE_FULL, RULE_FLEXIBLE)

_BY_AGE: dict[AgeGroup, str] = {
    "preschool": "2割",
    "under_70": "3割",
    "70_plus": "1〜3割（負担割合を確認）",
}


def ratio_label(age_group: AgeGroup | None, declared: Ratio | None) -> tuple[str, bool]:
    """The share to charge as shown at the window, and whether it is settled.

    A known or declared ratio wins; else the age group's; else 3割等 to confirm.

    >>> ratio_label(None, "2割")
    ('2割', True)
    >>> ratio_label("preschool", None)
    ('2割', True)
    >>> ratio_label("70_plus", None)
    ('1〜3割（負担割合を確認）', False)
    """
    if declared is not None:
        return declared, True
    if age_group is None:
        return "3割等（負担割合を確認）", False
    return _BY_AGE[age_group], age_group != "70_plus"
