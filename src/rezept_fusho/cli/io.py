"""Input and output for the line-oriented commands.

Input is read as bytes and decoded line by line, so one line that is not
UTF-8 becomes that line's error record instead of failing the file. Output
given with ``-o`` goes to a temporary file beside the target and is renamed
into place only when complete, so an interrupted run never leaves half a file.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

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
    """stdout, or *name* written atomically (temporary file, then rename)."""
    if name is None or name == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    target = Path(name)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
    except OSError as exc:
        raise UsageError(f"cannot write {name}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
