"""Pydantic field types with stable snake_case error codes (pydantic-extra-types style).

Each type folds what a form or an OCR step may send (全角 digits, stray
spaces) and rejects the rest with a :class:`PydanticCustomError` whose type
is the code the error record reports. Messages never contain the value.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

from rezept_fusho.numbers import insurer
from rezept_fusho.numbers.exceptions import ValidationError
from rezept_fusho.numbers.modulus10 import is_ascii_digits
from rezept_fusho.text.fold import fold_digits
from rezept_fusho.text.jis import NotJisX0208, to_kanji_mode

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_YEAR_MONTH = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])")
_ASCII_CARD_TEXT = re.compile(r"[0-9A-Za-z\-]+")
_FULLWIDTH_ALNUM = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH_ALNUM[0x2212] = 0x2D  # − (U+2212) back to '-'


def error(code: str, ja: str, en: str) -> PydanticCustomError:
    return PydanticCustomError(code, f"{ja} / {en}")


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


def _iso_date(value: Any) -> date:
    if isinstance(value, date) and type(value) is date:
        return value
    if isinstance(value, str) and (parsed := parse_iso_date(value)) is not None:
        return parsed
    raise error(
        "invalid_date",
        "日付はYYYY-MM-DD形式の実在する日付にしてください",
        "a date must be a real date written YYYY-MM-DD",
    )


def _year_month(value: Any) -> str:
    if isinstance(value, str) and _YEAR_MONTH.fullmatch(value):
        return value
    raise error("invalid_year_month", "年月はYYYY-MM形式にしてください", "a month must be written YYYY-MM")


def _insurer_number(value: Any) -> str:
    if not isinstance(value, str):
        raise error("invalid_type", "文字列にしてください", "must be a string")
    try:
        number = insurer.validate(value)
    except ValidationError as exc:
        raise error(exc.code, exc.message_ja, exc.message_en) from None
    if insurer.is_placeholder(number):
        raise error(
            "placeholder_insurer_number",
            "不詳・災害時の仮の保険者番号は実在の資格として使えません",
            "a placeholder insurer number cannot stand for a real qualification",
        )
    return number


def _branch(value: Any) -> str:
    if isinstance(value, str):
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
    return card_text(value, "symbol")


def _number(value: Any) -> str:
    text = _symbol(value)
    if not any(char in "0123456789０１２３４５６７８９" for char in text):
        raise error("invalid_format", "番号には数字が必要です", "the number must contain a digit")
    return text


def _non_blank(value: str) -> str:
    if not value.strip(" \u3000"):
        raise error("blank_value", "空白だけの値は使えません", "the value must not be blank")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date), Field(json_schema_extra={"format": "date"})]
YearMonth = Annotated[str, BeforeValidator(_year_month), Field(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$")]
InsurerNumber = Annotated[str, BeforeValidator(_insurer_number)]
Branch = Annotated[str, BeforeValidator(_branch), Field(pattern=r"^[0-9]{2}$")]
Symbol = Annotated[str, BeforeValidator(_symbol)]
CardNumber = Annotated[str, BeforeValidator(_number)]
Text = Annotated[str, AfterValidator(_non_blank)]
