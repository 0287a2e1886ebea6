"""Request bodies: JSON only (415), a deadline for the whole body (408), no connection kept for an unread one."""

from __future__ import annotations

from collections.abc import AsyncIterator

import anyio
import httpx
import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient
from tests.server.conftest import exchange

from rezept_fusho.server.app import create_app
from rezept_fusho.server.body import is_form, is_json

CLAIM = b'{"claim_id": "c1", "service_date": "2025-07-10", "current_qualification": {"insurer_number": "01130012", "number": "1234"}}'


@pytest.fixture
def client() -> TestClient:
    return TestClient(create_app(), base_url="http://localhost")


@pytest.mark.parametrize(
    "content_type",
    [
        "application/json",
        "Application/JSON",
        "application/json; charset=utf-8",
        'application/json;charset="UTF-8"',
    ],
)
def test_json_is_accepted(content_type: str) -> None:
    assert is_json(content_type)


@pytest.mark.parametrize(
    "content_type",
    [
        None,
        "",
        "text/plain",
        "text/plain; charset=utf-8",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/json; charset=shift_jis",
        "application/json; boundary=x",
        "application/json, text/plain",
        "text/plain; application/json",
        "application/jsonx",
    ],
)
def test_anything_else_is_not(content_type: str | None) -> None:
    assert not is_json(content_type)


@pytest.mark.parametrize(
    ("content_type", "form"),
    [
        ("application/x-www-form-urlencoded", True),
        ("application/x-www-form-urlencoded; charset=UTF-8", True),
        ("application/x-www-form-urlencoded; charset=shift_jis", False),
        ("multipart/form-data; boundary=x", False),
        ("application/json", False),
        (None, False),
    ],
)
def test_a_form_is_only_the_urlencoded_one(content_type: str | None, form: bool) -> None:
    assert is_form(content_type) is form


@pytest.mark.parametrize("path", ["/v1/resolve", "/v1/triage"])
@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", None])
def test_a_post_that_is_not_json_is_415(client: TestClient, path: str, content_type: str | None) -> None:
    headers = {} if content_type is None else {"Content-Type": content_type}
    answer = client.post(path, content=CLAIM, headers=headers)
    assert answer.status_code == 415
    id_field = "situation_id" if path == "/v1/triage" else "claim_id"
    assert answer.json() == {
        id_field: None,
        "line": 1,
        "error": {
            "code": "unsupported_media_type",
            "message": "Content-Type は application/json にしてください / the Content-Type must be application/json",
            "field": None,
        },
    }
    assert "c1" not in answer.text


def test_json_with_a_charset_is_resolved(client: TestClient) -> None:
    answer = client.post(
        "/v1/resolve", content=CLAIM, headers={"Content-Type": "application/json; charset=UTF-8"}
    )
    assert answer.status_code == 200
    assert answer.json()["basis"] == "current"


def test_a_preflight_is_never_approved(client: TestClient) -> None:
    preflight = client.options(
        "/v1/resolve",
        headers={"Origin": "http://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert "access-control-allow-origin" not in preflight.headers


@pytest.mark.anyio
async def test_a_body_that_stops_arriving_is_408_and_the_connection_closed() -> None:
    async def stalls() -> AsyncIterator[bytes]:
        yield b'[{"claim_id": "c1",'
        await anyio.sleep(3600)  # the client goes quiet mid-body

    transport = httpx.ASGITransport(app=create_app(body_timeout=0.2))
    async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as service:
        with anyio.fail_after(10):
            answer = await service.post(
                "/v1/resolve", content=stalls(), headers={"Content-Type": "application/json"}
            )
    assert answer.status_code == 408
    assert answer.headers["connection"] == "close"
    assert answer.json() == {
        "claim_id": None,
        "line": 1,
        "error": {
            "code": "body_timeout",
            "message": "リクエスト本文が時間内に届きませんでした / the request body did not arrive in time",
            "field": None,
        },
    }


@pytest.mark.anyio
async def test_the_deadline_is_for_the_whole_body_not_each_chunk() -> None:
    async def trickles() -> AsyncIterator[bytes]:
        yield b"["
        for _ in range(20):  # each chunk well within the deadline, the whole body not
            await anyio.sleep(0.05)
            yield b" "
        yield b"]"

    transport = httpx.ASGITransport(app=create_app(body_timeout=0.3))
    async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as service:
        answer = await service.post(
            "/v1/resolve", content=trickles(), headers={"Content-Type": "application/json"}
        )
    assert answer.status_code == 408


@pytest.mark.anyio
async def test_a_client_that_leaves_mid_body_is_answered_without_a_traceback() -> None:
    status, body = await exchange(
        create_app(),
        "POST",
        "/v1/resolve",
        [(b"host", b"localhost"), (b"content-type", b"application/json"), (b"content-length", b"10")],
        [{"type": "http.request", "body": b"[", "more_body": True}, {"type": "http.disconnect"}],
    )
    assert status == 400  # nobody reads it; the access log records it
    assert b'"body_incomplete"' in body


def test_answers_before_the_body_is_read_close_the_connection(client: TestClient) -> None:
    refused = [
        client.post("/v1/resolve", content=CLAIM, headers={"Content-Type": "text/plain"}),
        client.post(
            "/v1/resolve", content=CLAIM, headers={"Content-Type": "application/json", "Host": "evil"}
        ),
        client.request("GET", "/healthz", content=b"x" * 10),  # a body nobody reads
        client.post("/v1/rules", content=CLAIM, headers={"Content-Type": "application/json"}),
    ]
    assert [answer.status_code for answer in refused] == [415, 421, 200, 405]
    assert all(answer.headers.get("connection") == "close" for answer in refused)


def test_answers_after_the_whole_body_keep_the_connection(client: TestClient) -> None:
    kept = [
        client.post("/v1/resolve", content=CLAIM, headers={"Content-Type": "application/json"}),
        client.post("/v1/resolve", content=b"{", headers={"Content-Type": "application/json"}),
        client.get("/healthz"),
        client.get("/v1/rules", headers={"Content-Length": "0"}),
    ]
    assert [answer.status_code for answer in kept] == [200, 400, 200, 200]
    assert not any("connection" in answer.headers for answer in kept)
