"""The FastAPI application: resolve, triage, the 申立書 check, insurer numbers, the rule registry, health,
and the 受付ナビ pages at ``/`` (:mod:`rezept_fusho.server.pages`).

Bodies are validated by the same pydantic models as the command line, but a
bad claim is answered with the same error record the batch writes (status
422), never pydantic's own error shape, which may quote the input. Access is
logged as method, route template, status and duration — never a body, a
query or a path parameter. Only loopback host names are answered unless more
are listed, and a bearer token is required when one is configured
(``REZEPT_FUSHO_TOKEN``); ``/healthz`` is exempt from both, for probes. The
pages' own form posts are answered only from the pages (their ``Origin``) and
carry the token in a form field (:mod:`rezept_fusho.server.pages.routes`).
"""

from __future__ import annotations

import hmac
import logging
import time
from collections.abc import Awaitable, Callable, Iterable
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from pydantic.json_schema import models_json_schema
from starlette.concurrency import run_in_threadpool
from starlette.routing import Match

try:
    import orjson
except ImportError:  # pragma: no cover - CI has the fast extra; tests set orjson = None instead
    orjson = None  # type: ignore[assignment]

from rezept_fusho import __version__
from rezept_fusho.api import (
    RESOLVE,
    TRIAGE,
    check_declaration,
    describe_insurer,
    rules_in_force,
)
from rezept_fusho.jsonl import Fast, Handler, loads, outcome
from rezept_fusho.models.claim import Claim
from rezept_fusho.models.resolution import ErrorRecord, Resolution
from rezept_fusho.models.types import parse_iso_date
from rezept_fusho.reception.declaration import DeclarationCheck, DeclarationForm
from rezept_fusho.reception.models import Guidance, Situation
from rezept_fusho.rules.registry import RULES
from rezept_fusho.server.body import CloseUnreadBodies, read_json_body
from rezept_fusho.server.hosts import LOOPBACK_HOSTS, allowed_host, host_name
from rezept_fusho.server.limits import BODY_TIMEOUT_SECONDS, MAX_BATCH, MAX_BODY_BYTES
from rezept_fusho.server.models import BatchResult, InsurerReport, RuleOut, TriageErrorRecord, rule_out
from rezept_fusho.server.pages import routes as pages
from rezept_fusho.server.refusals import (
    BATCH_TOO_LARGE,
    BODY_INCOMPLETE,
    BODY_TIMEOUT,
    BODY_TOO_LARGE,
    HOST_NOT_ALLOWED,
    INVALID_RULES_DATE,
    NOT_JSON,
    UNAUTHORIZED,
    UNSUPPORTED_MEDIA_TYPE,
    Refused,
    documented,
)

__all__ = ["create_app"]

access_log = logging.getLogger("rezept_fusho.access")

#: Every ``/v1`` route may refuse the caller before it runs.
_GUARDS = (HOST_NOT_ALLOWED, UNAUTHORIZED)
#: What a POST may answer before its body reaches the library.
_BODY_REFUSALS = (NOT_JSON, BODY_INCOMPLETE, BODY_TIMEOUT, BODY_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE)


class HealthOut(BaseModel):
    status: str = Field(title="状態")
    version: str = Field(title="バージョン")


def _bearer(header: str | None, token: bytes) -> bool:
    """``Authorization: Bearer <token>``, the scheme in any case (RFC 7235); compared in constant time."""
    scheme, _, credentials = (header or "").partition(" ")
    # Starlette decodes header values as Latin-1: encoding back gives the bytes sent.
    return scheme.lower() == "bearer" and hmac.compare_digest(credentials.strip(" ").encode("latin-1"), token)


def create_app(
    token: str | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
    *,
    allowed_hosts: Iterable[str] = (),
    body_timeout: float = BODY_TIMEOUT_SECONDS,
) -> FastAPI:
    """The application.

    *token* set means every ``/v1`` call needs ``Authorization: Bearer <token>``, and
    every form post of the 受付ナビ pages a ``token`` field holding it.
    Requests are answered only when their ``Host`` header names ``localhost``,
    ``127.0.0.1``, ``[::1]`` or one of *allowed_hosts* (any port; ValueError for
    a name with a port). A request body must arrive within *body_timeout* seconds.
    """
    app = FastAPI(
        title="rezept-fusho",
        version=__version__,
        description="マイナ保険証で資格確認ができない場合の請求（現在の資格 → 旧資格 → 不詳）と受付での対応",
    )
    hosts = LOOPBACK_HOSTS | {allowed_host(name) for name in allowed_hosts}
    expected = token.encode() if token else None

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
        # The scope's path, not request.url: that URL is built from the Host header being checked.
        path = request.scope["path"]
        id_field = "situation_id" if path == "/v1/triage" else "claim_id"
        # Probes (an orchestrator's, a load balancer's) send whatever Host they like; /healthz tells nothing.
        if path != "/healthz" and host_name(request.headers.get("host")) not in hosts:
            return HOST_NOT_ALLOWED.answer(id_field)
        authorization = request.headers.get("authorization")
        if expected is not None and path.startswith("/v1/") and not _bearer(authorization, expected):
            response = UNAUTHORIZED.answer(id_field)
            response.headers["WWW-Authenticate"] = "Bearer"
            return response
        return await call_next(request)

    # Async, so it is answered on the event loop even when every worker thread is busy with a batch.
    @app.get("/healthz", response_model=HealthOut, summary="health check")
    async def healthz() -> HealthOut:
        return HealthOut(status="ok", version=__version__)

    @app.post(
        "/v1/resolve",
        response_model=Resolution | BatchResult,
        responses={
            422: {"model": ErrorRecord, "description": "the claim cannot be billed (one claim)"},
            **documented(ErrorRecord, *_GUARDS, *_BODY_REFUSALS, BATCH_TOO_LARGE),
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
        return await _line_endpoint(request, RESOLVE, "claim_id")

    @app.post(
        "/v1/triage",
        response_model=Guidance,
        responses={
            422: {"model": TriageErrorRecord, "description": "the situation cannot be triaged"},
            **documented(TriageErrorRecord, *_GUARDS, *_BODY_REFUSALS),
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
        return await _line_endpoint(request, TRIAGE, "situation_id", batch=False)

    @app.post(
        "/v1/declaration-check",
        response_model=DeclarationCheck,
        responses={
            422: {
                "model": ErrorRecord,
                "description": "the body is not a 申立書 form (unknown key, not a string)",
            },
            **documented(ErrorRecord, *_GUARDS, *_BODY_REFUSALS),
        },
        summary="check a 申立書 as typed: the claim it makes, its 摘要 and CO records, or what stops it",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DeclarationForm"}}},
            }
        },
    )
    async def declaration_check_endpoint(request: Request) -> Response:
        return await _line_endpoint(request, check_declaration, "claim_id", batch=False)

    async def _line_endpoint(
        request: Request, handler: Handler, id_field: str, batch: bool = True
    ) -> Response:
        try:
            body = await read_json_body(request, max_body_bytes, body_timeout)
        except Refused as refused:
            return refused.refusal.answer(id_field)
        # Parsing, resolving and serialising a batch is CPU work (~0.3 s for 2,000 claims):
        # in a worker thread, the event loop keeps answering other requests meanwhile.
        return await run_in_threadpool(_answer, body, handler, id_field, batch)

    @app.get(
        "/v1/insurer-numbers/{number}",
        response_model=InsurerReport,
        responses=documented(ErrorRecord, *_GUARDS),
        summary="validate a 保険者番号 (check digit, length, placeholders)",
    )
    def insurer_number(number: str) -> dict[str, Any]:
        return describe_insurer(number)

    @app.get(
        "/v1/rules",
        response_model=list[RuleOut],
        responses=documented(ErrorRecord, *_GUARDS, INVALID_RULES_DATE),
        summary="the rule registry: ids, titles, windows, citations",
    )
    def rules(
        date: Annotated[
            str | None,
            Query(
                description="YYYY-MM-DD: only the rules in force on that date, "
                "each read on its own axis (診療日 or 請求年月), like `rezept-fusho rules --date`"
            ),
        ] = None,
    ) -> Response | list[RuleOut]:
        if date is None:
            return [rule_out(rule) for rule in RULES]
        day = parse_iso_date(date)
        if day is None:
            return INVALID_RULES_DATE.answer()
        return [rule_out(rule) for rule in rules_in_force(day)]

    pages.register(app, token=expected, max_body_bytes=max_body_bytes, body_timeout=body_timeout)

    # Outermost, so that it also sees the answers the guard gives before any body is read.
    app.add_middleware(CloseUnreadBodies)
    # The request-body schemas referenced above come from the same models.
    _add_component_schemas(app, Claim, Situation, DeclarationForm)
    return app


def _answer(body: bytes, handler: Handler, id_field: str, batch: bool) -> Response:
    """The answer to a JSON body (run in a worker thread: the response is rendered here too)."""
    try:
        data = loads(body.decode("utf-8"))
    except (ValueError, RecursionError):
        return NOT_JSON.answer(id_field)
    if batch and isinstance(data, list):
        if len(data) > MAX_BATCH:
            return BATCH_TOO_LARGE.answer(id_field)
        results = [outcome(item, line, handler, id_field) for line, item in enumerate(data, start=1)]
        errors = sum(1 for _, ok in results if not ok)
        content: dict[str, Any] = {"results": [record for record, _ in results], "errors": errors}
        if isinstance(handler, Fast) and any(isinstance(record, bytes) for record, _ in results):
            # Rendered results in it: orjson writes them; failing that, the whole batch by the model's path.
            return _fast_response(content) or _answer(body, handler.handler, id_field, batch)
        return JSONResponse(content)
    result, ok = outcome(data, 1, handler, id_field)
    status = 200 if ok else 422
    if isinstance(result, bytes):
        return Response(result, status_code=status, media_type="application/json")
    return JSONResponse(result, status_code=status)


def _fast_response(content: dict[str, Any]) -> Response | None:
    """A batch's *content*, some results already rendered as bytes, as JSONResponse would write it.

    orjson writes the same bytes as JSONResponse's ``json.dumps``; None when it cannot
    (not installed, or a lone surrogate): the caller answers by the model's path instead.
    """
    if orjson is None:
        return None
    results = [orjson.Fragment(item) if isinstance(item, bytes) else item for item in content["results"]]
    try:
        rendered = orjson.dumps({**content, "results": results})
    except orjson.JSONEncodeError:
        return None
    return Response(rendered, media_type="application/json")


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
