"""The rule registry: every rule the library applies, by id.

Checked at import: ids are unique, and every rule has a citation (the
:class:`~rezept_fusho.rules.rule.Rule` constructor already refuses an empty
one). ``docs/rules.md`` is generated from this registry.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from rezept_fusho.rules import frontdesk
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
from rezept_fusho.rules.rule import Rule

#: The rules of the claim, in the order the reference lists them.
CLAIM_RULES: tuple[Rule, ...] = (
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

RULES: tuple[Rule, ...] = (*CLAIM_RULES, *frontdesk.RULES)


def _index(rules: tuple[Rule, ...]) -> dict[str, Rule]:
    index: dict[str, Rule] = {}
    for rule in rules:
        if rule.id in index:
            raise ValueError(f"duplicate rule id {rule.id}")
        index[rule.id] = rule
    return index


BY_ID: dict[str, Rule] = _index(RULES)


def get(rule_id: str) -> Rule:
    """The rule with *rule_id*; KeyError if there is none."""
    return BY_ID[rule_id]


def in_force(day: date) -> Iterator[Rule]:
    """The rules in force on *day* (each read on its own axis: pass the date that axis means)."""
    return (rule for rule in RULES if rule.in_force(day))
