"""The HTTP service through its ASGI app: endpoints, error records, limits, token, access log.

The clients use ``http://localhost``: the service answers only loopback host names (tests/server/test_hosts.py).
"""

from __future__ import annotations

import json
import logging
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient

from rezept_fusho.cli import main
from rezept_fusho.rules.registry import RULES
from rezept_fusho.server.app import create_app
from rezept_fusho.server.limits import MAX_BATCH

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "claims.jsonl"
CLAIMS = [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]
SITUATION = {
    "situation_id": "s1",
    "service_date": "2025-07-10",
    "case": "equipment_failure",
    "visit": "first",
}
JSON = {"Content-Type": "application/json"}


def local(app: object) -> TestClient:
    return TestClient(app, base_url="http://localhost")  # type: ignore[arg-type]


@pytest.fixture
def client() -> TestClient:
    return local(create_app())


def test_healthz(client: TestClient) -> None:
    assert client.get("/healthz").json()["status"] == "ok"


def test_resolve_one_claim(client: TestClient) -> None:
    response = client.post("/v1/resolve", json=CLAIMS[0])
    assert response.status_code == 200
    assert response.json()["basis"] == "current"


def test_resolve_a_batch_keeps_order_and_counts_errors(client: TestClient) -> None:
    response = client.post("/v1/resolve", json=[*CLAIMS, {"claim_id": "bad"}, 3])
    assert response.status_code == 200
    body = response.json()
    assert [r.get("claim_id") for r in body["results"]] == [c["claim_id"] for c in CLAIMS] + ["bad", None]
    assert body["errors"] == 2
    assert body["results"][-1]["error"]["code"] == "not_an_object"
    assert body["results"][-2]["line"] == len(CLAIMS) + 1


def test_a_bad_claim_is_an_error_record(client: TestClient) -> None:
    response = client.post("/v1/resolve", json={"claim_id": "x", "service_date": "2025-02-30"})
    assert response.status_code == 422
    assert response.json() == {
        "claim_id": "x",
        "line": 1,
        "error": {
            "code": "invalid_date",
            "message": "service_date: 日付はYYYY-MM-DD形式の実在する日付にしてください / "
            "a date must be a real date written YYYY-MM-DD",
            "field": "service_date",
        },
    }


def test_not_json_is_400(client: TestClient) -> None:
    response = client.post("/v1/resolve", content=b"{nope", headers=JSON)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_json"
    assert client.post("/v1/triage", content=b"\xff", headers=JSON).json()["situation_id"] is None


def test_triage(client: TestClient) -> None:
    response = client.post("/v1/triage", json=SITUATION)
    assert response.status_code == 200, response.text
    assert response.json()["situation_id"] == "s1"
    bad = client.post("/v1/triage", json={"situation_id": "s2"})
    assert bad.status_code == 422
    assert bad.json()["situation_id"] == "s2"
    assert client.post("/v1/triage", json=[SITUATION]).json()["error"]["code"] == "not_an_object"


def test_insurer_numbers(client: TestClient) -> None:
    assert client.get("/v1/insurer-numbers/01130012").json()["payer"] == "shiharai_kikin"
    placeholder = client.get("/v1/insurer-numbers/77777779").json()
    assert placeholder["placeholder"] is True
    assert client.get("/v1/insurer-numbers/0113").json()["code"] == "invalid_length"


def test_rules_are_the_registry(client: TestClient) -> None:
    rules = client.get("/v1/rules").json()
    assert [rule["id"] for rule in rules] == [rule.id for rule in RULES]
    assert all(rule["citations"] and rule["start"] for rule in rules)


@pytest.mark.parametrize("day", ["2023-07-09", "2023-09-01", "2025-07-10", "2026-04-01"])
def test_rules_on_a_date_are_those_in_force_on_their_own_axis(client: TestClient, day: str) -> None:
    answer = client.get("/v1/rules", params={"date": day})
    assert answer.status_code == 200
    expected = [rule.id for rule in RULES if rule.in_force(date.fromisoformat(day))]
    assert [rule["id"] for rule in answer.json()] == expected
    assert 0 < len(expected) < len(RULES)


def test_rules_on_a_date_match_the_command(client: TestClient, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--date", "2023-09-01", "--json"]) == 0
    command = [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()]
    assert [rule["id"] for rule in client.get("/v1/rules?date=2023-09-01").json()] == command


@pytest.mark.parametrize("day", ["", "2025-02-30", "20250710", "2025-7-10", "２０２５-07-10", "today"])
def test_rules_on_an_invalid_date_is_422(client: TestClient, day: str) -> None:
    answer = client.get("/v1/rules", params={"date": day})
    assert answer.status_code == 422
    assert answer.json() == {
        "claim_id": None,
        "line": 1,
        "error": {
            "code": "invalid_date",
            "message": "date: 日付はYYYY-MM-DD形式の実在する日付にしてください / "
            "a date must be a real date written YYYY-MM-DD",
            "field": "date",
        },
    }


def test_body_limit() -> None:
    client = local(create_app(max_body_bytes=100))
    assert client.post("/v1/resolve", json=CLAIMS[2]).json()["error"]["code"] == "body_too_large"

    def chunks():  # no Content-Length: the cap is enforced while reading
        yield b"[" + b" " * 80
        yield b" " * 80 + b"]"

    streamed = client.post("/v1/resolve", content=chunks(), headers=JSON)
    assert streamed.status_code == 413
    assert streamed.json()["error"]["code"] == "body_too_large"
    small = client.post("/v1/resolve", content=iter([b"[]"]), headers=JSON)
    assert small.json() == {"results": [], "errors": 0}


def test_a_batch_over_the_limit_has_its_own_code(client: TestClient) -> None:
    big = client.post("/v1/resolve", json=[{}] * (MAX_BATCH + 1))
    assert big.status_code == 413
    assert big.json() == {
        "claim_id": None,
        "line": 1,
        "error": {
            "code": "batch_too_large",
            "message": "一度に送れる請求は2,000件までです / a batch holds at most 2,000 claims",
            "field": None,
        },
    }
    assert client.post("/v1/resolve", json=[{}] * MAX_BATCH).json()["errors"] == MAX_BATCH


def test_token_guards_v1_but_not_healthz() -> None:
    client = local(create_app(token="s3cret"))
    refused = client.post("/v1/triage", json=SITUATION)
    assert refused.status_code == 401
    assert refused.headers["www-authenticate"] == "Bearer"
    assert refused.json()["situation_id"] is None
    assert client.get("/v1/rules", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/v1/rules", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert client.get("/healthz").status_code == 200


@pytest.mark.parametrize("header", ["bearer s3cret", "BEARER s3cret", "BeArEr  s3cret"])
def test_the_bearer_scheme_is_case_insensitive(header: str) -> None:
    client = local(create_app(token="s3cret"))
    assert client.get("/v1/rules", headers={"Authorization": header}).status_code == 200


@pytest.mark.parametrize(
    "header",
    ["s3cret", "Basic s3cret", "Bearer", "Bearer S3CRET", "Bearers3cret", "Bearer \xe9".encode("latin-1")],
)
def test_only_the_token_itself_is_accepted(header: str | bytes) -> None:
    client = local(create_app(token="s3cret"))
    refused = client.get("/v1/rules", headers={"Authorization": header})
    assert refused.status_code == 401
    assert refused.json()["error"]["code"] == "unauthorized"


def test_access_log_has_the_template_not_the_number_nor_the_body(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="rezept_fusho.access"):
        client.get("/v1/insurer-numbers/06132013")
        client.post("/v1/resolve", json=CLAIMS[2])
        client.get("/nowhere")
    messages = [record.getMessage() for record in caplog.records]
    assert messages[0].startswith("GET /v1/insurer-numbers/{number} 200 ")
    assert messages[1].startswith("POST /v1/resolve 200 ")
    assert messages[2].startswith("GET <unmatched> 404 ")
    text = "\n".join(messages)
    assert "06132013" not in text
    assert "ヤマダ" not in text


def test_openapi_has_the_library_models(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    components = document["components"]["schemas"]
    assert components["Claim"]["properties"]["service_date"]["title"] == "診療日"
    assert {"Resolution", "ErrorRecord", "Situation", "Guidance", "BatchResult"} <= set(components)
    assert client.get("/openapi.json").json() == document  # cached, stable


def test_openapi_describes_every_answer(client: TestClient) -> None:
    operations = client.get("/openapi.json").json()["paths"]
    body = {"200", "400", "401", "408", "413", "415", "421", "422"}
    assert set(operations["/v1/resolve"]["post"]["responses"]) == body
    assert set(operations["/v1/triage"]["post"]["responses"]) == body
    assert set(operations["/v1/rules"]["get"]["responses"]) == {"200", "401", "421", "422"}
    assert {"401", "421"} <= set(operations["/v1/insurer-numbers/{number}"]["get"]["responses"])
    too_large = operations["/v1/resolve"]["post"]["responses"]["413"]["description"]
    assert "body_too_large" in too_large
    assert "batch_too_large" in too_large
    assert operations["/v1/triage"]["post"]["responses"]["421"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/TriageErrorRecord"
    }
    assert [parameter["name"] for parameter in operations["/v1/rules"]["get"]["parameters"]] == ["date"]
