"""The service's tests need the server extra; without it they are skipped, not failed."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")


async def exchange(
    app: Any,
    method: str,
    path: str,
    headers: Sequence[tuple[bytes, bytes]],
    messages: Iterable[dict[str, Any]] = ({"type": "http.request", "body": b"", "more_body": False},),
) -> tuple[int, bytes]:
    """One request straight through the ASGI interface, for what HTTP clients will not send.

    *messages* are what the server's ``receive`` gives, in order (a body, a
    disconnect); returns the status and the body of the answer.
    """
    pending = iter(messages)
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return next(pending, {"type": "http.disconnect"})

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": list(headers),
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    await app(scope, receive, send)
    start, *bodies = sent
    return start["status"], b"".join(part.get("body", b"") for part in bodies)
