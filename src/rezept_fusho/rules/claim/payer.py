"""The 審査支払機関 a claim goes to.

Known qualification: 被用者保険 claims go to the 社会保険診療報酬支払基金;
市町村国保・国保組合 (6-digit numbers), 後期高齢者医療 (法別 39) and 退職者医療
(法別 67) go to the 国民健康保険団体連合会 (the mapping restated in the
2023-08-03 疑義解釈 問1 and the disaster 事務連絡; R3.1, R5.7).

不詳: the 申立書's 保険種別 decides — 被用者保険 → 支払基金, 国保・後期 →
国保連. When the kind is 「わからない」 and stays unknown, the clinic chooses
either body (疑義解釈 問1): the library takes ``options.payer_when_unknown``
and, when that is not set, leaves the payer empty with a warning rather than
choosing for the clinic.
"""

from __future__ import annotations

import functools
from datetime import date

from rezept_fusho.models.claim import InsuranceKind, Payer
from rezept_fusho.numbers import insurer
from rezept_fusho.rules.rule import Citation, Rule, Window
from rezept_fusho.rules.sources import DISASTER_20130124, QA_20230803, VIA_SHAHO_QA

SHIHARAI_KIKIN: Payer = "shiharai_kikin"
KOKUHO_RENGOKAI: Payer = "kokuho_rengokai"

RULE_BY_INSURER = Rule(
    id="PAYER-BY-INSURER-NUMBER",
    title_ja="国保・後期高齢者・退職者医療は国保連、被用者保険は支払基金に請求する",
    title_en="国保, 後期 and 退職 claims go to the 国保連; 被用者保険 claims to the 支払基金",
    window=Window(date(2008, 4, 1)),
    citations=(
        Citation(QA_20230803, "問1（審査支払機関の区分）", via=VIA_SHAHO_QA),
        Citation(DISASTER_20130124, "別添 請求書の取扱い"),
    ),
    summary=__doc__ or "",
    grade="confirmed",
)

RULE_FUSHO_BY_KIND = Rule(
    id="PAYER-FUSHO-BY-KIND",
    title_ja="不詳請求は申立書の保険種別に対応する審査支払機関に請求する",
    title_en="A 不詳 claim goes to the body that handles the declared insurance kind",
    window=Window(date(2023, 9, 1)),
    citations=(Citation(QA_20230803, "問1", via=VIA_SHAHO_QA),),
    summary=__doc__ or "",
    axis="claim_month",
    grade="confirmed",
)

RULE_FUSHO_UNKNOWN_KIND = Rule(
    id="PAYER-FUSHO-UNKNOWN-KIND",
    title_ja="保険種別が特定できない場合は支払基金・国保連のいずれかを医療機関が選択する",
    title_en="When the kind stays unknown, the clinic chooses either body",
    window=Window(date(2023, 9, 1)),
    citations=(Citation(QA_20230803, "問1", via=VIA_SHAHO_QA),),
    summary=__doc__ or "",
    axis="claim_month",
    grade="confirmed",
)


#: 法別番号 whose claims go to the 国保連: 後期高齢者医療 (39) and 退職者医療 (67). Every other
#: 8-digit number goes to the 支払基金; a 6-digit 国保 number to the 国保連.
KOKUHO_RENGOKAI_LAW_CODES = frozenset({insurer.LATE_ELDERLY_LAW_CODE, "67"})


@functools.lru_cache(maxsize=insurer.MEMO_SIZE)  # a batch names few insurers, many times each
def payer_for_insurer(number: str) -> Payer:
    """The 審査支払機関 of a valid 保険者番号 (``PAYER-BY-INSURER-NUMBER``)."""
    if insurer.is_kokuho(number) or insurer.law_code(number) in KOKUHO_RENGOKAI_LAW_CODES:
        return KOKUHO_RENGOKAI
    return SHIHARAI_KIKIN


KIND_PAYERS: dict[InsuranceKind, Payer] = {
    "employee": SHIHARAI_KIKIN,
    "national": KOKUHO_RENGOKAI,
    "late_elderly": KOKUHO_RENGOKAI,
}


def payer_for_fusho(
    kind: InsuranceKind, late_elderly: bool, chosen: Payer | None
) -> tuple[Rule, Payer | None]:
    """The rule and the payer of a 不詳 claim: by the declared kind, else the clinic's choice (may be None)."""
    if late_elderly:
        return RULE_FUSHO_BY_KIND, KIND_PAYERS["late_elderly"]
    if kind != "unknown":
        return RULE_FUSHO_BY_KIND, KIND_PAYERS[kind]
    return RULE_FUSHO_UNKNOWN_KIND, chosen
