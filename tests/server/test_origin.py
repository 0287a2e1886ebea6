"""The cross-site check of the page's form posts: the same host and port as ``Host``, or nothing."""

from __future__ import annotations

import pytest

from rezept_fusho.server.origin import same_origin


@pytest.mark.parametrize(
    ("host", "origin", "referer"),
    [
        ("127.0.0.1:8000", "http://127.0.0.1:8000", None),
        ("LocalHost:8000", "http://localhost:8000", None),
        ("[::1]:8000", "http://[::1]:8000", None),
        ("reception-pc", "https://reception-pc", None),
        ("127.0.0.1:8000", None, "http://127.0.0.1:8000/declaration?x=1"),
        # Origin wins over Referer when both are sent.
        ("127.0.0.1:8000", "http://127.0.0.1:8000", "http://evil.example/"),
    ],
)
def test_the_same_origin_is_answered(host: str, origin: str | None, referer: str | None) -> None:
    assert same_origin(host, origin, referer)


@pytest.mark.parametrize(
    ("host", "origin", "referer"),
    [
        ("127.0.0.1:8000", None, None),
        (None, "http://127.0.0.1:8000", None),
        ("127.0.0.1:8000", "", None),
        ("127.0.0.1:8000", "null", "http://127.0.0.1:8000/"),
        ("127.0.0.1:8000", "http://127.0.0.1:8001", None),
        ("127.0.0.1:8000", "http://127.0.0.1", None),
        ("127.0.0.1:8000", "http://evil.example", "http://127.0.0.1:8000/"),
        ("127.0.0.1:8000", "file://127.0.0.1:8000", None),
        ("127.0.0.1:8000", "http://user@127.0.0.1:8000", None),
        ("127.0.0.1:8000", "http://[::1", None),
        ("localhost", "http://localhost.evil.example", None),
    ],
)
def test_anything_else_is_refused(host: str | None, origin: str | None, referer: str | None) -> None:
    assert not same_origin(host, origin, referer)
