"""Stream a UKE file into records: Shift_JIS bytes, CR LF, a final 0x1A.

The reader holds one line at a time, so a file of any size reads in constant
memory. It refuses only what cannot be read at all — bytes that are not
Shift_JIS (cp932), a CR without LF, a line longer than :data:`MAX_LINE`, data
after the EOF mark — with a :class:`~rezept_fusho.uke.problems.UkeReadError`
naming the line, the record and the field. Everything else (LF-only lines, a
missing EOF mark, unknown records) is read as is and left to the checker.

>>> import io
>>> reader = UkeReader(io.BytesIO(b"IR,1\\r\\nGO,1,2,99\\r\\n\\x1a"))
>>> [r.record_id for r in reader], reader.eof_mark
(['IR', 'GO'], True)
>>> try:
...     list(UkeReader(io.BytesIO(b"IR,\\x85\\x40\\r\\n")))
... except UkeReadError as exc:
...     print(exc.code, exc.problems[0].line, exc.problems[0].position)
undecodable 1 2
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from rezept_fusho.uke.problems import Problem, UkeReadError
from rezept_fusho.uke.record import Record

EOF_MARK = b"\x1a"
CRLF = b"\r\n"

#: Longest line accepted (bytes). The longest record in the specs is well under 4 KiB (SJ: 2,400
#: bytes of text); the cap keeps memory constant on a file with no line breaks.
MAX_LINE = 64 * 1024


class UkeReader:
    """Iterate the records of *stream*; afterwards ``eof_mark`` says whether 0x1A ended it."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.eof_mark = False
        self.lines = 0

    def __iter__(self) -> Iterator[Record]:
        number = 0
        readline = self._stream.readline
        while True:
            chunk = readline(MAX_LINE + 1)
            if not chunk:
                return
            number += 1
            self.lines = number
            if chunk[:1] == EOF_MARK:
                self._expect_end(chunk, number)
                return
            if chunk.endswith(b"\n"):
                if len(chunk) > MAX_LINE:
                    raise UkeReadError([Problem.of("line_too_long", line=number)])
                eol = CRLF if chunk.endswith(CRLF) else b"\n"
                raw = chunk[: -len(eol)]
            elif len(chunk) > MAX_LINE:
                raise UkeReadError([Problem.of("line_too_long", line=number)])
            else:
                raw, eol = chunk, b""
                if raw.endswith(EOF_MARK):
                    # 0x1A right after the last record, without a line break.
                    raw = raw[:-1]
                    self._expect_end(EOF_MARK, number)
            yield _record(number, raw, eol)

    def _expect_end(self, chunk: bytes, number: int) -> None:
        if chunk != EOF_MARK or self._stream.read(1):
            raise UkeReadError([Problem.of("data_after_eof", line=number)])
        self.eof_mark = True


def _record(number: int, raw: bytes, eol: bytes) -> Record:
    if b"\r" in raw:
        raise UkeReadError([Problem.of("bare_cr", line=number)])
    try:
        raw.decode("cp932")
    except UnicodeDecodeError as exc:
        # The field holding the bad byte is one more than the commas before it.
        position = raw.count(b",", 0, exc.start) + 1
        record_id = raw.split(b",", 1)[0].decode("ascii", "replace")
        problem = Problem.of("undecodable", line=number, record=record_id, position=position)
        raise UkeReadError([problem]) from None
    return Record(number, raw, eol)


def read_records(stream: BinaryIO) -> Iterator[Record]:
    """The records of *stream* (a shortcut when the EOF mark does not matter)."""
    return iter(UkeReader(stream))
