"""The FastAPI application: resolve, triage, insurer numbers, the rule registry, health.

Bodies are validated by the same pydantic models as the command line, but a
bad claim is answered with the same error record the batch writes (status
422), never pydantic's own error shape, which may quote the input. Access is
logged as method, route template, status and duration — never a body, a
query or a path parameter. A bearer token is required when one is configured
(``REZEPT_FUSHO_TOKEN``); ``/healthz`` stays open for probes.
"""

from __future__ import annotations

import hmac
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from pydantic.json_schema import models_json_schema
from starlette.routing import Match

from rezept_fusho import __version__
from rezept_fusho.cli.check_insurer import describe
from rezept_fusho.cli.resolve import resolve_object
from rezept_fusho.cli.triage import triage_object
from rezept_fusho.errors import ClaimError
from rezept_fusho.frontdesk.models import Guidance, Situation
from rezept_fusho.jsonl import INVALID_JSON, Handler, error_record, loads, outcome
from rezept_fusho.models.claim import Claim
from rezept_fusho.models.resolution import ErrorRecord, Resolution
from rezept_fusho.rules.registry import RULES
from rezept_fusho.server.models import BatchResult, InsurerReport, RuleOut, TriageErrorRecord, rule_out

#: 1 MiB: about 2,000 claims per request; bigger batches belong to the command line.
MAX_BODY_BYTES = 1 << 20
#: Claims per ``POST /v1/resolve`` batch.
MAX_BATCH = 2000

access_log = logging.getLogger("rezept_fusho.access")

_TOO_LARGE = ClaimError("body_too_large", None, "リクエストが大きすぎます", "the request body is too large")
_UNAUTHORIZED = ClaimError("unauthorized", None, "認証が必要です", "a valid bearer token is required")


def _failures(record: type[BaseModel]) -> dict[int | str, dict[str, Any]]:
    """Answers a POST may give besides its own, all in the endpoint's error-record shape."""
    return {
        400: {"model": record, "description": "the body is not JSON"},
        401: {"model": record, "description": "a bearer token is configured and was not given"},
        413: {"model": record, "description": "the body or the batch is too large"},
    }


class HealthOut(BaseModel):
    status: str = Field(title="状態")
    version: str = Field(title="バージョン")


def _error(
    status: int, error: ClaimError, id_field: str = "claim_id", id_value: str | None = None
) -> JSONResponse:
    return JSONResponse(error_record(id_value, 1, error, id_field), status_code=status)


async def _json_body(request: Request) -> object:
    return loads((await request.body()).decode("utf-8"))


def create_app(token: str | None = None, max_body_bytes: int = MAX_BODY_BYTES) -> FastAPI:
    """The application; *token* set means every ``/v1`` call needs ``Authorization: Bearer <token>``."""
    app = FastAPI(
        title="rezept-fusho",
        version=__version__,
        description="マイナ保険証で資格確認ができない場合の請求（現在の資格 → 旧資格 → 不詳）と受付での対応",
    )
    expected = f"Bearer {token}".encode() if token else None

    @app.middleware("http")
    async def guard_and_log(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        started = time.perf_counter()
        response = await _guarded(request, call_next)
        access_log.info(
            "%s %s %d %.1fms",
            request.method,
            _route_template(app, request),
            response.status_code,
            (time.perf_counter() - started) * 1000,
        )
        return response

    async def _guarded(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        id_field = "situation_id" if request.url.path == "/v1/triage" else "claim_id"
        if expected is not None and request.url.path.startswith("/v1/"):
            given = request.headers.get("authorization", "").encode()
            if not hmac.compare_digest(given, expected):
                response = _error(401, _UNAUTHORIZED, id_field)
                response.headers["WWW-Authenticate"] = "Bearer"
                return response
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > max_body_bytes:
            return _error(413, _TOO_LARGE, id_field)
        if request.method == "POST" and declared is None:
            # Chunked upload: read with a cap rather than trusting the client.
            body = b""
            async for part in request.stream():
                body += part
                if len(body) > max_body_bytes:
                    return _error(413, _TOO_LARGE, id_field)
            request._body = body
        return await call_next(request)

    @app.get("/healthz", response_model=HealthOut, summary="health check")
    def healthz() -> HealthOut:
        return HealthOut(status="ok", version=__version__)

    @app.post(
        "/v1/resolve",
        response_model=Resolution | BatchResult,
        responses={
            422: {"model": ErrorRecord, "description": "the claim cannot be billed (one claim)"},
            **_failures(ErrorRecord),
        },
        summary="resolve one claim, or a batch (a JSON array)",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "anyOf": [
                                {"$ref": "#/components/schemas/Claim"},
                                {
                                    "type": "array",
                                    "items": {"$ref": "#/components/schemas/Claim"},
                                    "maxItems": MAX_BATCH,
                                },
                            ]
                        }
                    }
                },
            }
        },
    )
    async def resolve_endpoint(request: Request) -> Response:
        return await _line_endpoint(request, resolve_object, "claim_id")

    @app.post(
        "/v1/triage",
        response_model=Guidance,
        responses={
            422: {"model": TriageErrorRecord, "description": "the situation cannot be triaged"},
            **_failures(TriageErrorRecord),
        },
        summary="what the front desk does when the マイナ保険証 check fails",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Situation"}}},
            }
        },
    )
    async def triage_endpoint(request: Request) -> Response:
        return await _line_endpoint(request, triage_object, "situation_id", batch=False)

    async def _line_endpoint(
        request: Request, handler: Handler, id_field: str, batch: bool = True
    ) -> Response:
        try:
            body = await _json_body(request)
        except (ValueError, RecursionError):
            return _error(400, INVALID_JSON, id_field)
        if batch and isinstance(body, list):
            if len(body) > MAX_BATCH:
                return _error(413, _TOO_LARGE, id_field)
            results = [outcome(item, line, handler, id_field) for line, item in enumerate(body, start=1)]
            errors = sum(1 for _, ok in results if not ok)
            return JSONResponse({"results": [data for data, _ in results], "errors": errors})
        data, ok = outcome(body, 1, handler, id_field)
        return JSONResponse(data, status_code=200 if ok else 422)

    @app.get(
        "/v1/insurer-numbers/{number}",
        response_model=InsurerReport,
        summary="validate a 保険者番号 (check digit, length, placeholders)",
    )
    def insurer_number(number: str) -> dict[str, Any]:
        return describe(number)

    @app.get(
        "/v1/rules",
        response_model=list[RuleOut],
        summary="the rule registry: ids, titles, windows, citations",
    )
    def rules() -> list[RuleOut]:
        return [rule_out(rule) for rule in RULES]

    # The request-body schemas referenced above come from the same models.
    _add_component_schemas(app, Claim, Situation)
    return app


def _add_component_schemas(app: FastAPI, *models: type[BaseModel]) -> None:
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        document = original()
        _, top = models_json_schema(
            [(model, "validation") for model in models], ref_template="#/components/schemas/{model}"
        )
        components = document.setdefault("components", {}).setdefault("schemas", {})
        for name, schema in top.get("$defs", {}).items():
            components.setdefault(name, schema)
        app.openapi_schema = document
        return document

    app.openapi = openapi  # type: ignore[method-assign]


def _route_template(app: FastAPI, request: Request) -> str:
    """The matched route's template (``/v1/insurer-numbers/{number}``), never the raw path."""
    for route in app.router.routes:
        match, _ = route.matches(request.scope)
        if match == Match.FULL:
            return getattr(route, "path", "?")
    return "<unmatched>"
