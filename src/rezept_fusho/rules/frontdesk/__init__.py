"""Rules of the front desk: the cases, patterns A–D, what a patient may present, the window payment.

One module per rule family (the summary of the source text in its docstring,
each :class:`~rezept_fusho.rules.rule.Rule` beside the code), the case table
in :mod:`.cases`. :func:`in_force` is what the printable guide shows for a day.
"""

from __future__ import annotations

from datetime import date

from rezept_fusho.rules.frontdesk import (
    after_full_payment,
    cases,
    certificate_grace,
    collect,
    documents,
    expired_card_temporary,
    pattern_a,
    pattern_b,
    pattern_c,
    pattern_d,
    window_payment,
)
from rezept_fusho.rules.frontdesk.expired_card_temporary import TemporaryEnd
from rezept_fusho.rules.rule import Rule

RULES: tuple[Rule, ...] = (
    *cases.RULES,
    *pattern_a.RULES,
    *pattern_b.RULES,
    *pattern_c.RULES,
    *pattern_d.RULES,
    *documents.RULES,
    certificate_grace.RULE,
    *expired_card_temporary.RULES,
    *window_payment.RULES,
    after_full_payment.RULE,
    collect.RULE,
)


def in_force(day: date, temporary_end: TemporaryEnd = expired_card_temporary.DEFAULT_END) -> tuple[Rule, ...]:
    """The front-desk rules that apply on *day* under the chosen temporary-handling end date."""
    return tuple(rule for rule in RULES if expired_card_temporary.applies(rule, day, temporary_end))
