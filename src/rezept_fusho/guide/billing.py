"""The billing clerk's box: the three tiers, the 不詳 numbers and the 摘要, read from the claim rules.

A visit of the guide's day is billed in the next month (the default 請求年月),
so each claim rule is read on its own axis: the 診療日 for the tiers, that
請求年月 for the numbers and comments. A rule that starts later is greyed,
without ``data-rule``, and a note says from which 請求年月 it applies.
"""

from __future__ import annotations

from datetime import date

from rezept_fusho.models.claim import month_after
from rezept_fusho.rules.claim import (
    comment_codes,
    fusho_insurer_placeholder,
    fusho_number_placeholder,
    qualification_flag,
    tier_current,
    tier_fusho,
    tier_past,
)
from rezept_fusho.rules.frontdesk import pattern_a
from rezept_fusho.rules.parameter import Parameter
from rezept_fusho.rules.rule import Rule
from rezept_fusho.text.dates import ja_month

from .markup import escape, rule_text

__all__ = ["RULES", "billing_section", "in_force"]

_INSURER = fusho_insurer_placeholder
_NUMBER = fusho_number_placeholder

#: The claim rules the box shows.
RULES: tuple[Rule, ...] = (
    tier_current.RULE,
    tier_past.RULE,
    tier_fusho.RULE,
    tier_fusho.RULE_PARTIAL,
    _INSURER.RULE,
    _INSURER.RULE_ALT,
    _NUMBER.RULE,
    _NUMBER.RULE_LATE_ELDERLY,
    comment_codes.RULE_FUSHO,
    comment_codes.RULE_PAST,
    qualification_flag.RULE,
)


def _axis_day(rule: Rule, day: date) -> date:
    return day if rule.axis == "service_date" else month_after(day)


def in_force(day: date) -> tuple[Rule, ...]:
    """The rules of the box that apply to a visit on *day* (billed the month after)."""
    return tuple(rule for rule in RULES if rule.in_force(_axis_day(rule, day)))


def _first_claim_month(rule: Rule) -> date:
    # A 請求年月 is read on its 1st day: a window starting mid-month first holds the month after.
    start = rule.window.start
    return start if start.day == 1 else month_after(start)


def _pending(day: date) -> dict[Rule, date]:
    """The box's rules not yet in force for a visit on *day*, with the first 請求年月 each applies to."""
    return {rule: _first_claim_month(rule) for rule in RULES if not rule.in_force(_axis_day(rule, day))}


def _value(parameter: Parameter[str], day: date) -> str:
    # Before the series starts, the value it starts with: the text says from when.
    return parameter.at(max(month_after(day), parameter.first.start))


def billing_section(day: date) -> str:
    """Section 6: tiers 1 → 2 → 3, with what a 旧資格 and a 不詳 claim carry."""
    pending = _pending(day)
    earliest = min(pending.values(), default=None)

    def shown(rule: Rule, text: str) -> str:
        # Greyed when not yet in force; the note says from when, a later month is said on the spot.
        if rule not in pending:
            return rule_text(rule, text)
        later = "" if pending[rule] == earliest else f"（{ja_month(pending[rule])}請求分から）"
        return f'<span class="later">{escape(text + later)}</span>'

    flags = qualification_flag.FLAGS
    past, fusho, codes = comment_codes.PAST, comment_codes.FUSHO, comment_codes.DECLARATION_CODES
    insurer = shown(_INSURER.RULE, _value(_INSURER.INSURER, day))
    alternative = shown(_INSURER.RULE_ALT, _value(_INSURER.ALTERNATIVE, day))
    number = shown(_NUMBER.RULE, _value(_NUMBER.NUMBER, day))
    late = shown(_NUMBER.RULE_LATE_ELDERLY, _value(_NUMBER.LATE_ELDERLY_NUMBER, day))
    opening = shown(comment_codes.RULE_FUSHO, f"「{fusho.master_text}」{fusho.code}")
    items = shown(comment_codes.RULE_FUSHO, f"{codes[0].code}〜{codes[-1].code}")
    given = shown(tier_fusho.RULE_PARTIAL, "記載のある項目だけ")
    fusho_rows = (
        ("保険者番号", f"{insurer}（レセコンが記録できなければ {alternative}）"),
        ("記号・番号", f"記号は書かない。番号 {number}（後期高齢者医療は {late}）"),
        ("摘要", f"{opening}、続けて申立書の項目を {items}（{given}）"),
        ("資格確認区分", shown(qualification_flag.RULE, flags["fusho"])),
    )
    table = "".join(f"<tr><th>{escape(name)}</th><td>{cell}</td></tr>" for name, cell in fusho_rows)
    fusho_methods = "・".join(m.label_ja for m in pattern_a.METHODS if m.basis == "fusho")
    note = ""
    if earliest is not None:
        claim = ja_month(month_after(day))
        note = (
            f'<p class="later">灰色の項目は{ja_month(earliest)}請求分から（{claim}請求にはまだ使えない）</p>'
        )
    return (
        f'<section class="billing"><h2>6. 請求（レセプト担当）：この順に</h2>{note}<ol class="tiers">'
        f"<li><b>現在の資格で請求</b>：{shown(tier_current.RULE, tier_current.RULE.title_ja)}</li>"
        f"<li><b>旧資格で請求</b>：{shown(tier_past.RULE, tier_past.RULE.title_ja)}"
        f"<br>摘要 {shown(comment_codes.RULE_PAST, f'「{past.master_text}」{past.code}')}"
        f"・資格確認区分 {shown(qualification_flag.RULE, flags['past'])}</li>"
        f"<li><b>不詳で請求</b>：{shown(tier_fusho.RULE, tier_fusho.RULE.title_ja)}"
        f"（{escape(fusho_methods)}で受け付け、過去の資格情報もないとき）"
        f'<table class="fusho">{table}</table></li></ol></section>'
    )
