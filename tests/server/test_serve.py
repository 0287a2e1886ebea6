"""``rezept-fusho serve``: loopback by default, a token to go beyond, a clear message without the extra."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

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


@pytest.fixture
def uvicorn_run(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What ``serve`` passes to ``uvicorn.run``, which is replaced by a recorder."""
    uvicorn = pytest.importorskip("uvicorn")
    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: seen.update(app=app, **kwargs))
    return seen


def test_runs_uvicorn_with_our_access_log(
    uvicorn_run: dict[str, Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(serve.TOKEN_VARIABLE, "t0ken")
    assert main(["serve", "--host", "0.0.0.0", "--port", "8123", "--max-body-bytes", "10"]) == 0
    assert uvicorn_run["host"] == "0.0.0.0"
    assert uvicorn_run["port"] == 8123
    assert uvicorn_run["access_log"] is False
    # Bound beyond loopback with no --allowed-host: remote clients would all be refused.
    assert "--allowed-host" in capsys.readouterr().err


def test_limits_have_documented_defaults(
    uvicorn_run: dict[str, Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(serve.TOKEN_VARIABLE, raising=False)
    assert main(["serve"]) == 0
    assert uvicorn_run["limit_concurrency"] == 64
    assert uvicorn_run["timeout_keep_alive"] == 5
    assert capsys.readouterr().err == ""
    client = TestClient(uvicorn_run["app"], base_url="http://localhost")
    assert client.get("/v1/rules", headers={"Host": "reception-pc"}).status_code == 421


def test_options_reach_uvicorn_and_the_app(
    uvicorn_run: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(serve.TOKEN_VARIABLE, "t0ken")
    options = ["--host", "0.0.0.0", "--allowed-host", "Reception-PC", "--allowed-host", "192.168.1.10"]
    options += ["--max-connections", "8", "--keep-alive-timeout", "30", "--body-timeout", "0.5"]
    assert main(["serve", *options]) == 0
    assert uvicorn_run["limit_concurrency"] == 8
    assert uvicorn_run["timeout_keep_alive"] == 30
    client = TestClient(uvicorn_run["app"], base_url="http://reception-pc:8000")
    auth = {"Authorization": "Bearer t0ken"}
    assert client.get("/v1/rules", headers=auth).status_code == 200
    assert client.get("/v1/rules", headers={**auth, "Host": "192.168.1.10:8000"}).status_code == 200
    assert client.get("/v1/rules", headers={**auth, "Host": "evil.example"}).status_code == 421


@pytest.mark.parametrize(
    "option",
    [
        ["--allowed-host", "reception-pc:8000"],
        ["--allowed-host", "*"],
        ["--body-timeout", "0"],
        ["--body-timeout", "soon"],
        ["--body-timeout", "nan"],
        ["--max-body-bytes", "0"],
        ["--max-body-bytes", "-1"],
        ["--max-connections", "-1"],
        ["--keep-alive-timeout", "1.5"],
    ],
)
def test_bad_options_are_usage_errors(
    option: list[str], uvicorn_run: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    # uvicorn_run: an option let through fails here instead of starting a real server.
    with pytest.raises(SystemExit) as exit_:
        main(["serve", *option])
    assert exit_.value.code == 2
    assert option[0] in capsys.readouterr().err
