"""The runner shared by the line-oriented commands (``resolve``, ``triage``).

A command gives its handler — a module-level function from one parsed JSON
object to a pydantic model — and the name of its id field; the runner reads
FILE or stdin, writes one result or error record per non-blank line in input
order, and returns the exit status (0 all resolved, 1 some error record, 2
usage error, 130 interrupted).

Every such command gets ``--jobs N`` (N worker processes, output still in
input order), ``--max-line-bytes N`` (longer lines are ``line_too_long``
records; default 1 MiB), ``--progress`` (a ``\\r``-updated line on stderr; on
by default when stderr is a terminal) and a one-line summary on stderr at the
end (``--quiet`` drops it). stdout carries nothing but the JSON Lines.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import stat
import sys
import time
from typing import BinaryIO, TextIO

from rezept_fusho.cli.io import (
    MAX_LINE_BYTES,
    UsageError,
    decoded_lines,
    open_input,
    open_output,
    term_as_interrupt,
)
from rezept_fusho.jsonl import Handler, process_chunks

#: The word for a line that gave a result, per command (others say "ok").
_OK_WORDS = {"resolve": "resolved", "triage": "triaged"}

#: Seconds between two progress updates: often enough to look alive, rarely enough to cost nothing.
_PROGRESS_INTERVAL = 0.2


def _jobs(value: str) -> int:
    # ASCII digits only: int() would take 「１」, "+1" and " 1".
    if not re.fullmatch(r"[0-9]{1,4}", value):
        raise argparse.ArgumentTypeError("must be 0 (one per core) or a number of processes")
    jobs = int(value)
    return jobs or os.cpu_count() or 1


#: The most ``--max-line-bytes`` may allow: 1 GiB.
_MAX_LINE_BYTES_CEILING = 1 << 30


def _line_bytes(value: str) -> int:
    if not re.fullmatch(r"[0-9]{1,10}", value) or not 1 <= int(value) <= _MAX_LINE_BYTES_CEILING:
        raise argparse.ArgumentTypeError(f"must be a number of bytes from 1 to {_MAX_LINE_BYTES_CEILING}")
    return int(value)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", metavar="FILE", help="JSON Lines input (default: stdin)")
    parser.add_argument("-o", "--output", metavar="OUT", help="write here (atomically) instead of stdout")
    parser.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="worker processes (0: one per core); output stays in input order (default: 1)",
    )
    parser.add_argument(
        "--max-line-bytes",
        type=_line_bytes,
        default=MAX_LINE_BYTES,
        metavar="N",
        help=f"longest input line in bytes; a longer one is a line_too_long record (default: {MAX_LINE_BYTES})",
    )
    parser.add_argument(
        "--progress",
        action="store_true",
        default=None,
        help="show progress on stderr (default: when stderr is a terminal)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary line on stderr")


class Progress:
    """A single stderr line rewritten in place with ``\\r``: records, rate, and % of a file."""

    def __init__(self, command: str, stream: TextIO, source: BinaryIO) -> None:
        self._command = command
        self._stream = stream
        self._source = source
        self._size = _file_size(source)
        self._started = time.perf_counter()
        self._last = self._started
        self._width = 0

    def update(self, records: int) -> None:
        now = time.perf_counter()
        if now - self._last < _PROGRESS_INTERVAL:
            return
        self._last = now
        rate = records / (now - self._started)
        text = f"rezept-fusho {self._command}: {records:,} records, {rate:,.0f}/s"
        if self._size:
            with contextlib.suppress(OSError, ValueError):
                text += f", {min(100.0, 100 * self._source.tell() / self._size):.0f}%"
        self._write(text)

    def close(self) -> None:
        if self._width:
            self._write("")

    def _write(self, text: str) -> None:
        self._stream.write("\r" + text.ljust(self._width) + ("\r" if not text else ""))
        self._stream.flush()
        self._width = max(self._width, len(text))


def _file_size(source: BinaryIO) -> int:
    try:
        info = os.fstat(source.fileno())
    except (OSError, ValueError):  # pragma: no cover - a stream with no descriptor
        return 0
    return info.st_size if stat.S_ISREG(info.st_mode) else 0


def run(args: argparse.Namespace, handler: Handler, *, id_field: str, command: str) -> int:
    started = time.perf_counter()
    records = ok = 0
    show_progress = args.progress if args.progress is not None else sys.stderr.isatty()
    try:
        stream = open_input(args.file)
        with term_as_interrupt(), stream, open_output(args.output) as out:
            progress = Progress(command, sys.stderr, stream) if show_progress else None
            source = decoded_lines(stream, args.max_line_bytes)
            chunks = process_chunks(source, handler, id_field, jobs=args.jobs)
            with contextlib.closing(chunks):
                for chunk in chunks:
                    out.write(chunk.data)
                    records += chunk.records
                    ok += chunk.ok
                    if progress is not None:
                        progress.update(records)
            if progress is not None:
                progress.close()
    except UsageError as exc:
        print(f"rezept-fusho {command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"\nrezept-fusho {command}: interrupted", file=sys.stderr)
        return 130
    if not args.quiet:
        elapsed = time.perf_counter() - started
        word = _OK_WORDS.get(command, "ok")
        print(
            f"rezept-fusho {command}: {records} records, {ok} {word}, {records - ok} errors, {elapsed:.2f} s",
            file=sys.stderr,
        )
    return 1 if records > ok else 0
