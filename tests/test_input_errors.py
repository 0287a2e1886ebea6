"""Pydantic errors → stable error codes and dotted fields (input_errors.py, models/types.py; issue contract).

missing_field, unknown_field (nested too), invalid_choice, invalid_type,
invalid_date, invalid_year_month, invalid_branch, placeholder_insurer_number,
blank_value; messages are ours (ja / en) and never quote the input.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import ValidationError

from jsonl_lines import process_line
from rezept_fusho.api import resolve_object
from rezept_fusho.input_errors import to_claim_error
from rezept_fusho.models.claim import Claim

QUAL = {"insurer_number": "01130012", "number": "1"}
DECL = {
    "kana_name": "ヤマダ",
    "addresses": ["東京都"],
    "contact": "03",
    "contacted_on": "2025-07-20",
}


def _base(**changes: Any) -> dict[str, Any]:
    claim: dict[str, Any] = {"claim_id": "v1", "service_date": "2025-07-10", "current_qualification": QUAL}
    claim.update(changes)
    return claim


def _error(claim: Any) -> dict[str, Any]:
    output = json.loads(process_line(json.dumps(claim, ensure_ascii=False), 3, resolve_object).text)
    assert output["line"] == 3
    error: dict[str, Any] = output["error"]
    assert " / " in error["message"]
    return error


CASES: list[tuple[str, dict[str, Any], str, str | None]] = [
    ("missing claim_id", {"service_date": "2025-07-10"}, "missing_field", "claim_id"),
    ("missing service_date", {"claim_id": "v1"}, "missing_field", "service_date"),
    (
        "missing number",
        _base(current_qualification={"insurer_number": "01130012"}),
        "missing_field",
        "current_qualification.number",
    ),
    ("unknown top-level", _base(colour="red"), "unknown_field", "colour"),
    ("unknown nested", _base(declaration={**DECL, "foo": 1}), "unknown_field", "declaration.foo"),
    (
        "unknown in options",
        _base(options={"insurer_placeholder": "77777777", "x": 1}),
        "unknown_field",
        "options.x",
    ),
    ("receipt_type choice", _base(receipt_type="hospital"), "invalid_choice", "receipt_type"),
    (
        "insurance_kind choice",
        _base(declaration={**DECL, "insurance_kind": "private"}),
        "invalid_choice",
        "declaration.insurance_kind",
    ),
    (
        "placeholder choice",
        _base(options={"insurer_placeholder": "99999999"}),
        "invalid_choice",
        "options.insurer_placeholder",
    ),
    (
        "payer choice",
        _base(options={"payer_when_unknown": "kikin"}),
        "invalid_choice",
        "options.payer_when_unknown",
    ),
    ("claim_id int", _base(claim_id=5), "invalid_type", "claim_id"),
    ("qualification list", _base(current_qualification=[1]), "invalid_type", "current_qualification"),
    (
        "insurer_number int",
        _base(current_qualification={"insurer_number": 1130012, "number": "1"}),
        "invalid_type",
        "current_qualification.insurer_number",
    ),
    (
        "addresses string",
        _base(declaration={**DECL, "addresses": "東京都"}),
        "invalid_type",
        "declaration.addresses",
    ),
    ("address int", _base(declaration={**DECL, "addresses": [1]}), "invalid_type", "declaration.addresses.0"),
    ("options null", _base(options=None), "invalid_type", "options"),
    ("date 2025-02-30", _base(service_date="2025-02-30"), "invalid_date", "service_date"),
    ("date 2025-7-1", _base(service_date="2025-7-1"), "invalid_date", "service_date"),
    ("date int", _base(service_date=20250701), "invalid_date", "service_date"),
    ("date full-width", _base(service_date="２０２５-０７-０１"), "invalid_date", "service_date"),
    ("date with time", _base(service_date="2025-07-01T00:00:00"), "invalid_date", "service_date"),
    (
        "contacted_on",
        _base(declaration={**DECL, "contacted_on": "2025/07/20"}),
        "invalid_date",
        "declaration.contacted_on",
    ),
    ("claim_month 2025-13", _base(claim_month="2025-13"), "invalid_year_month", "claim_month"),
    ("claim_month 2025-7", _base(claim_month="2025-7"), "invalid_year_month", "claim_month"),
    ("claim_month date", _base(claim_month="2025-07-01"), "invalid_year_month", "claim_month"),
    ("claim_month int", _base(claim_month=202507), "invalid_year_month", "claim_month"),
    (
        "branch 1 digit",
        _base(current_qualification={**QUAL, "branch": "1"}),
        "invalid_branch",
        "current_qualification.branch",
    ),
    (
        "branch int",
        _base(current_qualification={**QUAL, "branch": 1}),
        "invalid_branch",
        "current_qualification.branch",
    ),
    (
        "branch letters",
        _base(current_qualification=None, past_qualification={**QUAL, "branch": "AB"}),
        "invalid_branch",
        "past_qualification.branch",
    ),
    (
        "placeholder 77777779",
        _base(current_qualification={**QUAL, "insurer_number": "77777779"}),
        "placeholder_insurer_number",
        "current_qualification.insurer_number",
    ),
    (
        "placeholder ７７７７７７７９",
        _base(current_qualification=None, past_qualification={**QUAL, "insurer_number": "７７７７７７７９"}),
        "placeholder_insurer_number",
        "past_qualification.insurer_number",
    ),
    ("blank claim_id", _base(claim_id=""), "blank_value", "claim_id"),
    (
        "blank kana_name is not stated, so a 不詳 claim lacks it",
        _base(current_qualification=None, declaration={**DECL, "kana_name": " \u3000"}),
        "declaration_incomplete",
        "declaration.kana_name",
    ),
    (
        "blank address",
        _base(declaration={**DECL, "addresses": ["東京都", ""]}),
        "blank_value",
        "declaration.addresses.1",
    ),
    (
        "checksum",
        _base(current_qualification={**QUAL, "insurer_number": "01130013"}),
        "invalid_checksum",
        "current_qualification.insurer_number",
    ),
    (
        "length",
        _base(current_qualification={**QUAL, "insurer_number": "0113001"}),
        "invalid_length",
        "current_qualification.insurer_number",
    ),
    (
        "arabic digits",
        _base(current_qualification={**QUAL, "insurer_number": "٠١١٣٠٠١٢"}),
        "invalid_format",
        "current_qualification.insurer_number",
    ),
    ("receipt_number", _base(receipt_number="12a"), "invalid_format", "receipt_number"),
    *(
        (
            f"non-JIS {item}",
            _base(current_qualification=None, declaration={**DECL, item: "架空𠮷"}),
            "not_jis_x0208",
            f"declaration.{item}",
        )
        for item in ("insurer_name", "employer_name", "contact")
    ),
]


@pytest.mark.parametrize(("claim", "code", "field"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_error_code_and_field(claim: dict[str, Any], code: str, field: str | None) -> None:
    error = _error(claim)
    assert (error["code"], error["field"]) == (code, field)


def test_claim_id_echoed_when_a_string() -> None:
    output = json.loads(process_line(json.dumps(_base(colour=1)), 1, resolve_object).text)
    assert output["claim_id"] == "v1"
    output = json.loads(process_line(json.dumps(_base(claim_id=7)), 1, resolve_object).text)
    assert output["claim_id"] is None


def test_messages_never_quote_the_input() -> None:
    secret = "ZZSECRET-VALUE-9876"
    for claim in (
        _base(receipt_type=secret),
        _base(service_date=secret),
        _base(claim_month=secret),
        _base(current_qualification={**QUAL, "branch": secret}),
        _base(current_qualification={**QUAL, "insurer_number": secret}),
    ):
        error = _error(claim)
        assert secret not in error["message"]
    # an unknown key is named only when it looks like an identifier (tests/test_unknown_keys.py)
    error = _error(_base(**{secret: 1}))
    assert error["field"] == "<unknown key>"
    assert secret not in error["message"]


def test_every_message_is_the_field_then_japanese_then_english() -> None:
    error = _error(_base(current_qualification=None, declaration={**DECL, "contact": "０３𠮷"}))
    assert error["message"] == (
        "declaration.contact: 3文字目はJIS X 0208にない文字です / character 3 is not in JIS X 0208"
    )
    error = _error(_base(current_qualification=None, declaration={**DECL, "kana_name": "山田"}))
    assert error["message"] == (
        "declaration.kana_name: カナ氏名はカタカナ（またはひらがな）で記入してください"
        " / the kana name must be written in katakana (or hiragana)"
    )


def test_first_error_decides() -> None:
    error = _error({"claim_id": "v1", "service_date": "bad", "receipt_type": "bad"})
    assert error["field"] == "service_date"


def test_to_claim_error_falls_back_to_the_custom_message() -> None:
    with pytest.raises(ValidationError) as info:
        Claim.model_validate(_base(claim_month="x"))
    error = to_claim_error(info.value)
    assert error.code == "invalid_year_month"
    assert error.message_ja == "年月はYYYY-MM形式にしてください"
    assert error.message_en == "a month must be written YYYY-MM"


def test_branch_full_width_and_spaces_folded() -> None:
    claim = Claim.model_validate(_base(current_qualification={**QUAL, "branch": "０ 1"}))
    assert claim.current_qualification is not None
    assert claim.current_qualification.branch == "01"


def test_the_models_bound_the_ids_too() -> None:
    import pytest
    from pydantic import ValidationError

    from rezept_fusho import Claim
    from rezept_fusho.reception import Situation

    for model, field, base in (
        (Claim, "claim_id", {"service_date": "2025-07-10"}),
        (Situation, "situation_id", {"service_date": "2025-07-10", "case": "outage", "visit": "first"}),
    ):
        with pytest.raises(ValidationError) as info:
            model.model_validate({**base, field: "x" * 129})
        error = to_claim_error(info.value)
        assert (error.code, error.field) == ("id_too_long", field)
        assert "x" * 10 not in error.message
