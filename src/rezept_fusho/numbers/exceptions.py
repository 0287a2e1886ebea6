"""Errors raised by the number modules (python-stdnum style).

Every error is an :class:`InvalidNumber`, itself a :class:`ValueError`, and
carries a stable snake_case ``code`` that JSON error records and the CLI
report unchanged. ``message_ja`` / ``message_en`` never contain the number
itself, so they are safe to log.
"""

from __future__ import annotations


class InvalidNumber(ValueError):
    """The number is not valid."""

    code = "invalid_number"
    message_ja = "番号が正しくありません"
    message_en = "the number is not valid"

    def __init__(self, detail: str | None = None) -> None:
        self.detail = detail
        super().__init__(self.message)

    @property
    def message(self) -> str:
        text = f"{self.message_ja} / {self.message_en}"
        return f"{text} ({self.detail})" if self.detail else text


class InvalidLength(InvalidNumber):
    """The number has the wrong number of digits."""

    code = "invalid_length"
    message_ja = "桁数が正しくありません"
    message_en = "the number has the wrong length"


class InvalidFormat(InvalidNumber):
    """The number contains something other than the digits 0-9."""

    code = "invalid_format"
    message_ja = "半角または全角の数字以外の文字が含まれています"
    message_en = "the number contains characters other than digits"


class InvalidChecksum(InvalidNumber):
    """The 検証番号 (check digit) does not match."""

    code = "invalid_checksum"
    message_ja = "検証番号が一致しません"
    message_en = "the check digit does not match"


class InvalidComponent(InvalidNumber):
    """A part of the number (法別番号, 都道府県番号) is not a known value."""

    code = "invalid_component"
    message_ja = "番号の構成要素（法別番号・都道府県番号）が不明です"
    message_en = "a component of the number (law code, prefecture) is unknown"
