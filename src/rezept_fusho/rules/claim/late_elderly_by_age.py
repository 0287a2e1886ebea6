"""Everyone aged 75 or over is insured by 後期高齢者医療.

高齢者の医療の確保に関する法律 第50条 (被保険者) and 第52条 (資格取得の時期):
a resident of a 広域連合's area becomes its insured person on the day they
reach 75, their 75th birthday (a 29 February birthday falls on 1 March in a
common year). So when the 申立書 says 保険種別 「わからない」 but the birth
date shows 75 or over on the 診療日, the claim is a 後期高齢者 claim (8-digit
番号, no 事業所名). Under 75 nothing is presumed: 65–74 year-olds join only
by 障害認定, which the 申立書 does not show.
"""

from __future__ import annotations

from datetime import date

from rezept_fusho.errors import ClaimError
from rezept_fusho.models.claim import InsuranceKind
from rezept_fusho.rules.rule import Citation, Rule, Window
from rezept_fusho.rules.sources import ELDERLY_CARE_ACT

RULE = Rule(
    id="LATE-ELDERLY-AGE-75",
    title_ja="75歳以上の者は後期高齢者医療の被保険者とする",
    title_en="Everyone 75 or over is insured by 後期高齢者医療",
    window=Window(date(2008, 4, 1)),
    citations=(
        Citation(ELDERLY_CARE_ACT, "第50条第1号"),
        Citation(ELDERLY_CARE_ACT, "第52条第1号"),
    ),
    summary=__doc__ or "",
    grade="confirmed",
)

AGE = 75


def turns_75_on(birth_date: date) -> date:
    """The 75th birthday; 1 March for a 29 February birth in a common year."""
    try:
        return birth_date.replace(year=birth_date.year + AGE)
    except ValueError:
        return date(birth_date.year + AGE, 3, 1)


def is_late_elderly_age(birth_date: date, on: date) -> bool:
    return on >= turns_75_on(birth_date)


def check_birth(birth_date: date, service_date: date) -> None:
    """Refuse a birth date after the visit (``birth_after_service``)."""
    if birth_date > service_date:
        raise ClaimError(
            "birth_after_service",
            "declaration.birth_date",
            "生年月日が診療日より後です",
            "the birth date is after the service date",
        )


def by_age(kind: InsuranceKind, birth_date: date, service_date: date) -> tuple[bool, str | None]:
    """Whether a 不詳 claim is billed as 後期高齢者 by age, and the warning it carries (None: rule unused).

    75 or over with the kind unknown: 後期 (``late_elderly_by_age``); with a declared
    被用者保険 or 国保: as declared, but warned (``late_elderly_age_kind_mismatch``) —
    those excluded from 後期 (生活保護 …) exist, so the declaration is not overruled.
    """
    if kind == "late_elderly" or not is_late_elderly_age(birth_date, service_date):
        return kind == "late_elderly", None
    if kind == "unknown":
        return True, "late_elderly_by_age"
    return False, "late_elderly_age_kind_mismatch"
