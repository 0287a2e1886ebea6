"""The vendor strategies hold what they promise (and are what our own property tests use)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from jsonl_lines import process_line
from rezept_fusho import Claim, Qualification, resolve
from rezept_fusho.api import resolve_object
from rezept_fusho.numbers import insurer
from rezept_fusho.testing import (
    BROKEN,
    broken_claims,
    claims,
    insurer_numbers,
    invalid_insurer_numbers,
)

KINDS = st.sampled_from([None, "employee", "national", "late_elderly"])


@given(KINDS.flatmap(lambda kind: st.tuples(st.just(kind), insurer_numbers(kind))))
def test_insurer_numbers_are_valid_known_and_of_their_kind(pair: tuple[str | None, str]) -> None:
    kind, number = pair
    assert insurer.validate(number, strict=True) == number
    assert not insurer.is_placeholder(number)
    if kind is not None:
        assert (insurer.law_code(number) == "39") == (kind == "late_elderly")
        assert insurer.is_kokuho(number) == (kind == "national")


@given(invalid_insurer_numbers())
def test_invalid_insurer_numbers_are_refused(number: str) -> None:
    with pytest.raises(ValidationError):
        Qualification.model_validate({"insurer_number": number, "number": "1"})


TIERS = st.sampled_from(["current", "past", "fusho"])


@given(TIERS.flatmap(lambda tier: st.tuples(st.just(tier), claims(tier))))
def test_claims_resolve_on_their_tier_through_json_lines(pair: tuple[str, dict[str, Any]]) -> None:
    tier, data = pair
    result = process_line(json.dumps(data, ensure_ascii=False), 1, resolve_object)
    assert result.ok, result.text
    resolution = json.loads(result.text)
    assert resolution["basis"] == tier
    assert resolution["claim_id"] == data["claim_id"]
    assert resolve(Claim.model_validate(data)).basis == tier  # the Python way agrees


@given(broken_claims())
def test_broken_claims_give_the_documented_code(pair: tuple[dict[str, Any], str]) -> None:
    data, code = pair
    result = process_line(json.dumps(data, ensure_ascii=False), 7, resolve_object)
    assert not result.ok
    record = json.loads(result.text)
    assert record["error"]["code"] == code, record
    assert record["line"] == 7


@pytest.mark.parametrize("way", sorted(BROKEN))
def test_each_way_can_be_asked_for(way: str) -> None:
    @settings(max_examples=10)  # each way once or so; the mixed test above draws them all
    @given(broken_claims(way))
    def check(pair: tuple[dict[str, Any], str]) -> None:
        assert pair[1] == BROKEN[way]
        assert not process_line(json.dumps(pair[0], ensure_ascii=False), 1, resolve_object).ok

    check()


def test_unknown_way_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown ways"):
        broken_claims("nope")
