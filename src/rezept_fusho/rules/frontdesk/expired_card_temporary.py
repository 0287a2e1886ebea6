"""Temporary handling: an expired 健康保険証, or the 資格情報のお知らせ alone → look up, charge 3割等.

事務連絡 2025-06-27 (疑義解釈資料): a patient who brings a 国保 健康保険証 that
has expired (国保 cards expired from 2025-08-01) or only the 資格情報のお知らせ
is not charged 10割: the clinic looks the qualification up in the オンライン
資格確認等システム with the 被保険者番号等 (or from earlier visits), charges
3割等 and files a normal claim. 事務連絡 2025-08-04 applies the same to expired
後期高齢者 cards. 事務連絡 2025-11-12 extends it to every insurer from
2025-12-02, all 保険証 having expired on 2025-12-01. The notices end it on
2026-03-31 (windows end 2026-04-01, half-open).

On 2026-03-19 the minister announced an extension to 2026-07-31; no 事務連絡
setting it has been found (grade ``unverified``). The end date is an option,
``temporary_end``: ``"2026-07-31"`` (default) applies
``FRONTDESK-TEMPORARY-EXTENSION`` from 2026-04-01 to 2026-07-31, and every
result that relies on it says the formal notice was not found;
``"2026-03-31"`` keeps to the notices.

If the look-up does not return a valid qualification, the handling does not
apply (rules.md R4.10, inferred): the ordinary rules decide (10割 as the base case).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from rezept_fusho.models.claim import InsuranceKind
from rezept_fusho.rules.model import Citation, Rule, Window
from rezept_fusho.rules.sources import (
    LATE_ELDERLY_20250804,
    MINISTER_20260319,
    TEMPORARY_20250627,
    TRANSITION_20251112,
    VIA_HODANREN_0627,
    VIA_NIIGATA,
)

TemporaryEnd = Literal["2026-07-31", "2026-03-31"]

#: The default end: the minister's announced extension (no formal notice found).
DEFAULT_END: TemporaryEnd = "2026-07-31"
NOTICE_END = date(2026, 3, 31)
EXTENDED_END = date(2026, 7, 31)

_SUMMARY = __doc__ or ""
_NOTICES_END_EXCLUSIVE = date(2026, 4, 1)

RULE_KOKUHO_KOUKI = Rule(
    id="FRONTDESK-TEMPORARY-KOKUHO-KOUKI",
    title_ja="有効期限切れの国保・後期高齢者の保険証や資格情報のお知らせのみでも、照会のうえ3割等を求めてよい",
    title_en="Expired 国保/後期 cards or the お知らせ alone: look the qualification up and charge 3割等",
    window=Window(date(2025, 8, 1), _NOTICES_END_EXCLUSIVE),
    citations=(
        Citation(TEMPORARY_20250627, "疑義解釈資料", via=VIA_HODANREN_0627),
        Citation(LATE_ELDERLY_20250804, "後期高齢者の有効期限切れ保険証"),
    ),
    summary=_SUMMARY,
)

RULE_ALL_INSURERS = Rule(
    id="FRONTDESK-TEMPORARY-ALL-INSURERS",
    title_ja="2025年12月2日からは全保険者の有効期限切れ保険証・お知らせのみに暫定的取扱いを適用する",
    title_en="From 2025-12-02 the temporary handling covers every insurer",
    window=Window(date(2025, 12, 2), _NOTICES_END_EXCLUSIVE),
    citations=(Citation(TRANSITION_20251112, "暫定的な取扱いの全保険者への拡大"),),
    summary=_SUMMARY,
)

RULE_EXTENSION = Rule(
    id="FRONTDESK-TEMPORARY-EXTENSION",
    title_ja="暫定的取扱いを2026年7月31日まで延長（大臣発表。正式な事務連絡は未確認）",
    title_en="Temporary handling extended to 2026-07-31 (minister's announcement; no formal notice found)",
    window=Window(_NOTICES_END_EXCLUSIVE, date(2026, 8, 1)),
    citations=(Citation(MINISTER_20260319, "延長の発表（2026年7月末まで）", via=VIA_NIIGATA),),
    summary=_SUMMARY,
    grade="unverified",
)

RULES: tuple[Rule, ...] = (RULE_KOKUHO_KOUKI, RULE_ALL_INSURERS, RULE_EXTENSION)

_KOKUHO_KOUKI: frozenset[InsuranceKind] = frozenset({"national", "late_elderly"})


def enabled(rule: Rule, end: TemporaryEnd) -> bool:
    """False for the extension when the clinic keeps to the notices' end date."""
    return rule is not RULE_EXTENSION or end == "2026-07-31"


def end_date(end: TemporaryEnd) -> date:
    return EXTENDED_END if end == "2026-07-31" else NOTICE_END


def rule_for(day: date, kind: InsuranceKind, end: TemporaryEnd) -> Rule | None:
    """The rule that lets the clinic charge 3割等 on *day* for an insurer of *kind*, if any.

    Before 2025-12-02 only 国保 and 後期 cards had expired: an unknown kind gets
    no rule (the triage asks which insurer).
    """
    for rule in (RULE_KOKUHO_KOUKI, RULE_ALL_INSURERS, RULE_EXTENSION):
        if not rule.in_force(day) or not enabled(rule, end):
            continue
        if rule is RULE_KOKUHO_KOUKI and kind not in _KOKUHO_KOUKI:
            continue
        return rule
    return None
