"""The 受付ナビ's routes: the two pages, their form posts, the download, the print view, the static files.

Every form post is checked, in this order, before anything in it is used:
the ``Origin`` (403 unless it is this service: :mod:`rezept_fusho.server.origin`),
the ``Content-Type`` (415 unless a form), the body's size and time (413, 408),
its encoding (400), and, when the service has a token, the ``token`` field
(401). A refusal is a page that repeats nothing that was sent.

The ``GET`` pages hold no patient data and are answered without the token, so
that a browser can show the form that asks for it. Their query (``/declaration?
service_date=…&insurance_kind=…``, from the 受付 page's link) never holds any.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping
from importlib.resources import files
from urllib.parse import parse_qs

from fastapi import FastAPI, Request, Response
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from rezept_fusho.api import triage_object
from rezept_fusho.errors import ClaimError
from rezept_fusho.input_errors import to_claim_error
from rezept_fusho.reception.declaration import DeclarationCheck, DeclarationForm, check
from rezept_fusho.reception.models import Guidance
from rezept_fusho.server.body import is_form, read_body
from rezept_fusho.server.origin import same_origin
from rezept_fusho.server.pages import declaration_page, triage_page
from rezept_fusho.server.pages.layout import HEADERS, Page, html_page, refusal_page
from rezept_fusho.server.refusals import Refusal, Refused

__all__ = ["STATIC", "register"]

#: The files under ``server/static`` the pages load, and their types.
STATIC = {"reception.js": "text/javascript; charset=utf-8", "reception.css": "text/css; charset=utf-8"}
#: More fields than any form of the pages has (20 address boxes and a dozen others).
MAX_FIELDS = 100

NOT_A_FORM = Refusal(
    415,
    ClaimError(
        "unsupported_media_type",
        None,
        "このページのフォームから送信してください",
        "post the page's own form (application/x-www-form-urlencoded)",
    ),
    "the Content-Type is not application/x-www-form-urlencoded",
)
_CROSS_SITE_JA = "このサービスのページ以外から送られたフォームは受け付けません"
_NOT_UTF8_JA = "フォームの内容を読めませんでした（UTF-8 で送信してください）"
_TOKEN_JA = "アクセストークンが違います。もう一度入力してください"


class _Stop(Exception):
    """A form post refused: *answer* is the page to send instead."""

    def __init__(self, answer: Response) -> None:
        super().__init__()
        self.answer = answer


def register(app: FastAPI, *, token: bytes | None, max_body_bytes: int, body_timeout: float) -> None:
    """Add the 受付ナビ to *app*: ``/``, ``/declaration`` and its posts, ``/static/{name}``."""
    required = token is not None
    static = {name: (files("rezept_fusho.server") / "static" / name).read_bytes() for name in STATIC}

    async def form_values(request: Request, page: Page) -> dict[str, list[str]]:
        headers = request.headers
        if not same_origin(headers.get("host"), headers.get("origin"), headers.get("referer")):
            raise _Stop(refusal_page(403, _CROSS_SITE_JA, current=page, token_required=required))
        try:
            body = await read_body(request, max_body_bytes, body_timeout, is_form, NOT_A_FORM)
        except Refused as refused:
            error = refused.refusal.error
            raise _Stop(
                refusal_page(refused.refusal.status, error.message_ja, current=page, token_required=required)
            ) from None
        try:
            values = parse_qs(
                body.decode("utf-8"), keep_blank_values=True, errors="strict", max_num_fields=MAX_FIELDS
            )
        except ValueError:  # not UTF-8 (UnicodeDecodeError is one), or too many fields
            raise _Stop(refusal_page(400, _NOT_UTF8_JA, current=page, token_required=required)) from None
        if token is not None and not _token_matches(values, token):
            raise _Stop(refusal_page(401, _TOKEN_JA, current=page, token_required=required))
        return values

    @app.get("/", include_in_schema=False)
    async def triage_form() -> Response:
        return html_page(triage_page.render({}, None, None, token_required=required))

    @app.post("/", include_in_schema=False)
    async def triage_post(request: Request) -> Response:
        try:
            values = await form_values(request, "triage")
        except _Stop as stop:
            return stop.answer
        guidance, error = await run_in_threadpool(_triage, values)
        page = triage_page.render(values, guidance, error, token_required=required)
        return html_page(page, 200 if guidance is not None else 422)

    @app.get("/declaration", include_in_schema=False)
    async def declaration_form(request: Request) -> Response:
        # The 受付 page's link carries the date and the kind; nothing else is taken from a query.
        query = request.query_params
        form = DeclarationForm(
            service_date=query.get("service_date", ""), insurance_kind=query.get("insurance_kind", "unknown")
        )
        return html_page(declaration_page.render(form, None, token_required=required))

    @app.post("/declaration", include_in_schema=False)
    async def declaration_post(request: Request) -> Response:
        try:
            values = await form_values(request, "declaration")
        except _Stop as stop:
            return stop.answer
        form, result = await _checked(values)
        adding = values.get("action") == ["add_address"]
        page = declaration_page.render(form, result, token_required=required, add_address=adding)
        return html_page(page)

    @app.post("/declaration/claim.jsonl", include_in_schema=False)
    async def declaration_download(request: Request) -> Response:
        try:
            form, result = await _checked(await form_values(request, "declaration"))
        except _Stop as stop:
            return stop.answer
        if result.claim_line is None or result.resolution is None:
            return html_page(declaration_page.render(form, result, token_required=required), 422)
        name = (
            f"{result.resolution.claim_id}.jsonl" if result.resolution.claim_id.isascii() else "claim.jsonl"
        )
        return Response(
            result.claim_line + "\n",
            media_type="application/jsonl; charset=utf-8",
            headers={**HEADERS, "Content-Disposition": f'attachment; filename="{_safe_name(name)}"'},
        )

    @app.post("/declaration/print", include_in_schema=False)
    async def declaration_print(request: Request) -> Response:
        try:
            form, result = await _checked(await form_values(request, "declaration"))
        except _Stop as stop:
            return stop.answer
        return html_page(declaration_page.render_print(form, result))

    @app.get("/static/{name}", include_in_schema=False)
    async def static_file(name: str) -> Response:
        if name not in static:
            return Response(status_code=404, headers=HEADERS)
        # no-cache: revalidated on every load, so an upgraded service never runs an old script.
        return Response(
            static[name], media_type=STATIC[name], headers={**HEADERS, "Cache-Control": "no-cache"}
        )


def _token_matches(values: Mapping[str, list[str]], token: bytes) -> bool:
    sent = values.get("token", [""])[0]
    return hmac.compare_digest(sent.encode("utf-8"), token)


def _triage(values: Mapping[str, list[str]]) -> tuple[Guidance | None, ClaimError | None]:
    try:
        return triage_object(triage_page.situation_object(values)), None
    except ValidationError as exc:
        return None, to_claim_error(exc)
    except ClaimError as exc:
        return None, exc


async def _checked(values: Mapping[str, list[str]]) -> tuple[DeclarationForm, DeclarationCheck]:
    data = declaration_page.form_object(values)
    form = DeclarationForm.model_validate(data)  # every field a string: never fails
    return form, await run_in_threadpool(check, form)


def _safe_name(name: str) -> str:
    """A file name safe inside a quoted header value: ASCII letters, digits, ``.``, ``-`` and ``_`` only."""
    return "".join(char if char.isalnum() or char in ".-_" else "_" for char in name)
