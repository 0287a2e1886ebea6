"""A way to confirm the qualification at the front desk, and what it needs.

Each :class:`Method` names the rule it implements, the pattern (A–D) it
belongs to, what the patient must present, and the claim tier it usually
leads to. The case table (:mod:`.cases`) lists methods by case in order of
preference, so the triage walks a table instead of nested conditionals.
"""

from __future__ import annotations

import attrs

from rezept_fusho.models.resolution import Basis
from rezept_fusho.rules.frontdesk.vocabulary import Item, Pattern, Setting, Visit
from rezept_fusho.rules.rule import Rule

ALL_SETTINGS: frozenset[Setting] = frozenset({"clinic", "home", "online"})


@attrs.frozen
class Method:
    id: str
    pattern: Pattern | None
    rule: Rule
    label_ja: str
    action_ja: str
    basis: Basis
    needs: frozenset[Item] = frozenset()
    visit: Visit | None = None
    needs_past_data: bool = False
    needs_system: bool = False  # the オンライン資格確認等システム must be reachable to use it now
    settings: frozenset[Setting] = ALL_SETTINGS
