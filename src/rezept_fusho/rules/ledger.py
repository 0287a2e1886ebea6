"""What one resolution has applied so far: the trace, the warnings, and the window checks.

A rule is *used* through :meth:`Ledger.use`, which refuses a rule that is not
in force on its axis date (診療日 or 請求年月) — the claim becomes an error
record rather than a guess — and records it in the trace.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from rezept_fusho.errors import ClaimError
from rezept_fusho.rules.rule import Rule
from rezept_fusho.warning_codes import warning


class Ledger:
    __slots__ = ("claim_month", "service_date", "trace", "warnings")

    def __init__(self, service_date: date, claim_month: date) -> None:
        self.service_date = service_date
        self.claim_month = claim_month
        self.trace: list[tuple[str, str]] = []
        self.warnings: list[tuple[str, str]] = []

    def day_for(self, rule: Rule) -> date:
        return self.service_date if rule.axis == "service_date" else self.claim_month

    def use(self, rule: Rule) -> None:
        """Record *rule* as applied, or raise ``rule_not_in_force``."""
        # rule.in_force(self.day_for(rule)) — Window.contains on the rule's axis — written out: this
        # runs for every rule of every claim (tests/test_rule_contract.py holds it to in_force).
        day = self.service_date if rule.axis == "service_date" else self.claim_month
        start, end = rule.window.start, rule.window.end
        if not (start <= day and (end is None or day < end)):
            field = "service_date" if rule.axis == "service_date" else "claim_month"
            window = f"[{rule.window.start.isoformat()}, {rule.window.end or ''})"
            raise ClaimError(
                "rule_not_in_force",
                field,
                f"ルール{rule.id}はこの日付に適用されません（適用期間 {window}）",
                f"rule {rule.id} is not in force on this date (window {window})",
            )
        self.trace.append(rule.trace_entry)

    def use_if_in_force(self, rule: Rule) -> bool:
        """Record *rule* and return True when it is in force; else return False and record nothing.

        For a rule whose absence changes nothing but the output it adds (a 旧資格 claim of
        a 請求年月 before the 旧資格 comment code existed is still billed, without it).
        """
        day = self.service_date if rule.axis == "service_date" else self.claim_month
        start, end = rule.window.start, rule.window.end
        if not (start <= day and (end is None or day < end)):  # as in use()
            return False
        self.trace.append(rule.trace_entry)
        return True

    def warn(self, code: str, /, **values: Any) -> None:
        """Record the warning *code* of :mod:`rezept_fusho.warning_codes`, its text filled with *values*."""
        self.warnings.append(warning(code, **values))
