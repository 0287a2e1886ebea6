"""Runs the scenarios of ``tests/scenarios/claims.json`` (rules.md §10 and one per registry rule).

A scenario is ``{"id", "title", "rules", "input", "expect"}``. ``input`` is a
claim, run exactly as ``rezept-fusho resolve`` runs one line (through
the JSON Lines runner with the CLI's handler); or, for the
validator scenarios (T26), ``{"command": "check-insurer", "number": …}``, run
through the ``check-insurer`` command's :func:`describe`.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonl_lines import process
from rezept_fusho.api import describe_insurer as describe
from rezept_fusho.api import resolve_object

SCENARIO_FILE = Path(__file__).parent / "scenarios" / "claims.json"


def load_scenarios() -> list[dict[str, Any]]:
    """Every scenario of the file, in file order."""
    scenarios: list[dict[str, Any]] = json.loads(SCENARIO_FILE.read_text(encoding="utf-8"))
    return scenarios


def run_scenario(scenario: dict[str, Any]) -> dict[str, Any]:
    """The output object, as the CLI writes it, for one scenario."""
    data = scenario["input"]
    if data.get("command") == "check-insurer":
        return describe(data["number"])
    result = process(json.loads(json.dumps(data)), 1, resolve_object)
    output: dict[str, Any] = json.loads(result.text)
    return output


def trace_rule_ids(output: dict[str, Any]) -> set[str]:
    """The rule ids in an output's trace (none for an error record or a check)."""
    return {entry["rule"] for entry in output.get("trace", ())}


@cache
def _exercised() -> frozenset[str]:
    ids: set[str] = set()
    for scenario in load_scenarios():
        ids |= trace_rule_ids(run_scenario(scenario))
    return frozenset(ids)


def exercised_rule_ids() -> set[str]:
    """Every rule id that appears in the trace of at least one scenario's output."""
    return set(_exercised())
