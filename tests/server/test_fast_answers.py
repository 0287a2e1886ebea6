"""Over HTTP too, the fast path answers with the very bytes of the model's path.

``POST /v1/resolve`` (one claim or a batch) and ``POST /v1/triage`` render
results from plain values with orjson; the reference is the handler that builds
the model, answered through ``JSONResponse`` as before. Status and body must be
the same; where the reference cannot answer (a lone surrogate: a 500), neither may the fast path.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

from rezept_fusho import render
from rezept_fusho.api import RESOLVE, TRIAGE, resolve_object
from rezept_fusho.jsonl import Fast
from rezept_fusho.server import app as app_module
from rezept_fusho.server.app import _answer

ROOT = Path(__file__).resolve().parents[2]
CLAIM_SCENARIOS = [
    scenario["input"]
    for scenario in json.loads((ROOT / "tests" / "scenarios" / "claims.json").read_text(encoding="utf-8"))
]
SITUATIONS = [
    scenario["input"]
    for scenario in json.loads((ROOT / "tests" / "reception" / "scenarios.json").read_text(encoding="utf-8"))
]
ODD = [
    [1, 2],
    "text",
    None,
    {"claim_id": "x" * 129},
    {"claim_id": "tab\t\u2028", "service_date": "2025-07-10"},
]


def _body(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _same(body: bytes, fast: Fast, id_field: str, batch: bool) -> None:
    got = _answer(body, fast, id_field, batch)
    expected = _answer(body, fast.handler, id_field, batch)
    assert (got.status_code, got.body) == (expected.status_code, expected.body)
    assert got.headers["content-type"] == expected.headers["content-type"] == "application/json"


def test_a_batch_is_the_same_bytes_both_ways() -> None:
    _same(_body([*CLAIM_SCENARIOS, *ODD]), RESOLVE, "claim_id", batch=True)


@pytest.mark.parametrize("claim", [*CLAIM_SCENARIOS, *ODD], ids=lambda claim: str(claim)[:30])
def test_one_claim_is_the_same_bytes_both_ways(claim: object) -> None:
    _same(_body(claim), RESOLVE, "claim_id", batch=True)


@pytest.mark.parametrize("situation", SITUATIONS, ids=lambda situation: situation["situation_id"])
def test_a_situation_is_the_same_bytes_both_ways(situation: object) -> None:
    _same(_body(situation), TRIAGE, "situation_id", batch=False)


LONE_SURROGATE = (
    b'{"claim_id": "\\ud800", "service_date": "2025-07-10", '
    b'"current_qualification": {"insurer_number": "01130012", "number": "1"}}'
)


@pytest.mark.parametrize("body", [LONE_SURROGATE, b"[" + LONE_SURROGATE + b"]", b'[{"claim_id": "\\ud800"}]'])
def test_what_the_reference_cannot_answer_the_fast_path_does_not_either(body: bytes) -> None:
    for handler in (RESOLVE, RESOLVE.handler):
        with pytest.raises(UnicodeEncodeError):
            _answer(body, handler, "claim_id", batch=True)


def test_without_orjson_a_batch_takes_the_model_path(monkeypatch: pytest.MonkeyPatch) -> None:
    body = _body([*CLAIM_SCENARIOS, *ODD])
    expected = _answer(body, resolve_object, "claim_id", True).body
    monkeypatch.setattr(app_module, "orjson", None)
    assert _answer(body, RESOLVE, "claim_id", True).body == expected


def test_without_orjson_each_claim_is_resolved_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Nothing is rendered without orjson: the batch is answered from the model's results at once,
    # not resolved a second time.
    body = _body(CLAIM_SCENARIOS)
    calls: list[object] = []

    def counted(obj: Any) -> Any:
        calls.append(obj)
        return resolve_object(obj)

    expected = _answer(body, counted, "claim_id", True).body
    once = len(calls)
    calls.clear()
    monkeypatch.setattr(app_module, "orjson", None)
    monkeypatch.setattr(render, "orjson", None)
    assert _answer(body, Fast(counted, RESOLVE.render), "claim_id", True).body == expected
    # Fewer than the model's path alone (what the renderer refuses never reaches the handler);
    # resolving the batch a second time would call it once more for every claim.
    assert 0 < len(calls) <= once
