"""The resolver: how a claim is billed, as an explicit ordered decision list.

1. a confirmed current qualification (``CLAIM-TIER-CURRENT``);
2. else a known past qualification (``CLAIM-TIER-PAST``);
3. else 不詳 with the 被保険者資格申立書 (``CLAIM-TIER-FUSHO``).

The resolver only sequences: what each rule decides is the function beside
the rule in its module (:mod:`rezept_fusho.rules.claim`), and every warning's
text is in :mod:`rezept_fusho.warning_codes`. Pure and deterministic: every
date comes from the claim; nothing reads the clock. A claim that cannot be
billed raises :class:`~rezept_fusho.errors.ClaimError`.

:func:`resolve_data` gives the resolution as plain values
(:class:`~rezept_fusho.models.resolution.ResolutionData`): the batch renders
its JSON straight from them (:mod:`rezept_fusho.render`), and :func:`resolve`
makes the typed :class:`~rezept_fusho.models.resolution.Resolution` of them.
"""

from __future__ import annotations

import functools

from rezept_fusho.errors import ClaimError, kanji_field
from rezept_fusho.models.claim import Claim, Declaration, Payer, Qualification
from rezept_fusho.models.resolution import (
    Basis,
    Comment,
    QualificationFlag,
    Resolution,
    ResolutionData,
    TraceEntry,
    WarningItem,
)
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

__all__ = ["resolution_model", "resolve", "resolve_data"]


def resolve(claim: Claim) -> Resolution:
    """Resolve *claim* to the basis, numbers, payer and 摘要 it is billed with."""
    return resolution_model(resolve_data(claim))


def resolve_data(claim: Claim) -> ResolutionData:
    """What :func:`resolve` returns, as plain values."""
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
            ledger.warn("past_qualification_ignored", field=field, code=code)
        return _on_qualification(claim, claim.current_qualification, "current", ledger)
    if claim.past_qualification is not None:
        ledger.use(tier_past.RULE)
        return _on_qualification(claim, claim.past_qualification, "past", ledger)
    return _fusho(claim, ledger)


def _on_qualification(
    claim: Claim, qualification: Qualification, basis: Basis, ledger: Ledger
) -> ResolutionData:
    number = qualification.insurer_number
    if not insurer.has_known_components(number):
        ledger.warn("unknown_insurer_component")
    branch = qualification.branch
    if branch_late_elderly.drops_branch(number, branch):
        ledger.use(branch_late_elderly.RULE)
        ledger.warn("branch_dropped_late_elderly")
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
        return []  # a 請求年月 before the code existed: billed without it
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
    birth = declaration.birth_date
    if birth is None:
        return declaration.insurance_kind == "late_elderly"
    late_elderly_by_age.check_birth(birth, claim.service_date)
    late, code = late_elderly_by_age.by_age(declaration.insurance_kind, birth, claim.service_date)
    if code is not None:
        ledger.use(late_elderly_by_age.RULE)
        ledger.warn(code, age=late_elderly_by_age.AGE)
    return late


def _fusho(claim: Claim, ledger: Ledger) -> ResolutionData:
    ledger.use(tier_fusho.RULE)
    declaration = tier_fusho.require_declaration(claim.declaration)
    missing = tier_fusho.missing_items(declaration)
    if missing:
        if claim.options.require_complete_declaration:
            raise tier_fusho.incomplete(missing)
        ledger.use(tier_fusho.RULE_PARTIAL)
        ledger.warn("declaration_item_missing", **tier_fusho.missing_names(missing))
    late_elderly = _late_elderly(claim, declaration, ledger)

    placeholder = claim.options.insurer_placeholder
    ledger.use(fusho_insurer_placeholder.RULES[placeholder])
    number_rule, number = fusho_number_placeholder.number_for(late_elderly, ledger.claim_month)
    ledger.use(number_rule)

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
    if fusho_summary.contacted_before_service(declaration.contacted_on, claim.service_date):
        ledger.warn("contacted_before_service")
    ledger.use(paper_margin.RULE)

    payer_rule, payer_ = payer.payer_for_fusho(
        declaration.insurance_kind, late_elderly, claim.options.payer_when_unknown
    )
    ledger.use(payer_rule)
    if payer_ is None:
        ledger.warn("payer_undetermined")
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
        margin=True,
    )


def _warning(code: str, message: str) -> WarningItem:
    # Not cached: a warning's text may hold a field path from the input.
    return WarningItem.model_construct(code=code, message=message)


# Frozen and built from the rules alone: one shared instance each.
@functools.cache
def _trace_entry(rule: str, source: str) -> TraceEntry:
    return TraceEntry.model_construct(rule=rule, source=source)


def _comment(code: str, text: str) -> Comment:
    return Comment.model_construct(code=code, text=text)


def resolution_model(data: ResolutionData) -> Resolution:
    """The typed :class:`Resolution` of *data*."""
    return Resolution.model_construct(
        claim_id=data.claim_id,
        basis=data.basis,
        insurer_number=data.insurer_number,
        symbol=data.symbol,
        number=data.number,
        branch=data.branch,
        payer=data.payer,
        comments=tuple(_comment(code, text) for code, text in data.comments),
        summary=tuple(data.summary),
        paper_margin_note=data.paper_margin_note,
        qualification_flag=data.qualification_flag,
        warnings=tuple(_warning(code, message) for code, message in data.warnings),
        trace=tuple(_trace_entry(rule, source) for rule, source in data.trace),
        receipt_number=data.receipt_number,
    )


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
    margin: bool = False,
) -> ResolutionData:
    # In ResolutionData's field order, by position: fourteen keywords cost more than the rest of this.
    return ResolutionData(
        claim.claim_id,
        basis,
        insurer_number,
        symbol,
        number,
        branch,
        payer_,
        comments,
        comment_codes.paper_lines(comments),  # summary
        paper_margin.NOTE if margin else None,
        flag,
        ledger.warnings,
        ledger.trace,
        claim.receipt_number,
    )
