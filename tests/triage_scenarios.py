"""Run the front-desk scenarios (``scenarios.json``) through :func:`triage`.

Each scenario: ``{"id", "title", "input": <situation>, "expect": {...}}``. The
expectation is a subset of the guidance (dicts compared key by key, lists and
values exactly) plus three helpers, each compared exactly and in order:
``trace_rules`` (the trace's rule ids), ``warning_codes`` and ``path_methods``
(the paths' methods). :func:`exercised_rule_ids` is what the registry contract test calls.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rezept_fusho.reception import Situation, triage

SCENARIOS_PATH = Path(__file__).parent / "reception" / "scenarios.json"
_HELPERS = ("trace_rules", "warning_codes", "path_methods")


def load() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(SCENARIOS_PATH.read_text(encoding="utf-8"))
    return data


def run(scenario: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = triage(Situation.model_validate(scenario["input"])).model_dump(mode="json")
    return result


def mismatches(expect: Any, actual: Any, where: str = "") -> list[str]:
    """Where *actual* differs from the subset *expect*."""
    if isinstance(expect, dict):
        if not isinstance(actual, dict):
            return [f"{where}: expected an object, got {actual!r}"]
        found: list[str] = []
        for key, value in expect.items():
            if key not in actual:
                found.append(f"{where}.{key}: missing")
            else:
                found.extend(mismatches(value, actual[key], f"{where}.{key}"))
        return found
    return [] if expect == actual else [f"{where}: expected {expect!r}, got {actual!r}"]


def check(scenario: dict[str, Any]) -> list[str]:
    result = run(scenario)
    expect = dict(scenario["expect"])
    problems = mismatches({k: v for k, v in expect.items() if k not in _HELPERS}, result)
    pinned = {
        "trace_rules": [entry["rule"] for entry in result["trace"]],
        "warning_codes": [warning["code"] for warning in result["warnings"]],
    }
    for key, actual in pinned.items():
        if expect.get(key) != actual:
            problems.append(f"{key}: expected {expect.get(key)!r}, got {actual!r}")
    if "path_methods" in expect:
        methods = [path["method"] for path in result["paths"]]
        if methods != expect["path_methods"]:
            problems.append(f"paths: expected {expect['path_methods']}, got {methods}")
    return problems


def exercised_rule_ids() -> set[str]:
    """The union of the trace rule ids of every front-desk scenario."""
    return {entry["rule"] for scenario in load() for entry in run(scenario)["trace"]}
