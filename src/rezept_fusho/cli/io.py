"""Input and output for the line-oriented commands.

Input is read as bytes, split on LF only (never on U+2028, U+0085 or form
feed, which may sit inside a line) and decoded line by line, so one line that
is not UTF-8 becomes that line's error record instead of failing the file. A
line longer than the limit is never held whole: the reader keeps at most the
limit (plus its line ending) and skips the rest, and the line becomes a
``line_too_long`` record.

Output given with ``-o`` is an :class:`~rezept_fusho.atomic_file.AtomicFile`,
opened before any input is read: an output that cannot be written (a
directory, a missing directory) is a usage error before any work is done, and
an interrupted run never leaves half a file.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Iterator
from types import FrameType
from typing import BinaryIO

from rezept_fusho.atomic_file import AtomicFile
from rezept_fusho.jsonl import Line, TooLong

UNDECODABLE = "\x00undecodable"  # never valid JSON, so it becomes an invalid_json record

#: Default longest line, in bytes without its line ending (``--max-line-bytes``): 1 MiB.
MAX_LINE_BYTES = 1 << 20
#: Bytes read at a time while skipping the rest of a line that is too long (at most the limit).
_SKIP_BYTES = 1 << 16


class UsageError(Exception):
    """Unreadable input or unwritable output: exit status 2."""


def open_input(name: str | None) -> BinaryIO:
    if name is None or name == "-":
        return sys.stdin.buffer
    try:
        return open(name, "rb")
    except OSError as exc:
        raise UsageError(f"cannot read {name}: {exc.strerror}") from None


def decoded_lines(stream: BinaryIO, max_line_bytes: int = MAX_LINE_BYTES) -> Iterator[Line]:
    """The lines of *stream*, as text with their line ending, or :class:`TooLong`.

    A UTF-8 BOM on the first line is dropped. A line longer than *max_line_bytes* (not
    counting its LF or CR LF) is :class:`TooLong`; a line that is not UTF-8 is
    :data:`UNDECODABLE`.
    """
    first = True
    # Room for the longest allowed line and its CR LF: anything longer is found without reading it all.
    while raw := stream.readline(max_line_bytes + 2):
        ended = raw.endswith(b"\n")
        content = len(raw) - (2 if raw.endswith(b"\r\n") else 1 if ended else 0)
        if content > max_line_bytes:
            if not ended:
                _skip_rest_of_line(stream, min(_SKIP_BYTES, max_line_bytes + 2))
            first = False
            yield TooLong(max_line_bytes)
            continue
        data = raw[3:] if first and raw.startswith(b"\xef\xbb\xbf") else raw
        first = False
        try:
            yield data.decode("utf-8")
        except UnicodeDecodeError:
            yield UNDECODABLE


def _skip_rest_of_line(stream: BinaryIO, size: int) -> None:
    while part := stream.readline(size):
        if part.endswith(b"\n"):
            return


@contextlib.contextmanager
def open_output(name: str | None) -> Iterator[BinaryIO]:
    """stdout, or *name* written atomically (:class:`~rezept_fusho.atomic_file.AtomicFile`).

    Raises :class:`UsageError` when *name* cannot be written — on entry, before the caller
    does any work, or (rarely: the directory changed meanwhile) when the file is put in place.
    """
    if name is None or name == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    try:
        pending = AtomicFile.open(name)
    except OSError as exc:
        raise UsageError(f"cannot write {name}: {exc.strerror or 'error'}") from None
    try:
        yield pending.file
    except BaseException:
        pending.discard()
        raise
    try:
        pending.commit()
    except OSError as exc:
        raise UsageError(f"cannot write {name}: {exc.strerror or 'error'}") from None


@contextlib.contextmanager
def term_as_interrupt() -> Iterator[None]:
    """SIGTERM unwinds like Ctrl-C, so the temporary output file is removed."""

    def interrupt(_signum: int, _frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        yield  # signals can only be handled on the main thread (an embedding caller's business)
        return
    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
