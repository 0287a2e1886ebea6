"""The printable front-desk guide: case → pattern → window payment → claim, as of one day.

Everything shown comes from the rule registry and the case table: the rules
in force on the day (under the chosen end of the temporary handling), their
Japanese titles and labels, the methods of each case in order of preference, the claim
tiers and the 申立書 items. Each rule shown carries ``data-rule="ID"``, so a
test can check that the guide names exactly the rules in force. Text is
escaped with :func:`html.escape`; no template engine is needed for one page.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from html import escape

from rezept_fusho.models.resolution import Basis
from rezept_fusho.rules import frontdesk
from rezept_fusho.rules.claim import tier_current, tier_fusho, tier_past
from rezept_fusho.rules.frontdesk import (
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
from rezept_fusho.rules.frontdesk.method import Method
from rezept_fusho.rules.frontdesk.vocabulary import PATTERN_LABELS, Pattern
from rezept_fusho.rules.rule import Rule
from rezept_fusho.warning_codes import texts

from .style import CSS

__all__ = ["METHOD_CODES", "render"]

#: Short codes for the methods, fixed whatever the day (A2 stays A2 before it is in force).
METHOD_CODES: dict[str, str] = {
    **{m.id: f"A{i}" for i, m in enumerate(pattern_a.METHODS, start=1)},
    **{m.id: f"B{i}" for i, m in enumerate(pattern_b.METHODS, start=1)},
    **{m.id: "C" for m in pattern_c.METHODS},
    **{m.id: f"D{i}" for i, m in enumerate(pattern_d.METHODS, start=1)},
    **{m.id: f"他{i}" for i, m in enumerate(documents.METHODS, start=1)},
}

_BASIS: dict[Basis, str] = {"current": "現在の資格で請求", "past": "旧資格で請求", "fusho": "不詳で請求"}
_TIERS: tuple[tuple[Basis, Rule], ...] = (
    ("current", tier_current.RULE),
    ("past", tier_past.RULE),
    ("fusho", tier_fusho.RULE),
)


def _rule(rule: Rule, text: str | None = None) -> str:
    return f'<span data-rule="{escape(rule.id)}">{escape(text if text is not None else rule.title_ja)}</span>'


def _case_title(rule: Rule) -> str:
    # The case rules' titles read 「case → patterns」: the table shows the case, the chips the methods.
    return rule.title_ja.split(" → ")[0]


def _chips(methods: Iterable[Method]) -> str:
    return "".join(f'<span class="chip">{escape(METHOD_CODES[m.id])}</span>' for m in methods) or "—"


def render(day: date, temporary_end: TemporaryEnd = expired_card_temporary.DEFAULT_END) -> str:
    """The guide as of *day*, as one HTML document."""
    active = set(frontdesk.in_force(day, temporary_end))

    def on(methods: Iterable[Method]) -> list[Method]:
        return [m for m in methods if m.rule in active]

    case_rows = [
        f"<tr><td>{_rule(entry.rule, _case_title(entry.rule))}</td>"
        f"<td>{_chips([*on(entry.methods), *on(documents.METHODS)])}</td></tr>"
        for entry in cases.CASES.values()
        if entry.rule in active
    ]
    away = on(pattern_d.METHODS)
    if away:
        case_rows.append(
            f"<tr><td>訪問診療・オンライン診療（どのケースでも最初に）</td><td>{_chips(away)}</td></tr>"
        )

    method_rows = []
    groups: tuple[tuple[tuple[Method, ...], Pattern | None], ...] = (
        (pattern_a.METHODS, "A"),
        (pattern_b.METHODS, "B"),
        (pattern_c.METHODS, "C"),
        (pattern_d.METHODS, "D"),
        (documents.METHODS, None),
    )
    for methods, pattern in groups:
        shown = on(methods)
        if not shown:
            continue
        heading = PATTERN_LABELS[pattern] if pattern else "カードがなくても使えるもの"
        method_rows.append(f'<tr><th colspan="3">{escape(heading)}</th></tr>')
        for m in shown:
            basis = "不詳（旧資格が分かれば旧資格）で請求" if m.basis == "fusho" else _BASIS[m.basis]
            method_rows.append(
                f'<tr><td class="code">{escape(METHOD_CODES[m.id])}</td>'
                f"<td>{_rule(m.rule, m.label_ja)}</td>"
                f'<td class="basis">{escape(basis)}</td></tr>'
            )

    pay = [f"<li>{_rule(r)}</li>" for r in window_payment.RULES if r in active]
    extra = [r for r in (certificate_grace.RULE, *expired_card_temporary.RULES) if r in active]
    extra_items = [f"<li>{_rule(r)}</li>" for r in extra]
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
    temporary_end_line = ""
    if any(r in active for r in expired_card_temporary.RULES):
        end = expired_card_temporary.end_date(temporary_end).isoformat()
        temporary_end_line = f"<li>暫定的取扱いの終了日（設定）：{escape(end)}</li>"

    tiers = [f"<li><b>{escape(_BASIS[basis])}</b>：{escape(rule.title_ja)}</li>" for basis, rule in _TIERS]
    collect_items = ""
    if collect.RULE in active:
        collect_items = (
            f"<p>{_rule(collect.RULE)}</p><p><b>"
            + escape("・".join(collect.items("employee")))
            + "</b></p><p>後期高齢者は事業所名不要。申立書は支払確認まで保管。</p>"
        )

    ids = " ".join(sorted(r.id for r in active))
    return f"""<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<title>受付ガイド：マイナ保険証で資格確認ができないとき（{day.isoformat()}時点）</title>
<style>{CSS}</style>
</head>
<body>
<h1>マイナ保険証で資格確認ができないとき<small>受付ガイド　{day.isoformat()}時点</small></h1>
<h2>1. ケース → 確認方法（左から優先。使えるものを選ぶ）</h2>
<table class="cases"><tr><th>ケース</th><th>確認方法（下の表の記号）</th></tr>
{"".join(case_rows)}
</table>
<h2>2. パターンと方法 → 請求</h2>
<table class="methods"><tr><th>記号</th><th>方法</th><th>請求の見込み</th></tr>
{"".join(method_rows)}
</table>
<div class="cols">
<section>
<h2>3. 窓口負担</h2>
<p class="pay">確認できた → 3割等（未就学2割・70歳以上1〜3割）／できない → 原則10割</p>
<ul>{"".join(pay)}</ul>
{"<ul>" + "".join(extra_items) + temporary_end_line + "</ul>" if extra_items else ""}
{warn}
</section>
<section>
<h2>4. 請求（この順に）</h2>
<ol>{"".join(tiers)}</ol>
<h2>5. 不詳請求に備えて今集めること</h2>
{collect_items}
</section>
</div>
<footer>rezept-fusho がルール登録簿から作成（手書き部分なし）。基準日 {day.isoformat()}、暫定的取扱いの終了日設定
{escape(temporary_end)}。適用ルール：<span class="ids">{escape(ids)}</span></footer>
</body>
</html>
"""
