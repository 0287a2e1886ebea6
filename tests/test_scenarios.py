"""The scenario file: rules.md §10 (T01–T13, T25, T26, T30, T31, T33, T35), one per rule, window edges.

Each scenario's expected object is a subset of the output (dicts: every
expected key, recursively; lists: same length, item by item), every rule id
it names must appear in the output's trace, and the whole trace must be
exactly the scenario's ``trace`` (rule ids in order; empty for an error).
"""

from __future__ import annotations

from typing import Any

import pytest

import claim_scenarios as runner

SCENARIOS = runner.load_scenarios()


def _mismatches(expected: Any, actual: Any, path: str = "$") -> list[str]:
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected an object, got {actual!r}"]
        problems: list[str] = []
        for key, value in expected.items():
            if key not in actual:
                problems.append(f"{path}.{key}: missing")
            else:
                problems += _mismatches(value, actual[key], f"{path}.{key}")
        return problems
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{path}: expected {expected!r}, got {actual!r}"]
        problems = []
        for index, (want, got) in enumerate(zip(expected, actual, strict=True)):
            problems += _mismatches(want, got, f"{path}[{index}]")
        return problems
    if expected != actual or type(expected) is not type(actual):
        return [f"{path}: expected {expected!r}, got {actual!r}"]
    return []


def test_subset_matcher_reports_differences() -> None:
    assert _mismatches({"a": [1, {"b": 2}]}, {"a": [1, {"b": 2, "c": 3}], "d": 4}) == []
    assert _mismatches({"a": 1}, {}) == ["$.a: missing"]
    assert _mismatches({"a": [1]}, {"a": [1, 2]}) == ["$.a: expected [1], got [1, 2]"]
    assert _mismatches({"a": None}, {"a": "x"}) == ["$.a: expected None, got 'x'"]
    assert _mismatches({"a": 1}, {"a": True}) != []
    assert _mismatches({"a": {}}, {"a": 1}) != []


def test_scenario_ids_are_unique_and_cover_section_10() -> None:
    ids = [s["id"] for s in SCENARIOS]
    assert len(ids) == len(set(ids))
    for number in (*range(1, 14), 25, 26, 30, 31, 33, 35):
        prefix = f"T{number:02d}"
        assert any(i == prefix or i.startswith((f"{prefix}-", f"{prefix}a")) for i in ids), prefix


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
def test_scenario(scenario: dict[str, Any]) -> None:
    output = runner.run_scenario(scenario)
    problems = _mismatches(scenario["expect"], output)
    assert not problems, "\n".join(problems)
    missing = set(scenario["rules"]) - runner.trace_rule_ids(output)
    assert not missing, f"rules not in the trace: {sorted(missing)}"
    # The exact trace, in order: a rule applied, skipped or reordered by a change is caught here.
    assert [entry["rule"] for entry in output.get("trace", ())] == scenario["trace"]


def test_every_fusho_scenario_trace_cites_a_source() -> None:
    for scenario in SCENARIOS:
        output = runner.run_scenario(scenario)
        for entry in output.get("trace", ()):
            assert entry["source"].strip(), (scenario["id"], entry)
