"""The contract every rule and parameter of the registry must meet (holidays-style shared contract).

Traces to rules.md §0 (every rule cited and dated) and §10 (every rule
exercised by at least one scenario, here or in the front-desk scenarios).
What the attrs constructors already refuse (an empty citation list, a window
that ends before it starts, unordered parameter values) is tested once, on the
constructors, not again on every rule.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import get_args

import pytest

import claim_scenarios
import triage_scenarios
from rezept_fusho import docs
from rezept_fusho.errors import ClaimError
from rezept_fusho.rules import parameter, registry
from rezept_fusho.rules.claim import disaster_placeholder, fusho_insurer_placeholder, fusho_number_placeholder
from rezept_fusho.rules.frontdesk import expired_card_temporary
from rezept_fusho.rules.ledger import Ledger
from rezept_fusho.rules.rule import Citation, Rule, Window
from rezept_fusho.rules.sources import HOHATSU_0710

REPO = Path(__file__).parents[1]
UPPER_KEBAB = re.compile(r"[A-Z0-9]+(?:-[A-Z0-9]+)*")
RULES = registry.RULES
PARAMETERS = (
    fusho_insurer_placeholder.INSURER,
    fusho_insurer_placeholder.ALTERNATIVE,
    fusho_number_placeholder.NUMBER,
    fusho_number_placeholder.LATE_ELDERLY_NUMBER,
    disaster_placeholder.INSURER,
    disaster_placeholder.NUMBER,
    expired_card_temporary.END,
)


@pytest.fixture(scope="module")
def exercised() -> set[str]:
    return set(claim_scenarios.exercised_rule_ids()) | set(triage_scenarios.exercised_rule_ids())


def test_registry_ids_are_unique_and_indexed() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    assert set(registry.BY_ID) == set(ids)
    with pytest.raises(ValueError, match="duplicate"):
        registry._index((RULES[0], RULES[0]))


def test_constructors_refuse_what_no_rule_may_be() -> None:
    citation = Citation(HOHATSU_0710, "1")
    with pytest.raises(ValueError, match="citations"):
        Rule("X", "題", "t", Window(date(2023, 1, 1)), (), "s")
    with pytest.raises(ValueError, match="end after"):
        Window(date(2023, 1, 2), date(2023, 1, 2))
    with pytest.raises(ValueError, match="increasing"):
        parameter.Parameter(
            "P",
            "題",
            "t",
            (parameter.Value(date(2024, 1, 1), 1, citation), parameter.Value(date(2023, 1, 1), 2, citation)),
        )
    with pytest.raises(ValueError, match="needs a value"):
        parameter.Parameter("P", "題", "t", ())


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
class TestRuleContract:
    def test_id_and_titles(self, rule: Rule) -> None:
        assert UPPER_KEBAB.fullmatch(rule.id), rule.id
        assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", rule.title_ja), "title_ja is not Japanese"
        assert rule.title_en.strip()
        assert rule.summary.strip()

    def test_every_citation_can_be_followed(self, rule: Rule) -> None:
        for citation in rule.citations:
            assert citation.section.strip()
            assert citation.document.url.startswith(("http://", "https://")), citation.document.url
            # A document cited for a rule was issued before the rule ends.
            assert rule.window.end is None or citation.document.issued_on < rule.window.end

    def test_in_force_at_the_window_edges(self, rule: Rule) -> None:
        start, end = rule.window.start, rule.window.end
        assert rule.in_force(start)
        assert not rule.in_force(start - timedelta(days=1))
        if end is not None:
            assert rule.in_force(end - timedelta(days=1))
            assert not rule.in_force(end)
        assert rule in set(registry.in_force(start))

    def test_the_ledger_uses_a_rule_exactly_when_it_is_in_force(self, rule: Rule) -> None:
        # The ledger writes the window check out (it runs for every rule of every claim): the same answer.
        start, end = rule.window.start, rule.window.end
        edges = [start - timedelta(days=1), start, *(() if end is None else (end - timedelta(days=1), end))]
        for day in edges:
            for other in (date(1900, 1, 1), date(2999, 12, 31)):
                days = (day, other) if rule.axis == "service_date" else (other, day)
                ledger = Ledger(*days)
                assert ledger.use_if_in_force(rule) is rule.in_force(day)
                if rule.in_force(day):
                    ledger.use(rule)
                    assert ledger.trace == [(rule.id, rule.source)] * 2
                else:
                    with pytest.raises(ClaimError) as info:
                        ledger.use(rule)
                    assert info.value.code == "rule_not_in_force"
                    assert ledger.trace == []

    def test_exercised_by_a_scenario(self, rule: Rule, exercised: set[str]) -> None:
        assert rule.id in exercised, f"{rule.id} appears in no scenario's trace"


@pytest.mark.parametrize("series", PARAMETERS, ids=[p.id for p in PARAMETERS])
def test_parameters_are_dated_and_cited(series: parameter.Parameter[object]) -> None:
    for value in series.values:
        assert series.at(value.start) == value.value
        assert value.citation.document.url.startswith("https://")
    with pytest.raises(LookupError) as info:
        series.at(series.first.start - timedelta(days=1))
    assert str(info.value) == f"{series.id} has no value before {series.first.start.isoformat()}"


def test_option_literals_are_the_parameters_values() -> None:
    # Types that must spell a value are declared beside it; they may not drift from it.
    assert set(get_args(fusho_insurer_placeholder.InsurerPlaceholder)) == {
        fusho_insurer_placeholder.INSURER.latest.value,
        fusho_insurer_placeholder.ALTERNATIVE.latest.value,
    }
    assert set(fusho_insurer_placeholder.RULES) == set(get_args(fusho_insurer_placeholder.InsurerPlaceholder))
    assert set(get_args(expired_card_temporary.TemporaryEnd)) == {
        value.value.isoformat() for value in expired_card_temporary.END.values
    }
    assert expired_card_temporary.END.latest.value.isoformat() == expired_card_temporary.DEFAULT_END


def test_docs_rules_md_is_up_to_date() -> None:
    target = REPO / "docs" / "rules.md"
    assert docs.render() == target.read_text(encoding="utf-8"), (
        "docs/rules.md is stale: run python -m rezept_fusho.docs"
    )
