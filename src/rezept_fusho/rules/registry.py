"""The rule registry: every rule the library applies, by id.

Checked at import: ids are unique, and every rule has a citation (the
:class:`~rezept_fusho.rules.model.Rule` constructor already refuses an empty
one). ``docs/rules.md`` is generated from this registry.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from rezept_fusho.rules import claim, frontdesk
from rezept_fusho.rules.model import Rule

RULES: tuple[Rule, ...] = (*claim.RULES, *frontdesk.RULES)


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
