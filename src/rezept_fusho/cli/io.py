"""Input and output for the line-oriented commands.

Input is read as bytes and decoded line by line, so one line that is not
UTF-8 becomes that line's error record instead of failing the file.

Output given with ``-o`` is an :class:`~rezept_fusho.atomic_file.AtomicFile`,
opened before any input is read: an output that cannot be written (a
directory, a missing directory) is a usage error before any work is done, and
an interrupted run never leaves half a file.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import BinaryIO

from rezept_fusho.atomic_file import AtomicFile

UNDECODABLE = "\x00undecodable"  # never valid JSON, so it becomes an invalid_json record


class UsageError(Exception):
    """Unreadable input or unwritable output: exit status 2."""


def open_input(name: str | None) -> BinaryIO:
    if name is None or name == "-":
        return sys.stdin.buffer
    try:
        return open(name, "rb")
    except OSError as exc:
        raise UsageError(f"cannot read {name}: {exc.strerror}") from None


def decoded_lines(stream: BinaryIO) -> Iterator[str]:
    """Text lines of *stream*; a UTF-8 BOM on the first line is dropped."""
    first = True
    for raw in stream:
        data = raw[3:] if first and raw.startswith(b"\xef\xbb\xbf") else raw
        first = False
        try:
            yield data.decode("utf-8")
        except UnicodeDecodeError:
            yield UNDECODABLE


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
