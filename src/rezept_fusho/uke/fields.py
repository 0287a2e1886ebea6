"""Field and record specs: the data that drives the one encoder, decoder and checker.

A field has a Japanese name, a mode (数字 / 英数 / 漢字 / 英数又は漢字), a
maximum length in Shift_JIS bytes, and whether it is fixed-length. Modes work
on the bytes as written (``uke-format.md`` §1.2):

- 数字: ASCII ``0``–``9`` only;
- 英数: printable ASCII only (no comma: it separates fields);
- 漢字: two-byte JIS X 0208 characters only — the NEC/IBM extensions that
  cp932 adds (①, 髙 …) are 外字 and refused;
- 英数又は漢字: all of one kind, never mixed.

>>> spec = FieldSpec("記号", Mode.TEXT, 38)
>>> [p for p in field_codes(spec, "１２".encode("cp932"))]
[]
>>> field_codes(spec, "1２".encode("cp932"))
['mixed_width']
>>> field_codes(FieldSpec("番号", Mode.NUMERIC, 2, fixed=True), b"1")
['wrong_length']
>>> encode_value(FieldSpec("文字データ", Mode.KANJI, 76), "不詳")
b'\\x95s\\x8f\\xda'
"""

from __future__ import annotations

import enum
import functools
import re

import attrs

from rezept_fusho.text.jis import is_jis_x0208_bytes

__all__ = [
    "FieldSpec",
    "Mode",
    "RecordSpec",
    "decode_value",
    "encode_value",
    "field_codes",
    "is_jis_x0208_bytes",
]


class Mode(enum.Enum):
    NUMERIC = "数字"
    ALNUM = "英数"
    KANJI = "漢字"
    TEXT = "英数又は漢字"


# First bytes of the JIS X 0208 rows in Shift_JIS: rows 1–8 (0x81–0x84) and 16–84 (0x88–0x9F,
# 0xE0–0xEA). 0x85–0x87 and 0xEB–0xFC are NEC/IBM extensions and user-defined 外字.
_KANJI_CHAR = rb"[\x81-\x84\x88-\x9f\xe0-\xea][\x40-\x7e\x80-\xfc]"
_ALNUM_CHAR = rb"[\x20-\x2b\x2d-\x7e]"
_ALNUM_RE = re.compile(_ALNUM_CHAR + rb"*")
_DIGITS_RE = re.compile(rb"[0-9]*")


@attrs.frozen
class FieldSpec:
    """One field of a record: 名称, mode, maximum bytes, fixed length, required."""

    name: str
    mode: Mode
    max_bytes: int
    fixed: bool = False
    required: bool = False

    def pattern(self) -> bytes:
        """A bytes regex for a valid value (a cheap first test; 漢字 is confirmed by decoding)."""
        lo = self.max_bytes if self.fixed else (1 if self.required else 0)
        hi = self.max_bytes
        if self.mode is Mode.NUMERIC:
            body = rb"[0-9]{%d,%d}" % (lo, hi)
        elif self.mode is Mode.ALNUM:
            body = _ALNUM_CHAR + rb"{%d,%d}" % (lo, hi)
        elif self.mode is Mode.KANJI:
            body = rb"(?:" + _KANJI_CHAR + rb"){%d,%d}" % ((lo + 1) // 2, hi // 2)
        else:
            alnum = _ALNUM_CHAR + rb"{%d,%d}" % (lo, hi)
            kanji = rb"(?:" + _KANJI_CHAR + rb"){%d,%d}" % ((lo + 1) // 2, hi // 2)
            body = rb"(?:%s|%s)" % (alnum, kanji)
        if self.fixed and not self.required:
            return rb"(?:%s)?" % body
        return body


@attrs.frozen
class RecordSpec:
    """A record: its id (field 1) and every field in order, the id included."""

    record_id: str
    name: str
    fields: tuple[FieldSpec, ...]

    def index(self, name: str) -> int:
        """Position (0-based, the record id is 0) of the field called *name*."""
        return self._positions[name]

    @functools.cached_property
    def _positions(self) -> dict[str, int]:
        # The first field of each name, as a walk from the start finds it: the checker asks for every record.
        positions: dict[str, int] = {}
        for position, spec in enumerate(self.fields):
            positions.setdefault(spec.name, position)
        return positions

    def line_regex(self) -> re.Pattern[bytes]:
        """One regex for a whole valid line: the fast path of the checker."""
        return re.compile(b",".join(spec.pattern() for spec in self.fields))


def _mode_codes(mode: Mode, raw: bytes) -> list[str]:
    if mode is Mode.NUMERIC:
        return [] if _DIGITS_RE.fullmatch(raw) else ["not_numeric"]
    if mode is Mode.ALNUM:
        return [] if _ALNUM_RE.fullmatch(raw) else ["not_alphanumeric"]
    if mode is Mode.KANJI:
        return _kanji_codes(raw)
    if _ALNUM_RE.fullmatch(raw):
        return []
    if all(byte >= 0x80 for byte in raw[::2]):
        # Every character starts with a lead byte: a two-byte field; it must be JIS X 0208.
        codes = _kanji_codes(raw)
        return ["mixed_width"] if codes == ["not_kanji"] else codes
    return ["mixed_width"]


def _kanji_codes(raw: bytes) -> list[str]:
    if is_jis_x0208_bytes(raw):
        return []
    text = decode_value(raw)
    for char in text:
        encoded = char.encode("cp932", "replace")
        if len(encoded) == 1:
            return ["not_kanji"]
    return ["not_jis_x0208"]


def field_codes(spec: FieldSpec, raw: bytes) -> list[str]:
    """Problem codes of one field value (bytes as written); empty when it is valid."""
    if not raw:
        return ["missing_value"] if spec.required else []
    codes = _mode_codes(spec.mode, raw)
    if len(raw) > spec.max_bytes:
        codes.append("too_long")
    elif spec.fixed and len(raw) != spec.max_bytes:
        codes.append("wrong_length")
    return codes


def decode_value(raw: bytes) -> str:
    """Text of a field: JIS code points where strict Shift_JIS can decode, else cp932's.

    Decoding with ``shift_jis`` first gives 〜 (U+301C) and − (U+2212), the same
    code points :func:`rezept_fusho.text.jis.to_kanji_mode` writes.
    """
    try:
        return raw.decode("shift_jis")
    except UnicodeDecodeError:
        return raw.decode("cp932", "replace")


def encode_value(spec: FieldSpec, value: str) -> bytes:
    """Bytes of *value* for *spec*; raises ValueError with a problem code when invalid."""
    try:
        raw = value.encode("cp932")
    except UnicodeEncodeError:
        raise ValueError("not_jis_x0208") from None
    codes = field_codes(spec, raw)
    if codes:
        raise ValueError(codes[0])
    return raw
