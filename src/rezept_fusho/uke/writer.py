"""The one encoder: named values → a record line, driven by the record's spec.

:func:`encode_record` writes every field position (empty when not given), so
a record always has its spec's field count; :func:`replace_fields` changes
named fields of a record that was read and keeps every other byte.

>>> from rezept_fusho.uke.options import UkeOptions
>>> from rezept_fusho.uke.specs import layout_for
>>> spec = layout_for("medical", None, UkeOptions()).specs["CO"]
>>> encode_record(spec, {"診療識別": "01", "負担区分": "1", "コメントコード": "810000001", "文字データ": "不詳"})
b'CO,01,1,810000001,\\x95s\\x8f\\xda'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import BinaryIO

from rezept_fusho.uke.fields import RecordSpec, encode_value
from rezept_fusho.uke.problems import Problem, UkeError
from rezept_fusho.uke.reader import CRLF, EOF_MARK
from rezept_fusho.uke.record import Record


def _encode(spec: RecordSpec, index: int, value: str) -> bytes:
    field = spec.fields[index]
    try:
        return encode_value(field, value)
    except ValueError as exc:
        problem = Problem.of(str(exc), record=spec.record_id, field=field.name, position=index + 1)
        raise UkeError([problem]) from None


def encode_record(spec: RecordSpec, values: Mapping[str, str]) -> bytes:
    """The line (without its ending) of a *spec* record holding *values* by field name."""
    unknown = set(values) - {field.name for field in spec.fields}
    if unknown:
        raise KeyError(sorted(unknown)[0])
    parts = [spec.record_id.encode("ascii")]
    for index in range(1, len(spec.fields)):
        parts.append(_encode(spec, index, values.get(spec.fields[index].name, "")))
    return b",".join(parts)


def new_record(spec: RecordSpec, values: Mapping[str, str], line: int = 0) -> Record:
    """A record built from *values*, ending with CR LF."""
    return Record(line, encode_record(spec, values), CRLF)


def replace_fields(record: Record, spec: RecordSpec, values: Mapping[str, str]) -> Record:
    """*record* with the named fields rewritten; every other field keeps its bytes."""
    fields = list(record.raw_fields)
    fields += [b""] * (len(spec.fields) - len(fields))
    for name, value in values.items():
        index = spec.index(name)
        fields[index] = _encode(spec, index, value)
    return Record(record.line, b",".join(fields), record.eol)


def write_records(records: Iterable[Record], out: BinaryIO, *, eof_mark: bool = True) -> None:
    """Write *records* as read (each with its own line ending), then the EOF mark."""
    for record in records:
        out.write(record.raw)
        out.write(record.eol)
    if eof_mark:
        out.write(EOF_MARK)
