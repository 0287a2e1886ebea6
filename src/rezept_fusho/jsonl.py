"""JSON Lines in, JSON Lines out: one result or one error record per non-blank line.

Shared by every line-oriented command (``resolve``, ``triage``): a handler
turns one parsed JSON object into a pydantic model; anything that goes wrong
with one line becomes that line's error record and the batch goes on.

Batches stream in chunks of lines (:func:`process_chunks`), in this process or
in a pool of worker processes, always in input order and with a bounded
number of chunks in flight, so memory stays flat whatever the input size.
orjson is used when installed (the ``fast`` extra); the output is the same
bytes either way.
"""

from __future__ import annotations

import collections
import itertools
import json
import os
import signal
import sys
import tempfile
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs
from pydantic import BaseModel, ValidationError

from rezept_fusho.errors import ClaimError
from rezept_fusho.spill_dir import spill_directory
from rezept_fusho.validation import to_claim_error

if TYPE_CHECKING:
    import multiprocessing.pool

try:
    import orjson
except ImportError:  # pragma: no cover - CI has the fast extra; tests set orjson = None instead
    orjson = None  # type: ignore[assignment]

Handler = Callable[[Mapping[str, Any]], BaseModel]

#: Lines per chunk: large enough to amortise the hand-off to a worker, small enough for flat memory.
CHUNK_SIZE = 2000


@attrs.frozen
class LineResult:
    """One output line and whether it is a result (True) or an error record."""

    text: str
    ok: bool


@attrs.frozen
class Chunk:
    """The output of consecutive input lines: UTF-8 JSON Lines, and how many were results."""

    data: bytes
    records: int
    ok: int

    @property
    def errors(self) -> int:
        return self.records - self.ok


def _loads_stdlib(text: str) -> object:
    return json.loads(text)


def loads(text: str) -> object:
    """Parse one JSON text; raises ValueError (or RecursionError) when it is not JSON."""
    if orjson is None:
        return _loads_stdlib(text)
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        # orjson is stricter (no NaN, no lone surrogates, 64-bit integers): let the
        # standard library decide, so the result never depends on the extra.
        return _loads_stdlib(text)


def _dumps_stdlib(obj: Mapping[str, Any]) -> bytes:
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate came in through a \\ud800 escape: echo it escaped, not crash.
        return json.dumps(obj, separators=(",", ":")).encode("ascii")


def dump_bytes(obj: Mapping[str, Any]) -> bytes:
    """One compact JSON text as UTF-8 (non-ASCII kept as is)."""
    if orjson is None:
        return _dumps_stdlib(obj)
    try:
        return orjson.dumps(obj)
    except orjson.JSONEncodeError:
        return _dumps_stdlib(obj)


def dumps(obj: Mapping[str, Any]) -> str:
    return dump_bytes(obj).decode("utf-8")


def error_record(
    id_value: str | None, line: int, error: ClaimError, id_field: str = "claim_id"
) -> dict[str, Any]:
    return {
        id_field: id_value,
        "line": line,
        "error": {"code": error.code, "message": error.message, "field": error.field},
    }


def result_object(model: BaseModel) -> dict[str, Any]:
    """The model as JSON data; optional echo fields are left out when null."""
    data = model.model_dump(mode="json")
    if data.get("receipt_number", "") is None:
        del data["receipt_number"]
    return data


_NOT_AN_OBJECT = ClaimError(
    "not_an_object", None, "1行に1つのJSONオブジェクトが必要です", "each line must be one JSON object"
)
INVALID_JSON = ClaimError("invalid_json", None, "JSONとして読めません", "the line is not valid JSON")


def outcome(
    obj: object, line: int, handler: Handler, id_field: str = "claim_id"
) -> tuple[dict[str, Any], bool]:
    """Run *handler* on one parsed JSON value: (result, True) or (error record, False); never raises for bad input."""
    if not isinstance(obj, dict):
        return error_record(None, line, _NOT_AN_OBJECT, id_field), False
    raw_id = obj.get(id_field)
    id_value = raw_id if isinstance(raw_id, str) else None
    try:
        model = handler(obj)
    except ValidationError as exc:
        return error_record(id_value, line, to_claim_error(exc), id_field), False
    except ClaimError as exc:
        return error_record(id_value, line, exc, id_field), False
    return result_object(model), True


def _process(obj: object, line: int, handler: Handler, id_field: str) -> tuple[bytes, bool]:
    data, ok = outcome(obj, line, handler, id_field)
    return dump_bytes(data), ok


def _process_text(text: str, line: int, handler: Handler, id_field: str) -> tuple[bytes, bool]:
    try:
        obj = loads(text)
    except (ValueError, RecursionError):
        return dump_bytes(error_record(None, line, INVALID_JSON, id_field)), False
    return _process(obj, line, handler, id_field)


def process(obj: object, line: int, handler: Handler, id_field: str = "claim_id") -> LineResult:
    """Run *handler* on one parsed JSON value; never raises for bad input."""
    data, ok = _process(obj, line, handler, id_field)
    return LineResult(data.decode("utf-8"), ok)


def process_line(text: str, line: int, handler: Handler, id_field: str = "claim_id") -> LineResult:
    data, ok = _process_text(text, line, handler, id_field)
    return LineResult(data.decode("utf-8"), ok)


def numbered(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """(1-based line number, text) for every non-blank line."""
    for number, text in enumerate(lines, start=1):
        if text.strip():
            yield number, text


def process_lines(lines: Iterable[str], handler: Handler, id_field: str = "claim_id") -> Iterator[LineResult]:
    for number, text in numbered(lines):
        yield process_line(text, number, handler, id_field)


def process_chunk(chunk: list[tuple[int, str]], handler: Handler, id_field: str) -> Chunk:
    """The output of one chunk of numbered lines (what a worker process runs)."""
    parts: list[bytes] = []
    ok = 0
    for number, text in chunk:
        data, good = _process_text(text, number, handler, id_field)
        parts.append(data)
        ok += good
    parts.append(b"")
    return Chunk(b"\n".join(parts), len(chunk), ok)


@attrs.frozen
class Spilled:
    """A worker's chunk output left in a file: the pool then carries only this small value."""

    path: str
    records: int
    ok: int


def process_chunk_to_file(
    chunk: list[tuple[int, str]], handler: Handler, id_field: str, directory: str
) -> Spilled:
    """What a worker process runs: :func:`process_chunk`, its output written to a file in *directory*.

    Sent back through the pool's pipe, a chunk's output (megabytes) would keep the
    worker waiting until the parent is scheduled to read it; a file lets it go on.
    """
    done = process_chunk(chunk, handler, id_field)
    fd, path = tempfile.mkstemp(dir=directory, suffix=".jsonl")
    with os.fdopen(fd, "wb") as out:
        out.write(done.data)
    return Spilled(path, done.records, done.ok)


def _collect(spilled: Spilled) -> Chunk:
    with open(spilled.path, "rb") as stream:
        data = stream.read()
    os.unlink(spilled.path)
    return Chunk(data, spilled.records, spilled.ok)


def _worker_init(parent: int) -> None:
    # Ctrl-C reaches the whole process group: only the parent acts on it (and
    # terminates the pool); SIGTERM stays fatal so Pool.terminate() works.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _end_with_parent(parent)


#: prctl(2) option: the signal a process gets when its parent dies (Linux).
_PR_SET_PDEATHSIG = 1


def _end_with_parent(parent: int) -> None:  # pragma: no cover - runs in pool workers: see test_kill.py
    """Linux: SIGTERM this worker when the parent dies, even by ``kill -9``.

    An orphaned worker would otherwise finish its chunk into a spill directory nobody reads,
    keep the output file's descriptor open, and print a traceback when it finds the pipe gone.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes  # noqa: PLC0415 - only in --jobs workers

        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM))
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os.kill(os.getpid(), signal.SIGTERM)


def process_chunks(
    lines: Iterable[str],
    handler: Handler,
    id_field: str = "claim_id",
    *,
    jobs: int = 1,
    chunk_size: int = CHUNK_SIZE,
) -> Generator[Chunk, None, None]:
    """Process *lines* chunk by chunk, in input order, on *jobs* processes.

    *handler* must be a module-level function when ``jobs > 1`` (it is
    pickled by name). ``jobs == 1`` starts no process. At most ``2 * jobs``
    chunks are in flight, so memory does not grow with the input; with
    ``jobs > 1`` their outputs wait in a private spill directory
    (:mod:`rezept_fusho.spill_dir`), removed when the generator ends or is closed.
    """
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    chunks = _batched(numbered(lines), chunk_size)
    if jobs == 1:
        for chunk in chunks:
            yield process_chunk(chunk, handler, id_field)
        return
    import multiprocessing  # noqa: PLC0415 - only for --jobs > 1: it costs every start-up otherwise

    with (
        spill_directory() as directory,
        multiprocessing.get_context().Pool(jobs, initializer=_worker_init, initargs=(os.getpid(),)) as pool,
    ):
        pending: collections.deque[multiprocessing.pool.AsyncResult[Spilled]] = collections.deque()
        for chunk in chunks:
            pending.append(pool.apply_async(process_chunk_to_file, (chunk, handler, id_field, directory)))
            if len(pending) >= 2 * jobs:
                yield _collect(pending.popleft().get())
        while pending:
            yield _collect(pending.popleft().get())


def _batched(items: Iterable[tuple[int, str]], size: int) -> Iterator[list[tuple[int, str]]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch
