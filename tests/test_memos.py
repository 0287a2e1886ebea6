"""What the library remembers between claims, and what it never does.

Insurer numbers and dates of the visit repeat from claim to claim, so checking
them once pays, and so do front-desk situations, whose guidance is worked out
once; a name, an address, a card's number or a birth date belongs to one
patient and is never kept. Each memo holds only its own kind of value.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from rezept_fusho import Claim, resolve
from rezept_fusho.api import check_declaration
from rezept_fusho.errors import ClaimError
from rezept_fusho.models import types
from rezept_fusho.models.claim import DEFAULT_OPTIONS
from rezept_fusho.numbers import insurer
from rezept_fusho.reception import Situation
from rezept_fusho.reception.models import DEFAULT_OPTIONS as DEFAULT_TRIAGE_OPTIONS
from rezept_fusho.reception.triage import FIRST_DAY
from rezept_fusho.rules.claim import payer
from rezept_fusho.text import wareki
from situation_data import situation_data

#: The module (the package exports its function ``triage`` under the same name).
triage_module = importlib.import_module("rezept_fusho.reception.triage")

MEMOS = {
    "dates": types._remembered_iso_date,
    "insurer numbers": types._remembered_insurer_number,
    "late elderly": insurer.is_late_elderly,
    "components": insurer.has_known_components,
    "payer": payer.payer_for_insurer,
    "wareki": wareki.format_kanji_date,
}


@pytest.fixture
def empty_memos() -> Iterator[None]:
    for memo in MEMOS.values():
        memo.cache_clear()
    yield
    for memo in MEMOS.values():
        memo.cache_clear()


def _fusho(index: int) -> dict[str, Any]:
    return {
        "claim_id": f"f{index}",
        "service_date": "2025-07-10",
        "declaration": {
            "kana_name": f"ヤマダ　{'タロウジロウサブロウ'[index % 5 :][:3]}",
            "insurance_kind": "unknown",
            "insurer_name": f"健康保険組合{index}",
            "addresses": [f"東京都新宿区{index}-1"],
            "contact": f"03-0000-{index:04d}",
            "contacted_on": "2025-07-20",
            "birth_date": date(1950, 1, 1 + index).isoformat(),
        },
    }


def _current(index: int) -> dict[str, Any]:
    return {
        "claim_id": f"c{index}",
        "service_date": "2025-07-11",
        "current_qualification": {
            "insurer_number": "01130012",
            "symbol": f"A{index}",
            "number": f"{index}",
            "branch": "01",
        },
    }


@pytest.mark.usefixtures("empty_memos")
def test_only_insurer_numbers_and_visit_dates_are_remembered() -> None:
    for index in range(20):
        resolve(Claim.model_validate(_fusho(index)))
        resolve(Claim.model_validate(_current(index)))
    sizes = {name: memo.cache_info().currsize for name, memo in MEMOS.items()}
    # Two service dates and one contact date; no birth date. One insurer number; no name, address or card.
    assert sizes == {
        "dates": 3,
        "insurer numbers": 1,
        "late elderly": 1,  # asked only of a qualification with a 枝番
        "components": 1,
        "payer": 1,
        "wareki": 1,
    }
    assert MEMOS["dates"].cache_info().hits > 0
    assert MEMOS["insurer numbers"].cache_info().hits == 19


@pytest.mark.usefixtures("empty_memos")
def test_a_card_expiry_is_never_remembered() -> None:
    Situation.model_validate(
        {
            "situation_id": "s",
            "service_date": "2025-07-10",
            "case": "card_unusable",
            "visit": "first",
            "certificate_expiry": "2025-06-30",
        }
    )
    assert MEMOS["dates"].cache_info().currsize == 1


@pytest.mark.usefixtures("empty_memos")
def test_the_declaration_check_never_remembers_the_birth_date() -> None:
    # The claim the form makes remembers its 診療日 and contact date, as every claim does; the
    # birth date, the patient's own, is remembered nowhere.
    check_declaration(
        {
            "service_date": "2025-07-10",
            "kana_name": "ヤマダ　タロウ",
            "contacted_on": "2025-07-20",
            "birth_date": "1948-03-05",
        }
    )
    assert MEMOS["dates"].cache_info().currsize == 2


class _Text(str):
    """A str subclass, as a Python caller may pass: checked, never remembered."""


@pytest.mark.usefixtures("empty_memos")
def test_a_str_subclass_is_checked_the_same_and_not_remembered() -> None:
    claim = Claim.model_validate(
        {
            "claim_id": "x",
            "service_date": _Text("2025-07-10"),
            "current_qualification": {"insurer_number": _Text("０１１３００１２"), "number": "1"},
        }
    )
    assert (
        claim.service_date,
        claim.current_qualification and claim.current_qualification.insurer_number,
    ) == (
        date(2025, 7, 10),
        "01130012",
    )
    assert MEMOS["dates"].cache_info().currsize == MEMOS["insurer numbers"].cache_info().currsize == 0


@pytest.mark.usefixtures("empty_memos")
@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("01130013", "invalid_checksum"),
        ("77777779", "placeholder_insurer_number"),
        ("0113", "invalid_length"),
    ],
)
def test_a_remembered_refusal_is_raised_again_each_time(number: str, code: str) -> None:
    claim = {
        "claim_id": "x",
        "service_date": "2025-07-10",
        "current_qualification": {"insurer_number": number},
    }
    for _ in range(3):
        with pytest.raises(ValueError, match=code) as info:
            Claim.model_validate(claim)
        assert info.value.__traceback__ is not None
    assert MEMOS["insurer numbers"].cache_info().hits == 2


@pytest.mark.parametrize(("value", "expected"), [("01", "01"), ("０１", "01"), (" 0 1", "01")])
def test_branch_two_digits_with_and_without_folding(value: str, expected: str) -> None:
    data = {"insurer_number": "01130012", "number": "1", "branch": value}
    claim = Claim.model_validate(
        {"claim_id": "x", "service_date": "2025-07-10", "current_qualification": data}
    )
    assert claim.current_qualification is not None
    assert claim.current_qualification.branch == expected


def test_claims_without_options_share_one_frozen_instance() -> None:
    first = Claim.model_validate({"claim_id": "a", "service_date": "2025-07-10"})
    second = Claim.model_validate({"claim_id": "b", "service_date": "2025-07-10"})
    assert first.options is second.options is DEFAULT_OPTIONS
    assert json.loads(DEFAULT_OPTIONS.model_dump_json()) == json.loads(
        type(DEFAULT_OPTIONS)().model_dump_json()
    )
    given = Claim.model_validate({"claim_id": "c", "service_date": "2025-07-10", "options": {}})
    assert given.options == DEFAULT_OPTIONS
    situation = {"situation_id": "s", "service_date": "2025-07-10", "case": "no_card", "visit": "first"}
    assert Situation.model_validate(situation).options is DEFAULT_TRIAGE_OPTIONS


def test_the_date_types_share_their_checks() -> None:
    for value in ("2020-01-01", date(2020, 1, 1)):
        assert types._patient_date(value) == types._iso_date(value) == date(2020, 1, 1)
    for bad, code in (
        ("2025-02-30", "invalid_date"),
        ("1899-12-31", "date_out_of_range"),
        (20250710, "invalid_date"),
    ):
        for check in (types._patient_date, types._iso_date):
            with pytest.raises(PydanticCustomError) as info:
                check(bad)
            assert info.value.type == code


#: From a month before the front-desk rules start (a refusal is remembered as nothing).
EARLY_DAYS = st.dates(min_value=FIRST_DAY - timedelta(days=30), max_value=date(2027, 12, 31))


def _situation(data: dict[str, Any], situation_id: str) -> Situation:
    return Situation.model_validate({**data, "situation_id": situation_id})


def _fresh_or_error(situation: Situation) -> object:
    try:
        return triage_module._worked_out(situation)
    except ClaimError as exc:
        return exc.code


def _remembered_or_error(situation: Situation) -> object:
    try:
        return triage_module.triage_data(situation)
    except ClaimError as exc:
        return exc.code


@pytest.fixture
def empty_guidance_memo() -> Iterator[None]:
    triage_module._MEMO.clear()
    yield
    triage_module._MEMO.clear()


@pytest.mark.usefixtures("empty_guidance_memo")
@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    situation_data(days=EARLY_DAYS, with_options=st.booleans()),
    situation_data(days=EARLY_DAYS, with_options=st.booleans()),
)
def test_a_remembered_guidance_is_the_one_worked_out(one: dict[str, Any], two: dict[str, Any]) -> None:
    # Pairs of situations that differ in one field, each field in turn: had the memo's key left
    # that field out, the second of the pair would get the first one's guidance.
    for field in sorted((set(one) | set(two)) - {"situation_id"}):
        changed = {key: value for key, value in one.items() if key != field}
        if field in two:
            changed[field] = two[field]
        try:
            first_situation, second_situation = _situation(one, "a"), _situation(changed, "b")
        except ValidationError:
            continue  # a lone surrogate or the like: no situation, nothing to remember
        triage_module._MEMO.clear()
        _remembered_or_error(first_situation)
        assert _remembered_or_error(second_situation) == _fresh_or_error(second_situation), field
        assert _remembered_or_error(first_situation) == _fresh_or_error(first_situation), field


SITUATION = {"service_date": "2025-07-10", "case": "card_unusable", "visit": "first"}


@pytest.mark.usefixtures("empty_guidance_memo")
def test_a_guidance_is_remembered_without_its_id() -> None:
    first = triage_module.triage_data(_situation(SITUATION, "a"))
    second = triage_module.triage_data(_situation(SITUATION, "b"))
    assert (first.situation_id, second.situation_id) == ("a", "b")
    assert second._replace(situation_id="a") == first
    assert len(triage_module._MEMO) == 1
    # No line's id is kept.
    assert [guidance.situation_id for guidance in triage_module._MEMO.values()] == [""]


@pytest.mark.usefixtures("empty_guidance_memo")
def test_a_situation_with_a_certificate_expiry_is_not_remembered() -> None:
    triage_module.triage_data(_situation({**SITUATION, "certificate_expiry": "2025-06-30"}, "a"))
    assert triage_module._MEMO == {}


@pytest.mark.usefixtures("empty_guidance_memo")
def test_the_guidance_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(triage_module, "MEMO_SIZE", 2)
    days = ["2025-07-10", "2025-07-11", "2025-07-12"]
    for day in days:
        triage_module.triage_data(_situation({**SITUATION, "service_date": day}, day))
    assert len(triage_module._MEMO) == 2
    third = _situation({**SITUATION, "service_date": days[2]}, "c")
    assert triage_module.triage_data(third) == triage_module._worked_out(third)


@pytest.mark.usefixtures("empty_guidance_memo")
def test_a_full_guidance_memo_drops_the_oldest(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(triage_module, "MEMO_SIZE", 2)
    for day in ["2025-07-10", "2025-07-11", "2025-07-12"]:
        triage_module.triage_data(_situation({**SITUATION, "service_date": day}, day))
    assert sorted(key[0].isoformat() for key in triage_module._MEMO) == ["2025-07-11", "2025-07-12"]
