"""JSON Lines in, JSON Lines out: one result or one error record per non-blank line.

Shared by every line-oriented command (``resolve``, ``triage``): a handler
turns one parsed JSON object into a pydantic model; anything that goes wrong
with one line becomes that line's error record and the batch goes on.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs
from pydantic import BaseModel, ValidationError

from rezept_fusho.errors import ClaimError
from rezept_fusho.validation import to_claim_error

Handler = Callable[[Mapping[str, Any]], BaseModel]


@attrs.frozen
class LineResult:
    """One output line and whether it is a result (True) or an error record."""

    text: str
    ok: bool


def dumps(obj: Mapping[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


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


def process(obj: object, line: int, handler: Handler, id_field: str = "claim_id") -> LineResult:
    """Run *handler* on one parsed JSON value; never raises for bad input."""
    if not isinstance(obj, dict):
        error = ClaimError(
            "not_an_object", None, "1行に1つのJSONオブジェクトが必要です", "each line must be one JSON object"
        )
        return LineResult(dumps(error_record(None, line, error, id_field)), False)
    raw_id = obj.get(id_field)
    id_value = raw_id if isinstance(raw_id, str) else None
    try:
        model = handler(obj)
    except ValidationError as exc:
        return LineResult(dumps(error_record(id_value, line, to_claim_error(exc), id_field)), False)
    except ClaimError as exc:
        return LineResult(dumps(error_record(id_value, line, exc, id_field)), False)
    return LineResult(dumps(result_object(model)), True)


def process_line(text: str, line: int, handler: Handler, id_field: str = "claim_id") -> LineResult:
    try:
        obj = json.loads(text)
    except (ValueError, RecursionError):
        error = ClaimError("invalid_json", None, "JSONとして読めません", "the line is not valid JSON")
        return LineResult(dumps(error_record(None, line, error, id_field)), False)
    return process(obj, line, handler, id_field)


def numbered(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """(1-based line number, text) for every non-blank line."""
    for number, text in enumerate(lines, start=1):
        if text.strip():
            yield number, text


def process_lines(lines: Iterable[str], handler: Handler, id_field: str = "claim_id") -> Iterator[LineResult]:
    for number, text in numbered(lines):
        yield process_line(text, number, handler, id_field)
