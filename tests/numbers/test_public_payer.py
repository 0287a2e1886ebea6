"""公費負担者番号: 8 digits with the modulus-10 検証番号."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rezept_fusho.numbers import public_payer
from rezept_fusho.numbers.exceptions import InvalidChecksum, InvalidFormat, InvalidLength


@pytest.mark.parametrize("number", ["54136015", " 54136015 ", "５４１３６０１５"])
def test_valid(number: str) -> None:
    assert public_payer.validate(number) == "54136015"
    assert public_payer.is_valid(number)


@pytest.mark.parametrize(
    ("number", "error"),
    [
        ("54136016", InvalidChecksum),
        ("5413601", InvalidLength),
        ("541360155", InvalidLength),
        ("5413601a", InvalidFormat),
        ("", InvalidFormat),
        ("5413601٥", InvalidFormat),
    ],
)
def test_invalid(number: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        public_payer.validate(number)
    assert not public_payer.is_valid(number)


def test_components() -> None:
    assert public_payer.law_code("54136015") == "54"
    assert public_payer.prefecture_code("54136015") == "13"
    assert public_payer.compact(" ５４１３６０１５") == "54136015"


@given(st.text(alphabet="0123456789", min_size=7, max_size=7))
def test_every_body_has_exactly_one_check_digit(body: str) -> None:
    valid = [d for d in "0123456789" if public_payer.is_valid(body + d)]
    assert valid == [public_payer.calc_check_digit(body)]
