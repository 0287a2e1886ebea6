"""The window's part of the guide: for each case what to accept, in order, and how to do each method.

Cases whose methods in force are the same share one row, so each row reads
straight from the case to the methods by name. The methods are those of the
case table (:mod:`rezept_fusho.rules.frontdesk.cases`), in its order of
preference.
"""

from __future__ import annotations

from collections.abc import Iterable

from rezept_fusho.rules.frontdesk import (
    cases,
    certificate_grace,
    documents,
    expired_card_temporary,
    pattern_a,
    pattern_b,
    pattern_c,
    pattern_d,
)
from rezept_fusho.rules.frontdesk.expired_card_temporary import TemporaryEnd
from rezept_fusho.rules.frontdesk.method import Method
from rezept_fusho.rules.frontdesk.vocabulary import PATTERN_LABELS, Pattern
from rezept_fusho.rules.rule import Rule
from rezept_fusho.text.dates import ja_date
from rezept_fusho.warning_codes import texts

from .markup import escape, rule_text

__all__ = ["cases_section", "howto_section"]

#: The how-to groups; the documents (資格確認書, 保険証) need no more than their names.
_GROUPS: tuple[tuple[tuple[Method, ...], Pattern], ...] = (
    (pattern_a.METHODS, "A"),
    (pattern_b.METHODS, "B"),
    (pattern_c.METHODS, "C"),
    (pattern_d.METHODS, "D"),
)


#: ① ② …: the order of preference, at a glance.
_NUMBERS = "①②③④⑤⑥⑦⑧⑨"


def _methods(methods: Iterable[Method]) -> str:
    # A word joiner keeps each number on the line of its method.
    return "".join(
        f'<span class="item"><span class="n">{_NUMBERS[i]}</span>\u2060{rule_text(m.rule, m.label_ja, cls="m")}</span>'
        for i, m in enumerate(methods)
    )


def _names(methods: Iterable[Method]) -> str:
    return "・".join(rule_text(m.rule, m.label_ja, cls="m") for m in methods)


def _row(case_cells: list[str], methods: str) -> str:
    cases_html = "".join(f'<div class="case">{cell}</div>' for cell in case_cells)
    return f"<tr><td>{cases_html}</td><td>{methods}</td></tr>"


def _temporary_row(active: set[Rule], temporary_end: TemporaryEnd) -> str:
    shown = [r for r in expired_card_temporary.RULES if r in active]
    if not shown:
        return ""
    end = ja_date(expired_card_temporary.end_date(temporary_end))
    rules = "・".join(rule_text(r) for r in shown)
    warn = ""
    if expired_card_temporary.RULE_EXTENSION in active and expired_card_temporary.unconfirmed(temporary_end):
        relied = expired_card_temporary.chosen(temporary_end)
        text, _ = texts(
            "temporary_extension_unconfirmed",
            end=relied.value,
            announced=relied.citation.document.issued_on,
            issuer=relied.citation.document.issuer,
        )
        warn = f'<p class="warn">{escape(text)}</p>'
    return _row(
        [escape(f"{expired_card_temporary.LABEL_JA}：{end}まで")],
        f"<b>{escape(expired_card_temporary.ACTION_JA)}</b><br>{rules}{warn}",
    )


def cases_section(active: set[Rule], temporary_end: TemporaryEnd) -> str:
    """Section 1: each case (cases with the same methods share a row) → the methods to accept, in order."""

    def on(methods: Iterable[Method]) -> tuple[Method, ...]:
        return tuple(m for m in methods if m.rule in active)

    rows: dict[tuple[Method, ...], list[str]] = {}
    for entry in cases.CASES.values():
        if entry.rule in active:
            # A patient with no card has the documents only (the case table lists none for it).
            methods = on(entry.methods or documents.METHODS)
            rows.setdefault(methods, []).append(rule_text(entry.rule, entry.label))
    body = [_row(titles, _methods(methods)) for methods, titles in rows.items()]
    away = on(pattern_d.METHODS)
    if away:
        body.append(_row(["訪問診療・オンライン診療（どのケースでも最初に）"], _methods(away)))
    body.append(_temporary_row(active, temporary_end))

    notes = []
    anywhere = on(documents.METHODS)
    if anywhere:
        notes.append(f"<li>どのケースでも最後に：{_names(anywhere)}</li>")
    if certificate_grace.RULE in active:
        notes.append(f"<li>{rule_text(certificate_grace.RULE)}</li>")
    return (
        "<section><h2>1. 受付：ケースごとに受け付けるもの（①から順に、使えるもので）</h2>"
        '<table class="cases"><tr><th>ケース</th><th>受け付けるもの</th></tr>'
        + "".join(body)
        + "</table>"
        + (f'<ul class="notes">{"".join(notes)}</ul>' if notes else "")
        + "</section>"
    )


def howto_section(active: set[Rule]) -> str:
    """Section 2: how to do each method in force, grouped by pattern."""
    groups = []
    for methods, pattern in _GROUPS:
        shown = [m for m in methods if m.rule in active]
        if not shown:
            continue
        heading = PATTERN_LABELS[pattern]
        items = "".join(
            f"<li>{rule_text(m.rule, m.label_ja, 'b')}：{escape(m.action_ja)}</li>" for m in shown
        )
        groups.append(f'<div class="group"><h3>{escape(heading)}</h3><ul>{items}</ul></div>')
    return f'<section><h2>2. 確認のしかた</h2><div class="howto">{"".join(groups)}</div></section>'
