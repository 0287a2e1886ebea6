"""Only loopback host names (and listed ones) are answered: a DNS-rebinding page is refused."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient
from tests.server.conftest import exchange

from rezept_fusho.server.app import create_app
from rezept_fusho.server.hosts import allowed_host, host_name

CLAIM = {
    "claim_id": "c1",
    "service_date": "2025-07-10",
    "current_qualification": {"insurer_number": "01130012", "number": "1234"},
}
REFUSED = {
    "claim_id": None,
    "line": 1,
    "error": {
        "code": "host_not_allowed",
        "message": "このホスト名宛てのリクエストには応答しません（serve --allowed-host で追加できます） / "
        "the Host header names a host this service does not answer (serve --allowed-host adds one)",
        "field": None,
    },
}


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("localhost", "localhost"),
        ("localhost:8000", "localhost"),
        ("LocalHost:8000", "localhost"),
        ("127.0.0.1:8000", "127.0.0.1"),
        ("[::1]:8000", "[::1]"),
        ("[0:0:0:0:0:0:0:1]", "[::1]"),
        ("localhost:", "localhost"),
        ("reception-pc.local:80", "reception-pc.local"),
        (None, None),
        ("", None),
        ("[", None),
        ("[::1", None),
        ("[nope]:80", None),
        ("::1", None),
        ("localhost:80:80", None),
        ("localhost:８０", None),
        ("localhost:x", None),
        ("local host", None),
        ("évil.example", None),
        ("evil.example@localhost", None),
    ],
)
def test_host_name(header: str | None, name: str | None) -> None:
    assert host_name(header) == name


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("Reception-PC", "reception-pc"),
        ("192.168.1.10", "192.168.1.10"),
        ("::1", "[::1]"),
        ("[FE80::1]", "[fe80::1]"),
    ],
)
def test_allowed_host(value: str, name: str) -> None:
    assert allowed_host(value) == name


@pytest.mark.parametrize("value", ["", "reception-pc:8000", "*", "http://reception-pc", "[reception-pc]"])
def test_allowed_host_refuses_what_is_not_a_name(value: str) -> None:
    with pytest.raises(ValueError, match="without a port"):
        allowed_host(value)


def client(base_url: str = "http://localhost:8000", **options: object) -> TestClient:
    return TestClient(create_app(**options), base_url=base_url)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "base_url", ["http://localhost", "http://localhost:8000", "http://127.0.0.1:8000", "http://[::1]:8000"]
)
def test_loopback_names_are_answered(base_url: str) -> None:
    assert client(base_url).post("/v1/resolve", json=CLAIM).status_code == 200


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8000", "0.0.0.0:8000", "localhost.evil.example", "["]
)
def test_other_names_are_refused_with_421(host: str) -> None:
    service = client()
    for answer in (
        service.post("/v1/resolve", json=CLAIM, headers={"Host": host}),
        service.get("/v1/rules", headers={"Host": host}),
        service.get("/openapi.json", headers={"Host": host}),
    ):
        assert answer.status_code == 421
        assert answer.json() == REFUSED
    triage = service.post("/v1/triage", json={}, headers={"Host": host})
    assert triage.json()["situation_id"] is None


@pytest.mark.anyio
async def test_a_missing_host_is_refused() -> None:  # HTTP/1.0 allows it; HTTP clients add one
    status, body = await exchange(create_app(), "GET", "/v1/rules", [])
    assert (status, body) == (421, json.dumps(REFUSED, ensure_ascii=False, separators=(",", ":")).encode())


def test_the_host_is_checked_before_the_token() -> None:
    answer = client(token="s3cret").get("/v1/rules", headers={"Host": "evil.example"})
    assert answer.status_code == 421


def test_healthz_answers_any_host_for_probes() -> None:
    assert client().get("/healthz", headers={"Host": "10.0.3.7:8000"}).status_code == 200


def test_allowed_hosts_add_names() -> None:
    service = client(allowed_hosts=["Reception-PC", "192.168.1.10"])
    assert service.get("/v1/rules", headers={"Host": "reception-pc:8000"}).status_code == 200
    assert service.get("/v1/rules", headers={"Host": "192.168.1.10"}).status_code == 200
    assert service.get("/v1/rules", headers={"Host": "127.0.0.1:8000"}).status_code == 200
    assert service.get("/v1/rules", headers={"Host": "evil.example"}).status_code == 421


def test_allowed_hosts_refuse_a_port() -> None:
    with pytest.raises(ValueError, match="without a port"):
        create_app(allowed_hosts=["reception-pc:8000"])
