"""Properties of triage over every well-formed situation (Hypothesis)."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from rezept_fusho.reception import Situation, triage
from rezept_fusho.rules import registry
from rezept_fusho.rules.frontdesk import expired_card_temporary
from situation_data import situation_data


def situations() -> st.SearchStrategy[Situation]:
    return situation_data().map(Situation.model_validate)


@given(situations())
def test_a_path_or_an_explicit_full_charge(situation: Situation) -> None:
    guidance = triage(situation)
    assert guidance.situation_id == situation.situation_id
    payment = guidance.window_payment
    if guidance.chosen is not None:
        assert payment.share == "normal"
        assert any(p.available and p.method == guidance.chosen for p in guidance.paths)
        assert guidance.likely_claim_basis is not None
    elif payment.flexible:
        assert payment.share == "normal"
        assert situation.visit == "return"
        assert situation.holds_past_data
        assert situation.options.flexible_return_visit
    else:
        assert payment.share == "full"
        assert payment.ratio == "10割"
        assert guidance.likely_claim_basis is None
    assert not any(p.available for p in guidance.paths) or guidance.chosen is not None


@given(situations())
def test_no_rule_outside_its_window(situation: Situation) -> None:
    guidance = triage(situation)
    day = situation.service_date
    claim_month = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    for entry in guidance.trace:
        rule = registry.get(entry.rule)
        assert rule.in_force(day if rule.axis == "service_date" else claim_month), rule.id
        assert entry.source == rule.source
    for path in guidance.paths:
        assert path.rule in {entry.rule for entry in guidance.trace}


@given(situations())
def test_the_extension_is_always_flagged(situation: Situation) -> None:
    guidance = triage(situation)
    traced = {entry.rule for entry in guidance.trace}
    flagged = {warning.code for warning in guidance.warnings}
    if expired_card_temporary.RULE_EXTENSION.id in traced:
        # relied on only when chosen; flagged exactly when no formal notice sets that end
        assert situation.options.temporary_end != expired_card_temporary.END.first.value.isoformat()
        unconfirmed = expired_card_temporary.unconfirmed(situation.options.temporary_end)
        assert ("temporary_extension_unconfirmed" in flagged) == unconfirmed


@given(situations())
def test_deterministic_and_collects_for_fusho(situation: Situation) -> None:
    first, second = triage(situation), triage(situation)
    assert first == second
    if first.likely_claim_basis == "fusho":
        assert first.collect_now
        assert ("事業所名" in first.collect_now) == (situation.insurance_kind != "late_elderly")
