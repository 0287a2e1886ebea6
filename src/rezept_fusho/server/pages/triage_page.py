"""受付: the situation at the window as a form, and the guidance ``triage`` gives for it.

The form's names are the :class:`~rezept_fusho.reception.models.Situation`'s,
except two checkboxes: ``system_down`` (ticked: the system cannot be reached)
and ``flexible_return_visit`` (the clinic's policy option). Every label, rule
id and source shown comes from the library.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, get_args

from rezept_fusho.errors import ClaimError
from rezept_fusho.reception.models import Guidance, Path
from rezept_fusho.rules.claim.fusho_summary import KIND_LABELS
from rezept_fusho.rules.frontdesk import cases, certificate_grace, collect, expired_card_temporary
from rezept_fusho.rules.frontdesk.vocabulary import (
    AGE_GROUP_LABELS,
    ITEM_LABELS,
    LOOKUP_LABELS,
    PATTERN_LABELS,
    SETTING_LABELS,
    VISIT_LABELS,
    Ratio,
)
from rezept_fusho.server.pages.controls import checkbox, checkboxes, control_id, radios, select, text_input
from rezept_fusho.server.pages.labels import BASIS_LABELS
from rezept_fusho.server.pages.layout import document, esc, japanese, token_field
from rezept_fusho.text.dates import ja_date

__all__ = ["render", "situation_object"]

#: The page triages one situation at a time; the id is never shown.
SITUATION_ID = "reception"

#: The form shows the case alone.
CASE_LABELS = {case: entry.label for case, entry in cases.CASES.items()}
_TEXT = ("service_date", "case", "visit", "setting", "certificate_expiry", "insurance_kind", "lookup")
_CHOICE = ("age_group", "declared_ratio")
_DEFAULTS = {"setting": "clinic", "insurance_kind": "unknown", "lookup": "not_done"}


def _end_options() -> list[tuple[str, str]]:
    options = []
    for value in reversed(expired_card_temporary.END.values):
        document_ = value.citation.document
        unconfirmed = "・正式な通知は未確認" if value.grade == "unverified" else ""
        label = (
            f"{ja_date(value.value)}まで（{document_.issuer} {ja_date(document_.issued_on)}{unconfirmed}）"
        )
        options.append((value.value.isoformat(), label))
    return options


#: The choices of the temporary handling's end, latest first, with their sources.
_END_OPTIONS = _end_options()


def _first(values: Mapping[str, list[str]], name: str) -> str:
    return values.get(name, [""])[0].strip()


def situation_object(values: Mapping[str, list[str]]) -> dict[str, Any]:
    """The situation the form describes (JSON data for :func:`rezept_fusho.api.triage_object`)."""
    situation: dict[str, Any] = {"situation_id": SITUATION_ID}
    for name in (*_TEXT, *_CHOICE):
        if _first(values, name):
            situation[name] = _first(values, name)
    situation["presented"] = values.get("presented", [])
    situation["holds_past_data"] = "holds_past_data" in values
    situation["system_reachable"] = "system_down" not in values
    options: dict[str, Any] = {"flexible_return_visit": "flexible_return_visit" in values}
    if _first(values, "temporary_end"):
        options["temporary_end"] = _first(values, "temporary_end")
    situation["options"] = options
    return situation


def _control(field: str | None) -> str | None:
    """The form control an error's field belongs to (``presented.0`` → ``presented``)."""
    if field is None:
        return None
    return field.removeprefix("options.").split(".", 1)[0]


def _form(values: Mapping[str, list[str]], error: ClaimError | None, token_required: bool) -> str:
    def value(name: str) -> str:
        return _first(values, name) or _DEFAULTS.get(name, "")

    def error_at(name: str) -> str | None:
        return error.message_ja if error is not None and _control(error.field) == name else None

    details = [
        radios("setting", "受診の場", SETTING_LABELS.items(), value("setting"), error=error_at("setting")),
        radios(
            "insurance_kind",
            "保険種別（分かれば）",
            KIND_LABELS.items(),
            value("insurance_kind"),
            error=error_at("insurance_kind"),
        ),
        select(
            "lookup",
            "被保険者番号等による資格照会の結果（暫定的取扱い）",
            LOOKUP_LABELS.items(),
            value("lookup"),
            error=error_at("lookup"),
        ),
        text_input(
            "certificate_expiry",
            "利用者証明用電子証明書の有効期限（分かれば）",
            value("certificate_expiry"),
            kind="date",
            hint=f"期限切れから{certificate_grace.GRACE_MONTHS}か月以内なら、マイナ保険証として使えることがあります",
            error=error_at("certificate_expiry"),
        ),
        select(
            "age_group",
            "年齢区分",
            [("", "わからない"), *AGE_GROUP_LABELS.items()],
            value("age_group"),
            error=error_at("age_group"),
        ),
        select(
            "declared_ratio",
            "負担割合（把握または申告）",
            [("", "わからない"), *((ratio, ratio) for ratio in get_args(Ratio))],
            value("declared_ratio"),
            error=error_at("declared_ratio"),
        ),
        select(
            "temporary_end",
            "有効期限切れの保険証等の暫定的取扱いの終了日",
            _END_OPTIONS,
            value("temporary_end") or expired_card_temporary.DEFAULT_END,
            error=error_at("temporary_end"),
        ),
        checkbox(
            "flexible_return_visit",
            "再診で本人と受診歴を把握している患者は、3割等とする（医療機関の方針）",
            "flexible_return_visit" in values,
        ),
    ]
    changed = (
        any(
            _first(values, name) not in ("", _DEFAULTS.get(name, ""))
            for name in ("setting", "insurance_kind", "lookup", "certificate_expiry", *_CHOICE)
        )
        or "flexible_return_visit" in values
    )
    parts = [
        '<form id="triage-form" class="card" method="post" action="/" autocomplete="off">',
        '<h2 id="form-title">受付の状況</h2>',
        text_input(
            "service_date",
            "診療日",
            value("service_date"),
            kind="date",
            required=True,
            hint="今日の日付が入ります（入らないときは入力してください）",
            error=error_at("service_date"),
            extra=" data-today",
        ),
        radios(
            "case",
            "マイナ保険証で確認できない理由（ケース）",
            CASE_LABELS.items(),
            value("case") or None,
            error=error_at("case"),
        ),
        radios("visit", "初診・再診", VISIT_LABELS.items(), value("visit") or None, error=error_at("visit")),
        checkboxes(
            "presented",
            "患者が今持っているもの・見せられるもの",
            ITEM_LABELS.items(),
            values.get("presented", []),
            error=error_at("presented"),
        ),
        checkbox(
            "holds_past_data",
            "過去の受診で資格情報を把握している（「資格(無効)」画面に以前の番号が出ている場合も）",
            "holds_past_data" in values,
        ),
        checkbox("system_down", "オンライン資格確認等システムに今は接続できない", "system_down" in values),
        f'<details class="more"{" open" if changed else ""}><summary>詳しい条件（任意）</summary>',
        *details,
        "</details>",
        token_field(token_required, "triage"),
        '<div class="actions"><button type="submit" class="primary">対応を表示</button></div>',
        "</form>",
    ]
    return "\n".join(parts)


def _rule(rule_id: str, sources: Mapping[str, str]) -> str:
    return (
        f'<p class="rule"><span class="rule-id">{esc(rule_id)}</span> '
        f'<span class="source">{esc(sources.get(rule_id, ""))}</span></p>'
    )


def _path(path: Path, chosen: str | None, sources: Mapping[str, str]) -> str:
    if path.method == chosen:
        status = '<span class="badge ok">この方法で受け付ける</span>'
    elif path.available:
        status = '<span class="badge ok">今すぐ使える</span>'
    elif path.timing == "later":
        status = '<span class="badge later">システム復旧後</span>'
    elif path.missing:
        status = f'<span class="badge missing">不足：{esc("・".join(ITEM_LABELS[item] for item in path.missing))}</span>'
    else:
        status = '<span class="badge missing">使えない</span>'
    pattern = f'<p class="pattern">{esc(PATTERN_LABELS[path.pattern])}</p>' if path.pattern else ""
    chosen_class = " chosen" if path.method == chosen else ""
    return (
        f'<li class="path{chosen_class}" data-method="{esc(path.method)}">'
        f'<p class="path-label"><strong>{esc(path.label)}</strong> {status}</p>'
        f'<p class="action">{esc(path.action)}</p>{pattern}{_rule(path.rule, sources)}</li>'
    )


def _result(guidance: Guidance, values: Mapping[str, list[str]]) -> str:
    sources = {entry.rule: entry.source for entry in guidance.trace}
    chosen = next((path for path in guidance.paths if path.method == guidance.chosen), None)
    payment = guidance.window_payment
    tier = next((entry.rule for entry in guidance.trace if entry.rule.startswith("CLAIM-TIER-")), None)
    asks = "".join(f"<li>{esc(ask)}</li>" for ask in guidance.ask_patient) or "<li>特にありません</li>"
    warnings = "".join(f"<li>{esc(japanese(item.message))}</li>" for item in guidance.warnings)
    collect_html = ""
    if guidance.collect_now:
        items = "".join(f"<li>{esc(item)}</li>" for item in guidance.collect_now)
        collect_html = f"""<section class="card" aria-labelledby="collect-title">
<h3 id="collect-title">今集めること（被保険者資格申立書）</h3>
<ul>{items}</ul>{_rule(collect.RULE.id, sources)}
<form method="get" action="/declaration" class="inline-form">
<input type="hidden" name="service_date" value="{esc(_first(values, "service_date"))}">
<input type="hidden" name="insurance_kind" value="{esc(_first(values, "insurance_kind") or "unknown")}">
<button type="submit">申立書入力へ進む</button>
</form></section>"""
    trace = "".join(
        f'<tr><th scope="row">{esc(entry.rule)}</th><td>{esc(entry.source)}</td></tr>'
        for entry in guidance.trace
    )
    condition = f'<p class="condition">{esc(payment.condition)}</p>' if payment.condition else ""
    return f"""<section class="result" id="result" aria-labelledby="result-title">
<h2 id="result-title" tabindex="-1">対応</h2>
<p class="case-title">{esc(guidance.case_title)}</p>
<div class="summary-cards">
<section class="card" aria-labelledby="chosen-title"><h3 id="chosen-title">受け付ける方法</h3>
<p class="big" id="chosen">{esc(chosen.label) if chosen else "今すぐ使える方法はありません"}</p></section>
<section class="card share-{esc(payment.share)}" aria-labelledby="payment-title"><h3 id="payment-title">窓口負担</h3>
<p class="big" id="window-ratio">{esc(payment.ratio)}</p><p id="window-reason">{esc(payment.reason)}</p>{condition}
{_rule(payment.rule, sources)}</section>
<section class="card" aria-labelledby="basis-title"><h3 id="basis-title">請求の見込み</h3>
<p class="big" id="likely-basis">{esc(BASIS_LABELS[guidance.likely_claim_basis])}</p>
{_rule(tier, sources) if tier else ""}</section>
</div>
<section class="card" aria-labelledby="ask-title"><h3 id="ask-title">患者に依頼すること</h3><ul id="ask">{asks}</ul></section>
<section class="card" aria-labelledby="paths-title"><h3 id="paths-title">確認方法（優先順）</h3>
<ol class="paths" id="paths">{"".join(_path(path, guidance.chosen, sources) for path in guidance.paths)}</ol></section>
{collect_html}
{f'<section class="card warn" aria-labelledby="warn-title"><h3 id="warn-title">注意</h3><ul>{warnings}</ul></section>' if warnings else ""}
<details class="card trace"><summary>適用したルールと出典（{len(guidance.trace)}件）</summary>
<table><thead><tr><th scope="col">ルールID</th><th scope="col">出典</th></tr></thead><tbody>{trace}</tbody></table>
</details>
</section>"""


def _error_summary(error: ClaimError) -> str:
    control = _control(error.field)
    target = f' <a href="#field-{control_id(control)}">該当する項目へ</a>' if control else ""
    return (
        f'<div class="error-summary" role="alert" id="error-summary"><h2>確認できませんでした</h2>'
        f"<p>{esc(error.message_ja)}{target}</p></div>"
    )


def render(
    values: Mapping[str, list[str]],
    guidance: Guidance | None,
    error: ClaimError | None,
    *,
    token_required: bool,
) -> str:
    """The 受付 page: the form (filled with *values*), and the guidance or the error it led to."""
    intro = (
        "<h1>受付：マイナ保険証で資格確認ができないとき</h1>"
        '<p class="lead">状況を選ぶと、試す確認方法の順番、患者に依頼すること、窓口負担とその理由、'
        "請求の見込み、集めておく申立書の項目を、ルールIDと出典つきで表示します。</p>"
    )
    result = _result(guidance, values) if guidance is not None else ""
    summary = _error_summary(error) if error is not None else ""
    layout_class = "triage-layout has-result" if result else "triage-layout"
    layout = f'<div class="{layout_class}">{result}{_form(values, error, token_required)}</div>'
    return document("受付", intro + summary + layout, current="triage", token_required=token_required)
