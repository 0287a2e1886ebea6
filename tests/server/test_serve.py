"""``rezept-fusho serve``: loopback by default, a token to go beyond, a clear message without the extra."""

from __future__ import annotations

from typing import Any

import pytest

from rezept_fusho.cli import main, serve


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("192.168.1.5", False),
        ("example", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert serve.is_loopback(host) is loopback


def test_refuses_a_public_address_without_a_token(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(serve.TOKEN_VARIABLE, raising=False)
    assert main(["serve", "--host", "0.0.0.0"]) == 2
    assert "REZEPT_FUSHO_TOKEN" in capsys.readouterr().err


def test_without_the_extra(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(serve.importlib.util, "find_spec", lambda name: None)
    assert main(["serve"]) == 2
    assert "rezept-fusho[server]" in capsys.readouterr().err


def test_runs_uvicorn_with_our_access_log(monkeypatch: pytest.MonkeyPatch) -> None:
    uvicorn = pytest.importorskip("uvicorn")
    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: seen.update(app=app, **kwargs))
    monkeypatch.setenv(serve.TOKEN_VARIABLE, "t0ken")
    assert main(["serve", "--host", "0.0.0.0", "--port", "8123", "--max-body-bytes", "10"]) == 0
    assert seen["host"] == "0.0.0.0"
    assert seen["port"] == 8123
    assert seen["access_log"] is False
