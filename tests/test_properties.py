"""Properties of the whole resolve pipeline (Hypothesis; contract of the issue, rules.md R1.14–R1.17, R2.1).

One record per line whatever the input; determinism; a valid current
qualification always wins; placeholders only in 不詳 results; 摘要 lines are
Shift_JIS-safe and start with 不詳; error messages never echo personal data.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from jsonl_lines import process_line
from rezept_fusho.api import resolve_object
from rezept_fusho.numbers.insurer import PLACEHOLDERS
from strategies import (
    PLACEHOLDER_CARD_NUMBERS,
    claims,
    declarations,
    distinctive_declarations,
    invalid_insurer_numbers,
    json_values,
    qualifications,
)

RESOLUTION_KEYS = {
    "claim_id",
    "basis",
    "insurer_number",
    "symbol",
    "number",
    "branch",
    "payer",
    "summary",
    "paper_margin_note",
    "warnings",
    "trace",
}


def _run(obj: Any, line: int = 1) -> tuple[dict[str, Any], bool, str]:
    text = json.dumps(obj, ensure_ascii=False)
    result = process_line(text, line, resolve_object)
    assert "\n" not in result.text
    output = json.loads(result.text)
    assert isinstance(output, dict)
    return output, result.ok, result.text


def _assert_one_record(output: dict[str, Any], ok: bool, line: int) -> None:
    if ok:
        assert set(output) >= RESOLUTION_KEYS
        assert "error" not in output
    else:
        assert set(output) == {"claim_id", "line", "error"}
        assert output["line"] == line
        assert set(output["error"]) == {"code", "message", "field"}
        assert output["error"]["code"]
        assert " / " in output["error"]["message"]


@given(claims(), st.integers(1, 10_000))
def test_well_formed_claim_yields_one_record(claim: dict[str, Any], line: int) -> None:
    output, ok, _ = _run(claim, line)
    _assert_one_record(output, ok, line)
    assert output["claim_id"] == claim["claim_id"]


@given(json_values(), st.integers(1, 100))
def test_any_json_value_yields_one_record(value: Any, line: int) -> None:
    output, ok, _ = _run(value, line)
    _assert_one_record(output, ok, line)


@given(st.text(max_size=60))
def test_any_text_line_yields_one_record(text: str) -> None:
    result = process_line(text, 7, resolve_object)
    output = json.loads(result.text)
    _assert_one_record(output, result.ok, 7)


@given(claims())
def test_deterministic(claim: dict[str, Any]) -> None:
    assert _run(claim)[2] == _run(json.loads(json.dumps(claim)))[2]


@given(
    claims(
        current=qualifications(),
        past=st.none() | qualifications(),
        declaration=st.none() | declarations(),
    )
)
def test_valid_current_qualification_always_wins(claim: dict[str, Any]) -> None:
    output, ok, _ = _run(claim)
    assert ok, output
    assert output["basis"] == "current"
    assert output["insurer_number"] == claim["current_qualification"]["insurer_number"]
    assert output["number"] == claim["current_qualification"]["number"]
    assert output["paper_margin_note"] is None
    rules = {entry["rule"] for entry in output["trace"]}
    assert "CLAIM-TIER-CURRENT" in rules
    assert not rules & {"CLAIM-TIER-PAST", "CLAIM-TIER-FUSHO"}


@given(claims(current=st.none(), past=qualifications()))
def test_past_qualification_wins_over_declaration(claim: dict[str, Any]) -> None:
    output, ok, _ = _run(claim)
    assert ok, output
    assert output["basis"] == "past"


@given(
    st.sampled_from(["current_qualification", "past_qualification"]),
    invalid_insurer_numbers(),
    claims(current=st.none(), past=st.none(), declaration=declarations()),
)
def test_invalid_qualification_never_falls_through(key: str, number: str, claim: dict[str, Any]) -> None:
    claim[key] = {"insurer_number": number, "number": "1"}
    output, ok, _ = _run(claim)
    assert not ok
    assert output["error"]["field"] == f"{key}.insurer_number"
    assert output["error"]["code"] in {
        "invalid_checksum",
        "invalid_length",
        "invalid_format",
        "placeholder_insurer_number",
    }


@given(claims())
def test_placeholders_only_in_fusho_results(claim: dict[str, Any]) -> None:
    output, ok, _ = _run(claim)
    if not ok:
        return
    if output["basis"] == "fusho":
        assert output["insurer_number"] in {"77777777", "77777779"}
        assert output["number"] in PLACEHOLDER_CARD_NUMBERS
        assert output["symbol"] is None
        assert output["branch"] is None
    else:
        assert output["insurer_number"] not in PLACEHOLDERS
        assert output["number"] not in PLACEHOLDER_CARD_NUMBERS


@given(claims(current=st.none(), past=st.none(), declaration=declarations()))
def test_summary_lines_are_shift_jis_safe(claim: dict[str, Any]) -> None:
    output, ok, _ = _run(claim)
    if not ok:
        return
    assert output["basis"] == "fusho"
    assert output["summary"][0] == "不詳"
    assert output["paper_margin_note"] == "不詳"
    free = claim.get("options", {}).get("comment_style") == "free_text"
    assert output["summary"][1].startswith("カナ氏名：" if free else "被保険者資格申立書（カナ氏名）；")
    assert output["summary"][-1].startswith(
        "連絡日：" if free else "被保険者資格申立書（患者への連絡を行った日付）；"
    )
    assert len(output["summary"]) >= 6
    for line in output["summary"]:
        line.encode("shift_jis")
        assert "," not in line
        assert "\r" not in line
        assert "\n" not in line
        assert not any(char.isascii() for char in line)


@given(claims(current=st.none(), past=st.none(), declaration=distinctive_declarations()))
def test_error_messages_never_echo_personal_data(claim: dict[str, Any]) -> None:
    output, ok, text = _run(claim)
    if ok:
        return
    declaration = claim["declaration"]
    secrets = [declaration["kana_name"], *declaration.get("addresses", ())]
    if "contact" in declaration:
        secrets.append(declaration["contact"])
    message = output["error"]["message"]
    for secret in secrets:
        assert len(secret) >= 4
        assert secret not in message
        assert secret not in text
