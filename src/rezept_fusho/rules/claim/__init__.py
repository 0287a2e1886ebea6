"""Rules of the claim: the three tiers, the 不詳 placeholders and 摘要, the payer.

One module per rule (or per small family), the summary of the text it
implements in its docstring, its :class:`~rezept_fusho.rules.model.Rule`
beside the code.
"""

from __future__ import annotations

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
from rezept_fusho.rules.model import Rule

RULES: tuple[Rule, ...] = (
    tier_current.RULE,
    tier_past.RULE,
    tier_fusho.RULE,
    tier_fusho.RULE_PARTIAL,
    fusho_insurer_placeholder.RULE,
    fusho_insurer_placeholder.RULE_ALT,
    fusho_number_placeholder.RULE,
    fusho_number_placeholder.RULE_LATE_ELDERLY,
    late_elderly_by_age.RULE,
    fusho_summary.RULE,
    fusho_summary.RULE_NOT_STATED,
    fusho_summary.RULE_NO_EMPLOYER,
    comment_codes.RULE_FUSHO,
    comment_codes.RULE_PAST,
    comment_codes.RULE_FREE_TEXT,
    qualification_flag.RULE,
    paper_margin.RULE,
    payer.RULE_BY_INSURER,
    payer.RULE_FUSHO_BY_KIND,
    payer.RULE_FUSHO_UNKNOWN_KIND,
    branch_late_elderly.RULE,
    past_summary_note.RULE,
    scope.RULE_PHARMACY,
    scope.RULE_DENTAL,
)
