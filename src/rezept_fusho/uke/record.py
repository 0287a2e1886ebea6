"""A record as read: its line number, its bytes and its line ending, kept exactly.

Writing a record back writes ``raw + eol``, so read-then-write is byte-identical.

>>> record = Record(1, b"HO,01130012,,1234", b"\\r\\n")
>>> record.record_id, record.raw_fields[1], record.text(3)
('HO', b'01130012', '1234')
"""

from __future__ import annotations

from rezept_fusho.uke.fields import decode_value

#: Record ids seen so far (there are a few dozen), so each line does not decode its own.
_IDS: dict[bytes, str] = {}


def record_id_of(raw: bytes) -> str:
    """The record id (field 1) of a line, as text."""
    head = raw[:3]
    if head[2:] != b",":
        head = raw.split(b",", 1)[0]
    record_id = _IDS.get(head)
    if record_id is None:
        record_id = head.rstrip(b",").decode("cp932", "replace")
        if len(_IDS) < 256:
            _IDS[head] = record_id
    return record_id


class Record:
    """One line of a UKE file (without its line ending)."""

    __slots__ = ("_fields", "eol", "line", "raw", "record_id")

    def __init__(self, line: int, raw: bytes, eol: bytes, record_id: str | None = None) -> None:
        """*record_id*, when the caller has it already, is ``record_id_of(raw)``."""
        self.line = line
        self.raw = raw
        self.eol = eol
        self._fields: list[bytes] | None = None
        self.record_id = record_id_of(raw) if record_id is None else record_id

    @property
    def raw_fields(self) -> list[bytes]:
        """The fields as bytes, the record id first.

        A comma can never be the second byte of a Shift_JIS character (0x40–0xFC), so a byte
        split is a field split.
        """
        if self._fields is None:
            self._fields = self.raw.split(b",")
        return self._fields

    def text(self, index: int) -> str:
        """Field *index* (0 is the record id) as text; empty when the record is shorter."""
        if index >= len(self.raw_fields):
            return ""
        return decode_value(self.raw_fields[index])

    def to_bytes(self) -> bytes:
        return self.raw + self.eol

    def __repr__(self) -> str:
        return f"Record(line={self.line}, record_id={self.record_id!r}, fields={len(self.raw_fields)})"
