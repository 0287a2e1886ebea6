"""A batch is resolved off the event loop: the service answers other requests meanwhile."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest

from rezept_fusho.api import resolve_json, resolve_object
from rezept_fusho.jsonl import Fast
from rezept_fusho.server import app as app_module
from rezept_fusho.server.limits import MAX_BATCH

#: Runs the command in subprocesses (or fuzzes): left out of the fast set (pytest -m "not slow").
pytestmark = pytest.mark.slow

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "claims.jsonl"
CLAIM = json.loads(EXAMPLES.read_text(encoding="utf-8").splitlines()[0])


@pytest.mark.anyio
async def test_healthz_is_answered_while_a_batch_is_being_resolved(monkeypatch: pytest.MonkeyPatch) -> None:
    resolving = threading.Event()
    release = threading.Event()
    seen: dict[str, Any] = {}

    def held(claim: Any) -> Any:
        # The first claim holds its thread until /healthz has been answered. Were it
        # run on the event loop, it would hold the loop: /healthz could not be answered
        # and the wait would time out instead.
        if not resolving.is_set():
            resolving.set()
            seen["released by healthz"] = release.wait(timeout=5)
        return resolve_json(claim)

    # The batch path: each claim's resolution rendered straight to JSON.
    monkeypatch.setattr(app_module, "RESOLVE", Fast(resolve_object, held))
    transport = httpx.ASGITransport(app=app_module.create_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as service:

        async def post_batch() -> None:
            seen["batch"] = await service.post("/v1/resolve", json=[CLAIM] * MAX_BATCH)

        async with anyio.create_task_group() as tasks:
            tasks.start_soon(post_batch)
            with anyio.fail_after(5):
                while not resolving.is_set():
                    await anyio.sleep(0.01)
            seen["healthz"] = await service.get("/healthz")
            release.set()
    assert seen["released by healthz"]
    assert seen["healthz"].json()["status"] == "ok"
    assert seen["batch"].status_code == 200
    assert seen["batch"].json()["errors"] == 0
