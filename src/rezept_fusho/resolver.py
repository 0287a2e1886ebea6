"""The resolver: how a claim is billed, as an explicit ordered decision list.

1. a confirmed current qualification (``CLAIM-TIER-CURRENT``);
2. else a known past qualification (``CLAIM-TIER-PAST``);
3. else 不詳 with the 被保険者資格申立書 (``CLAIM-TIER-FUSHO``).

Pure and deterministic: every date comes from the claim; nothing reads the
clock. A claim that cannot be billed raises :class:`~rezept_fusho.errors.ClaimError`.
"""

from __future__ import annotations

import functools
from typing import Literal

from rezept_fusho.errors import ClaimError, kanji_field
from rezept_fusho.models.claim import Claim, Payer, Qualification
from rezept_fusho.models.resolution import Basis, Notice, Resolution, TraceEntry
from rezept_fusho.numbers import insurer
from rezept_fusho.rules.claim import (
    branch_late_elderly,
    fusho_insurer_placeholder,
    fusho_number_placeholder,
    fusho_summary,
    late_elderly_by_age,
    paper_margin,
    past_summary_note,
    payer,
    scope,
    tier_current,
    tier_fusho,
    tier_past,
)
from rezept_fusho.rules.ledger import Ledger

__all__ = ["resolve"]

_LATE_ELDERLY_LAW_CODE = "39"


def resolve(claim: Claim) -> Resolution:
    """Resolve *claim* to the basis, numbers, payer and 摘要 it is billed with."""
    claim_month = claim.claim_month_start
    ledger = Ledger(claim.service_date, claim_month)
    if claim_month < claim.service_date.replace(day=1):
        raise ClaimError(
            "claim_month_before_service",
            "claim_month",
            "請求年月が診療月より前です",
            "the claim month is before the month of the service date",
        )
    if claim.receipt_type in scope.RULES:
        ledger.use(scope.RULES[claim.receipt_type])
    if claim.current_qualification is not None:
        ledger.use(tier_current.RULE)
        return _on_qualification(claim, claim.current_qualification, "current", ledger)
    if claim.past_qualification is not None:
        ledger.use(tier_past.RULE)
        return _on_qualification(claim, claim.past_qualification, "past", ledger)
    return _fusho(claim, ledger)


def _on_qualification(claim: Claim, qualification: Qualification, basis: Basis, ledger: Ledger) -> Resolution:
    number = qualification.insurer_number
    if not insurer.has_known_components(number):
        ledger.warn(
            "unknown_insurer_component",
            "保険者番号の法別番号または都道府県番号が既知の表にありません",
            "the insurer number's law code or prefecture is not in the known tables",
        )
    branch = qualification.branch
    if branch is not None and insurer.law_code(number) == _LATE_ELDERLY_LAW_CODE:
        ledger.use(branch_late_elderly.RULE)
        ledger.warn(
            "branch_dropped_late_elderly",
            "後期高齢者医療の枝番は記録しません",
            "no 枝番 is recorded for 後期高齢者医療",
        )
        branch = None
    summary: tuple[str, ...] = ()
    if basis == "past" and claim.options.past_summary_note is not None:
        ledger.use(past_summary_note.RULE)
        summary = (kanji_field(claim.options.past_summary_note, "options.past_summary_note"),)
    ledger.use(payer.RULE_BY_INSURER)
    return _resolution(
        claim,
        ledger,
        basis=basis,
        insurer_number=number,
        symbol=qualification.symbol,
        number=qualification.number,
        branch=branch,
        payer_=payer.payer_for_insurer(number),
        summary=summary,
    )


def _fusho(claim: Claim, ledger: Ledger) -> Resolution:
    ledger.use(tier_fusho.RULE)
    declaration = tier_fusho.require_declaration(claim.declaration)
    assert declaration.contacted_on is not None

    kind = declaration.insurance_kind
    late_elderly = kind == "late_elderly"
    if kind == "unknown" and declaration.birth_date is not None:
        if declaration.birth_date > claim.service_date:
            raise ClaimError(
                "birth_after_service",
                "declaration.birth_date",
                "生年月日が診療日より後です",
                "the birth date is after the service date",
            )
        if late_elderly_by_age.is_late_elderly_age(declaration.birth_date, claim.service_date):
            ledger.use(late_elderly_by_age.RULE)
            ledger.warn(
                "late_elderly_by_age",
                "保険種別は不明ですが、診療日に75歳以上のため後期高齢者医療として扱いました",
                "insurance kind unknown, but the patient is 75 or over on the service date: "
                "treated as 後期高齢者医療",
            )
            late_elderly = True

    placeholder = claim.options.insurer_placeholder
    ledger.use(fusho_insurer_placeholder.RULES[placeholder])
    if late_elderly:
        ledger.use(fusho_number_placeholder.RULE_LATE_ELDERLY)
        number = fusho_number_placeholder.LATE_ELDERLY_NUMBER
    else:
        ledger.use(fusho_number_placeholder.RULE)
        number = fusho_number_placeholder.NUMBER

    ledger.use(fusho_summary.RULE)
    lines, not_stated = fusho_summary.summary_lines(declaration, late_elderly)
    if not_stated:
        ledger.use(fusho_summary.RULE_NOT_STATED)
    if late_elderly:
        ledger.use(fusho_summary.RULE_NO_EMPLOYER)
    if not fusho_summary.contacted_on_check(declaration.contacted_on, claim.service_date):
        ledger.warn(
            "contacted_before_service",
            "患者への連絡日が診療日より前です",
            "the date the patient was contacted is before the service date",
        )
    ledger.use(paper_margin.RULE)

    payer_: Payer | None
    if late_elderly or kind != "unknown":
        ledger.use(payer.RULE_FUSHO_BY_KIND)
        payer_ = payer.KIND_PAYERS["late_elderly" if late_elderly else kind]
    else:
        ledger.use(payer.RULE_FUSHO_UNKNOWN_KIND)
        payer_ = claim.options.payer_when_unknown
        if payer_ is None:
            ledger.warn(
                "payer_undetermined",
                "保険種別が不明のため、審査支払機関（支払基金または国保連）を医療機関が選択してください",
                "insurance kind unknown: the clinic must choose the payer (支払基金 or 国保連)",
            )
    return _resolution(
        claim,
        ledger,
        basis="fusho",
        insurer_number=placeholder,
        symbol=None,
        number=number,
        branch=None,
        payer_=payer_,
        summary=tuple(lines),
        margin=paper_margin.NOTE,
    )


# Frozen and built from a small fixed set of values: one shared instance each.
@functools.cache
def _notice(code: str, message: str) -> Notice:
    return Notice.model_construct(code=code, message=message)


@functools.cache
def _trace_entry(rule: str, source: str) -> TraceEntry:
    return TraceEntry.model_construct(rule=rule, source=source)


def _resolution(
    claim: Claim,
    ledger: Ledger,
    *,
    basis: Basis,
    insurer_number: str,
    symbol: str | None,
    number: str,
    branch: str | None,
    payer_: Payer | None,
    summary: tuple[str, ...],
    margin: Literal["不詳"] | None = None,
) -> Resolution:
    return Resolution.model_construct(
        claim_id=claim.claim_id,
        basis=basis,
        insurer_number=insurer_number,
        symbol=symbol,
        number=number,
        branch=branch,
        payer=payer_,
        summary=summary,
        paper_margin_note=margin,
        warnings=tuple(_notice(code, message) for code, message in ledger.warnings),
        trace=tuple(_trace_entry(rule, source) for rule, source in ledger.trace),
        receipt_number=claim.receipt_number,
    )
