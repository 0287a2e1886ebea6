"""The 申立書 as typed: every item checked, the claim line resolving to the preview, the 75-and-over note."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from rezept_fusho.api import check_declaration, resolve_object
from rezept_fusho.cli import main
from rezept_fusho.reception.declaration import DeclarationForm, check, claim_object, form_field
from rezept_fusho.rules.claim import comment_codes, fusho_summary
from rezept_fusho.testing import declarations
from rezept_fusho.uke.build.co import build_comments
from rezept_fusho.uke.options import UkeOptions
from rezept_fusho.uke.specs import layout_for
from rezept_fusho.warning_codes import WARNINGS

DAY = "2026-05-15"


def form(**items: Any) -> DeclarationForm:
    return DeclarationForm.model_validate({"service_date": DAY, "kana_name": "ﾔﾏﾀﾞ ﾀﾛｳ", **items})


def errors(**items: Any) -> dict[str | None, tuple[str, int | None]]:
    return {error.field: (error.code, error.position) for error in check(form(**items)).errors}


def test_half_width_kana_and_digits_are_converted_as_the_summary_writes_them() -> None:
    result = check(
        form(addresses=("東京都新宿区西新宿2-8-1",), contact="03-1234-5678", kana_name="やまだ たろう")
    )
    assert result.errors == ()
    assert result.converted == {
        "kana_name": "ヤマダ\u3000タロウ",
        "addresses.0": "東京都新宿区西新宿２−８−１",
        "contact": "０３−１２３４−５６７８",
    }
    assert result.resolution is not None
    assert result.resolution.summary[1] == "被保険者資格申立書（カナ氏名）；ヤマダ\u3000タロウ"


def test_a_character_outside_jis_x0208_is_named_at_its_item_and_position() -> None:
    result = check(form(addresses=("東京都", "", "新髙島平1-2")))
    (error,) = result.errors
    assert (error.field, error.code, error.position) == ("addresses.2", "not_jis_x0208", 2)
    assert error.message_ja == "2文字目はJIS X 0208にない文字です"
    assert result.resolution is None
    assert result.claim_line is None
    assert result.co_records == ()
    assert result.problem is not None
    assert result.problem.field == "addresses.2"  # the resolver's own error, mapped to the box


def test_the_position_counts_from_the_text_as_typed() -> None:
    # The ends are trimmed before the claim is built, but the receptionist counts what they see.
    assert errors(insurer_name="\u3000 髙島屋健保") == {"insurer_name": ("not_jis_x0208", 3)}


def test_every_item_is_checked_at_once_not_only_the_first() -> None:
    found = errors(insurer_name="①健保", employer_name="𠮷野家", addresses=("髙",), contact="☎")
    assert found == {
        "insurer_name": ("not_jis_x0208", 1),
        "employer_name": ("not_jis_x0208", 1),
        "addresses.0": ("not_jis_x0208", 1),
        "contact": ("not_jis_x0208", 1),
    }


def test_a_kana_name_in_kanji_is_refused_even_when_another_error_stops_the_claim_first() -> None:
    found = errors(kana_name="山田", birth_date="2027-01-01")
    assert found == {"kana_name": ("kana_name_not_kana", None), "birth_date": ("birth_after_service", None)}


def test_dates_are_read_as_the_claim_reads_them() -> None:
    assert errors(contacted_on="2026-02-30", service_date="20260515") == {
        "service_date": ("invalid_date", None),
        "contacted_on": ("invalid_date", None),
    }


def test_no_service_date_is_the_missing_field() -> None:
    result = check(DeclarationForm(kana_name="ヤマダ"))
    assert result.problem is not None
    assert (result.problem.field, result.problem.code) == ("service_date", "missing_field")
    assert [error.field for error in result.errors] == ["service_date"]


def test_no_kana_name_is_the_whole_claims_problem_not_an_item_error() -> None:
    result = check(DeclarationForm(service_date=DAY))
    assert result.problem is not None
    assert (result.problem.field, result.problem.code) == ("kana_name", "declaration_incomplete")
    assert [error.field for error in result.errors] == ["kana_name"]


def test_a_claim_month_out_of_the_rules_is_shown_at_the_service_date() -> None:
    result = check(form(service_date="2023-07-15"))  # 不詳 claims start with the 2023-09 claim month
    assert result.problem is not None
    assert (result.problem.field, result.problem.code) == ("service_date", "rule_not_in_force")
    assert [error.field for error in result.errors] == ["service_date"]


def test_the_claims_fields_are_named_as_the_form_names_them() -> None:
    assert form_field(None, ()) is None
    assert form_field("declaration", ()) is None  # the whole 申立書: no one item
    assert form_field("declaration.addresses.1", (0, 3)) == "addresses.3"
    assert form_field("declaration.addresses.5", (0,)) == "addresses.5"
    assert form_field("options.payer_when_unknown", ()) == "payer_when_unknown"
    assert form_field("claim_month", ()) == "service_date"


def test_an_empty_kind_is_wakaranai() -> None:
    result = check(form(insurance_kind=""))
    assert result.resolution is not None
    assert result.resolution.summary[2] == "被保険者資格申立書（保険種別）；わからない"


def test_a_claim_id_the_line_runner_would_refuse_gives_no_line() -> None:
    result = check(form(claim_id="x" * 129))
    assert [(error.field, error.code) for error in result.errors] == [("claim_id", "id_too_long")]
    assert result.claim_line is None
    assert check(form(claim_id="x" * 128)).claim_line is not None


def test_the_claim_leaves_out_empty_items_and_trims_the_ends() -> None:
    claim, boxes = claim_object(
        form(
            kana_name=" ﾔﾏﾀﾞ ",
            addresses=("", " 東京都 ", "\u3000"),
            insurer_name="",
            receipt_number=" 12 ",
            payer_when_unknown="kokuho_rengokai",
        )
    )
    assert claim == {
        "claim_id": f"declaration-{DAY}",
        "service_date": DAY,
        "receipt_number": "12",
        "declaration": {"insurance_kind": "unknown", "kana_name": "ﾔﾏﾀﾞ", "addresses": ["東京都"]},
        "options": {"payer_when_unknown": "kokuho_rengokai"},
    }
    assert boxes == (1,)


def test_the_claim_line_resolves_to_the_preview(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = check(
        form(
            claim_id="受付-1",
            receipt_number="7",
            addresses=("東京都1-2", "大阪府"),
            contacted_on="2026-05-20",
        )
    )
    assert result.claim_line is not None
    assert result.resolution is not None
    assert "\n" not in result.claim_line
    assert resolve_object(json.loads(result.claim_line)) == result.resolution
    path = tmp_path / "claim.jsonl"
    path.write_text(result.claim_line + "\n", encoding="utf-8")
    assert main(["resolve", str(path)]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    resolved = json.loads(line)
    assert resolved["summary"] == list(result.resolution.summary)
    assert (resolved["claim_id"], resolved["receipt_number"]) == ("受付-1", "7")


def test_the_co_records_are_the_uke_builders_own() -> None:
    result = check(form(addresses=("東京都1-2",)))
    assert result.resolution is not None
    options = UkeOptions()
    spec = layout_for("medical", date(2026, 6, 1), options).specs["CO"]
    records = build_comments(spec, [(c.code, c.text) for c in result.resolution.comments], options)
    assert [record.raw for record in records] == [line.encode("shift_jis") for line in result.co_records]
    assert result.co_records[0] == "CO,01,1,820000246,"
    assert result.co_records[-1] == "CO,,1,830000505,東京都１−２"


def test_75_or_over_with_the_kind_unknown_is_explained_and_billed_as_late_elderly() -> None:
    result = check(form(birth_date="1951-05-15", employer_name="株式会社サンプル"))
    late = result.late_elderly
    assert late is not None
    assert (late.turns_75_on, late.age_75_or_over, late.billed_as_late_elderly) == (
        date(2026, 5, 15),
        True,
        True,
    )
    assert late.rule == "LATE-ELDERLY-AGE-75"
    assert "第50条" in late.source
    assert late.explanation[0] == "診療日に75歳以上です（2026年5月15日に75歳）。"
    assert WARNINGS["late_elderly_by_age"].ja.format(age=75) in late.explanation
    assert fusho_summary.RULE_NO_EMPLOYER.title_ja + "。" in late.explanation
    assert result.omitted == {"employer_name": fusho_summary.RULE_NO_EMPLOYER.title_ja}
    assert result.resolution is not None
    assert comment_codes.EMPLOYER_NAME.code not in {c.code for c in result.resolution.comments}


def test_75_or_over_with_another_kind_declared_is_warned_not_overruled() -> None:
    late = check(form(birth_date="1940-01-01", insurance_kind="national")).late_elderly
    assert late is not None
    assert (late.age_75_or_over, late.billed_as_late_elderly) == (True, False)
    assert WARNINGS["late_elderly_age_kind_mismatch"].ja.format(age=75) in late.explanation


def test_under_75_says_when_the_patient_turns_75() -> None:
    late = check(form(birth_date="1951-05-16")).late_elderly
    assert late is not None
    assert (late.age_75_or_over, late.billed_as_late_elderly) == (False, False)
    assert late.explanation == ("診療日には75歳未満です（75歳になるのは2026年5月16日）。",)
    declared = check(form(birth_date="1960-01-01", insurance_kind="late_elderly")).late_elderly
    assert declared is not None
    assert declared.billed_as_late_elderly


@pytest.mark.parametrize(
    "items", [{"birth_date": "2027-01-01"}, {"birth_date": "1950-01-01", "insurance_kind": "other"}, {}]
)
def test_no_note_without_a_birth_date_that_the_claim_can_take(items: dict[str, str]) -> None:
    assert check(form(**items)).late_elderly is None


def test_a_wrong_choice_is_an_error_at_its_item() -> None:
    assert errors(insurance_kind="student") == {"insurance_kind": ("invalid_choice", None)}
    assert errors(payer_when_unknown="nobody") == {"payer_when_unknown": ("invalid_choice", None)}


def test_the_api_refuses_what_is_not_a_form() -> None:
    with pytest.raises(ValidationError):
        check_declaration({"service_date": DAY, "name": "x"})
    with pytest.raises(ValidationError):
        check_declaration({"addresses": ["x"] * 21})
    assert check_declaration({"service_date": DAY, "kana_name": "ア"}).resolution is not None


@settings(max_examples=40)
@given(declarations(date(2026, 5, 15)), st.sampled_from([" ", "", "\u3000"]))
def test_the_page_and_the_library_never_disagree(declaration: dict[str, Any], pad: str) -> None:
    """Any complete 申立書, typed into the form: its line resolves to the preview, item by item."""
    typed = {key: value for key, value in declaration.items() if key != "addresses"}
    typed = {key: pad + value + pad if isinstance(value, str) else value for key, value in typed.items()}
    result = check(DeclarationForm(service_date=DAY, addresses=tuple(declaration["addresses"]), **typed))
    assert result.errors == ()
    assert result.claim_line is not None
    assert result.resolution is not None
    assert resolve_object(json.loads(result.claim_line)) == result.resolution
    written = {comment.text for comment in result.resolution.comments}
    for field, text in result.converted.items():
        assert text in written or field in result.omitted, field
