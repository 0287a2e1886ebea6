"""JIS X 0208 text for the 漢字 mode of the electronic receipt (レセ電).

A 漢字-mode field holds only two-byte JIS X 0208 characters (記録条件仕様,
共通事項: 漢字モードの文字). :func:`to_kanji_mode` converts what has
a full-width form — ASCII letters, digits and symbols, half-width katakana,
the Windows code points that cp932 maps to the same JIS cells — and refuses
everything else (①, 髙, 𠮷, control characters …) with :class:`NotJisX0208`,
which names the field and the position but never echoes the whole text.

Choices (ours, listed in docs/design.md): ``-`` becomes U+2212 MINUS SIGN
(Shift_JIS 0x817C, as ORCA writes it) rather than the 長音符 ー, which would
change the meaning of 1-2-3; ``,`` becomes the full-width comma so no ASCII
comma ever reaches a UKE record; ``'`` and ``"`` become ’ and ”.

>>> to_kanji_mode('ﾔﾏﾀﾞ ﾀﾛｳ', 'kana_name')
'ヤマダ\u3000タロウ'
>>> to_kanji_mode('東京都1-2-3', 'addresses[0]')
'東京都１−２−３'
>>> to_kanji_mode('①', 'contact')
Traceback (most recent call last):
    ...
rezept_fusho.text.jis.NotJisX0208: contact: 1文字目はJIS X 0208にない文字です / character 1 is not in JIS X 0208
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterator

__all__ = ["NotJisX0208", "is_jis_x0208", "is_jis_x0208_bytes", "kanji_bytes", "to_kanji_mode"]

_ASCII_SYMBOLS = {
    " ": "\u3000",
    "-": "\u2212",
    "~": "\u301c",
    "'": "\u2019",
    '"': "\u201d",
    "`": "\uff40",
    "\\": "\uff3c",
}

# Windows (cp932) code points → the JIS X 0208 code points Shift_JIS uses for the same cell.
_WINDOWS_TO_JIS = {
    "\uff5e": "\u301c",  # ～ → 〜
    "\uff0d": "\u2212",  # － → −
    "\u2225": "\u2016",  # ∥ → ‖
    "\uffe0": "\u00a2",  # ￠ → ¢
    "\uffe1": "\u00a3",  # ￡ → £
    "\uffe2": "\u00ac",  # ￢ → ¬
    "\u2014": "\u2015",  # — → ―
    "\u00a5": "\uffe5",  # ¥ → ￥
    "\u203e": "\uffe3",  # ‾ → ￣
}


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x21, 0x7F):
        table[code] = chr(code + 0xFEE0)
    for char, replacement in {**_ASCII_SYMBOLS, **_WINDOWS_TO_JIS}.items():
        table[ord(char)] = replacement
    return table


_TABLE = _build_table()
#: A character :data:`_TABLE` converts. ``translate`` looks every character up, so text without one
#: (most kanji and kana text) is left as it is instead: the same result, without the look-ups.
_IN_TABLE = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_TABLE)) + "]")
_HALFWIDTH_KANA = range(0xFF61, 0xFFA0)
_HAS_HALFWIDTH_KANA = re.compile("[\uff61-\uff9f]")


class NotJisX0208(ValueError):
    """A character has no JIS X 0208 form; ``field`` names the input field."""

    code = "not_jis_x0208"

    def __init__(self, field: str, position: int) -> None:
        self.field = field
        self.position = position
        self.message_ja = f"{position}文字目はJIS X 0208にない文字です"
        self.message_en = f"character {position} is not in JIS X 0208"
        super().__init__(f"{field}: {self.message_ja} / {self.message_en}")


_VOICED_MARKS = {"\uff9e": "\u309b", "\uff9f": "\u309c"}  # lone ﾞ ﾟ → ゛ ゜


def _kana_tables() -> tuple[dict[int, str], dict[str, str]]:
    """:data:`_TABLE` plus each half-width kana, and the kana + ﾞ/ﾟ pairs that compose to one character."""
    singles = dict(_TABLE)
    pairs: dict[str, str] = {}
    for code in _HALFWIDTH_KANA:
        char = chr(code)
        # NFKC only on half-width kana: elsewhere it would fold ① to 1.
        singles[code] = _VOICED_MARKS.get(char) or unicodedata.normalize("NFKC", char)
        for mark in _VOICED_MARKS:
            composed = unicodedata.normalize("NFKC", char + mark)
            if len(composed) == 1:
                pairs[char + mark] = composed
    return singles, pairs


_KANA_TABLE, _KANA_PAIRS = _kana_tables()
# A composing pair always ends in ﾞ/ﾟ and never starts with one, so leftmost
# non-overlapping matching pairs exactly as the left-to-right walk does.
_KANA_PAIR = re.compile("|".join(sorted(_KANA_PAIRS)))


def _compose_pair(match: re.Match[str]) -> str:
    return _KANA_PAIRS[match[0]]


def _converted(text: str) -> Iterator[tuple[int, str]]:
    """(1-based position in *text*, converted character) — a kana and its ﾞ/ﾟ count as one."""
    index = 0
    while index < len(text):
        pair = text[index : index + 2]
        if pair in _KANA_PAIRS:
            yield index + 1, _KANA_PAIRS[pair]
            index += 2
            continue
        yield index + 1, _KANA_TABLE.get(ord(pair[0]), pair[0])
        index += 1


def _is_double_byte_jis(char: str) -> bool:
    try:
        return len(char.encode("shift_jis")) == 2
    except UnicodeEncodeError:
        return False


#: The Shift_JIS encoder, looked up once (``str.encode`` looks it up by name on every call).
_ENCODE_SHIFT_JIS = codecs.lookup("shift_jis").encode


def is_jis_x0208(text: str) -> bool:
    """True when every character of *text* is a two-byte JIS X 0208 character."""
    try:
        # Shift_JIS gives every JIS X 0208 character two bytes and everything else one or none.
        return len(_ENCODE_SHIFT_JIS(text)[0]) == 2 * len(text)
    except UnicodeEncodeError:
        return False


def is_jis_x0208_bytes(raw: bytes) -> bool:
    """True when *raw* (bytes read from a file) is only two-byte JIS X 0208 characters."""
    try:
        text = raw.decode("shift_jis")
    except UnicodeDecodeError:
        return False
    return len(raw) == 2 * len(text)


def to_kanji_mode(text: str, field: str) -> str:
    """Convert *text* to full-width JIS X 0208, or raise :class:`NotJisX0208`."""
    # Whole-string conversion at C speed; the character walk below only runs to
    # find the position of a character that has no JIS X 0208 form.
    if _HAS_HALFWIDTH_KANA.search(text):
        converted = _KANA_PAIR.sub(_compose_pair, text).translate(_KANA_TABLE)
    elif _IN_TABLE.search(text):
        converted = text.translate(_TABLE)
    else:
        converted = text  # nothing to convert: translate would only look every character up
    if is_jis_x0208(converted):
        return converted
    # The walk converts exactly as the whole string was, so it meets the character that failed.
    position = next(position for position, char in _converted(text) if not _is_double_byte_jis(char))
    raise NotJisX0208(field, position)


def kanji_bytes(text: str) -> int:
    """Length in Shift_JIS bytes of text that :func:`to_kanji_mode` accepted."""
    return len(text.encode("shift_jis"))
