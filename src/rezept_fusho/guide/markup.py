"""Small HTML helpers: every text escaped, every rule shown tagged with ``data-rule`` (and its id on hover)."""

from __future__ import annotations

from html import escape

from rezept_fusho.rules.rule import Rule

__all__ = ["escape", "rule_block", "rule_text"]


def rule_block(rule: Rule, inner_html: str, tag: str = "span", cls: str = "") -> str:
    """*inner_html* (already escaped) in an element that names *rule*."""
    attrs = f' class="{cls}"' if cls else ""
    return f'<{tag} data-rule="{escape(rule.id)}" title="{escape(rule.id)}"{attrs}>{inner_html}</{tag}>'


def rule_text(rule: Rule, text: str | None = None, tag: str = "span", cls: str = "") -> str:
    """*text* (the rule's Japanese title by default), escaped, in an element that names *rule*."""
    return rule_block(rule, escape(rule.title_ja if text is None else text), tag, cls)
