"""The 被保険者資格申立書: where the form comes from, and its items, listed once."""

from __future__ import annotations

from rezept_fusho.rules.frontdesk import collect, pattern_a
from rezept_fusho.rules.rule import Rule

from .markup import escape, rule_block, rule_text

__all__ = ["declaration_section"]


def declaration_section(active: set[Rule]) -> str:
    """Section 5: the form (the notice's 別紙様式), how it is kept, and the items to collect now."""
    form = pattern_a.FORM
    notice = form.document
    parts = [
        f"<p>様式：{escape(f'{notice.number}の{form.section}')}。厚生労働省が通知とともに公開："
        f'<a class="url" href="{escape(notice.url)}">{escape(notice.url)}</a></p>'
    ]
    if pattern_a.RULE_DECLARATION in active:
        parts.append(f"<p>{rule_text(pattern_a.RULE_DECLARATION)}</p>")
    if collect.RULE in active:
        everyone = collect.items("employee")
        not_late = [item for item in everyone if item not in collect.items("late_elderly")]
        items = "".join(f"<li>{escape(item)}</li>" for item in everyone)
        parts.append(
            "<p>不詳請求に備えて、分かる範囲で書いてもらう項目"
            + escape(f"（後期高齢者医療は{'・'.join(not_late)}不要）")
            + "：</p>"
            + rule_block(collect.RULE, f'<ul class="items">{items}</ul>', "div")
        )
    return f"<section><h2>5. 被保険者資格申立書</h2>{''.join(parts)}</section>"
