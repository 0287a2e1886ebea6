"""Temporary handling: an expired 健康保険証, or the 資格情報のお知らせ alone → look up, charge 3割等.

事務連絡 2025-06-27 (疑義解釈資料): a patient who brings a 国保 健康保険証 that
has expired (国保 cards expired from 2025-08-01) or only the 資格情報のお知らせ
is not charged 10割: the clinic looks the qualification up in the オンライン
資格確認等システム with the 被保険者番号等 (or from earlier visits), charges
3割等 and files a normal claim. 事務連絡 2025-08-04 applies the same to expired
後期高齢者 cards. 事務連絡 2025-11-12 extends it to every insurer from
2025-12-02, all 保険証 having expired on 2025-12-01. The notices end it on
the first value of :data:`END` (the windows are half-open).

On 2026-03-19 the minister announced an extension (the second value of
:data:`END`); no 事務連絡 setting it has been found (grade ``unverified``). The
end date is an option, ``temporary_end``: the latest end (default) applies
``FRONTDESK-TEMPORARY-EXTENSION`` from the day after the notices' end to it,
and every result that relies on an unconfirmed end says the formal notice was
not found; the notices' end keeps to the notices.

If the look-up does not return a valid qualification, the handling does not
apply (rules.md R4.10, inferred): the ordinary rules decide (10割 as the base case).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final, Literal, cast

from rezept_fusho.models.claim import InsuranceKind
from rezept_fusho.rules.frontdesk import documents
from rezept_fusho.rules.parameter import Parameter, Value
from rezept_fusho.rules.rule import Citation, Rule, Window
from rezept_fusho.rules.sources import (
    LATE_ELDERLY_20250804,
    MINISTER_20260319,
    TEMPORARY_20250627,
    TRANSITION_20251112,
    VIA_HODANREN_0627,
    VIA_NIIGATA,
)
from rezept_fusho.text.dates import ja_date

_NOTICES = Citation(TEMPORARY_20250627, "疑義解釈資料（令和8年3月末までの対応）", via=VIA_HODANREN_0627)
_MINISTER = Citation(MINISTER_20260319, "延長の発表（2026年7月末まで）", via=VIA_NIIGATA)

#: The last day of the temporary handling, as each notice or announcement set it, dated by the day
#: it was issued. A notice that moves the end adds one value here (and its ISO form to
#: :data:`TemporaryEnd`); ``options.temporary_end`` picks the one the clinic relies on.
END: Final = Parameter(
    "FRONTDESK-TEMPORARY-END",
    "有効期限切れの保険証等の暫定的取扱いの終了日",
    "last day of the temporary handling of expired 保険証",
    (
        Value(TEMPORARY_20250627.issued_on, date(2026, 3, 31), _NOTICES),
        Value(MINISTER_20260319.issued_on, date(2026, 7, 31), _MINISTER, grade="unverified"),
    ),
)

#: ``options.temporary_end``: the ISO form of each value of :data:`END` (the JSON contract spells them).
TemporaryEnd = Literal["2026-07-31", "2026-03-31"]
#: The default: the latest end announced.
DEFAULT_END: Final = cast(TemporaryEnd, END.latest.value.isoformat())

_SUMMARY = __doc__ or ""
#: The notices' own end, exclusive: the windows of the first two rules are half-open.
_NOTICES_END_EXCLUSIVE = END.first.value + timedelta(days=1)

RULE_KOKUHO_KOUKI = Rule(
    id="FRONTDESK-TEMPORARY-KOKUHO-KOUKI",
    title_ja="有効期限切れの国保・後期高齢者の保険証や資格情報のお知らせのみでも、照会のうえ3割等を求めてよい",
    title_en="Expired 国保/後期 cards or the お知らせ alone: look the qualification up and charge 3割等",
    window=Window(date(2025, 8, 1), _NOTICES_END_EXCLUSIVE),
    citations=(_NOTICES, Citation(LATE_ELDERLY_20250804, "後期高齢者の有効期限切れ保険証")),
    summary=_SUMMARY,
)

#: Every 保険証 had expired the day before: from then the handling covers every insurer.
ALL_INSURERS_FROM: Final = documents.LAST_CARD_DAY + timedelta(days=1)

RULE_ALL_INSURERS = Rule(
    id="FRONTDESK-TEMPORARY-ALL-INSURERS",
    title_ja=f"{ja_date(ALL_INSURERS_FROM)}からは全保険者の有効期限切れ保険証・お知らせのみに暫定的取扱いを適用する",
    title_en=f"From {ALL_INSURERS_FROM.isoformat()} the temporary handling covers every insurer",
    window=Window(ALL_INSURERS_FROM, _NOTICES_END_EXCLUSIVE),
    citations=(Citation(TRANSITION_20251112, "暫定的な取扱いの全保険者への拡大"),),
    summary=_SUMMARY,
)

RULE_EXTENSION = Rule(
    id="FRONTDESK-TEMPORARY-EXTENSION",
    title_ja=f"暫定的取扱いを{ja_date(END.latest.value)}まで延長",
    title_en=f"Temporary handling extended to {END.latest.value.isoformat()}",
    window=Window(_NOTICES_END_EXCLUSIVE, END.latest.value + timedelta(days=1)),
    citations=tuple(value.citation for value in END.values[1:]),
    summary=_SUMMARY,
    grade=END.latest.grade,
)

RULES: tuple[Rule, ...] = (RULE_KOKUHO_KOUKI, RULE_ALL_INSURERS, RULE_EXTENSION)
_RULE_IDS = frozenset(rule.id for rule in RULES)

#: What the window does under the handling: the triage's path and the guide's row.
LABEL_JA: Final = "有効期限切れの保険証・資格情報のお知らせのみ（暫定的取扱い）"
ACTION_JA: Final = "被保険者番号等でオンライン資格確認等システムに照会し、有効な資格が確認できれば3割等とする"

_KOKUHO_KOUKI: frozenset[InsuranceKind] = frozenset({"national", "late_elderly"})


def chosen(end: TemporaryEnd) -> Value[date]:
    """The value of :data:`END` the option *end* names."""
    return next(value for value in END.values if value.value.isoformat() == end)


def end_date(end: TemporaryEnd) -> date:
    return chosen(end).value


def applies(rule: Rule, day: date, end: TemporaryEnd) -> bool:
    """Whether *rule* applies on *day* when the clinic relies on the end *end*.

    The temporary-handling rules stop after the chosen end, whatever later end their own
    window reaches (the extension's runs to the latest one announced).
    """
    return rule.in_force(day) and (rule.id not in _RULE_IDS or day <= end_date(end))


def unconfirmed(end: TemporaryEnd) -> bool:
    """True when the end relied on rests on no formal notice (the warning ``temporary_extension_unconfirmed``)."""
    return chosen(end).grade == "unverified"


def rule_for(day: date, kind: InsuranceKind, end: TemporaryEnd) -> Rule | None:
    """The rule that lets the clinic charge 3割等 on *day* for an insurer of *kind*, if any.

    Before the handling covered every insurer only 国保 and 後期 cards had expired: an
    unknown kind gets no rule (the triage asks which insurer).
    """
    for rule in RULES:
        if not applies(rule, day, end):
            continue
        if rule is RULE_KOKUHO_KOUKI and kind not in _KOKUHO_KOUKI:
            continue
        return rule
    return None
