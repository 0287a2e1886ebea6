"""Front-desk situations for the property tests: every field drawn, as the JSON object a line holds."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, get_args

from hypothesis import strategies as st

from rezept_fusho.models.claim import InsuranceKind
from rezept_fusho.reception.triage import FIRST_DAY
from rezept_fusho.rules.frontdesk import expired_card_temporary
from rezept_fusho.rules.frontdesk.vocabulary import AgeGroup, Case, Item, Lookup, Ratio, Setting, Visit

#: Every 診療日 the front-desk rules cover, and a year beyond.
DAYS = st.dates(min_value=FIRST_DAY, max_value=date(2027, 12, 31))
ALWAYS = st.just(True)


@st.composite
def situation_data(
    draw: st.DrawFn,
    days: st.SearchStrategy[date] = DAYS,
    with_options: st.SearchStrategy[bool] = ALWAYS,
) -> dict[str, Any]:
    """A situation's JSON object: ids of any text; ``options`` when *with_options* draws True."""
    day = draw(days)
    data: dict[str, Any] = {
        "situation_id": draw(st.text(min_size=1, max_size=8)),
        "service_date": day.isoformat(),
        "case": draw(st.sampled_from(get_args(Case))),
        "visit": draw(st.sampled_from(get_args(Visit))),
        "setting": draw(st.sampled_from(get_args(Setting))),
        "presented": draw(st.lists(st.sampled_from(get_args(Item)), unique=True)),
        "holds_past_data": draw(st.booleans()),
        "system_reachable": draw(st.booleans()),
        "insurance_kind": draw(st.sampled_from(get_args(InsuranceKind))),
        "lookup": draw(st.sampled_from(get_args(Lookup))),
        "age_group": draw(st.none() | st.sampled_from(get_args(AgeGroup))),
        "declared_ratio": draw(st.none() | st.sampled_from(get_args(Ratio))),
    }
    if draw(with_options):
        data["options"] = {
            "temporary_end": draw(st.sampled_from(get_args(expired_card_temporary.TemporaryEnd))),
            "flexible_return_visit": draw(st.booleans()),
        }
    if draw(st.booleans()):
        data["certificate_expiry"] = (day - timedelta(days=draw(st.integers(-30, 200)))).isoformat()
    return data
