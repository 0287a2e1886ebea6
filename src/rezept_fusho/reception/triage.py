"""The front desk's decision: from a failed card check to the paths, the window payment and the likely claim.

An explicit ordered decision list, like the resolver:

1. the case's rule, and the methods of the case table in order of preference
   (pattern D first for home visits and online care; a valid 保険証 or
   資格確認書 in every case; a card still within its certificate's grace first);
2. the temporary handling of an expired 保険証 or the お知らせ alone, last;
3. the first path usable now decides: 3割等 (the patient's share); with none,
   10割 as the base case, and what settles it once the qualification is
   confirmed — or 3割等 on a 再診 of a known patient when the clinic's
   policy (``options.flexible_return_visit``) says so;
4. the claim tier the visit will likely be billed on, in the resolver's terms,
   and the 申立書 items to collect now when a 不詳 claim is possible.

Pure and deterministic: every date comes from the situation. Every rule the
guidance relies on goes through :class:`~rezept_fusho.rules.ledger.Ledger`,
which refuses a rule outside its window and records the trace.
:func:`triage_data` gives the guidance as plain values
(:class:`~rezept_fusho.reception.models.GuidanceData`), :func:`triage` as the
typed :class:`~rezept_fusho.reception.models.Guidance`.
"""

from __future__ import annotations

import operator
from collections.abc import Collection
from datetime import date

from rezept_fusho.errors import ClaimError
from rezept_fusho.models.claim import month_after
from rezept_fusho.models.resolution import Basis
from rezept_fusho.reception.models import (
    Guidance,
    GuidanceData,
    PathData,
    PaymentData,
    Situation,
    guidance_model,
)
from rezept_fusho.rules.claim import tier_current, tier_fusho, tier_past
from rezept_fusho.rules.frontdesk import (
    after_full_payment,
    cases,
    certificate_grace,
    collect,
    documents,
    expired_card_temporary,
    window_payment,
)
from rezept_fusho.rules.frontdesk.method import Method
from rezept_fusho.rules.frontdesk.vocabulary import ITEM_LABELS, Item, Timing
from rezept_fusho.rules.ledger import Ledger
from rezept_fusho.rules.sources import HOHATSU_0710
from rezept_fusho.text.dates import ja_date

__all__ = ["FIRST_DAY", "GuidanceData", "triage", "triage_data"]

#: 保発0710第1号: the front-desk rules start on the day it was issued.
FIRST_DAY = HOHATSU_0710.issued_on

_ITEM_ORDER: tuple[Item, ...] = tuple(ITEM_LABELS)
_TIER_RULES = {"current": tier_current.RULE, "past": tier_past.RULE, "fusho": tier_fusho.RULE}


def triage(situation: Situation) -> Guidance:
    """The guidance for *situation*: paths, what to ask, the window payment, the likely claim."""
    return guidance_model(triage_data(situation))


#: Guidances remembered, at most (:func:`triage_data`).
MEMO_SIZE = 4096
#: What a guidance depends on: every field of the situation but its id.
_KEY = operator.itemgetter(*(name for name in Situation.model_fields if name != "situation_id"))
_MEMO: dict[tuple[object, ...], GuidanceData] = {}


def triage_data(situation: Situation) -> GuidanceData:
    """What :func:`triage` returns, as plain values.

    A guidance depends on the situation's fields, not on its id, and a day's situations are a
    few combinations of a few choices: each combination is worked out once and remembered
    (:data:`MEMO_SIZE` at most, the oldest dropped first). A situation with a certificate
    expiry, the patient's own date, is worked out every time and not kept.
    """
    if situation.certificate_expiry is not None:
        return _worked_out(situation)
    key = _KEY(situation.__dict__)
    known = _MEMO.get(key)
    if known is not None:
        return known._replace(situation_id=situation.situation_id)
    guidance = _worked_out(situation)
    if len(_MEMO) >= MEMO_SIZE:
        # The oldest goes: the 診療日 is in the key, and a long-running service moves on to new days.
        del _MEMO[next(iter(_MEMO))]
    _MEMO[key] = guidance._replace(situation_id="")  # no line's id is kept
    return guidance


def _worked_out(situation: Situation) -> GuidanceData:
    day = situation.service_date
    if day < FIRST_DAY:
        raise ClaimError(
            "service_date_before_rules",
            "service_date",
            f"診療日が保発0710第1号（{ja_date(FIRST_DAY)}）より前のため、対象外です",
            f"the service date is before 保発0710第1号 ({FIRST_DAY.isoformat()}): out of scope",
        )
    ledger = Ledger(day, month_after(day))
    entry = cases.CASES[situation.case]
    ledger.use(entry.rule)
    presented = _presented(situation, ledger)

    paths: list[PathData] = []
    grace = _grace_path(situation, presented, ledger)
    if grace is not None:
        paths.append(grace)
    for method in (*cases.SETTING_METHODS[situation.setting], *entry.methods, *documents.METHODS):
        path = _method_path(method, situation, presented, ledger)
        if path is not None:
            paths.append(path)
    temporary = _temporary_path(situation, presented, ledger)
    if temporary is not None:
        paths.append(temporary)

    chosen = next((path for path in paths if path["available"]), None)
    payment, basis = _payment_and_basis(situation, chosen, paths, ledger)
    collect_now: tuple[str, ...] = ()
    if chosen is not None and chosen["method"] == "declaration":
        ledger.use(collect.RULE)
        collect_now = collect.items(situation.insurance_kind)
    _claim_tier(basis, ledger)
    # In GuidanceData's field order, by position: keywords cost more than building it.
    return GuidanceData(
        situation.situation_id,
        entry.rule.title_ja,  # case_title
        paths,
        chosen["method"] if chosen is not None else None,
        _ask(paths, chosen, situation),
        payment,
        basis,
        collect_now,
        ledger.warnings,
        ledger.trace,
    )


def _presented(situation: Situation, ledger: Ledger) -> frozenset[Item]:
    items = set(situation.presented)
    if "health_insurance_card" in items and not documents.RULE_HEALTH_INSURANCE_CARD.in_force(
        situation.service_date
    ):
        # Every 保険証 expired on 2025-12-01: one shown later is an expired card.
        items.discard("health_insurance_card")
        items.add("expired_health_insurance_card")
        ledger.warn("health_insurance_card_expired", last_day=documents.LAST_CARD_DAY)
    return frozenset(items)


def _grace_path(situation: Situation, presented: frozenset[Item], ledger: Ledger) -> PathData | None:
    expiry, day = situation.certificate_expiry, situation.service_date
    if expiry is None or "my_number_card" not in presented:
        return None
    rule = certificate_grace.RULE
    if expiry >= day:
        ledger.warn("certificate_not_expired")
        return None
    if not rule.in_force(day):
        ledger.warn(
            "certificate_grace_not_in_force", months=certificate_grace.GRACE_MONTHS, start=rule.window.start
        )
        return None
    ledger.use(rule)
    last = certificate_grace.last_usable_day(expiry)
    if not certificate_grace.in_grace(expiry, day):
        ledger.warn("certificate_grace_over", months=certificate_grace.GRACE_MONTHS, last=last.isoformat())
        return None
    timing: Timing = "now" if situation.system_reachable else "later"
    return {
        "method": "certificate_grace",
        "pattern": None,
        "label": f"電子証明書の有効期限切れ後{certificate_grace.GRACE_MONTHS}か月以内のマイナンバーカード",
        "action": f"カードリーダでもう一度読み取る（{last.isoformat()}まで資格確認に使える）",
        "rule": rule.id,
        "available": timing == "now",
        "timing": timing,
        "missing": (),
    }


def _method_path(
    method: Method, situation: Situation, presented: frozenset[Item], ledger: Ledger
) -> PathData | None:
    if method.visit is not None and method.visit != situation.visit:
        return None
    if situation.setting not in method.settings:
        return None
    if method.needs_past_data and not situation.holds_past_data:
        return None
    # A method's rule is read on the 診療日 (tests/reception/test_triage.py): in force that day, it is used.
    if not ledger.use_if_in_force(method.rule):
        return None
    missing = _ordered(method.needs - presented)
    timing: Timing = "later" if method.needs_system and not situation.system_reachable else "now"
    return {
        "method": method.id,
        "pattern": method.pattern,
        "label": method.label_ja,
        "action": method.action_ja,
        "rule": method.rule.id,
        "available": not missing and timing == "now",
        "timing": timing,
        "missing": missing,
    }


def _temporary_path(situation: Situation, presented: frozenset[Item], ledger: Ledger) -> PathData | None:
    notice_alone = "qualification_notice" in presented and "my_number_card" not in presented
    if "expired_health_insurance_card" not in presented and not notice_alone:
        return None
    day, end = situation.service_date, situation.options.temporary_end
    rule = expired_card_temporary.rule_for(day, situation.insurance_kind, end)
    if rule is None:
        _why_no_temporary(day, situation, ledger)
        return None
    ledger.use(rule)
    if rule is expired_card_temporary.RULE_EXTENSION and expired_card_temporary.unconfirmed(end):
        relied_on = expired_card_temporary.chosen(end)
        document = relied_on.citation.document
        ledger.warn(
            "temporary_extension_unconfirmed",
            end=relied_on.value,
            announced=document.issued_on,
            issuer=document.issuer,
        )
    if situation.lookup == "invalid":
        ledger.warn("lookup_invalid")
    timing: Timing = "later" if situation.lookup == "not_done" and not situation.system_reachable else "now"
    return {
        "method": "temporary_lookup",
        "pattern": None,
        "label": expired_card_temporary.LABEL_JA,
        "action": expired_card_temporary.ACTION_JA,
        "rule": rule.id,
        "available": situation.lookup != "invalid" and timing == "now",
        "timing": timing,
        "missing": (),
    }


def _why_no_temporary(day: date, situation: Situation, ledger: Ledger) -> None:
    end = expired_card_temporary.end_date(situation.options.temporary_end)
    if day > end:
        ledger.warn("temporary_handling_ended", end=end)
    elif expired_card_temporary.RULE_KOKUHO_KOUKI.in_force(day) and situation.insurance_kind == "unknown":
        ledger.warn("temporary_kind_unknown", until=documents.LAST_CARD_DAY)
    else:
        ledger.warn("document_not_sufficient")


def _payment_and_basis(
    situation: Situation, chosen: PathData | None, paths: list[PathData], ledger: Ledger
) -> tuple[PaymentData, Basis | None]:
    if chosen is not None:
        return _normal(situation, chosen, paths, ledger)
    full = window_payment.RULE_FULL
    ledger.use(full)
    if situation.visit == "return" and situation.holds_past_data:
        flexible = window_payment.RULE_FLEXIBLE
        ledger.use(flexible)
        if situation.options.flexible_return_visit:
            ratio, _ = window_payment.ratio_label(situation.age_group, situation.declared_ratio)
            ledger.warn("flexible_return_visit_applied")
            payment: PaymentData = {
                "share": "normal",
                "ratio": ratio,
                "reason": flexible.title_ja,
                "rule": flexible.id,
                "condition": None,
                "flexible": True,
            }
            return payment, "past" if situation.case == "qualification_invalid" else "current"
        ledger.warn("flexible_return_visit_possible")
    after = after_full_payment.RULE
    ledger.use(after)
    ledger.warn("full_cost_refund", rule_ja=after.title_ja, rule_en=after.title_en)
    if situation.case == "card_lost_disaster":
        ledger.warn("disaster_notice")
    return (
        {
            "share": "full",
            "ratio": "10割",
            "reason": full.title_ja,
            "rule": full.id,
            "condition": None,
            "flexible": False,
        },
        None,
    )


def _normal(
    situation: Situation, chosen: PathData, paths: list[PathData], ledger: Ledger
) -> tuple[PaymentData, Basis]:
    rule = window_payment.RULE_NORMAL
    ledger.use(rule)
    ratio, settled = window_payment.ratio_label(situation.age_group, situation.declared_ratio)
    if not settled:
        ledger.warn("ratio_to_confirm")
    condition = None
    if chosen["method"] == "temporary_lookup" and situation.lookup == "not_done":
        condition = "照会で有効な資格が確認できた場合に限る（確認できなければ10割が原則）"
    payment: PaymentData = {
        "share": "normal",
        "ratio": ratio,
        "reason": f"{chosen['label']}：{rule.title_ja}",
        "rule": rule.id,
        "condition": condition,
        "flexible": False,
    }
    return payment, _basis(situation, chosen, paths, ledger)


def _basis(situation: Situation, chosen: PathData, paths: list[PathData], ledger: Ledger) -> Basis:
    invalid_shown = situation.case == "qualification_invalid"
    if chosen["method"] == "oral_confirmation":
        return "past" if invalid_shown else "current"
    if chosen["method"] != "declaration":
        return "current"
    if any(path["timing"] == "later" and not path["missing"] for path in paths):
        ledger.warn("check_after_recovery")
        return "current"
    if situation.holds_past_data:
        ledger.warn("bill_on_past_qualification")
        return "past"
    return "fusho"


def _claim_tier(basis: Basis | None, ledger: Ledger) -> None:
    if basis is None:
        return
    rule = _TIER_RULES[basis]
    if rule.in_force(ledger.day_for(rule)):
        ledger.use(rule)
        return
    # 不詳 claims start with a 請求年月 (the tier rule's window): hold the claim until then.
    ledger.warn("fusho_claim_from_2023_09", month=rule.window.start)


def _ask(paths: list[PathData], chosen: PathData | None, situation: Situation) -> tuple[str, ...]:
    asks: list[str] = []
    for path in paths:
        if path is chosen:
            break
        asks.extend(f"{ITEM_LABELS[item]}の提示" for item in path["missing"])
    if chosen is not None and chosen["method"] == "declaration":
        asks.append("被保険者資格申立書への記入（分かる範囲で）")
    if chosen is not None and chosen["method"] == "temporary_lookup":
        asks.append("被保険者番号等（保険証・お知らせの記載）の確認")
        asks.append("次回はマイナ保険証または資格確認書の持参")
    if situation.age_group is None and situation.declared_ratio is None and chosen is not None:
        asks.append("負担割合の確認")
    return tuple(dict.fromkeys(asks))


def _ordered(items: Collection[Item]) -> tuple[Item, ...]:
    if not items:
        return ()  # the usual case: nothing missing
    return tuple(sorted(items, key=_ITEM_ORDER.index))
