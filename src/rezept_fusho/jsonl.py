"""JSON Lines in, JSON Lines out: one result or one error record per non-blank line.

Shared by every line-oriented command (``resolve``, ``triage``): a handler
turns one parsed JSON object into a pydantic model; anything that goes wrong
with one line becomes that line's error record and the batch goes on. A
:class:`Fast` handler also renders the result's JSON itself, from plain
values, without building the model (:mod:`rezept_fusho.render`): the same
bytes, in a fraction of the time.

Batches stream in chunks of lines (:func:`process_chunks`), in this process or
in a pool of worker processes, always in input order and with a bounded
number of chunks in flight, so memory stays flat whatever the input size.
orjson is used when installed (the ``fast`` extra); the output is the same
bytes either way: both parsers only ever see lines nested at most
:data:`MAX_DEPTH` deep, well within what either can parse.

Limits, each with its own error record: a line longer than the reader's byte
limit (:class:`TooLong`, ``line_too_long``), nesting deeper than
:data:`MAX_DEPTH` (``invalid_json``) and an id longer than
:data:`MAX_ID_LENGTH` (``id_too_long``, the id not echoed). A blank line —
ASCII space, tab, CR and LF only — gets no output; any other line gets one.
"""

from __future__ import annotations

import collections
import json
import os
import re
import signal
import sys
import tempfile
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs
from pydantic import BaseModel, ValidationError

from rezept_fusho.errors import ClaimError
from rezept_fusho.input_errors import id_too_long, to_claim_error
from rezept_fusho.models.types import MAX_ID_LENGTH
from rezept_fusho.render import NotRendered
from rezept_fusho.spill_dir import spill_directory

if TYPE_CHECKING:
    import multiprocessing.pool

try:
    import orjson
except ImportError:  # pragma: no cover - CI has the fast extra; tests set orjson = None instead
    orjson = None  # type: ignore[assignment]

Handler = Callable[[Mapping[str, Any]], BaseModel]
#: One parsed JSON object → the JSON bytes of the handler's result (may raise NotRendered).
Renderer = Callable[[Mapping[str, Any]], bytes]

#: Lines per chunk: large enough to amortise the hand-off to a worker, small enough for flat memory.
CHUNK_SIZE = 2000
#: Characters of input per chunk at most, so that a chunk of long lines stays small too.
CHUNK_CHARS = 4 << 20
#: Nesting of arrays and objects a line may have (a claim has 3); deeper is ``invalid_json``.
MAX_DEPTH = 64
#: What counts as blank: a line of these alone gets no output line.
BLANK = " \t\r\n"


@attrs.frozen
class TooLong:
    """Stands for an input line the reader did not keep because it is longer than *limit* bytes."""

    limit: int


#: An input line as the reader gives it: its text, or the mark of a line too long to keep.
Line = str | TooLong


@attrs.frozen
class Chunk:
    """The output of consecutive input lines: UTF-8 JSON Lines, and how many were results."""

    data: bytes
    records: int
    ok: int

    @property
    def errors(self) -> int:
        return self.records - self.ok


@attrs.frozen
class Fast:
    """A handler with a fast path: *render* gives the JSON bytes of what *handler* returns.

    Called, it is *handler* (the typed result). The runner uses *render* and, when it
    raises :class:`~rezept_fusho.render.NotRendered`, *handler* and the model's JSON:
    the output is the same bytes either way (``tests/integration/test_fast_path.py``).
    Both must be module-level functions for ``--jobs`` (pickled by name).
    """

    handler: Handler
    render: Renderer

    def __call__(self, obj: Mapping[str, Any]) -> BaseModel:
        return self.handler(obj)


class NestedTooDeep(ValueError):
    """The text nests arrays and objects deeper than :data:`MAX_DEPTH`."""


_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


def _too_deep(text: str) -> bool:
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return False  # the usual line: too few brackets to be too deep, whatever the strings hold
    depth = 0
    for bracket in _BRACKET.findall(_STRING.sub("", text)):
        if bracket in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return True
        else:
            depth -= 1
    return False


def _loads_stdlib(text: str) -> object:
    return json.loads(text)


def loads(text: str) -> object:
    """Parse one JSON text; raises ValueError when it is not JSON or nests deeper than :data:`MAX_DEPTH`.

    The depth is checked first, for both parsers: how deep each can go differs (orjson 1024,
    the standard library whatever the stack has left), and must never decide the result.
    """
    if _too_deep(text):
        raise NestedTooDeep(f"nested deeper than {MAX_DEPTH}")
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
TOO_DEEP = ClaimError(
    "invalid_json",
    None,
    f"JSONの入れ子が深すぎます（{MAX_DEPTH}段まで）",
    f"the JSON is nested deeper than {MAX_DEPTH} levels",
)


def _too_long(limit: int) -> ClaimError:
    return ClaimError(
        "line_too_long",
        None,
        f"行が長すぎます（{limit}バイトまで）",
        f"the line is longer than {limit} bytes",
    )


def outcome(
    obj: object, line: int, handler: Handler, id_field: str = "claim_id"
) -> tuple[dict[str, Any] | bytes, bool]:
    """Run *handler* on one parsed JSON value: (result, True) or (error record, False); never raises for bad input.

    The result is JSON data, or already its JSON bytes when a :class:`Fast` handler rendered it.
    """
    if not isinstance(obj, dict):
        return error_record(None, line, _NOT_AN_OBJECT, id_field), False
    raw_id = obj.get(id_field)
    id_value = raw_id if isinstance(raw_id, str) else None
    if id_value is not None and len(id_value) > MAX_ID_LENGTH:
        # Not echoed, not even cut: a cut id could be taken for another claim's.
        return error_record(None, line, id_too_long(id_field), id_field), False
    try:
        if isinstance(handler, Fast):
            try:
                return handler.render(obj), True
            except NotRendered:
                pass
        model = handler(obj)
    except ValidationError as exc:
        return error_record(id_value, line, to_claim_error(exc), id_field), False
    except ClaimError as exc:
        return error_record(id_value, line, exc, id_field), False
    return result_object(model), True


def _process_text(text: Line, line: int, handler: Handler, id_field: str) -> tuple[bytes, bool]:
    if isinstance(text, TooLong):
        return dump_bytes(error_record(None, line, _too_long(text.limit), id_field)), False
    try:
        obj = loads(text)
    except NestedTooDeep:
        return dump_bytes(error_record(None, line, TOO_DEEP, id_field)), False
    except (ValueError, RecursionError):
        return dump_bytes(error_record(None, line, INVALID_JSON, id_field)), False
    data, ok = outcome(obj, line, handler, id_field)
    return data if isinstance(data, bytes) else dump_bytes(data), ok


def numbered(lines: Iterable[Line]) -> Iterator[tuple[int, Line]]:
    """(1-based line number, line) for every line that is not blank.

    Blank means ASCII space, tab, CR and LF only (:data:`BLANK`): a line of U+3000, U+2028,
    form feed or the like is not blank, and becomes an ``invalid_json`` record.
    """
    for number, text in enumerate(lines, start=1):
        # text[:1] first: strip() would copy the whole line just to see it is not blank.
        if isinstance(text, TooLong) or text[:1] not in BLANK or text.strip(BLANK):
            yield number, text


def process_chunk(chunk: list[tuple[int, Line]], handler: Handler, id_field: str) -> Chunk:
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
    chunk: list[tuple[int, Line]], handler: Handler, id_field: str, directory: str
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
    lines: Iterable[Line],
    handler: Handler,
    id_field: str = "claim_id",
    *,
    jobs: int = 1,
    chunk_size: int = CHUNK_SIZE,
) -> Generator[Chunk, None, None]:
    """Process *lines* chunk by chunk, in input order, on *jobs* processes.

    *handler* must be a module-level function when ``jobs > 1`` (it is
    pickled by name). ``jobs == 1`` starts no process. At most ``2 * jobs``
    chunks (of at most *chunk_size* lines and :data:`CHUNK_CHARS` characters)
    are in flight, so memory does not grow with the input; with ``jobs > 1``
    their outputs wait in a private spill directory
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


def _batched(items: Iterable[tuple[int, Line]], size: int) -> Iterator[list[tuple[int, Line]]]:
    batch: list[tuple[int, Line]] = []
    chars = 0
    for item in items:
        batch.append(item)
        chars += len(item[1]) if isinstance(item[1], str) else 0
        if len(batch) >= size or chars >= CHUNK_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch
