"""Every warning a resolution or a guidance can carry: a stable code and its text in Japanese and English.

A warning is something the clinic should know that did not stop the claim.
Codes are stable (tools match on them, ``docs/contract.md`` lists them); the
texts are templates whose values — a date, an age, a number of months, a
field — are filled in by the caller from the rules that declare them, so no
value of the notices is written here. A text never carries a patient's data.

>>> warning("payer_undetermined")[0]
'payer_undetermined'
>>> warning("temporary_handling_ended", end=date(2026, 3, 31))[1]
'有効期限切れの保険証・お知らせのみの暫定的取扱いは2026年3月31日で終了しています（options.temporary_end） / the temporary handling ended on 2026-03-31 (options.temporary_end)'
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from rezept_fusho.text.dates import ja_date, ja_month

__all__ = ["WARNINGS", "WarningText", "texts", "warning"]


@attrs.frozen
class WarningText:
    """The Japanese and English templates of one warning (``str.format`` fields)."""

    ja: str
    en: str


#: code → texts. Resolve first, then triage.
WARNINGS: dict[str, WarningText] = {
    # resolve
    "unknown_insurer_component": WarningText(
        "保険者番号の法別番号または都道府県番号が既知の表にありません",
        "the insurer number's law code or prefecture is not in the known tables",
    ),
    "branch_dropped_late_elderly": WarningText(
        "後期高齢者医療の枝番は記録しません", "no 枝番 is recorded for 後期高齢者医療"
    ),
    "past_qualification_ignored": WarningText(
        "{field}: 現在の資格で請求するため、正しくない過去の資格（{code}）は使いませんでした",
        "{field}: billed on the current qualification; the invalid past qualification ({code}) was not used",
    ),
    "declaration_item_missing": WarningText(
        "申立書に記載のない項目は摘要に記録していません：{items_ja}",
        "items the declaration does not give are left out of the 摘要: {items_en}",
    ),
    "late_elderly_by_age": WarningText(
        "保険種別は不明ですが、診療日に{age}歳以上のため後期高齢者医療として扱いました",
        "insurance kind unknown, but the patient is {age} or over on the service date: treated as 後期高齢者医療",
    ),
    "late_elderly_age_kind_mismatch": WarningText(
        "診療日に{age}歳以上ですが、申立書の保険種別が後期高齢者医療ではありません。"
        "生活保護受給者などの適用除外を除き、{age}歳以上は後期高齢者医療の被保険者です。申告どおり請求しました",
        "{age} or over on the service date, but the declared kind is not 後期高齢者医療: everyone {age} "
        "and over is insured by it, except those excluded (e.g. 生活保護); billed as declared",
    ),
    "contacted_before_service": WarningText(
        "患者への連絡日が診療日より前です", "the date the patient was contacted is before the service date"
    ),
    "payer_undetermined": WarningText(
        "保険種別が不明のため、審査支払機関（支払基金または国保連）を医療機関が選択してください",
        "insurance kind unknown: the clinic must choose the payer (支払基金 or 国保連)",
    ),
    # triage
    "health_insurance_card_expired": WarningText(
        "健康保険証は{last_day_ja}までに有効期限を迎えたため、期限切れの保険証として扱いました",
        "every 健康保険証 expired by {last_day}: treated as an expired card",
    ),
    "certificate_not_expired": WarningText(
        "電子証明書は診療日にはまだ有効期限内です。ほかの原因を確認してください",
        "the electronic certificate has not expired on the service date: look for another cause",
    ),
    "certificate_grace_not_in_force": WarningText(
        "電子証明書の有効期限切れ後{months}か月の猶予は{start_ja}からです",
        "the {months}-month grace for an expired certificate applies from {start}",
    ),
    "certificate_grace_over": WarningText(
        "電子証明書の有効期限切れから{months}か月を過ぎています（{last}まで）。マイナ保険証としては使えません",
        "more than {months} months since the certificate expired (usable until {last})",
    ),
    "temporary_extension_unconfirmed": WarningText(
        "{end_ja}までの延長は{issuer}の発表（{announced_ja}）によるもので、正式な事務連絡は確認できていません"
        "（options.temporary_end）",
        "the extension to {end} rests on an announcement of {announced} ({issuer}); no formal notice was found "
        "(options.temporary_end)",
    ),
    "lookup_invalid": WarningText(
        "照会で有効な資格が確認できないため、暫定的取扱いは使えません",
        "the look-up found no valid qualification: the temporary handling does not apply",
    ),
    "temporary_handling_ended": WarningText(
        "有効期限切れの保険証・お知らせのみの暫定的取扱いは{end_ja}で終了しています（options.temporary_end）",
        "the temporary handling ended on {end} (options.temporary_end)",
    ),
    "temporary_kind_unknown": WarningText(
        "{until_ja}までの暫定的取扱いは国保・後期高齢者のみです。保険種別を確認してください",
        "until {until} the temporary handling covers 国保 and 後期 only: ask which insurer",
    ),
    "document_not_sufficient": WarningText(
        "有効期限切れの保険証や資格情報のお知らせのみでは資格確認になりません",
        "an expired 保険証 or the お知らせ alone does not confirm the qualification",
    ),
    "flexible_return_visit_applied": WarningText(
        "医療機関の判断で、保有する資格情報により3割等としました。資格が有効か後日確認してください",
        "clinic policy: 3割等 from the data held; check later that the qualification is valid",
    ),
    "flexible_return_visit_possible": WarningText(
        "再診で本人と受診歴を把握しているため、医療機関の判断で3割等とすることもできます"
        "（options.flexible_return_visit）",
        "a 再診 of a known patient: the clinic may charge 3割等 instead (options.flexible_return_visit)",
    ),
    # The text is the rule's (FRONTDESK-AFTER-FULL-PAYMENT): the triage passes its titles.
    "full_cost_refund": WarningText("{rule_ja}", "{rule_en}"),
    "disaster_notice": WarningText(
        "災害時は別途、災害時の取扱い（事務連絡）が示されることがあります",
        "in a disaster a separate notice may set other handling",
    ),
    "ratio_to_confirm": WarningText(
        "負担割合が分からないため、確認するか申立書で申告してもらってください",
        "the patient's share is not known: confirm it or have it declared on the 申立書",
    ),
    "check_after_recovery": WarningText(
        "システム復旧後に照会できれば、現在の資格で請求できる見込みです",
        "once the system is back, a look-up should allow a claim on the current qualification",
    ),
    "bill_on_past_qualification": WarningText(
        "過去の資格情報（旧資格）で請求します。審査支払機関が新しい保険者に振り替えることがあります",
        "bill on the past qualification (旧資格); the payer may move the claim to the new insurer",
    ),
    "fusho_claim_from_2023_09": WarningText(
        "不詳請求は{month_ja}請求分からです。それまで請求を保留してください",
        "不詳 claims start with the {month} submission: hold the claim until then",
    ),
}


def _spelled(values: dict[str, Any]) -> dict[str, Any]:
    """Each date value also as ``<name>_ja`` (2026年7月31日; a first-of-month as 2023年9月) and ISO."""
    out: dict[str, Any] = {}
    for name, value in values.items():
        if isinstance(value, date):
            out[name] = value.isoformat() if name != "month" else value.isoformat()[:7]
            out[f"{name}_ja"] = ja_month(value) if name == "month" else ja_date(value)
        else:
            out[name] = value
    return out


def texts(code: str, /, **values: Any) -> tuple[str, str]:
    """(Japanese, English) of the warning *code* with *values* filled in; KeyError for an unknown code."""
    text = WARNINGS[code]
    spelled = _spelled(values)
    return text.ja.format(**spelled), text.en.format(**spelled)


#: The warnings whose texts have no values to fill in: the same (code, message) every time.
_FIXED = {
    code: (code, f"{text.ja} / {text.en}")
    for code, text in WARNINGS.items()
    if "{" not in text.ja and "{" not in text.en
}


def warning(code: str, /, **values: Any) -> tuple[str, str]:
    """(code, "日本語 / English") of the warning *code* with *values* filled in."""
    if not values and code in _FIXED:
        return _FIXED[code]
    ja, en = texts(code, **values)
    return code, f"{ja} / {en}"
