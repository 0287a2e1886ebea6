"""Triage: every dated window the day before, the day of and the day after; errors; the CLI as a user runs it."""

from __future__ import annotations

import json
import subprocess
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from cli_runner import run_cli_text
from rezept_fusho.errors import ClaimError
from rezept_fusho.reception import Guidance, Situation, triage
from rezept_fusho.rules.frontdesk import cases, certificate_grace, documents

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "situations.jsonl"
ONE_DAY = timedelta(days=1)


def run(day: date, **fields: Any) -> Guidance:
    base: dict[str, Any] = {"situation_id": "t", "service_date": day.isoformat(), "visit": "first"}
    return triage(Situation.model_validate(base | fields))


def around(day: date) -> tuple[date, date, date]:
    return day - ONE_DAY, day, day + ONE_DAY


def trace(guidance: Guidance) -> set[str]:
    return {entry.rule for entry in guidance.trace}


def codes(guidance: Guidance) -> set[str]:
    return {warning.code for warning in guidance.warnings}


def test_notice_with_card_from_2024_12_02() -> None:
    before, on, after = (
        run(d, case="card_unusable", presented=["qualification_notice", "my_number_card"])
        for d in around(date(2024, 12, 2))
    )
    assert before.chosen == "declaration"
    assert on.chosen == after.chosen == "qualification_notice"
    assert "FRONTDESK-QUALIFICATION-CERTIFICATE" not in trace(before)
    assert "FRONTDESK-QUALIFICATION-CERTIFICATE" in trace(on)


def test_certificate_grace_from_2024_12_02() -> None:
    # expired a month before each day: in grace only once the 告示 applies
    results = [
        run(
            d,
            case="card_unusable",
            presented=["my_number_card"],
            certificate_expiry=(d - timedelta(days=30)).isoformat(),
        )
        for d in around(date(2024, 12, 2))
    ]
    assert [g.chosen for g in results] == ["declaration", "certificate_grace", "certificate_grace"]
    assert "certificate_grace_not_in_force" in codes(results[0])


def test_certificate_grace_last_day() -> None:
    expiry = date(2025, 1, 10)
    last = certificate_grace.last_usable_day(expiry)
    assert last == date(2025, 4, 10)
    chosen = [
        run(
            d, case="card_unusable", presented=["my_number_card"], certificate_expiry=expiry.isoformat()
        ).chosen
        for d in around(last)
    ]
    assert chosen == ["certificate_grace", "certificate_grace", "declaration"]


def test_certificate_month_end_and_year_wrap() -> None:
    assert certificate_grace.last_usable_day(date(2025, 11, 30)) == date(2026, 2, 28)
    assert certificate_grace.last_usable_day(date(2023, 10, 31)) == date(2024, 1, 31)


def test_certificate_not_yet_expired() -> None:
    g = run(
        date(2025, 3, 1), case="card_unusable", presented=["my_number_card"], certificate_expiry="2025-03-01"
    )
    assert "certificate_not_expired" in codes(g)
    assert g.chosen == "declaration"


def test_grace_later_when_system_down() -> None:
    g = run(
        date(2025, 3, 1),
        case="card_unusable",
        presented=["my_number_card"],
        certificate_expiry="2025-02-01",
        system_reachable=False,
    )
    assert g.paths[0].method == "certificate_grace"
    assert g.paths[0].timing == "later"
    assert g.chosen == "declaration"
    assert g.likely_claim_basis == "current"


def _expired(day: date, kind: str, end: str = "2026-07-31") -> Guidance:
    return run(
        day,
        case="no_card",
        presented=["expired_health_insurance_card"],
        insurance_kind=kind,
        lookup="valid",
        options={"temporary_end": end},
    )


@pytest.mark.parametrize("kind", ["national", "late_elderly"])
def test_temporary_kokuho_kouki_from_2025_08_01(kind: str) -> None:
    before, on, after = (_expired(d, kind) for d in around(date(2025, 8, 1)))
    assert before.window_payment.share == "full"
    assert on.window_payment.share == after.window_payment.share == "normal"
    assert "FRONTDESK-TEMPORARY-KOKUHO-KOUKI" in trace(on)


def test_temporary_all_insurers_from_2025_12_02() -> None:
    before, on, after = (_expired(d, "employee") for d in around(date(2025, 12, 2)))
    assert before.window_payment.share == "full"
    assert "document_not_sufficient" in codes(before)
    assert on.window_payment.share == after.window_payment.share == "normal"
    assert "FRONTDESK-TEMPORARY-ALL-INSURERS" in trace(on)


def test_valid_health_insurance_card_until_2025_12_01() -> None:
    results = [run(d, case="no_card", presented=["health_insurance_card"]) for d in around(date(2025, 12, 2))]
    assert [g.chosen for g in results] == ["health_insurance_card", "temporary_lookup", "temporary_lookup"]
    assert "health_insurance_card_expired" in codes(results[1])
    assert "FRONTDESK-HEALTH-INSURANCE-CARD" not in trace(results[1])


@pytest.mark.parametrize("kind", ["employee", "national"])
def test_notices_end_2026_03_31(kind: str) -> None:
    before, on, after = (_expired(d, kind, "2026-03-31") for d in around(date(2026, 3, 31)))
    assert before.window_payment.share == on.window_payment.share == "normal"
    assert after.window_payment.share == "full"
    assert "temporary_handling_ended" in codes(after)
    assert "temporary_extension_unconfirmed" not in codes(on)


def test_default_extension_continues_after_2026_03_31() -> None:
    on, after = _expired(date(2026, 3, 31), "employee"), _expired(date(2026, 4, 1), "employee")
    assert "temporary_extension_unconfirmed" not in codes(on)
    assert "FRONTDESK-TEMPORARY-EXTENSION" in trace(after)
    assert "temporary_extension_unconfirmed" in codes(after)
    assert after.window_payment.share == "normal"


def test_extension_ends_2026_07_31() -> None:
    before, on, after = (_expired(d, "employee") for d in around(date(2026, 7, 31)))
    assert before.window_payment.share == on.window_payment.share == "normal"
    assert "temporary_extension_unconfirmed" in codes(on)
    assert after.window_payment.share == "full"
    assert "temporary_handling_ended" in codes(after)


def test_pattern_d_from_2024_04_01() -> None:
    results = [
        run(d, case="reader_difficult", setting="home", presented=["my_number_card"])
        for d in around(date(2024, 4, 1))
    ]
    assert [g.chosen for g in results] == ["declaration", "home_app", "home_app"]


def test_first_day_2023_07_10() -> None:
    with pytest.raises(ClaimError) as info:
        run(date(2023, 7, 9), case="no_card")
    assert info.value.code == "service_date_before_rules"
    assert run(date(2023, 7, 10), case="no_card").window_payment.share == "full"


def test_fusho_claim_from_2023_09_submission() -> None:
    late_august = run(date(2023, 8, 31), case="card_unusable", presented=["my_number_card"])
    september = run(date(2023, 9, 1), case="card_unusable", presented=["my_number_card"])
    assert "CLAIM-TIER-FUSHO" in trace(late_august)  # billed in 2023-09
    assert "CLAIM-TIER-FUSHO" in trace(september)
    july = run(date(2023, 7, 31), case="card_unusable", presented=["my_number_card"])
    assert "fusho_claim_from_2023_09" in codes(july)


def test_flexible_on_qualification_invalid_bills_past() -> None:
    g = run(
        date(2025, 7, 10),
        case="qualification_invalid",
        visit="return",
        holds_past_data=True,
        options={"flexible_return_visit": True},
    )
    # no card: the oral check needs no card and comes first
    assert g.chosen == "oral_confirmation"
    assert g.likely_claim_basis == "past"
    g = run(
        date(2025, 7, 10),
        case="card_lost_disaster",
        visit="return",
        holds_past_data=True,
        system_reachable=False,
        options={"flexible_return_visit": True},
    )
    assert g.chosen == "oral_confirmation"


def test_flexible_past_basis_for_no_card_invalid_display() -> None:
    g = run(
        date(2025, 7, 10),
        case="no_card",
        visit="return",
        holds_past_data=True,
        options={"flexible_return_visit": True},
    )
    assert g.window_payment.flexible
    assert g.likely_claim_basis == "current"


def test_declaration_with_past_data_bills_past() -> None:
    g = run(
        date(2025, 7, 10),
        case="card_unusable",
        visit="first",
        presented=["my_number_card"],
        holds_past_data=True,
    )
    assert g.chosen == "declaration"
    assert g.likely_claim_basis == "past"
    assert "bill_on_past_qualification" in codes(g)


def test_temporary_later_when_system_down() -> None:
    g = run(date(2026, 1, 10), case="no_card", presented=["qualification_notice"], system_reachable=False)
    assert g.paths[-1].timing == "later"
    assert g.window_payment.share == "full"


def test_situation_rejects_unknown_fields_and_is_frozen() -> None:
    with pytest.raises(ValueError, match="extra"):
        Situation.model_validate(
            {
                "situation_id": "x",
                "service_date": "2025-01-01",
                "case": "no_card",
                "visit": "first",
                "name": "山田",
            }
        )
    situation = Situation.model_validate(
        {"situation_id": "x", "service_date": "2025-01-01", "case": "no_card", "visit": "first"}
    )
    with pytest.raises(ValueError, match="frozen"):
        situation.visit = "return"  # type: ignore[misc]


def _cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return run_cli_text("triage", *args, stdin=stdin, cwd=REPO)


@pytest.mark.slow
def test_cli_examples_exit_0() -> None:
    done = _cli(str(EXAMPLES))
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(records) == sum(
        1 for line in EXAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()
    )
    assert all("window_payment" in record and record["trace"] for record in records)


@pytest.mark.slow
def test_cli_error_records_exit_1() -> None:
    lines = [
        json.dumps({"situation_id": "ok", "service_date": "2025-07-10", "case": "no_card", "visit": "first"}),
        json.dumps(
            {"situation_id": "bad-date", "service_date": "2025-02-30", "case": "no_card", "visit": "first"}
        ),
        json.dumps(
            {"situation_id": "old", "service_date": "2023-01-10", "case": "no_card", "visit": "first"}
        ),
        json.dumps(
            {
                "situation_id": "pii",
                "service_date": "2025-07-10",
                "case": "no_card",
                "visit": "first",
                "kana_name": "ヤマダ",
            }
        ),
        "not json",
    ]
    done = _cli(stdin="\n".join(lines) + "\n")
    assert done.returncode == 1
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r.get("situation_id") for r in records] == ["ok", "bad-date", "old", "pii", None]
    assert [r["error"]["code"] for r in records[1:]] == [
        "invalid_date",
        "service_date_before_rules",
        "unknown_field",
        "invalid_json",
    ]
    assert "ヤマダ" not in done.stdout.split("\n")[3]


@pytest.mark.slow
def test_cli_missing_file_exit_2(tmp_path: Path) -> None:
    done = _cli(str(tmp_path / "none.jsonl"))
    assert done.returncode == 2
    assert "rezept-fusho triage" in done.stderr


def test_cli_in_process(tmp_path: Path) -> None:
    from rezept_fusho.cli import main

    out = tmp_path / "guidance.jsonl"
    assert main(["triage", str(EXAMPLES), "-o", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(
        EXAMPLES.read_text(encoding="utf-8").splitlines()
    )


def test_every_method_rule_is_read_on_the_service_date() -> None:
    # The triage offers a method when its rule is in force on the 診療日, and records it then
    # (Ledger.use_if_in_force): the same test only while every method rule is read on that axis.
    methods = [
        *(method for setting in cases.SETTING_METHODS.values() for method in setting),
        *(method for entry in cases.CASES.values() for method in entry.methods),
        *documents.METHODS,
    ]
    assert methods
    assert {method.rule.axis for method in methods} == {"service_date"}
