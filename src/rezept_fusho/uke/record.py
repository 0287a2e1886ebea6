"""A record as read: its line number, its bytes and its line ending, kept exactly.

Writing a record back writes ``raw + eol``, so read-then-write is byte-identical.

>>> record = Record(1, b"HO,01130012,,1234", b"\\r\\n")
>>> record.record_id, record.raw_fields[1], record.text(3)
('HO', b'01130012', '1234')
"""

from __future__ import annotations

from rezept_fusho.uke.fields import decode_value


class Record:
    """One line of a UKE file (without its line ending)."""

    __slots__ = ("eol", "line", "raw", "raw_fields", "record_id")

    def __init__(self, line: int, raw: bytes, eol: bytes) -> None:
        self.line = line
        self.raw = raw
        self.eol = eol
        # A comma can never be the second byte of a Shift_JIS character (0x40–0xFC), so a byte
        # split is a field split.
        self.raw_fields = raw.split(b",")
        self.record_id = self.raw_fields[0].decode("cp932", "replace")

    def text(self, index: int) -> str:
        """Field *index* (0 is the record id) as text; empty when the record is shorter."""
        if index >= len(self.raw_fields):
            return ""
        return decode_value(self.raw_fields[index])

    def to_bytes(self) -> bytes:
        return self.raw + self.eol

    def __repr__(self) -> str:
        return f"Record(line={self.line}, record_id={self.record_id!r}, fields={len(self.raw_fields)})"
