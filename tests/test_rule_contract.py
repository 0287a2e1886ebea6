"""The contract every rule of the registry must meet (holidays-style shared contract).

Traces to rules.md §0 (every rule cited and dated) and §10 (every rule
exercised by at least one scenario, here or in the front-desk scenarios).
"""

from __future__ import annotations

import importlib.util
import re
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from rezept_fusho.rules import registry
from rezept_fusho.rules.rule import Citation, Document, Rule, Window

TESTS = Path(__file__).parent
REPO = TESTS.parent
UPPER_KEBAB = re.compile(r"[A-Z0-9]+(?:-[A-Z0-9]+)*")
RULES = registry.RULES


def _load(path: Path, name: str) -> ModuleType | None:
    """The module at *path*, or None when the file does not exist (yet)."""
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CORE_RUNNER = _load(TESTS / "scenarios" / "runner.py", "scenario_runner_core_contract")
FRONTDESK_RUNNER_PATH = TESTS / "frontdesk" / "scenario_runner.py"


def _exercised() -> set[str]:
    assert CORE_RUNNER is not None
    ids = set(CORE_RUNNER.exercised_rule_ids())
    frontdesk = _load(FRONTDESK_RUNNER_PATH, "scenario_runner_frontdesk_contract")
    if frontdesk is not None:
        ids |= set(frontdesk.exercised_rule_ids())
    return ids


@pytest.fixture(scope="module")
def exercised() -> set[str]:
    return _exercised()


def test_registry_is_not_empty_and_ids_unique() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) >= 17
    assert len(ids) == len(set(ids))
    assert set(registry.BY_ID) == set(ids)


def test_frontdesk_rules_have_a_scenario_runner() -> None:
    if any(rule.id.startswith("FRONTDESK-") for rule in RULES):
        assert FRONTDESK_RUNNER_PATH.is_file(), (
            "the registry has FRONTDESK-* rules but tests/frontdesk/scenario_runner.py does not exist"
        )


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
class TestRuleContract:
    def test_id_is_upper_kebab(self, rule: Rule) -> None:
        assert UPPER_KEBAB.fullmatch(rule.id), rule.id

    def test_titles_present(self, rule: Rule) -> None:
        assert rule.title_ja.strip()
        assert rule.title_en.strip()
        assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", rule.title_ja), "title_ja is not Japanese"

    def test_citations_complete(self, rule: Rule) -> None:
        assert len(rule.citations) >= 1
        for citation in rule.citations:
            assert isinstance(citation, Citation)
            document = citation.document
            assert isinstance(document, Document)
            assert document.title.strip()
            assert document.issuer.strip()
            assert isinstance(document.issued_on, date)
            assert citation.section.strip()
            assert document.url.startswith(("http://", "https://")), document.url

    def test_window_ordered(self, rule: Rule) -> None:
        assert isinstance(rule.window, Window)
        if rule.window.end is not None:
            assert rule.window.start < rule.window.end

    def test_summary_and_source(self, rule: Rule) -> None:
        assert rule.summary.strip()
        assert rule.source == rule.citations[0].source
        assert rule.citations[0].document.issued_on.isoformat() in rule.source

    def test_axis_and_grade_known(self, rule: Rule) -> None:
        assert rule.axis in {"service_date", "claim_month"}
        assert rule.grade in {"confirmed", "secondary", "seed", "inferred", "unverified"}

    def test_in_force_matches_window(self, rule: Rule) -> None:
        start = rule.window.start
        assert rule.in_force(start)
        assert not rule.in_force(date.fromordinal(start.toordinal() - 1))
        assert registry.get(rule.id) is rule
        assert rule in set(registry.in_force(start))

    def test_exercised_by_a_scenario(self, rule: Rule, exercised: set[str]) -> None:
        assert rule.id in exercised, f"{rule.id} appears in no scenario's trace"


def test_docs_rules_md_is_up_to_date() -> None:
    if importlib.util.find_spec("rezept_fusho.docs") is None:
        pytest.skip("rezept_fusho.docs (the generator) is not written yet")
    target = REPO / "docs" / "rules.md"
    if not target.is_file():
        pytest.skip("docs/rules.md does not exist")
    docs = importlib.import_module("rezept_fusho.docs")
    render = next(
        (getattr(docs, name) for name in ("render", "render_rules", "generate") if hasattr(docs, name)), None
    )
    assert render is not None, "rezept_fusho.docs needs a render() -> str to compare with docs/rules.md"
    assert render() == target.read_text(encoding="utf-8"), (
        "docs/rules.md is stale: run python -m rezept_fusho.docs"
    )
