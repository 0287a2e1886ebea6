"""公費受給者番号: 7 digits; the 検証番号 is checked only when asked."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rezept_fusho.numbers import recipient
from rezept_fusho.numbers.exceptions import InvalidChecksum, InvalidFormat, InvalidLength


def test_valid() -> None:
    assert recipient.validate("1234566", check_digit=True) == "1234566"
    assert recipient.validate("１２３４５６７") == "1234567"
    assert recipient.is_valid("1234567")
    assert not recipient.is_valid("1234567", check_digit=True)
    assert recipient.compact(" 1234566 ") == "1234566"


@pytest.mark.parametrize(
    ("number", "error"),
    [("123456", InvalidLength), ("12345678", InvalidLength), ("123456x", InvalidFormat), ("", InvalidFormat)],
)
def test_invalid(number: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        recipient.validate(number)


def test_checksum_only_when_asked() -> None:
    with pytest.raises(InvalidChecksum):
        recipient.validate("1234567", check_digit=True)


@given(st.text(alphabet="0123456789", min_size=6, max_size=6))
def test_every_body_has_exactly_one_check_digit(body: str) -> None:
    valid = [d for d in "0123456789" if recipient.is_valid(body + d, check_digit=True)]
    assert valid == [recipient.calc_check_digit(body)]
