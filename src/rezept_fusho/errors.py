"""The error a claim resolves to when it cannot be billed: stable code, field, two languages."""

from __future__ import annotations

from rezept_fusho.text.jis import NotJisX0208, to_kanji_mode


class ClaimError(Exception):
    """A claim that cannot be resolved. Messages never contain personal data."""

    def __init__(self, code: str, field: str | None, message_ja: str, message_en: str) -> None:
        self.code = code
        self.field = field
        self.message_ja = message_ja
        self.message_en = message_en
        super().__init__(self.message)

    @property
    def message(self) -> str:
        prefix = f"{self.field}: " if self.field else ""
        return f"{prefix}{self.message_ja} / {self.message_en}"


def kanji_field(text: str, field: str) -> str:
    """:func:`~rezept_fusho.text.jis.to_kanji_mode`, failing as a ClaimError on *field*."""
    try:
        return to_kanji_mode(text, field)
    except NotJisX0208 as exc:
        raise ClaimError(exc.code, field, exc.message_ja, exc.message_en) from None
