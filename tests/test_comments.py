"""The 摘要 as comments (comment codes, the two styles), the 資格確認区分, and the lenient 申立書.

Traces to ``reference-software.md`` §1.1–§1.4 (rules FUSHO-COMMENT-CODES,
PAST-COMMENT-CODE, COMMENT-FREE-TEXT, QUALIFICATION-FLAG, FUSHO-DECLARATION-PARTIAL).
The master texts below are written out from the reference, not read from the
library's table, so a typo in either is caught.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jsonl_lines import process_line
from rezept_fusho.api import resolve_object
from rezept_fusho.testing import claims as vendor_claims
from rezept_fusho.testing import incomplete_declarations
from strategies import claims, declarations

MASTER_TEXTS = {
    "810000001": "",
    "820000246": "不詳",
    "830000501": "被保険者資格申立書（カナ氏名）；",
    "830000502": "被保険者資格申立書（保険種別）；",
    "830000503": "被保険者資格申立書（保険者等名称）；",
    "830000504": "被保険者資格申立書（事業所名）；",
    "830000505": "被保険者資格申立書（住所１）；",
    "830000506": "被保険者資格申立書（住所２以降）；",
    "830000507": "被保険者資格申立書（連絡先電話番号）；",
    "830000508": "被保険者資格申立書（患者への連絡を行った日付）；",
    "820000245": "旧資格情報",
}

DECLARATION = {
    "kana_name": "ﾔﾏﾀﾞ ﾀﾛｳ",
    "insurance_kind": "employee",
    "insurer_name": "健保組合",
    "employer_name": "商店",
    "addresses": ["東京都1-1"],
    "contact": "03-1111-2222",
    "contacted_on": "2025-07-20",
}


def _out(claim: dict[str, Any]) -> dict[str, Any]:
    output: dict[str, Any] = json.loads(
        process_line(json.dumps(claim, ensure_ascii=False), 1, resolve_object).text
    )
    return output


def _fusho(declaration: dict[str, Any] | None = None, **options: Any) -> dict[str, Any]:
    claim: dict[str, Any] = {
        "claim_id": "c",
        "service_date": "2025-07-10",
        "declaration": DECLARATION if declaration is None else declaration,
    }
    if options:
        claim["options"] = options
    return _out(claim)


def _codes(output: dict[str, Any]) -> list[str]:
    return [comment["code"] for comment in output["comments"]]


def test_master_style_writes_each_item_under_its_code() -> None:
    output = _fusho()
    assert output["comments"] == [
        {"code": "820000246", "text": ""},
        {"code": "830000501", "text": "ヤマダ\u3000タロウ"},
        {"code": "830000502", "text": "被用者保険"},
        {"code": "830000503", "text": "健保組合"},
        {"code": "830000504", "text": "商店"},
        {"code": "830000505", "text": "東京都１−１"},
        {"code": "830000507", "text": "０３−１１１１−２２２２"},
        {"code": "830000508", "text": "令和７年７月２０日"},
    ]
    assert output["qualification_flag"] == "1"
    assert output["summary"][0] == "不詳"
    assert output["summary"][6] == "被保険者資格申立書（連絡先電話番号）；０３−１１１１−２２２２"


def test_free_text_style_keeps_the_labelled_lines() -> None:
    output = _fusho(comment_style="free_text")
    assert set(_codes(output)) == {"810000001"}
    assert output["summary"] == [
        "不詳",
        "カナ氏名：ヤマダ\u3000タロウ",
        "保険種別：被用者保険",
        "保険者等名称：健保組合",
        "事業所名：商店",
        "住所：東京都１−１",
        "連絡先：０３−１１１１−２２２２",
        "連絡日：令和７年７月２０日",
    ]
    assert output["qualification_flag"] == "1"
    assert "COMMENT-FREE-TEXT" in [entry["rule"] for entry in output["trace"]]
    assert "FUSHO-COMMENT-CODES" not in [entry["rule"] for entry in output["trace"]]


def test_several_addresses_first_then_further() -> None:
    output = _fusho({**DECLARATION, "addresses": ["東京都1", "大阪府2", "兵庫県3"]})
    assert [c for c in output["comments"] if c["code"] in {"830000505", "830000506"}] == [
        {"code": "830000505", "text": "東京都１"},
        {"code": "830000506", "text": "大阪府２"},
        {"code": "830000506", "text": "兵庫県３"},
    ]


def test_late_elderly_has_no_employer_comment_in_either_style() -> None:
    late = {**DECLARATION, "insurance_kind": "late_elderly"}
    assert "830000504" not in _codes(_fusho(late))
    assert not any(line.startswith("事業所名") for line in _fusho(late, comment_style="free_text")["summary"])


def test_names_unknown_are_written_kisai_nashi() -> None:
    declaration = {
        key: value for key, value in DECLARATION.items() if key not in {"insurer_name", "employer_name"}
    }
    output = _fusho(declaration)
    assert {"code": "830000503", "text": "保険者等名称記載なし"} in output["comments"]
    assert {"code": "830000504", "text": "事業所名記載なし"} in output["comments"]
    assert output["warnings"] == []  # the notice's own form: nothing is missing
    free = _fusho(declaration, comment_style="free_text")
    assert "保険者等名称記載なし" in free["summary"]
    assert "事業所名記載なし" in free["summary"]


MISSING = {
    "addresses": ("830000505", "住所", "address"),
    "contact": ("830000507", "連絡先", "contact"),
    "contacted_on": ("830000508", "患者への連絡を行った日付", "date the patient was contacted"),
}


@pytest.mark.parametrize("item", sorted(MISSING))
def test_each_missing_item_is_left_out_with_one_warning(item: str) -> None:
    code, ja, en = MISSING[item]
    declaration = {key: value for key, value in DECLARATION.items() if key != item}
    output = _fusho(declaration)
    assert output["basis"] == "fusho"
    assert code not in _codes(output)
    assert output["warnings"] == [
        {
            "code": "declaration_item_missing",
            "message": f"申立書に記載のない項目は摘要に記録していません：{ja} / "
            f"items the declaration does not give are left out of the 摘要: {en}",
        }
    ]
    assert "FUSHO-DECLARATION-PARTIAL" in [entry["rule"] for entry in output["trace"]]
    strict = _fusho(declaration, require_complete_declaration=True)
    assert strict["error"]["code"] == "declaration_incomplete"
    assert strict["error"]["field"] == f"declaration.{item}"
    assert ja in strict["error"]["message"]


def test_all_missing_items_named_in_one_warning_and_one_error() -> None:
    output = _fusho({"kana_name": "ヤマダ"})
    assert [w["code"] for w in output["warnings"]] == ["declaration_item_missing", "payer_undetermined"]
    assert "住所・連絡先・患者への連絡を行った日付" in output["warnings"][0]["message"]
    strict = _fusho({"kana_name": "ヤマダ"}, require_complete_declaration=True)
    assert strict["error"]["code"] == "declaration_incomplete"
    assert "住所・連絡先・患者への連絡を行った日付" in strict["error"]["message"]


def test_empty_values_count_as_missing() -> None:
    output = _fusho({**DECLARATION, "addresses": [], "contact": "　"})
    assert "住所・連絡先" in output["warnings"][0]["message"]


def test_the_kana_name_is_always_required() -> None:
    declaration = {key: value for key, value in DECLARATION.items() if key != "kana_name"}
    for options in ({}, {"require_complete_declaration": True}):
        error = _fusho(declaration, **options)["error"]
        assert (error["code"], error["field"]) == ("declaration_incomplete", "declaration.kana_name")


def test_missing_item_warning_never_echoes_a_value() -> None:
    output = _fusho({**DECLARATION, "contact": None, "kana_name": "ケンショウタロウ"})
    assert "ケンショウ" not in json.dumps(output["warnings"], ensure_ascii=False)


def _past(**options: Any) -> dict[str, Any]:
    claim: dict[str, Any] = {
        "claim_id": "p",
        "service_date": "2025-07-10",
        "past_qualification": {"insurer_number": "06132013", "number": "3456"},
    }
    if options:
        claim["options"] = options
    return _out(claim)


def test_past_claims_carry_the_old_qualification_comment_and_flag_2() -> None:
    assert _past()["comments"] == [{"code": "820000245", "text": ""}]
    assert _past()["summary"] == ["旧資格情報"]
    assert _past()["qualification_flag"] == "2"
    assert _past(comment_style="free_text")["comments"] == [{"code": "810000001", "text": "旧資格情報"}]
    note = _past(past_summary_note="旧資格による請求")
    assert note["comments"] == [{"code": "810000001", "text": "旧資格による請求"}]
    assert note["qualification_flag"] == "2"
    assert _past(past_summary_note="x", comment_style="free_text")["comments"] == [
        {"code": "810000001", "text": "ｘ"}
    ]


def test_current_claims_have_no_comment_and_no_flag() -> None:
    output = _out(
        {
            "claim_id": "c",
            "service_date": "2025-07-10",
            "current_qualification": {"insurer_number": "01130012", "number": "1"},
            "declaration": DECLARATION,
            "options": {"past_summary_note": "旧資格"},
        }
    )
    assert (output["comments"], output["summary"], output["qualification_flag"]) == ([], [], None)


def test_past_claim_before_the_comment_code_existed() -> None:
    output = _out(
        {
            "claim_id": "p",
            "service_date": "2023-07-20",
            "past_qualification": {"insurer_number": "06132013", "number": "3456"},
        }
    )
    assert output["basis"] == "past"
    assert (output["comments"], output["qualification_flag"]) == ([], None)
    september = _out(
        {
            "claim_id": "p",
            "service_date": "2023-07-20",
            "claim_month": "2023-09",
            "past_qualification": {"insurer_number": "06132013", "number": "3456"},
        }
    )
    assert (september["comments"], september["qualification_flag"]) == (
        [{"code": "820000245", "text": ""}],
        "2",
    )


# Properties


def _resolved(claim: dict[str, Any]) -> dict[str, Any] | None:
    output = _out(claim)
    return None if "error" in output else output


def _claim_month(claim: dict[str, Any]) -> date:
    if "claim_month" in claim:
        year, month = claim["claim_month"].split("-")
        return date(int(year), int(month), 1)
    service = date.fromisoformat(claim["service_date"])
    return date(service.year + service.month // 12, service.month % 12 + 1, 1)


@given(claims())
def test_summary_is_the_paper_rendering_of_comments(claim: dict[str, Any]) -> None:
    output = _resolved(claim)
    if output is None:
        return
    assert output["summary"] == [MASTER_TEXTS[c["code"]] + c["text"] for c in output["comments"]]
    for comment in output["comments"]:
        assert not any(char.isascii() for char in comment["text"])
        comment["text"].encode("shift_jis")


@given(claims())
def test_flag_follows_the_basis(claim: dict[str, Any]) -> None:
    output = _resolved(claim)
    if output is None:
        return
    from_september_2023 = _claim_month(claim) >= date(2023, 9, 1)
    assert (output["qualification_flag"] == "1") == (output["basis"] == "fusho")
    assert (output["qualification_flag"] == "2") == (output["basis"] == "past" and from_september_2023)
    if output["basis"] == "current":
        assert output["qualification_flag"] is None


@given(vendor_claims("fusho", "master"))
def test_master_fusho_starts_with_820000246_then_the_kana_name(claim: dict[str, Any]) -> None:
    output = _out(claim)
    assert output["comments"][0] == {"code": "820000246", "text": ""}
    assert output["comments"][1]["code"] == "830000501"
    codes = [c["code"] for c in output["comments"][1:]]
    assert codes == sorted(codes)  # the 申立書 items in 摘要 order: 830000501 … 830000508


@given(vendor_claims("fusho", "free_text"))
def test_free_text_fusho_starts_with_the_word(claim: dict[str, Any]) -> None:
    output = _out(claim)
    assert output["comments"][0] == {"code": "810000001", "text": "不詳"}
    assert output["comments"][1]["text"].startswith("カナ氏名：")
    assert {c["code"] for c in output["comments"]} == {"810000001"}


@given(st.data())
def test_incomplete_declarations_bill_with_a_warning(data: st.DataObject) -> None:
    declaration = data.draw(incomplete_declarations(date(2025, 7, 10)))
    output = _fusho(declaration)
    assert output["basis"] == "fusho"
    assert "declaration_item_missing" in [w["code"] for w in output["warnings"]]
    assert _fusho(declaration, require_complete_declaration=True)["error"]["code"] == "declaration_incomplete"


@given(declarations())
def test_complete_declarations_never_warn_missing(declaration: dict[str, Any]) -> None:
    output = _fusho(declaration)
    if "error" in output:
        return
    assert "declaration_item_missing" not in [w["code"] for w in output["warnings"]]
