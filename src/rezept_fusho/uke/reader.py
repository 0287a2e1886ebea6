"""Stream a UKE file into records: Shift_JIS bytes, CR LF, a final 0x1A.

The reader holds one block (:data:`BLOCK` bytes) and one line at a time, so a
file of any size reads in constant memory. It refuses only what cannot be read
at all — bytes that are not Shift_JIS (cp932), a CR without LF, a line longer
than :data:`MAX_LINE`, data after the EOF mark — with a
:class:`~rezept_fusho.uke.problems.UkeReadError` naming the line, the record
and the field. Everything else (LF-only lines, a missing EOF mark, unknown
records) is read as is and left to the checker.

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
LF = b"\n"

#: Longest line accepted (bytes). The longest record in the specs is well under 4 KiB (SJ: 2,400
#: bytes of text); the cap keeps memory constant on a file with no line breaks.
MAX_LINE = 64 * 1024

#: Bytes read at a time: whole lines of a block are decoded in one call, which is what makes the
#: reader fast; a line is never split, since LF (0x0A) is never part of a Shift_JIS character.
BLOCK = 256 * 1024


class UkeReader:
    """Iterate the records of *stream*; afterwards ``eof_mark`` says whether 0x1A ended it."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.eof_mark = False
        self.lines = 0

    def __iter__(self) -> Iterator[Record]:
        for number, raw, eol in self.lines_of():
            yield Record(number, raw, eol)

    def lines_of(self) -> Iterator[tuple[int, bytes, bytes]]:
        """(line number, bytes, line ending) of each line: what a fast consumer builds records from."""
        read = self._stream.read
        rest = b""
        number = 0
        while True:
            block = read(BLOCK)
            if not block:
                break
            lines = (rest + block).split(LF)
            rest = lines.pop()
            if len(rest) > MAX_LINE:
                raise UkeReadError([Problem.of("line_too_long", line=number + len(lines) + 1)])
            body = LF.join(lines)
            valid = _decodes(body)
            if _clean(body, lines, valid):
                # The usual block: what the loop below checks line by line holds for every line.
                for line in lines:
                    number += 1
                    if line[-1:] == b"\r":
                        yield number, line[:-1], CRLF
                    else:
                        yield number, line, LF
                self.lines = number
                continue
            for line in lines:
                number += 1
                if line[-1:] == b"\r":
                    raw, eol = line[:-1], CRLF
                else:
                    raw, eol = line, LF
                if not (valid and len(raw) <= MAX_LINE and b"\r" not in raw and raw[:1] != EOF_MARK):
                    self.lines = number
                    _refuse(number, raw, valid)
                yield number, raw, eol
            self.lines = number
        if rest:
            number += 1
            self.lines = number
            if rest.endswith(EOF_MARK):
                # The EOF mark, alone after the last line break or right after the last record.
                self.eof_mark = True
                rest = rest[:-1]
            if rest:
                _refuse(number, rest, False)
                yield number, rest, b""


def _decodes(body: bytes) -> bool:
    try:
        body.decode("cp932")
    except UnicodeDecodeError:
        return False
    return True


def _clean(body: bytes, lines: list[bytes], valid: bool) -> bool:
    """True when no line of the block needs :func:`_refuse`: checked on the block at C speed.

    Every CR ends its line (a CR is bare otherwise), no 0x1A anywhere (stricter than a line that
    starts with one: a block with one takes the line-by-line checks), no line too long.
    """
    return (
        valid
        and EOF_MARK not in body
        and body.count(b"\r") == (body + LF).count(b"\r\n")
        and max(map(len, lines), default=0) <= MAX_LINE
    )


def _refuse(number: int, raw: bytes, valid: bool) -> None:
    """Raise UkeReadError when line *number* cannot be read (else return: it was fine after all)."""
    if raw[:1] == EOF_MARK:
        # 0x1A and then more: something follows the EOF mark.
        raise UkeReadError([Problem.of("data_after_eof", line=number)])
    if len(raw) > MAX_LINE:
        raise UkeReadError([Problem.of("line_too_long", line=number)])
    if b"\r" in raw:
        raise UkeReadError([Problem.of("bare_cr", line=number)])
    if not valid:
        try:
            raw.decode("cp932")
        except UnicodeDecodeError as exc:
            # The field holding the bad byte is one more than the commas before it.
            position = raw.count(b",", 0, exc.start) + 1
            record_id = raw.split(b",", 1)[0].decode("ascii", "replace")
            problem = Problem.of("undecodable", line=number, record=record_id, position=position)
            raise UkeReadError([problem]) from None


def read_records(stream: BinaryIO) -> Iterator[Record]:
    """The records of *stream* (a shortcut when the EOF mark does not matter)."""
    return iter(UkeReader(stream))
