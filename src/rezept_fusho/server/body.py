"""Request bodies: JSON only, within a size and a time limit, and no connection kept for an unread one.

``application/json`` is required because a web page can send the CORS-safelisted
types (``text/plain``, forms) to the service without asking first; for JSON the
browser must ask (a preflight), and the service never says yes. The 受付ナビ
page's own HTML forms are the one exception: they post a form, read under the
same limits, and are answered only from the page itself (:mod:`.origin`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import anyio
from starlette.requests import ClientDisconnect, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from rezept_fusho.server.refusals import (
    BODY_INCOMPLETE,
    BODY_TIMEOUT,
    BODY_TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    Refusal,
    Refused,
)

_UTF_8 = frozenset({"utf-8", "utf8"})


def is_json(content_type: str | None) -> bool:
    """True for ``application/json``, alone or with ``charset=utf-8`` (any case, quoted or not)."""
    return _is_utf8(content_type, "application/json")


def is_form(content_type: str | None) -> bool:
    """True for an HTML form's ``application/x-www-form-urlencoded`` (``charset=utf-8`` allowed)."""
    return _is_utf8(content_type, "application/x-www-form-urlencoded")


def _is_utf8(content_type: str | None, expected: str) -> bool:
    if content_type is None:
        return False
    media_type, *parameters = content_type.split(";")
    if media_type.strip().lower() != expected:
        return False
    for parameter in filter(str.strip, parameters):
        name, _, value = parameter.partition("=")
        # The body is read as UTF-8 (RFC 8259); any other charset would be misread.
        if name.strip().lower() != "charset" or value.strip().strip('"').lower() not in _UTF_8:
            return False
    return True


_DIGITS = re.compile(r"[0-9]{1,20}")


async def read_json_body(request: Request, max_bytes: int, timeout: float) -> bytes:
    """The whole body of a JSON request; raises :class:`Refused` (415, 413, 408, or 400 on a disconnect)."""
    return await read_body(request, max_bytes, timeout, is_json, UNSUPPORTED_MEDIA_TYPE)


async def read_body(
    request: Request,
    max_bytes: int,
    timeout: float,
    accepts: Callable[[str | None], bool],
    wrong_type: Refusal,
) -> bytes:
    """The whole body of a request whose Content-Type *accepts* takes; else raises :class:`Refused` (*wrong_type*)."""
    if not accepts(request.headers.get("content-type")):
        raise Refused(wrong_type)
    declared = request.headers.get("content-length", "")
    if _DIGITS.fullmatch(declared) and int(declared) > max_bytes:
        raise Refused(BODY_TOO_LARGE)
    body = bytearray()
    # One deadline for the whole body: a per-chunk timeout would let a client send one byte at a time.
    with anyio.move_on_after(timeout) as deadline:
        try:
            async for part in request.stream():
                body += part
                if len(body) > max_bytes:  # chunked uploads declare no length
                    raise Refused(BODY_TOO_LARGE)
        except ClientDisconnect:
            raise Refused(BODY_INCOMPLETE) from None
    if deadline.cancelled_caught:
        raise Refused(BODY_TIMEOUT)
    return bytes(body)


class CloseUnreadBodies:
    """ASGI middleware: ``Connection: close`` on any answer given before the request body was all received.

    uvicorn otherwise keeps such a connection and discards what the client sends
    for as long as it trickles in (each byte restarts its keep-alive timer), so a
    refused or timed-out slow sender would hold the connection forever.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        received = not _has_body(scope)

        async def tracking_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.disconnect" or not message.get("more_body", False):
                received = True
            return message

        async def closing_send(message: Message) -> None:
            if message["type"] == "http.response.start" and not received:
                headers = [*message.get("headers", []), (b"connection", b"close")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, tracking_receive, closing_send)


def _has_body(scope: Scope) -> bool:
    for name, value in scope["headers"]:
        if name == b"transfer-encoding" or (name == b"content-length" and value.strip(b" 0")):
            return True
    return False
