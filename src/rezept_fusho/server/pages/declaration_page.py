"""申立書入力: the 被保険者資格申立書's items as a form, the check the library makes of them, the print view.

The form's names are the :class:`~rezept_fusho.reception.declaration.DeclarationForm`'s;
the address boxes all share the name ``addresses`` (box *n* is ``addresses.n``
in the check). What is shown — the text each item becomes, the error at an
item, the 摘要, the CO records, the claim line — is the
:class:`~rezept_fusho.reception.declaration.DeclarationCheck` as it is; the
script renders the same result into the same elements as the receptionist types.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from rezept_fusho.models.resolution import Resolution
from rezept_fusho.models.types import MAX_ID_LENGTH
from rezept_fusho.reception.declaration import (
    MAX_ADDRESSES,
    SPACES,
    DeclarationCheck,
    DeclarationForm,
    ItemError,
)
from rezept_fusho.rules.claim.fusho_summary import KIND_LABELS
from rezept_fusho.rules.frontdesk import pattern_a
from rezept_fusho.server.pages.controls import control_id, radios, select, text_input
from rezept_fusho.server.pages.labels import BASIS_LABELS, PAYER_LABELS
from rezept_fusho.server.pages.layout import document, esc, japanese, token_field

__all__ = ["form_object", "render", "render_print"]

#: Address boxes shown on an empty form.
ADDRESS_BOXES = 2
_HINTS = {
    "kana_name": "カタカナ・ひらがな・半角カナで入力できます。摘要には全角カタカナで記載します。",
    "insurer_name": "分からなければ空欄（摘要には「保険者等名称記載なし」と記載します）。",
    "employer_name": "分からなければ空欄（「事業所名記載なし」）。後期高齢者医療では記載しません。",
    "contact": "電話番号。半角の数字・ハイフンは全角にして記載します。",
    "contacted_on": "後日、医療機関から患者に連絡したときに入力します。",
    "birth_date": "診療日に75歳以上かどうかの確認に使います（摘要には記載しません）。",
}
_LABELS = {field: info.title or field for field, info in DeclarationForm.model_fields.items()}
_KINDS: dict[str, str] = dict(KIND_LABELS.items())
#: Items shown as a group of radio buttons: an error links to the group, not to one button.
_GROUPS = frozenset({"insurance_kind"})
#: The preview's words for basis and payer, for the page's script.
_WORDS = f' data-basis="{esc(json.dumps(BASIS_LABELS))}" data-payer="{esc(json.dumps(PAYER_LABELS))}"'


def _anchor(field: str) -> str:
    ident = control_id(field)
    return f"field-{ident}" if field in _GROUPS else ident


def form_object(values: Mapping[str, list[str]]) -> dict[str, Any]:
    """The :class:`DeclarationForm` data of a posted form (other names, such as the token, are left out)."""
    form: dict[str, Any] = {}
    for name in DeclarationForm.model_fields:
        if name == "addresses":
            form[name] = values.get(name, [])[:MAX_ADDRESSES]
        elif name in values:
            form[name] = values[name][0]
    return form


def _item_label(field: str) -> str:
    name, _, index = field.partition(".")
    return f"住所{int(index) + 1}" if name == "addresses" else _LABELS.get(name, name)


def _error_text(error: ItemError, form: DeclarationForm) -> str:
    """The error's Japanese message; for a character outside JIS X 0208, the character too (from the form)."""
    if error.position is None or error.field is None:
        return error.message_ja
    name, _, index = error.field.partition(".")
    typed = form.addresses[int(index)] if name == "addresses" else str(getattr(form, name))
    characters = list(typed)
    shown = characters[error.position - 1] if 0 < error.position <= len(characters) else ""
    return f"{error.message_ja}（「{shown}」）" if shown else error.message_ja


def _written(result: DeclarationCheck | None, name: str, typed: str) -> str | None:
    """What the 摘要 makes of an item, when that is not simply what was typed."""
    if result is None:
        return None
    if name in result.omitted:
        return f"摘要には記載しません（{result.omitted[name]}）"
    converted = result.converted.get(name)
    if converted is None or converted == typed.strip(SPACES):
        return None
    return f"摘要での記載：{converted}"


def _late_elderly(result: DeclarationCheck | None) -> str:
    late = result.late_elderly if result is not None else None
    if late is None:
        return ""
    sentences = "".join(f"<p>{esc(sentence)}</p>" for sentence in late.explanation)
    return (
        f'{sentences}<p class="rule"><span class="rule-id">{esc(late.rule)}</span> '
        f'<span class="source">{esc(late.source)}</span></p>'
    )


def _facts(resolution: Resolution | None) -> str:
    if resolution is None:
        return ""
    rows = (
        ("請求の根拠", BASIS_LABELS[resolution.basis]),
        ("保険者番号", resolution.insurer_number),
        ("記号", resolution.symbol or "なし"),
        ("番号", resolution.number),
        ("審査支払機関", PAYER_LABELS[resolution.payer or ""]),
        ("資格確認区分", resolution.qualification_flag or "なし"),
    )
    return "".join(f"<dt>{esc(term)}</dt><dd>{esc(value)}</dd>" for term, value in rows)


def _status(result: DeclarationCheck | None) -> str:
    if result is None:
        return "入力すると、ここに摘要・COレコード・請求の1行を表示します。"
    if result.resolution is not None:
        return f"請求できます：{BASIS_LABELS[result.resolution.basis]}"
    problem = result.problem
    message = problem.message_ja if problem is not None else ""
    where = f"{_item_label(problem.field)}：" if problem is not None and problem.field else ""
    return f"まだ請求できません：{where}{message}"


def _preview(result: DeclarationCheck | None) -> str:
    resolution = result.resolution if result is not None else None
    summary = resolution.summary if resolution is not None else ()
    margin = resolution.paper_margin_note if resolution is not None else None
    warnings = resolution.warnings if resolution is not None else ()
    lines = "".join(f"<li>{esc(line)}</li>" for line in summary)
    records = "\n".join(result.co_records) if result is not None else ""
    claim_line = (result.claim_line or "") if result is not None else ""
    warning_items = "".join(f"<li>{esc(japanese(item.message))}</li>" for item in warnings)
    ready = " hidden" if not claim_line else ""
    return f"""<section class="preview card" id="preview" aria-labelledby="preview-title"{_WORDS}>
<h2 id="preview-title">請求のプレビュー</h2>
<p id="check-status" class="status{" ok" if resolution else ""}" role="status">{esc(_status(result))}</p>
<dl class="facts" id="claim-facts">{_facts(resolution)}</dl>
<div id="warnings" class="warn"{"" if warning_items else " hidden"}><h3>注意</h3><ul id="warning-list">{warning_items}</ul></div>
<h3 id="tekiyo-title">摘要（レセプトに印刷されるとおり）</h3>
<div class="paper">
<p class="margin-note" id="margin-note"{"" if margin else " hidden"}>{esc(margin or "")}</p>
<ol class="tekiyo" id="tekiyo">{lines}</ol>
</div>
<h3 id="co-title">COレコード（医科のレセ電）</h3>
<pre class="records" id="co-records" tabindex="0" aria-labelledby="co-title">{esc(records)}</pre>
<h3 id="line-title">レセコンに渡す請求（JSON Lines の1行）</h3>
<p class="hint">このままファイルにすると <code>rezept-fusho resolve</code> で上の結果になります。</p>
<pre class="records" id="claim-line" tabindex="0" aria-labelledby="line-title">{esc(claim_line)}</pre>
<div class="actions" id="line-actions"{ready}>
<button type="button" id="copy-line" hidden>1行をコピー</button>
<button type="submit" form="declaration-form" formaction="/declaration/claim.jsonl" id="download-line">.jsonl をダウンロード</button>
</div>
<p id="copy-status" class="hint" role="status"></p>
<div class="actions">
<button type="submit" form="declaration-form" formaction="/declaration/print" formtarget="_blank" id="print-view">印刷用の控えを表示</button>
</div>
<p class="hint">JIS X 0208 にない文字（外字・環境依存文字。例：髙・﨑・①）はレセプトに記録できません。近い字体に置き換えてください（例：髙→高、﨑→崎、①→1）。</p>
</section>"""


def _form(form: DeclarationForm, result: DeclarationCheck | None, boxes: int, token_required: bool) -> str:
    errors = {
        error.field: _error_text(error, form) for error in (result.errors if result else ()) if error.field
    }

    def written(name: str, typed: str) -> str | None:
        return _written(result, name, typed)

    def text(name: str, kind: str = "text", extra: str = "", required: bool = False) -> str:
        return text_input(
            name,
            _LABELS[name],
            str(getattr(form, name)),
            kind=kind,
            hint=_HINTS.get(name, ""),
            error=errors.get(name),
            converted=written(name, str(getattr(form, name))),
            required=required,
            extra=extra,
        )

    addresses = list(form.addresses) + [""] * (boxes - len(form.addresses))
    address_boxes = "".join(
        text_input(
            f"addresses.{index}",
            f"住所{index + 1}",
            value,
            error=errors.get(f"addresses.{index}"),
            converted=written(f"addresses.{index}", value),
            extra=' data-address=""',
        )
        for index, value in enumerate(addresses)
    )
    payer = select(
        "payer_when_unknown",
        _LABELS["payer_when_unknown"],
        [(value, label) for value, label in PAYER_LABELS.items() if value] + [("", PAYER_LABELS[""])],
        form.payer_when_unknown,
        hint="保険種別が分からないままのときは、どちらに請求するかを医療機関が選びます（疑義解釈 問1）。",
        error=errors.get("payer_when_unknown"),
    )
    more_open = " open" if form.claim_id or form.receipt_number or form.payer_when_unknown else ""
    add_disabled = " disabled" if boxes >= MAX_ADDRESSES else ""
    kind = radios(
        "insurance_kind",
        _LABELS["insurance_kind"],
        KIND_LABELS.items(),
        form.insurance_kind or "unknown",
        error=errors.get("insurance_kind"),
    )
    parts = [
        '<form id="declaration-form" class="card" method="post" action="/declaration" autocomplete="off">',
        "<h2>申立書の項目</h2>",
        text("service_date", "date", " data-today", required=True),
        text("kana_name", extra=' spellcheck="false"'),
        kind,
        text("insurer_name"),
        text("employer_name"),
        '<fieldset class="addresses" id="addresses"><legend>住所</legend>',
        '<p class="hint">住民票の住所と今住んでいる所が違うときなどは、すべて入力します（1つずつ摘要に記載します）。</p>',
        f'<div id="address-boxes">{address_boxes}</div>',
        '<button type="submit" name="action" value="add_address" id="add-address" formnovalidate'
        f' data-max="{MAX_ADDRESSES}"{add_disabled}>'
        "住所欄を追加</button>",
        "</fieldset>",
        text("contact", "tel", ' inputmode="tel"'),
        text("contacted_on", "date"),
        text("birth_date", "date"),
        f'<div class="late-elderly" id="late-elderly" aria-live="polite">{_late_elderly(result)}</div>',
        f'<details class="more"{more_open}><summary>レセコンとの連携（任意）</summary>',
        text("claim_id", extra=f' maxlength="{MAX_ID_LENGTH}"'),
        text("receipt_number", extra=' inputmode="numeric"'),
        payer,
        "</details>",
        token_field(token_required, "declaration"),
        '<div class="actions"><button type="submit" class="primary" id="check-button">確認する</button></div>',
        "</form>",
    ]
    return "\n".join(parts)


def render(
    form: DeclarationForm,
    result: DeclarationCheck | None,
    *,
    token_required: bool,
    add_address: bool = False,
) -> str:
    """The 申立書入力 page: the form filled with *form*, and the check made of it (None: not yet checked)."""
    boxes = min(MAX_ADDRESSES, max(ADDRESS_BOXES, len(form.addresses) + (1 if add_address else 0)))
    intro = (
        "<h1>申立書入力：被保険者資格申立書</h1>"
        '<p class="lead">患者が申し立てた内容を入力すると、入力しながらライブラリが確認し、'
        "摘要に記載される文字（半角カナ・数字は全角に）、記録できない文字の位置、75歳以上の扱いを示します。"
        "レセコンには下の1行（JSON Lines）を渡します。</p>"
    )
    summary = ""
    if result is not None and result.errors:
        links = "".join(
            f'<li><a href="#{_anchor(error.field)}">{esc(_item_label(error.field))}：{esc(_error_text(error, form))}</a></li>'
            for error in result.errors
            if error.field is not None
        )
        summary = (
            '<div class="error-summary" role="alert" id="error-summary">'
            f"<h2>直す項目があります（{len(result.errors)}件）</h2><ul>{links}</ul></div>"
        )
    layout = f'<div class="declaration-layout">{_form(form, result, boxes, token_required)}{_preview(result)}</div>'
    return document(
        "申立書入力", intro + summary + layout, current="declaration", token_required=token_required
    )


def render_print(form: DeclarationForm, result: DeclarationCheck) -> str:
    """The filled 申立書 items, to print and keep until the claim is paid."""
    errors = {error.field: _error_text(error, form) for error in result.errors if error.field}

    def row(name: str, label: str, typed: str) -> str:
        written = "記載しません" if name in result.omitted else result.converted.get(name, "")
        problem = f'<p class="note error">{esc(errors[name])}</p>' if name in errors else ""
        return (
            f'<tr><th scope="row">{esc(label)}</th><td>{esc(typed)}{problem}</td><td>{esc(written)}</td></tr>'
        )

    rows = [
        row("service_date", _LABELS["service_date"], form.service_date),
        row("kana_name", _LABELS["kana_name"], form.kana_name),
        row(
            "insurance_kind", _LABELS["insurance_kind"], _KINDS.get(form.insurance_kind, form.insurance_kind)
        ),
        row("insurer_name", _LABELS["insurer_name"], form.insurer_name),
        row("employer_name", _LABELS["employer_name"], form.employer_name),
        *(
            row(f"addresses.{i}", f"住所{i + 1}", address)
            for i, address in enumerate(form.addresses)
            if address.strip()
        ),
        row("contact", _LABELS["contact"], form.contact),
        row("contacted_on", _LABELS["contacted_on"], form.contacted_on),
        row("birth_date", _LABELS["birth_date"], form.birth_date),
    ]
    resolution = result.resolution
    tekiyo = "".join(f"<li>{esc(line)}</li>" for line in resolution.summary) if resolution else ""
    state = (
        f'<p class="status ok">{esc(_status(result))}</p><dl class="facts">{_facts(resolution)}</dl>'
        if resolution
        else f'<p class="status">{esc(_status(result))}</p>'
    )
    rule = pattern_a.RULE_DECLARATION
    main = f"""<article class="print-sheet">
<h1>被保険者資格申立書（控え）</h1>
<p class="keep">この控えは、請求が支払われるまで保管してください。<span class="rule-id">{esc(rule.id)}</span>：{esc(rule.title_ja)}</p>
<table class="sheet"><thead><tr><th scope="col">項目</th><th scope="col">申立ての内容（入力のとおり）</th><th scope="col">摘要での記載</th></tr></thead>
<tbody>{"".join(rows)}</tbody></table>
<h2>請求</h2>{state}
{f'<h2>摘要</h2><ol class="tekiyo">{tekiyo}</ol>' if tekiyo else ""}
{_late_elderly(result)}
<p class="signature">受付担当：＿＿＿＿＿＿＿＿　　確認日：＿＿＿＿年＿＿月＿＿日</p>
<p class="no-print actions"><button type="button" id="print-button" hidden>印刷する</button>
<a href="/declaration">申立書入力へ戻る</a></p>
</article>"""
    return document("申立書の控え", main, current="print", token_required=False)
