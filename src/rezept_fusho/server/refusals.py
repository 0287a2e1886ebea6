"""The answers the service gives on its own, before a body reaches the library.

Each is an error record with a stable code, like the ones the library writes,
so a client reads every failure the same way. None repeats anything from the
request: not the body, not a header value.
"""

from __future__ import annotations

from typing import Any

import attrs
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from rezept_fusho.errors import ClaimError
from rezept_fusho.jsonl import INVALID_JSON, error_record
from rezept_fusho.models.types import INVALID_DATE_TEXTS
from rezept_fusho.server.limits import MAX_BATCH


@attrs.frozen
class Refusal:
    """An HTTP status, the error it carries, and when it happens (for the OpenAPI document)."""

    status: int
    error: ClaimError
    when: str

    def answer(self, id_field: str = "claim_id") -> JSONResponse:
        return JSONResponse(error_record(None, 1, self.error, id_field), status_code=self.status)


class Refused(Exception):
    """Raised where a request is refused; the endpoint answers with :attr:`refusal`."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.error.code)
        self.refusal = refusal


HOST_NOT_ALLOWED = Refusal(
    421,
    ClaimError(
        "host_not_allowed",
        None,
        "このホスト名宛てのリクエストには応答しません（serve --allowed-host で追加できます）",
        "the Host header names a host this service does not answer (serve --allowed-host adds one)",
    ),
    "the Host header is not localhost, 127.0.0.1, [::1] or a name given with --allowed-host",
)
UNAUTHORIZED = Refusal(
    401,
    ClaimError("unauthorized", None, "認証が必要です", "a valid bearer token is required"),
    "a bearer token is configured and was not given",
)
UNSUPPORTED_MEDIA_TYPE = Refusal(
    415,
    ClaimError(
        "unsupported_media_type",
        None,
        "Content-Type は application/json にしてください",
        "the Content-Type must be application/json",
    ),
    "the Content-Type is not application/json (charset=utf-8 allowed)",
)
BODY_TOO_LARGE = Refusal(
    413,
    ClaimError("body_too_large", None, "リクエストが大きすぎます", "the request body is too large"),
    "body_too_large: the body is over the size limit",
)
BATCH_TOO_LARGE = Refusal(
    413,
    ClaimError(
        "batch_too_large",
        None,
        f"一度に送れる請求は{MAX_BATCH:,}件までです",
        f"a batch holds at most {MAX_BATCH:,} claims",
    ),
    f"batch_too_large: the array has more than {MAX_BATCH:,} claims",
)
BODY_TIMEOUT = Refusal(
    408,
    ClaimError(
        "body_timeout",
        None,
        "リクエスト本文が時間内に届きませんでした",
        "the request body did not arrive in time",
    ),
    "the body did not arrive within the time limit (the connection is then closed)",
)
BODY_INCOMPLETE = Refusal(
    400,
    ClaimError(
        "body_incomplete",
        None,
        "リクエスト本文が途中で切れました",
        "the connection closed before the request body ended",
    ),
    "body_incomplete: the client closed the connection before the body ended",
)
NOT_JSON = Refusal(400, INVALID_JSON, "invalid_json: the body is not JSON (or not UTF-8)")
INVALID_RULES_DATE = Refusal(
    422,
    ClaimError("invalid_date", "date", *INVALID_DATE_TEXTS),
    "date is not a real date written YYYY-MM-DD",
)


def documented(record: type[BaseModel], *refusals: Refusal) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for *refusals*, in the endpoint's error-record shape, one entry per status."""
    responses: dict[int | str, dict[str, Any]] = {}
    for refusal in refusals:
        entry = responses.setdefault(refusal.status, {"model": record, "description": ""})
        entry["description"] = "; ".join(filter(None, [entry["description"], refusal.when]))
    return responses
