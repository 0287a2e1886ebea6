"""Resolver branches the scenarios do not reach (resolver.py, rules/claim/*; rules.md R1.14–R3.1).

claim_month before the 診療月, birth after service, contact before service,
kana checks, past_summary_note, unknown insurer components, 枝番 for 法別 39,
receipt_number echo, payers, card-text folding, and the crashes found.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from jsonl_lines import process_line
from rezept_fusho import Claim, ClaimError, resolve
from rezept_fusho.api import resolve_object
from rezept_fusho.rules.claim.late_elderly_by_age import is_late_elderly_age, turns_75_on


def _declaration(**changes: Any) -> dict[str, Any]:
    declaration: dict[str, Any] = {
        "kana_name": "ヤマダ タロウ",
        "insurance_kind": "employee",
        "addresses": ["東京都"],
        "contact": "03-0000-0000",
        "contacted_on": "2025-07-20",
    }
    declaration.update(changes)
    return declaration


def _claim(**changes: Any) -> dict[str, Any]:
    claim: dict[str, Any] = {"claim_id": "c1", "service_date": "2025-07-10"}
    claim.update(changes)
    return claim


def _out(claim: dict[str, Any]) -> dict[str, Any]:
    output: dict[str, Any] = json.loads(
        process_line(json.dumps(claim, ensure_ascii=False), 1, resolve_object).text
    )
    return output


def _error(claim: dict[str, Any]) -> dict[str, Any]:
    output = _out(claim)
    assert "error" in output, output
    error: dict[str, Any] = output["error"]
    return error


def _qualification(insurer: str = "01130012", **changes: Any) -> dict[str, Any]:
    return {"insurer_number": insurer, "number": "1234", **changes}


def _codes(output: dict[str, Any]) -> list[str]:
    return [warning["code"] for warning in output["warnings"]]


def test_claim_month_before_service_month() -> None:
    error = _error(_claim(claim_month="2025-06", current_qualification=_qualification()))
    assert error["code"] == "claim_month_before_service"
    assert error["field"] == "claim_month"
    assert _out(_claim(claim_month="2025-07", current_qualification=_qualification()))["basis"] == "current"


def test_default_claim_month_rolls_over_the_year() -> None:
    claim = Claim.model_validate(_claim(service_date="2025-12-31", current_qualification=_qualification()))
    assert claim.claim_month_start == date(2026, 1, 1)
    assert Claim.model_validate(_claim(claim_month="2026-03")).claim_month_start == date(2026, 3, 1)


def test_birth_after_service() -> None:
    error = _error(_claim(declaration=_declaration(insurance_kind="unknown", birth_date="2025-07-11")))
    assert error == {
        "code": "birth_after_service",
        "field": "declaration.birth_date",
        "message": "declaration.birth_date: 生年月日が診療日より後です / the birth date is after the service date",
    }
    # born on the day of the visit: a newborn, not an error
    assert "error" not in _out(
        _claim(declaration=_declaration(insurance_kind="unknown", birth_date="2025-07-10"))
    )


def test_contacted_before_service_warns() -> None:
    output = _out(_claim(declaration=_declaration(contacted_on="2025-07-09")))
    assert _codes(output) == ["contacted_before_service"]
    assert output["summary"][-1] == "被保険者資格申立書（患者への連絡を行った日付）；令和７年７月９日"
    assert _codes(_out(_claim(declaration=_declaration(contacted_on="2025-07-10")))) == []


def test_contacted_on_in_first_year_of_reiwa() -> None:
    output = _out(
        _claim(
            service_date="2019-05-01",
            claim_month="2023-09",
            declaration=_declaration(contacted_on="2019-05-01"),
        )
    )
    assert output["comments"][-1] == {"code": "830000508", "text": "令和元年５月１日"}


def test_kana_name_with_kanji_refused() -> None:
    error = _error(_claim(declaration=_declaration(kana_name="山田 太郎")))
    assert error["code"] == "kana_name_not_kana"
    assert error["field"] == "declaration.kana_name"
    assert "山田" not in error["message"]


def test_kana_name_not_jis() -> None:
    error = _error(_claim(declaration=_declaration(kana_name="ヤマダ①")))
    assert error == {"code": "not_jis_x0208", "field": "declaration.kana_name", "message": error["message"]}
    assert "4文字目" in error["message"]


def test_hiragana_name_becomes_katakana() -> None:
    output = _out(_claim(declaration=_declaration(kana_name="やまだ　たろう")))
    assert output["comments"][1] == {"code": "830000501", "text": "ヤマダ\u3000タロウ"}


def test_past_summary_note_option() -> None:
    past = _claim(past_qualification=_qualification(), options={"past_summary_note": "旧資格情報による請求"})
    output = _out(past)
    assert output["summary"] == ["旧資格情報による請求"]
    assert "PAST-SUMMARY-NOTE" in [entry["rule"] for entry in output["trace"]]
    # only for a 旧資格 claim: a current one ignores it
    current = _out({**past, "current_qualification": _qualification("39130000")})
    assert current["summary"] == []
    assert "PAST-SUMMARY-NOTE" not in [entry["rule"] for entry in current["trace"]]
    error = _error({**past, "options": {"past_summary_note": "旧資格①"}})
    assert error["field"] == "options.past_summary_note"
    assert error["code"] == "not_jis_x0208"


def test_unknown_insurer_component_warns() -> None:
    output = _out(_claim(current_qualification=_qualification("05130018")))
    assert output["basis"] == "current"
    assert _codes(output) == ["unknown_insurer_component"]
    assert _codes(_out(_claim(current_qualification=_qualification("54136015")))) == [
        "unknown_insurer_component"
    ]
    assert _codes(_out(_claim(current_qualification=_qualification("01130012")))) == []


def test_branch_dropped_only_for_law_39() -> None:
    late = _out(_claim(current_qualification=_qualification("39280003", branch="01")))
    assert late["branch"] is None
    assert _codes(late) == ["branch_dropped_late_elderly"]
    assert "BRANCH-NONE-LATE-ELDERLY" in [entry["rule"] for entry in late["trace"]]
    no_branch = _out(_claim(current_qualification=_qualification("39280003")))
    assert _codes(no_branch) == []
    assert "BRANCH-NONE-LATE-ELDERLY" not in [entry["rule"] for entry in no_branch["trace"]]
    employee = _out(_claim(past_qualification=_qualification("06132013", branch="０２")))
    assert employee["branch"] == "02"


def test_receipt_number_echoed_only_when_given() -> None:
    assert (
        _out(_claim(receipt_number="123", current_qualification=_qualification()))["receipt_number"] == "123"
    )
    assert "receipt_number" not in _out(_claim(current_qualification=_qualification()))
    error = _error(_claim(receipt_number="1234567", current_qualification=_qualification()))
    assert (error["code"], error["field"]) == ("invalid_format", "receipt_number")


@pytest.mark.parametrize(
    ("number", "payer"),
    [
        ("133066", "kokuho_rengokai"),
        ("67300061", "kokuho_rengokai"),
        ("39130000", "kokuho_rengokai"),
        ("01130012", "shiharai_kikin"),
        ("31130008", "shiharai_kikin"),
        ("06132013", "shiharai_kikin"),
    ],
)
def test_payer_by_insurer_number(number: str, payer: str) -> None:
    assert _out(_claim(current_qualification=_qualification(number)))["payer"] == payer


@pytest.mark.parametrize(
    ("symbol", "expected"),
    [
        ("AB-12", "AB-12"),
        ("ＡＢ－１２", "AB-12"),
        ("ＡＢ−１２", "AB-12"),
        ("ﾄｳｷｮｳ", "トウキョウ"),
        ("東京1", "東京１"),
        (" 12 ", "12"),
        ("12.3", "１２．３"),
    ],
)
def test_card_text_symbol(symbol: str, expected: str) -> None:
    output = _out(_claim(current_qualification=_qualification(symbol=symbol)))
    assert output["symbol"] == expected


@pytest.mark.parametrize(
    ("key", "value", "code"),
    [
        ("symbol", "12 34", "invalid_format"),
        ("symbol", "12\u300034", "invalid_format"),
        ("symbol", "  ", "invalid_format"),
        ("symbol", "東①", "not_jis_x0208"),
        ("symbol", 12, "invalid_type"),
        ("number", "ABC", "invalid_format"),
        ("number", "トウキョウ", "invalid_format"),
        ("number", 1234, "invalid_type"),
    ],
)
def test_card_text_refusals(key: str, value: Any, code: str) -> None:
    error = _error(_claim(current_qualification=_qualification(**{key: value})))
    assert error["code"] == code
    assert error["field"] == f"current_qualification.{key}"


def test_card_number_full_width_digits_and_kana() -> None:
    assert _out(_claim(current_qualification=_qualification(number="１２３")))["number"] == "123"
    assert _out(_claim(current_qualification=_qualification(number="ﾄｳ1")))["number"] == "トウ１"


def test_employer_line_absent_for_late_elderly_only() -> None:
    national = _out(_claim(declaration=_declaration(insurance_kind="national", employer_name="商店")))
    assert {"code": "830000504", "text": "商店"} in national["comments"]
    assert "被保険者資格申立書（事業所名）；商店" in national["summary"]
    late = _out(_claim(declaration=_declaration(insurance_kind="late_elderly", employer_name="商店")))
    assert "830000504" not in [comment["code"] for comment in late["comments"]]
    assert not any("事業所名" in line for line in late["summary"])
    assert late["number"] == "77777777"
    free = _out(
        _claim(
            declaration=_declaration(insurance_kind="late_elderly", employer_name="商店"),
            options={"comment_style": "free_text"},
        )
    )
    assert not any("事業所名" in line for line in free["summary"])


def test_late_elderly_by_age_keeps_the_declared_kind_with_a_warning() -> None:
    output = _out(_claim(declaration=_declaration(insurance_kind="national", birth_date="1940-01-01")))
    assert output["number"] == "777777777"
    assert output["payer"] == "kokuho_rengokai"
    assert _codes(output) == ["late_elderly_age_kind_mismatch"]
    assert "LATE-ELDERLY-AGE-75" in [entry["rule"] for entry in output["trace"]]
    # the day before the 75th birthday: no warning; declared 後期: no warning
    younger = _out(_claim(declaration=_declaration(insurance_kind="employee", birth_date="1950-07-11")))
    assert _codes(younger) == []
    late = _out(_claim(declaration=_declaration(insurance_kind="late_elderly", birth_date="1940-01-01")))
    assert _codes(late) == []


def test_birth_after_service_is_an_error_whatever_the_kind() -> None:
    for kind in ("employee", "national", "late_elderly", "unknown"):
        error = _error(_claim(declaration=_declaration(insurance_kind=kind, birth_date="2025-07-11")))
        assert (error["code"], error["field"]) == ("birth_after_service", "declaration.birth_date")


def test_invalid_past_beside_a_valid_current_is_a_warning() -> None:
    past = {"insurer_number": "01130013", "number": "1"}
    output = _out(_claim(current_qualification=_qualification(), past_qualification=past))
    assert output["basis"] == "current"
    assert output["warnings"] == [
        {
            "code": "past_qualification_ignored",
            "message": "past_qualification.insurer_number: 現在の資格で請求するため、正しくない過去の資格"
            "（invalid_checksum）は使いませんでした / past_qualification.insurer_number: billed on the "
            "current qualification; the invalid past qualification (invalid_checksum) was not used",
        }
    ]
    # without a current qualification the broken past one is still an error record
    error = _error(_claim(past_qualification=past))
    assert (error["code"], error["field"]) == ("invalid_checksum", "past_qualification.insurer_number")
    # a broken current one is never hidden by a broken past one
    error = _error(_claim(current_qualification=_qualification(number="ABC"), past_qualification=past))
    assert error["field"] == "current_qualification.number"
    assert (
        resolve(Claim.model_validate(_claim(current_qualification=_qualification(), past_qualification=past)))
        .warnings[0]
        .code
        == "past_qualification_ignored"
    )


def test_turns_75_on() -> None:
    assert turns_75_on(date(1950, 7, 10)) == date(2025, 7, 10)
    assert turns_75_on(date(1948, 2, 29)) == date(2023, 3, 1)
    assert is_late_elderly_age(date(1948, 2, 29), date(2023, 3, 1))
    assert not is_late_elderly_age(date(1948, 2, 29), date(2023, 2, 28))


def test_declaration_fields_checked_in_order() -> None:
    error = _error(_claim(declaration={"insurance_kind": "employee"}))
    assert (error["code"], error["field"]) == ("declaration_incomplete", "declaration.kana_name")
    assert "カナ氏名" in error["message"]


def test_resolve_api_raises_claim_error() -> None:
    with pytest.raises(ClaimError) as info:
        resolve(Claim.model_validate(_claim()))
    assert info.value.code == "declaration_required"
    resolution = resolve(Claim.model_validate(_claim(current_qualification=_qualification())))
    assert resolution.basis == "current"
    assert resolution.summary == ()


# Crashes: a well-formed claim must give an error record, never an exception.


def test_contacted_on_before_meiji_is_an_error_record() -> None:
    error = _error(_claim(declaration=_declaration(contacted_on="1800-01-01")))
    assert error["field"] == "declaration.contacted_on"
    assert error["code"] == "date_out_of_range"


def test_service_date_in_last_month_of_9999_is_an_error_record() -> None:
    error = _error(_claim(service_date="9999-12-10", current_qualification=_qualification()))
    assert error["code"] == "date_out_of_range"
    assert error["field"] == "service_date"


def test_latest_accepted_service_date_has_a_next_claim_month() -> None:
    output = _out(_claim(service_date="2999-12-31", current_qualification=_qualification()))
    assert output["basis"] == "current"


def test_claim_month_out_of_range_is_an_error_record() -> None:
    error = _error(_claim(claim_month="3000-01", current_qualification=_qualification()))
    assert error["code"] == "date_out_of_range"
    assert error["field"] == "claim_month"


def test_birth_date_near_year_9999_is_an_error_record() -> None:
    error = _error(
        _claim(
            service_date="2999-01-10",
            claim_month="2999-02",
            declaration=_declaration(
                insurance_kind="unknown", birth_date="9950-01-01", contacted_on="2999-01-11"
            ),
        )
    )
    assert error["code"] == "date_out_of_range"
    assert error["field"] == "declaration.birth_date"


def test_latest_birth_date_resolves() -> None:
    output = _out(
        _claim(
            service_date="2999-01-10",
            claim_month="2999-02",
            declaration=_declaration(
                insurance_kind="unknown", birth_date="2999-01-01", contacted_on="2999-01-11"
            ),
        )
    )
    assert output["basis"] == "fusho"


@pytest.mark.parametrize("number", ["777777777", "77777777", "７７７７７７７７７", "999999999"])
def test_placeholder_card_number_in_a_qualification_is_refused(number: str) -> None:
    error = _error(_claim(past_qualification=_qualification(number=number)))
    assert error["code"] == "placeholder_number"
    assert error["field"] == "past_qualification.number"


@pytest.mark.parametrize("number", ["77777777", "99999999", "７７７７７７７９"])
def test_placeholder_insurer_posing_as_real_reports_placeholder(number: str) -> None:
    error = _error(_claim(current_qualification=_qualification(number)))
    assert error["code"] == "placeholder_insurer_number"
