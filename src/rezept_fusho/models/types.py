"""Pydantic field types with stable snake_case error codes (pydantic-extra-types style).

Each type folds what a form or an OCR step may send (全角 digits, stray
spaces) and rejects the rest with a :class:`PydanticCustomError` whose type
is the code the error record reports. Messages never contain the value.

What repeats from claim to claim — a 保険者番号, a 診療日 — is checked once and
remembered (:data:`MEMO_SIZE` values at most); what belongs to one patient —
a name, an address, a card's number, a birth date — is never kept.
"""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

from rezept_fusho.numbers import insurer
from rezept_fusho.numbers.exceptions import InvalidNumber
from rezept_fusho.numbers.modulus10 import is_ascii_digits
from rezept_fusho.rules.claim import disaster_placeholder, fusho_number_placeholder
from rezept_fusho.text.fold import fold_digits
from rezept_fusho.text.jis import NotJisX0208, to_kanji_mode

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_YEAR_MONTH = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])")
_ASCII_CARD_TEXT = re.compile(r"[0-9A-Za-z\-]+")
_TWO_DIGITS = re.compile(r"[0-9]{2}")
_ANY_DIGIT = re.compile("[0-9\uff10-\uff19]")  # ASCII or 全角
_FULLWIDTH_ALNUM = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH_ALNUM[0x2212] = 0x2D  # − (U+2212) back to '-'


#: Values of one kind (insurer numbers, dates) remembered at most.
MEMO_SIZE = 4096


def error(code: str, ja: str, en: str) -> PydanticCustomError:
    return PydanticCustomError(code, f"{ja} / {en}")


#: Dates the library accepts: 和暦 needs 明治 or later, and date arithmetic
#: (the next claim month, a 75th birthday) must stay inside ``datetime.date``.
EARLIEST = date(1900, 1, 1)
LATEST = date(2999, 12, 31)


def parse_iso_date(text: str) -> date | None:
    """*text* as a date if it is exactly ``YYYY-MM-DD`` in ASCII digits and real, else None.

    ``date.fromisoformat`` alone also takes ``20250701`` and other ISO forms.
    """
    if _ISO_DATE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None
    return None


#: The same, remembered: for dates that repeat from claim to claim, never for a patient's own.
_remembered_iso_date = functools.lru_cache(maxsize=MEMO_SIZE)(parse_iso_date)


def _iso_date(value: Any) -> date:
    if type(value) is str:
        return _in_range(_remembered_iso_date(value))
    return _patient_date(value)


def _patient_date(value: Any) -> date:
    parsed: date | None = None
    if type(value) is date:
        parsed = value
    elif isinstance(value, str):
        parsed = parse_iso_date(value)
    return _in_range(parsed)


#: (Japanese, English) of ``invalid_date``: a date that is not a real YYYY-MM-DD one.
INVALID_DATE_TEXTS = (
    "日付はYYYY-MM-DD形式の実在する日付にしてください",
    "a date must be a real date written YYYY-MM-DD",
)


def _in_range(parsed: date | None) -> date:
    if parsed is None:
        raise error("invalid_date", *INVALID_DATE_TEXTS)
    if not EARLIEST <= parsed <= LATEST:
        raise error(
            "date_out_of_range",
            "日付は1900-01-01から2999-12-31までにしてください",
            "a date must be between 1900-01-01 and 2999-12-31",
        )
    return parsed


def _year_month(value: Any) -> str:
    if isinstance(value, str) and _YEAR_MONTH.fullmatch(value):
        if not EARLIEST.year <= int(value[:4]) <= LATEST.year:  # ASCII digits: checked above
            raise error(
                "date_out_of_range",
                "年月は1900-01から2999-12までにしてください",
                "a month must be between 1900-01 and 2999-12",
            )
        return value
    raise error("invalid_year_month", "年月はYYYY-MM形式にしてください", "a month must be written YYYY-MM")


def _insurer_number(value: Any) -> str:
    if not isinstance(value, str):
        raise error("invalid_type", "文字列にしてください", "must be a string")
    check = _remembered_insurer_number if type(value) is str else _checked_insurer_number
    number, refusal = check(value)
    if refusal is not None:
        raise error(*refusal)
    return number


def _checked_insurer_number(value: str) -> tuple[str, tuple[str, str, str] | None]:
    """(compact number, None), or ("", (code, Japanese, English)) of the refusal."""
    # Before the check digit: 77777777 fails it, yet is a placeholder, not a typo.
    if insurer.is_placeholder(value):
        return "", (
            "placeholder_insurer_number",
            "不詳・災害時の仮の保険者番号は実在の資格として使えません",
            "a placeholder insurer number cannot stand for a real qualification",
        )
    try:
        return insurer.validate(value), None
    except InvalidNumber as exc:
        return "", (exc.code, exc.message_ja, exc.message_en)


#: Insurer numbers repeat from claim to claim: each is checked once.
_remembered_insurer_number = functools.lru_cache(maxsize=MEMO_SIZE)(_checked_insurer_number)


def _branch(value: Any) -> str:
    if isinstance(value, str):
        if _TWO_DIGITS.fullmatch(value):
            return value  # what folding would give: nothing to fold
        folded = fold_digits(value)
        if len(folded) == 2 and is_ascii_digits(folded):
            return folded
    raise error("invalid_branch", "枝番は2桁の数字にしてください", "the branch number must be 2 digits")


def card_text(value: str, field: str) -> str:
    """記号・番号 as one width: ASCII when it is only letters, digits and '-', else 全角.

    The 記録条件仕様 forbids mixing 1- and 2-byte characters in one field
    (``uke-format.md`` §2.1); a value made only of letters and digits is kept
    half-width, anything with kana or kanji becomes wholly full-width.
    """
    if _ASCII_CARD_TEXT.fullmatch(value):
        return value  # what the steps below give: no space to strip, nothing to fold
    stripped = value.strip(" \u3000")
    if not stripped or any(char in " \u3000" for char in stripped):
        raise error(
            "invalid_format", "空白を含まない値にしてください", "must be non-empty and contain no spaces"
        )
    folded = stripped.translate(_FULLWIDTH_ALNUM)
    if _ASCII_CARD_TEXT.fullmatch(folded):
        return folded
    try:
        return to_kanji_mode(stripped, field)
    except NotJisX0208 as exc:
        raise error(exc.code, exc.message_ja, exc.message_en) from None


def _symbol(value: Any) -> str:
    if not isinstance(value, str):
        raise error("invalid_type", "文字列にしてください", "must be a string")
    if _ASCII_CARD_TEXT.fullmatch(value):
        return value  # card_text's result, without the call: the usual 記号
    return card_text(value, "symbol")


#: 不詳 (both lengths) and disaster 番号: never a real card's.
PLACEHOLDER_NUMBERS = frozenset(
    {*fusho_number_placeholder.PLACEHOLDERS, disaster_placeholder.NUMBER.latest.value}
)


def _number(value: Any) -> str:
    if isinstance(value, str) and _ASCII_CARD_TEXT.fullmatch(value):
        text = folded = value  # the usual 番号: card_text and fold_digits leave it as it is
    else:
        text = _symbol(value)
        folded = fold_digits(text)
    if not _ANY_DIGIT.search(text):
        raise error("invalid_format", "番号には数字が必要です", "the number must contain a digit")
    if folded in PLACEHOLDER_NUMBERS:
        raise error(
            "placeholder_number",
            "不詳・災害時の仮の番号は実在の資格として使えません",
            "a placeholder card number cannot stand for a real qualification",
        )
    return text


def _non_blank(value: str) -> str:
    if not value.strip(" \u3000"):
        raise error("blank_value", "空白だけの値は使えません", "the value must not be blank")
    return value


def _blank_to_none(value: Any) -> Any:
    # A form item left empty means "not stated" (記載なし), not a malformed value.
    if isinstance(value, str) and not value.strip(" \u3000"):
        return None
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date), Field(json_schema_extra={"format": "date"})]
#: The same, for a patient's own date (a birth date, a card's expiry): checked every time, never kept.
PatientDate = Annotated[date, BeforeValidator(_patient_date), Field(json_schema_extra={"format": "date"})]
YearMonth = Annotated[str, BeforeValidator(_year_month), Field(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$")]
InsurerNumber = Annotated[str, BeforeValidator(_insurer_number)]
Branch = Annotated[str, BeforeValidator(_branch), Field(pattern=r"^[0-9]{2}$")]
Symbol = Annotated[str, BeforeValidator(_symbol)]
CardNumber = Annotated[str, BeforeValidator(_number)]
Text = Annotated[str, AfterValidator(_non_blank)]
#: Optional text where an empty string means "not stated": it becomes null.
OptionalText = Annotated[str | None, BeforeValidator(_blank_to_none)]

#: The longest ``claim_id`` / ``situation_id``: an id is echoed in every error record, so it is bounded.
MAX_ID_LENGTH = 128
#: A vendor's key for one input line: non-empty, bounded, echoed back as it is.
RecordId = Annotated[str, Field(min_length=1, max_length=MAX_ID_LENGTH)]

#: Every error code the types above raise (input_errors.py passes them through).
CODES = frozenset(
    {
        "invalid_date",
        "date_out_of_range",
        "invalid_year_month",
        "invalid_type",
        "placeholder_insurer_number",
        "invalid_length",
        "invalid_format",
        "invalid_checksum",
        "invalid_component",
        "invalid_branch",
        "not_jis_x0208",
        "placeholder_number",
        "blank_value",
    }
)
