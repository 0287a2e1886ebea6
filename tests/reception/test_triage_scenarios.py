"""The front-desk scenarios (scenarios.json): case × visit × what the patient has (rules.md §10)."""

from __future__ import annotations

from typing import Any

import pytest

import triage_scenarios as runner
from rezept_fusho.rules import frontdesk

SCENARIOS: list[dict[str, Any]] = runner.load()


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
def test_scenario(scenario: dict[str, Any]) -> None:
    assert runner.check(scenario) == []


def test_ids_unique_and_titled() -> None:
    ids = [s["id"] for s in SCENARIOS]
    assert len(ids) == len(set(ids))
    assert all(s["title"].strip() for s in SCENARIOS)


def test_every_frontdesk_rule_is_exercised() -> None:
    assert {rule.id for rule in frontdesk.RULES} <= runner.exercised_rule_ids()


def test_mismatch_reporting() -> None:
    assert runner.mismatches({"a": {"b": 1}}, {"a": 2}) == [".a: expected an object, got 2"]
    assert runner.mismatches({"a": 1}, {}) == [".a: missing"]
    assert runner.mismatches({"a": 1}, {"a": 2}) == [".a: expected 1, got 2"]
    bad = dict(SCENARIOS[0], expect={"trace_rules": ["X"], "warning_codes": ["y"], "path_methods": []})
    assert len(runner.check(bad)) == 3
