"""保険者番号 validation (uke-format.md §6, §8; rules.md R2.6, §10 T26).

The modulus-10 検証番号, 6-digit 国保 numbers, full-width folding, rejection of
other Unicode digits, the placeholders 77777777 / 77777779 / 99999999.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rezept_fusho.numbers import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    InvalidNumber,
    insurer,
)
from rezept_fusho.rules.claim import payer

REAL_NUMBERS = ["01130012", "01040013", "33120015", "39130000", "39280003", "133066", "54136015"]
DIGITS = "0123456789"


@pytest.mark.parametrize("number", REAL_NUMBERS)
def test_real_numbers_are_valid(number: str) -> None:
    assert insurer.validate(number) == number
    assert insurer.is_valid(number)
    assert insurer.calc_check_digit(number[:-1]) == number[-1]
    assert not insurer.is_placeholder(number)


@pytest.mark.parametrize("number", ["01130012", "01040013", "33120015", "39130000", "39280003", "133066"])
def test_real_insurance_numbers_have_known_components(number: str) -> None:
    assert insurer.validate(number, strict=True) == number


def test_public_expense_number_fails_strict_on_law_code() -> None:
    # 54 is a 公費 法別, not a 医療保険 one: valid check digit, unknown component.
    assert insurer.is_valid("54136015")
    with pytest.raises(InvalidComponent) as info:
        insurer.validate("54136015", strict=True)
    assert info.value.detail == "法別番号 / law code"
    assert not insurer.is_valid("54136015", strict=True)


@pytest.mark.parametrize("body", ["0148001", "48001", "00001"])
def test_strict_prefecture_out_of_range(body: str) -> None:
    number = body + insurer.calc_check_digit(body)
    assert insurer.is_valid(number)
    with pytest.raises(InvalidComponent) as info:
        insurer.validate(number, strict=True)
    assert info.value.detail == "都道府県番号 / prefecture"


@pytest.mark.parametrize("body", ["0101001", "0147001", "01001", "47001"])
def test_strict_prefecture_bounds_are_in_range(body: str) -> None:
    # 01 and 47 are the first and last 都道府県番号.
    number = body + insurer.calc_check_digit(body)
    assert insurer.validate(number, strict=True) == number


def test_strict_prefecture_zero() -> None:
    number = "0100000" + insurer.calc_check_digit("0100000")
    assert insurer.is_valid(number)
    assert not insurer.is_valid(number, strict=True)


def test_compact_folds_full_width_and_spaces() -> None:
    assert insurer.compact("０１１３ ００１２") == "01130012"
    assert insurer.compact("  133066") == "133066"
    assert insurer.compact("0113\u30000012\t") == "01130012"
    assert insurer.compact("0113-0012") == "0113-0012"  # nothing else changes


def test_validate_folds_full_width() -> None:
    assert insurer.validate("０１１３００１２") == "01130012"
    assert insurer.validate("１３３０６６") == "133066"
    assert insurer.validate(" 3928 0003 ") == "39280003"


@pytest.mark.parametrize(
    "number",
    [
        "٠١١٣٠٠١٢",  # Arabic-Indic
        "۰۱۱۳۰۰۱۲",  # Extended Arabic-Indic
        "०११३००१२",  # Devanagari
        "𝟎𝟏𝟏𝟑𝟎𝟎𝟏𝟐",  # mathematical bold
        "0113001²",  # superscript two
        "0113-0012",
        "0113001a",
        "",
        "   ",
    ],
)
def test_non_ascii_digits_rejected_as_format(number: str) -> None:
    with pytest.raises(InvalidFormat) as info:
        insurer.validate(number)
    assert info.value.code == "invalid_format"
    assert not insurer.is_valid(number)


@pytest.mark.parametrize("number", ["0113001", "011300122", "13306", "1", "1234567890"])
def test_wrong_length(number: str) -> None:
    with pytest.raises(InvalidLength) as info:
        insurer.validate(number)
    assert info.value.code == "invalid_length"


def test_error_codes_and_messages() -> None:
    assert InvalidNumber.code == "invalid_number"
    assert InvalidLength.code == "invalid_length"
    assert InvalidFormat.code == "invalid_format"
    assert InvalidChecksum.code == "invalid_checksum"
    assert InvalidComponent.code == "invalid_component"
    for cls in (InvalidLength, InvalidFormat, InvalidChecksum, InvalidComponent):
        assert issubclass(cls, InvalidNumber)
        assert issubclass(cls, ValueError)
    error = InvalidChecksum()
    assert str(error) == "検証番号が一致しません / the check digit does not match"
    assert error.detail is None
    assert str(InvalidComponent("x")).endswith("(x)")
    with pytest.raises(InvalidChecksum) as info:
        insurer.validate("01130013")
    assert "01130013" not in str(info.value)


def test_placeholders() -> None:
    assert insurer.is_valid("77777779")
    assert insurer.is_placeholder("77777779")
    assert insurer.is_placeholder("７７７７７７７９")
    for number in ("77777777", "99999999"):
        assert insurer.is_placeholder(number)
        with pytest.raises(InvalidChecksum):
            insurer.validate(number)
    assert insurer.calc_check_digit("9999999") == "7"
    assert insurer.is_placeholder("999999")
    assert not insurer.is_placeholder("01130012")


def test_law_and_prefecture_codes() -> None:
    assert insurer.law_code("39130000") == "39"
    assert insurer.law_code("133066") is None
    assert insurer.law_code("０６１３２０１３") == "06"
    assert insurer.prefecture_code("39280003") == "28"
    assert insurer.prefecture_code("133066") == "13"
    assert insurer.is_kokuho("133066")
    assert not insurer.is_kokuho("01130012")
    assert {"39", "67"} == payer.KOKUHO_RENGOKAI_LAW_CODES


def test_format_is_uke_width() -> None:
    assert insurer.format("133066") == "  133066"
    assert insurer.format("01130012") == "01130012"
    assert insurer.format("１３３０６６") == "  133066"
    assert len(insurer.format("133066")) == 8


def test_retirement_prefix_keeps_check_digit() -> None:
    # uke-format.md §6.1: 67 + a 国保 number shares the 国保 number's 検証番号.
    assert insurer.is_valid("300061")
    assert insurer.is_valid("67300061")


@given(st.text(alphabet=DIGITS, min_size=7, max_size=7) | st.text(alphabet=DIGITS, min_size=5, max_size=5))
def test_check_digit_agrees_with_validate(body: str) -> None:
    check = insurer.calc_check_digit(body)
    assert len(check) == 1
    assert check in DIGITS
    assert insurer.validate(body + check) == body + check
    for other in DIGITS.replace(check, ""):
        with pytest.raises(InvalidChecksum):
            insurer.validate(body + other)


@given(
    st.sampled_from([*REAL_NUMBERS, "77777779"]),
    st.data(),
)
def test_single_digit_substitution_rejected(number: str, data: st.DataObject) -> None:
    position = data.draw(st.integers(0, len(number) - 1))
    replacement = data.draw(st.sampled_from(DIGITS.replace(number[position], "")))
    mutated = number[:position] + replacement + number[position + 1 :]
    assert not insurer.is_valid(mutated)


@pytest.mark.parametrize("number", ["39130000", "01130012", "133066"])
def test_every_single_digit_substitution_rejected_exhaustively(number: str) -> None:
    for position in range(len(number)):
        for digit in DIGITS:
            if digit == number[position]:
                continue
            assert not insurer.is_valid(number[:position] + digit + number[position + 1 :])
