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
from rezept_fusho.models.claim import Claim, Declaration, Payer, Qualification
from rezept_fusho.models.resolution import Basis, Comment, Notice, QualificationFlag, Resolution, TraceEntry
from rezept_fusho.numbers import insurer
from rezept_fusho.rules.claim import (
    branch_late_elderly,
    comment_codes,
    fusho_insurer_placeholder,
    fusho_number_placeholder,
    fusho_summary,
    late_elderly_by_age,
    paper_margin,
    past_summary_note,
    payer,
    qualification_flag,
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
        if claim.ignored_past_qualification is not None:
            field, code = claim.ignored_past_qualification
            ledger.warn(
                "past_qualification_ignored",
                f"{field}: 現在の資格で請求するため、正しくない過去の資格（{code}）は使いませんでした",
                f"{field}: billed on the current qualification; the invalid past qualification ({code}) "
                "was not used",
            )
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
    comments: list[fusho_summary.Comment] = []
    flag: QualificationFlag | None = None
    if basis == "past":
        comments = _past_comments(claim, ledger)
        flag = _flag(basis, ledger)
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
        comments=comments,
        flag=flag,
    )


def _past_comments(claim: Claim, ledger: Ledger) -> list[fusho_summary.Comment]:
    """The 旧資格 comment: the caller's free text, else 820000245 (or its text as a free comment)."""
    note = claim.options.past_summary_note
    if note is not None:
        ledger.use(past_summary_note.RULE)
        return [(comment_codes.FREE_TEXT.code, kanji_field(note, "options.past_summary_note"))]
    if not ledger.use_if_in_force(comment_codes.RULE_PAST):
        return []  # a 請求年月 before 2023-09: billed without it
    if claim.options.comment_style == "free_text":
        ledger.use(comment_codes.RULE_FREE_TEXT)
        return [(comment_codes.FREE_TEXT.code, comment_codes.PAST.master_text)]
    return [(comment_codes.PAST.code, "")]


def _flag(basis: Basis, ledger: Ledger) -> QualificationFlag | None:
    """The RE 資格確認区分 of a 不詳 or 旧資格 claim (none for a 請求年月 before the rule)."""
    if not ledger.use_if_in_force(qualification_flag.RULE):
        return None
    return qualification_flag.FLAGS[basis]


def _late_elderly(claim: Claim, declaration: Declaration, ledger: Ledger) -> bool:
    """Whether the 不詳 claim is a 後期高齢者 one: declared so, or 75 or over with the kind unknown."""
    kind = declaration.insurance_kind
    birth = declaration.birth_date
    if birth is None:
        return kind == "late_elderly"
    if birth > claim.service_date:
        raise ClaimError(
            "birth_after_service",
            "declaration.birth_date",
            "生年月日が診療日より後です",
            "the birth date is after the service date",
        )
    if kind == "late_elderly" or not late_elderly_by_age.is_late_elderly_age(birth, claim.service_date):
        return kind == "late_elderly"
    ledger.use(late_elderly_by_age.RULE)
    if kind != "unknown":
        ledger.warn(
            "late_elderly_age_kind_mismatch",
            "診療日に75歳以上ですが、申立書の保険種別が後期高齢者医療ではありません。"
            "生活保護受給者などの適用除外を除き、75歳以上は後期高齢者医療の被保険者です。申告どおり請求しました",
            "75 or over on the service date, but the declared kind is not 後期高齢者医療: everyone 75 "
            "and over is insured by it, except those excluded (e.g. 生活保護); billed as declared",
        )
        return False
    ledger.warn(
        "late_elderly_by_age",
        "保険種別は不明ですが、診療日に75歳以上のため後期高齢者医療として扱いました",
        "insurance kind unknown, but the patient is 75 or over on the service date: treated as 後期高齢者医療",
    )
    return True


def _fusho(claim: Claim, ledger: Ledger) -> Resolution:
    ledger.use(tier_fusho.RULE)
    declaration = tier_fusho.require_declaration(claim.declaration)
    missing = tier_fusho.missing_items(declaration)
    if missing:
        if claim.options.require_complete_declaration:
            raise tier_fusho.incomplete(missing)
        ledger.use(tier_fusho.RULE_PARTIAL)
        ledger.warn(*tier_fusho.missing_warning(missing))

    kind = declaration.insurance_kind
    late_elderly = _late_elderly(claim, declaration, ledger)

    placeholder = claim.options.insurer_placeholder
    ledger.use(fusho_insurer_placeholder.RULES[placeholder])
    if late_elderly:
        ledger.use(fusho_number_placeholder.RULE_LATE_ELDERLY)
        number = fusho_number_placeholder.LATE_ELDERLY_NUMBER
    else:
        ledger.use(fusho_number_placeholder.RULE)
        number = fusho_number_placeholder.NUMBER

    ledger.use(fusho_summary.RULE)
    items, not_stated = fusho_summary.items(declaration, late_elderly)
    if not_stated:
        ledger.use(fusho_summary.RULE_NOT_STATED)
    if late_elderly:
        ledger.use(fusho_summary.RULE_NO_EMPLOYER)
    if claim.options.comment_style == "free_text":
        ledger.use(comment_codes.RULE_FREE_TEXT)
        comments = fusho_summary.as_free_text(items)
    else:
        ledger.use(comment_codes.RULE_FUSHO)
        comments = fusho_summary.as_master(items)
    contacted_on = declaration.contacted_on
    if contacted_on is not None and not fusho_summary.contacted_on_check(contacted_on, claim.service_date):
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
        comments=comments,
        flag=_flag("fusho", ledger),
        margin=paper_margin.NOTE,
    )


# Frozen and built from a small fixed set of values: one shared instance each.
@functools.cache
def _notice(code: str, message: str) -> Notice:
    return Notice.model_construct(code=code, message=message)


def _comment(code: str, text: str) -> Comment:
    return Comment.model_construct(code=code, text=text)


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
    comments: list[fusho_summary.Comment],
    flag: QualificationFlag | None,
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
        comments=tuple(_comment(code, text) for code, text in comments),
        summary=tuple(comment_codes.paper_line(code, text) for code, text in comments),
        paper_margin_note=margin,
        qualification_flag=flag,
        warnings=tuple(_notice(code, message) for code, message in ledger.warnings),
        trace=tuple(_trace_entry(rule, source) for rule, source in ledger.trace),
        receipt_number=claim.receipt_number,
    )
