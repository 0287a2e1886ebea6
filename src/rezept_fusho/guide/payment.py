"""What the patient pays at the window, and what settles a 10割 payment once the qualification is confirmed."""

from __future__ import annotations

from rezept_fusho.rules.frontdesk import after_full_payment, window_payment
from rezept_fusho.rules.rule import Rule

from .markup import escape, rule_block, rule_text

__all__ = ["after_full_payment_section", "payment_section"]


def payment_section(active: set[Rule]) -> str:
    """Section 3: 3割等 when a method succeeded, else 10割 as the base case (or the flexible 再診)."""
    child, _ = window_payment.ratio_label("preschool", None)
    elderly, _ = window_payment.ratio_label("70_plus", None)
    headline = f"確認できた → 3割等（未就学 {child}・70歳以上 {elderly}）／確認できない → 原則10割"
    items = "".join(f"<li>{rule_text(r)}</li>" for r in window_payment.RULES if r in active)
    return (
        f'<section><h2>3. 窓口での支払い</h2><p class="pay">{escape(headline)}</p><ul>{items}</ul></section>'
    )


def after_full_payment_section(active: set[Rule]) -> str:
    """Section 4: the two routes after a 10割 payment (``FRONTDESK-AFTER-FULL-PAYMENT``)."""
    rule = after_full_payment.RULE
    if rule not in active:
        return ""
    routes = "".join(
        f"<li>{escape(text)}</li>"
        for text in (after_full_payment.CLINIC_SETTLES_JA, after_full_payment.PATIENT_CLAIMS_JA)
    )
    return (
        "<section><h2>4. 10割を受け取った後</h2>"
        + rule_block(rule, f"<ol>{routes}</ol>", "div")
        + "</section>"
    )
