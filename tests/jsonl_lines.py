"""One line through the JSON Lines runner, for tests: what the batch would write for it.

Built on the runner's own :func:`rezept_fusho.jsonl.process_chunk`, so a test sees
exactly the bytes ``resolve`` and ``triage`` write.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

import attrs

from rezept_fusho.jsonl import Handler, Line, numbered, process_chunk


@attrs.frozen
class LineResult:
    """One output line and whether it is a result (True) or an error record."""

    text: str
    ok: bool


def process_line(text: Line, line: int, handler: Handler, id_field: str = "claim_id") -> LineResult:
    chunk = process_chunk([(line, text)], handler, id_field)
    return LineResult(chunk.data.decode("utf-8").removesuffix("\n"), chunk.ok == 1)


def process(obj: object, line: int, handler: Handler, id_field: str = "claim_id") -> LineResult:
    """*obj* as the JSON text of one line."""
    return process_line(json.dumps(obj, ensure_ascii=False), line, handler, id_field)


def process_lines(
    lines: Iterable[Line], handler: Handler, id_field: str = "claim_id"
) -> Iterator[LineResult]:
    for number, text in numbered(lines):
        yield process_line(text, number, handler, id_field)
