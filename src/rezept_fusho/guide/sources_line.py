"""The guide's closing lines: the documents behind the rules shown, each named short, and the rule ids.

The ids stay in the page as ``data-rule`` (and on hover); on paper a short
line of documents replaces a footer of ids, and ``rezept-fusho rules --date``
gives every rule with its sources in full. On screen, the ids can be opened.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from rezept_fusho.rules.rule import Document, Rule
from rezept_fusho.text.dates import ja_date

from .markup import escape

__all__ = ["short_name", "sources_footer"]


def short_name(document: Document) -> str:
    """保発0710第1号 · 事務連絡 2023年7月19日 · 医療保険部会 資料2 2024年10月31日 …"""
    if document.number:
        return document.number
    if document.issuer.startswith("国会"):
        return document.title.split("（")[0]  # a law: its name says enough
    if "事務連絡" in document.issuer:
        return f"事務連絡 {ja_date(document.issued_on)}"
    return f"{document.title.split('（')[0]} {ja_date(document.issued_on)}"


def _documents(rules: Iterable[Rule]) -> list[Document]:
    found = {citation.document: None for rule in rules for citation in rule.citations}
    return sorted(found, key=lambda document: document.issued_on)


def sources_footer(day: date, rules: Iterable[Rule], temporary_end: str) -> str:
    """The sources line, how the page was made, and (on screen only) the rule ids."""
    rules = sorted(rules, key=lambda rule: rule.id)
    names = "・".join(dict.fromkeys(short_name(document) for document in _documents(rules)))
    ids = " ".join(rule.id for rule in rules)
    return (
        f"<footer><p><b>出典</b>：{escape(names)}。各項目のルールIDと出典の詳細は "
        f"<code>rezept-fusho rules --date {day.isoformat()}</code>（docs/rules.md）。</p>"
        f"<p>rezept-fusho がルール登録簿から作成（{escape(ja_date(day))}時点、"
        f"暫定的取扱いの終了日の設定 {escape(temporary_end)}）。</p>"
        f'<details><summary>このページのルールID（{len(rules)}件）</summary><p class="ids">{escape(ids)}</p>'
        "</details></footer>"
    )
