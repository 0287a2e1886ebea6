"""The batch's fast path writes the very bytes of the model's path, on every kind of line.

``resolve`` and ``triage`` render each result from plain values with orjson
(:class:`rezept_fusho.jsonl.Fast`, :mod:`rezept_fusho.render`); the reference is
the typed model dumped as JSON — what :func:`rezept_fusho.resolve` returns, through
:func:`rezept_fusho.jsonl.result_object`. Both must write the same bytes for
generated valid and broken claims (both comment styles), the benchmark's corpus,
the scenarios and edge lines, with ``--jobs 1`` and ``--jobs 2``, and over HTTP.
"""

from __future__ import annotations

import importlib.util
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.integration.conftest import example_lines

from rezept_fusho import jsonl, render
from rezept_fusho.api import RESOLVE, TRIAGE, resolve_object, triage_object
from rezept_fusho.jsonl import Handler, Line
from rezept_fusho.reception.triage import FIRST_DAY
from rezept_fusho.testing import broken_claims, claims
from situation_data import situation_data

ROOT = Path(__file__).resolve().parents[2]


def _benchmark_corpus(count: int) -> list[str]:
    spec = importlib.util.spec_from_file_location("benchmark_corpus", ROOT / "benchmarks" / "corpus.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.lines(count))


#: Lines each parser reads differently, ids with lone surrogates and control characters, deep nesting.
EDGE_LINES = [
    "NaN",
    '{"claim_id": "big", "service_date": 123456789012345678901234567890}',
    '{"claim_id": "\\ud800", "service_date": "2025-07-10", '
    '"current_qualification": {"insurer_number": "01130012", "number": "1"}}',
    '{"claim_id": "\\ud800"}',
    '{"claim_id": "tab\\t\\u0000\\u001f\\u007f\\u2028\\"\\\\/", "service_date": "2025-07-10", '
    '"current_qualification": {"insurer_number": "０１１３００１２", "number": "Ａ−１"}, "receipt_number": "7"}',
    '{"situation_id": "\\ud800", "service_date": "2025-07-10", "case": "no_card", "visit": "first"}',
    "[" * 70 + "]" * 70,
    "",
    "   ",
    "\u3000",
]
CLAIM_SCENARIOS = [
    json.dumps(scenario["input"], ensure_ascii=False)
    for scenario in json.loads((ROOT / "tests" / "scenarios" / "claims.json").read_text(encoding="utf-8"))
]
SITUATION_SCENARIOS = [
    json.dumps(scenario["input"], ensure_ascii=False)
    for scenario in json.loads((ROOT / "tests" / "reception" / "scenarios.json").read_text(encoding="utf-8"))
]
SITUATION_EXAMPLES = [
    line
    for line in (ROOT / "examples" / "situations.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]
FIXED_CLAIM_LINES = [*_benchmark_corpus(3000), *example_lines(), *CLAIM_SCENARIOS, *EDGE_LINES]
FIXED_SITUATION_LINES = [*SITUATION_EXAMPLES, *SITUATION_SCENARIOS, *EDGE_LINES]


def _output(lines: list[Line], handler: Handler, id_field: str, jobs: int = 1) -> bytes:
    chunks = jsonl.process_chunks(lines, handler, id_field, jobs=jobs, chunk_size=97)
    return b"".join(chunk.data for chunk in chunks)


def _assert_same(lines: list[Line], fast: Handler, reference: Handler, id_field: str) -> None:
    expected = _output(lines, reference, id_field)
    got = _output(lines, fast, id_field)
    assert got == expected, _first_difference(got, expected)


def _first_difference(got: bytes, expected: bytes) -> str:
    for number, (mine, theirs) in enumerate(zip(got.splitlines(), expected.splitlines(), strict=False), 1):
        if mine != theirs:
            return f"output line {number} differs:\n fast      {mine!r}\n reference {theirs!r}"
    return "the outputs differ in their number of lines"


def _line(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)


#: A generated line: a valid claim of either comment style, or one broken in one documented way.
generated_claims = st.one_of(
    claims(comment_style="master"),
    claims(comment_style="free_text"),
    broken_claims().map(lambda pair: pair[0]),
).map(_line)


def situations() -> st.SearchStrategy[str]:
    """A front-desk situation as one JSON line, from a month before the rules start, options or none."""
    days = st.dates(min_value=FIRST_DAY - timedelta(days=30), max_value=date(2027, 12, 31))
    return situation_data(days=days, with_options=st.booleans()).map(_line)


def test_fixed_claim_lines_are_the_same_bytes_both_ways() -> None:
    _assert_same(FIXED_CLAIM_LINES, RESOLVE, resolve_object, "claim_id")


def test_fixed_situation_lines_are_the_same_bytes_both_ways() -> None:
    _assert_same(FIXED_SITUATION_LINES, TRIAGE, triage_object, "situation_id")


#: Hypothesis takes 10–30 ms to draw a claim: the fast set draws a few hundred, the slow set 1,000.
_QUICK = settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@_QUICK
@given(st.lists(generated_claims, min_size=10, max_size=10))
def test_generated_claims_are_the_same_bytes_both_ways(lines: list[str]) -> None:
    _assert_same(lines, RESOLVE, resolve_object, "claim_id")


@_QUICK
@given(st.lists(situations(), min_size=10, max_size=20))
def test_generated_situations_are_the_same_bytes_both_ways(lines: list[str]) -> None:
    _assert_same(lines, TRIAGE, triage_object, "situation_id")


@settings(max_examples=2, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(generated_claims, min_size=20, max_size=20))
def test_jobs_two_writes_the_reference_bytes(lines: list[str]) -> None:
    corpus = [*lines, *FIXED_CLAIM_LINES]
    assert _output(corpus, RESOLVE, "claim_id", jobs=2) == _output(corpus, resolve_object, "claim_id")


@pytest.mark.slow
@settings(
    max_examples=25,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(generated_claims, min_size=40, max_size=40))
def test_a_thousand_generated_claims_are_the_same_bytes_both_ways(lines: list[str]) -> None:
    _assert_same(lines, RESOLVE, resolve_object, "claim_id")


def test_without_orjson_the_fast_path_takes_the_model_path(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _output(FIXED_CLAIM_LINES, resolve_object, "claim_id")
    monkeypatch.setattr(render, "orjson", None)
    assert _output(FIXED_CLAIM_LINES, RESOLVE, "claim_id") == expected
    monkeypatch.setattr(jsonl, "orjson", None)
    assert _output(FIXED_CLAIM_LINES, RESOLVE, "claim_id") == expected
    assert _output(FIXED_SITUATION_LINES, TRIAGE, "situation_id") == _output(
        FIXED_SITUATION_LINES, triage_object, "situation_id"
    )


def test_a_trace_that_is_not_kept_is_rendered_all_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _output(FIXED_CLAIM_LINES, resolve_object, "claim_id")
    monkeypatch.setattr(render, "_TRACES", {})
    monkeypatch.setattr(render, "CACHE_SIZE", 0)
    assert _output(FIXED_CLAIM_LINES, RESOLVE, "claim_id") == expected
    assert render._TRACES == {}
