"""The modulus-10 検証番号 (uke-format.md §6.2 worked examples; rules.md R2.6)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rezept_fusho.numbers import InvalidFormat
from rezept_fusho.numbers.modulus10 import calc_check_digit, checksum_ok, is_ascii_digits


@pytest.mark.parametrize(
    ("body", "check"),
    [
        ("7777777", "9"),
        ("0113001", "2"),
        ("3312001", "5"),
        ("3928000", "3"),
        ("13306", "6"),
        ("5413601", "5"),
        ("123456", "6"),  # 受給者番号 example
        ("0000000", "0"),
        ("9999999", "7"),
        ("0", "0"),
        ("5", "9"),  # 5×2=10 → 1 → 9
        ("9", "1"),  # 9×2=18 → 9 → 1
    ],
)
def test_worked_examples(body: str, check: str) -> None:
    assert calc_check_digit(body) == check
    assert checksum_ok(body + check)


def test_leading_zeros_do_not_change_the_digit() -> None:
    assert calc_check_digit("13306") == calc_check_digit("0013306")


@pytest.mark.parametrize("body", ["", "12a", "１２３", "٠١٢", " 123", "1.5", "12\n"])
def test_non_ascii_digit_body_rejected(body: str) -> None:
    with pytest.raises(InvalidFormat) as info:
        calc_check_digit(body)
    assert info.value.detail == "body"


def test_is_ascii_digits() -> None:
    assert is_ascii_digits("0123456789")
    assert not is_ascii_digits("")
    assert not is_ascii_digits("١")
    assert not is_ascii_digits("１")
    assert not is_ascii_digits("²")


def test_checksum_ok_rejects_wrong_digit() -> None:
    assert not checksum_ok("77777777")
    assert not checksum_ok("99999999")
    assert checksum_ok("99999997")


def _luhn_reference(body: str) -> str:
    total = 0
    for index, char in enumerate(reversed(body)):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value // 10 + value % 10
    return str(-total % 10)


@given(st.text(alphabet="0123456789", min_size=1, max_size=20))
def test_matches_reference_luhn(body: str) -> None:
    assert calc_check_digit(body) == _luhn_reference(body)
