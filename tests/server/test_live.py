"""Slow and refused bodies against a real uvicorn on loopback: the connection is closed, not held."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest

from live_server import serving
from rezept_fusho.server.app import create_app

#: Runs the command in subprocesses (or fuzzes): left out of the fast set (pytest -m "not slow").
pytestmark = pytest.mark.slow

pytest.importorskip("uvicorn")

BODY_TIMEOUT = 0.5


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    with serving(create_app(body_timeout=BODY_TIMEOUT), access_log=False) as number:
        yield number


def trickle(port: int, head: str, seconds: float) -> tuple[bytes, float]:
    """Send *head*, then one body byte every 0.1 s for up to *seconds*; the answer and when the server closed."""
    with socket.create_connection(("127.0.0.1", port), timeout=seconds) as connection:
        connection.sendall(head.encode("ascii") + b"[")
        connection.setblocking(False)
        started = time.monotonic()
        answer = b""
        while time.monotonic() - started < seconds:
            try:
                part = connection.recv(65536)
            except BlockingIOError:
                part = None
            if part == b"":
                return answer, time.monotonic() - started  # closed by the server
            if part:
                answer += part
            try:
                connection.send(b" ")
            except OSError:  # reset by the server after it closed
                return answer, time.monotonic() - started
            time.sleep(0.1)
    return answer, float("inf")


def post(path: str, headers: str = "Content-Type: application/json\r\n") -> str:
    return f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{headers}Content-Length: 100000\r\n\r\n"


def test_a_slow_body_is_408_then_closed(port: int) -> None:
    answer, closed_after = trickle(port, post("/v1/resolve"), seconds=5)
    assert answer.startswith(b"HTTP/1.1 408 ")
    assert b"connection: close" in answer.lower()
    assert b'"body_timeout"' in answer
    assert closed_after < BODY_TIMEOUT + 2


@pytest.mark.parametrize(
    ("head", "status"),
    [
        (post("/v1/resolve", "Content-Type: text/plain\r\n"), b"415"),
        (post("/v1/resolve").replace("127.0.0.1", "evil.example"), b"421"),
        ("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\n", b"200"),
    ],
)
def test_an_answer_before_the_body_ends_closes_the_connection(port: int, head: str, status: bytes) -> None:
    answer, closed_after = trickle(port, head, seconds=3)
    assert answer.startswith(b"HTTP/1.1 " + status)
    assert closed_after < 2  # uvicorn alone keeps it for as long as the client trickles


def test_a_complete_request_keeps_the_connection(port: int) -> None:
    claim = b'{"claim_id": "c1"}'
    requests = [
        b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        b"POST /v1/resolve HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Content-Length: %d\r\n\r\n%s" % (len(claim), claim),
        b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    ]
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        reader = connection.makefile("rb")
        for request, status in zip(requests, [b"200", b"422", b"200"], strict=True):
            connection.sendall(request)
            assert reader.readline().startswith(b"HTTP/1.1 " + status)
            headers = dict(line.rstrip(b"\r\n").split(b": ", 1) for line in iter(reader.readline, b"\r\n"))
            assert b"connection" not in headers
            assert reader.read(int(headers[b"content-length"])).startswith(b"{")
