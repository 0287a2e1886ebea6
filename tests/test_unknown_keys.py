"""An unknown key is reported in a short, safe form, never echoed whole (issue 10 item 2).

A key that looks like an identifier (ASCII letters, digits, ``_``; not starting with a digit;
at most 32 characters) is named as it is, so a typo such as ``servce_date`` is easy to find.
Any other key — a name, an address, a phone number typed into the key instead of the value —
is ``<unknown key>`` in ``field`` and in ``message``: in ``resolve``, in ``triage`` and in the
HTTP service's 422, which share one code path (input_errors.py).
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.integration.conftest import run_cli

from jsonl_lines import process_line
from rezept_fusho.api import resolve_object, triage_object
from rezept_fusho.input_errors import MAX_KEY_LENGTH, UNKNOWN_KEY

CLAIM = {"claim_id": "p", "service_date": "2025-07-10"}
SITUATION = {"situation_id": "s", "service_date": "2025-07-10", "case": "outage", "visit": "first"}

FAMILY = ["山田", "佐藤", "鈴木", "髙橋", "渡邉", "ヤマダ", "ｽｽﾞｷ", "Yamada", "Sato"]
GIVEN = ["太郎", "花子", "一郎", "タロウ", "ﾊﾅｺ", "Taro", "Hanako"]
PLACES = ["東京都新宿区西新宿", "大阪府大阪市北区梅田", "北海道札幌市中央区北一条西", "Nishi-Shinjuku"]

names = st.builds(
    lambda family, space, given: f"{family}{space}{given}",
    st.sampled_from(FAMILY),
    st.sampled_from([" ", "\u3000", "", "・"]),
    st.sampled_from(GIVEN),
).filter(lambda key: not key.isascii() or not key.isalpha())  # "YamadaTaro" would be an identifier
addresses = st.builds(
    lambda place, a, b, c, form: form.format(place=place, a=a, b=b, c=c),
    st.sampled_from(PLACES),
    st.integers(1, 9),
    st.integers(1, 30),
    st.integers(1, 40),
    st.sampled_from(["{place}{a}-{b}-{c}", "{place}{a}丁目{b}番{c}号", "{a}-{b}-{c} {place}, Tokyo"]),
)
phones = st.one_of(
    st.from_regex(r"0[0-9]{1,3}-[0-9]{2,4}-[0-9]{4}", fullmatch=True),
    st.from_regex(r"0[0-9]{9,10}", fullmatch=True),
    st.from_regex(r"\+81 [0-9]{2} [0-9]{4} [0-9]{4}", fullmatch=True),
    st.from_regex(r"\(0[0-9]{1,3}\)[0-9]{3,4}-[0-9]{4}", fullmatch=True),
)
personal_keys = st.one_of(names, addresses, phones)

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _leaks(key: str, record: dict[str, Any]) -> list[str]:
    """The pieces of *key* (3 characters or more) that appear anywhere in *record*."""
    text = json.dumps(record, ensure_ascii=False)
    pieces = [key, *re.split(r"[\s\u3000,・\-()+]+", key)]
    return [piece for piece in pieces if len(piece) >= 3 and piece in text]


def _error(line: dict[str, Any], handler: Any = resolve_object, id_field: str = "claim_id") -> dict[str, Any]:
    record: dict[str, Any] = json.loads(
        process_line(json.dumps(line, ensure_ascii=False), 1, handler, id_field).text
    )
    return record


@given(personal_keys)
def test_resolve_reports_a_personal_key_as_unknown_key(key: str) -> None:
    record = _error({**CLAIM, key: 1})
    assert record["error"]["code"] == "unknown_field"
    assert record["error"]["field"] == UNKNOWN_KEY
    assert record["error"]["message"].startswith(f"{UNKNOWN_KEY}: ")
    assert _leaks(key, record) == []


@given(personal_keys)
def test_a_nested_personal_key_keeps_the_path_of_the_contract(key: str) -> None:
    record = _error({**CLAIM, "declaration": {"kana_name": "ヤマダ", key: "x"}})
    assert record["error"]["field"] == f"declaration.{UNKNOWN_KEY}"
    assert _leaks(key, record) == []


@given(personal_keys)
def test_triage_reports_a_personal_key_as_unknown_key(key: str) -> None:
    record = _error({**SITUATION, key: True}, triage_object, "situation_id")
    assert record["situation_id"] == "s"
    assert record["error"]["field"] == UNKNOWN_KEY
    assert _leaks(key, record) == []


@given(st.text(min_size=1, max_size=300).filter(lambda key: not _IDENTIFIER.fullmatch(key)))
def test_any_key_that_is_not_an_identifier_is_replaced(key: str) -> None:
    record = _error({**CLAIM, key: 1})
    assert record["error"]["field"] == UNKNOWN_KEY
    assert len(record["error"]["message"]) < 100


@pytest.mark.parametrize(
    ("key", "field"),
    [
        ("colour", "colour"),
        ("servce_date", "servce_date"),
        ("_x1", "_x1"),
        ("ClaimID", "ClaimID"),
        ("a" * MAX_KEY_LENGTH, "a" * MAX_KEY_LENGTH),
        ("a" * (MAX_KEY_LENGTH + 1), UNKNOWN_KEY),  # bounded: a long key is not echoed
        ("0312345678", UNKNOWN_KEY),  # a phone number without dashes starts with a digit
        ("ｃｏｌｏｕｒ", UNKNOWN_KEY),  # full-width letters are not ASCII
        ("colour\n", UNKNOWN_KEY),
        ("東京都新宿区西新宿2-8-1", UNKNOWN_KEY),
    ],
)
def test_identifier_keys_are_named_as_they_are(key: str, field: str) -> None:
    assert _error({**CLAIM, key: 1})["error"]["field"] == field


@pytest.mark.slow
def test_the_issue_example_on_the_command_line() -> None:
    key = "東京都新宿区西新宿2-8-1"
    for command, body in (("resolve", CLAIM), ("triage", SITUATION)):
        line = json.dumps({**body, key: 1}, ensure_ascii=False) + "\n"
        result = run_cli(command, "-q", stdin=line.encode("utf-8"))
        assert result.returncode == 1
        assert "東京" not in result.stdout.decode("utf-8")
        assert json.loads(result.stdout)["error"]["field"] == UNKNOWN_KEY


@pytest.fixture(scope="module")
def client() -> Any:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from rezept_fusho.server.app import create_app

    return TestClient(create_app(), base_url="http://127.0.0.1")


@given(key=personal_keys)
def test_http_422_reports_a_personal_key_as_unknown_key(client: Any, key: str) -> None:
    for path, body in (("/v1/resolve", {**CLAIM, key: 1}), ("/v1/triage", {**SITUATION, key: 1})):
        response = client.post(
            path,
            content=json.dumps(body, ensure_ascii=False).encode("utf-8"),
            headers={"Content-Type": "application/json"},
        )
        assert response.status_code == 422
        record = response.json()
        assert record["error"]["field"] == UNKNOWN_KEY
        assert _leaks(key, record) == []
