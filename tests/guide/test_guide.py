"""The guide names exactly the rules it relies on for its day, reads every value from them; the CLI."""

from __future__ import annotations

import re
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cli_runner import run_cli_text
from rezept_fusho.guide import FIRST_DAY, render, rules_shown
from rezept_fusho.guide.billing import RULES as BILLING_RULES
from rezept_fusho.guide.sources_line import short_name
from rezept_fusho.models.claim import month_after
from rezept_fusho.rules import frontdesk
from rezept_fusho.rules.claim import comment_codes, fusho_insurer_placeholder, fusho_number_placeholder
from rezept_fusho.rules.frontdesk import (
    after_full_payment,
    collect,
    documents,
    expired_card_temporary,
    pattern_a,
    pattern_b,
    pattern_c,
    pattern_d,
)
from rezept_fusho.rules.frontdesk.vocabulary import PATTERN_LABELS
from rezept_fusho.rules.rule import Rule
from rezept_fusho.rules.sources import HOHATSU_0710

REPO = Path(__file__).resolve().parents[2]
DATA_RULE = re.compile(r'data-rule="([A-Z0-9-]+)"')
#: Every end the option offers, read from the rule (a notice that moves the end adds one).
ENDS = tuple(value.value.isoformat() for value in expired_card_temporary.END.values)
#: The last day of each end and the day after it.
END_BOUNDARIES = sorted(
    {
        d.isoformat()
        for value in expired_card_temporary.END.values
        for d in (value.value, value.value + timedelta(days=1))
    }
)
METHODS = (*pattern_a.METHODS, *pattern_b.METHODS, *pattern_c.METHODS, *pattern_d.METHODS, *documents.METHODS)


def named_rules(html: str) -> set[str]:
    return set(DATA_RULE.findall(html))


def billing_in_force(rule: Rule, day: date) -> bool:
    # A visit is billed the month after: the claim rules are read on that 請求年月.
    return rule.in_force(day if rule.axis == "service_date" else month_after(day))


def check(day: date, end: str) -> str:
    html = render(day, end)  # type: ignore[arg-type]
    active = frontdesk.in_force(day, end)  # type: ignore[arg-type]
    billing = {rule.id for rule in BILLING_RULES if billing_in_force(rule, day)}
    assert named_rules(html) == {rule.id for rule in active} | billing
    assert {rule.id for rule in rules_shown(day, end)} == named_rules(html)  # type: ignore[arg-type]
    for method in METHODS:
        assert (method.label_ja in html) == (method.rule in active), method.id
    for pattern, label in PATTERN_LABELS.items():
        shown = any(m.pattern == pattern and m.rule in active for m in METHODS)
        assert (label in html) == shown, pattern
    return html


@given(
    st.dates(min_value=FIRST_DAY, max_value=date(2027, 12, 31)),
    st.sampled_from(ENDS),
)
def test_guide_names_exactly_the_rules_it_relies_on(day: date, end: str) -> None:
    check(day, end)


@pytest.mark.parametrize(
    "day",
    [
        "2023-07-10",
        "2023-08-31",
        "2023-09-01",
        "2024-03-31",
        "2024-04-01",
        "2024-12-01",
        "2024-12-02",
        "2025-07-31",
        "2025-08-01",
        "2025-12-01",
        "2025-12-02",
        *END_BOUNDARIES,
    ],
)
@pytest.mark.parametrize("end", ENDS)
def test_guide_on_every_boundary(day: str, end: str) -> None:
    html = check(date.fromisoformat(day), end)
    assert "@page { size: A4;" in html
    assert "Noto Sans CJK JP" in html
    extension = 'data-rule="FRONTDESK-TEMPORARY-EXTENSION"' in html
    first_end = expired_card_temporary.END.first.value.isoformat()
    assert extension == (first_end < day <= end)
    unconfirmed = extension and expired_card_temporary.unconfirmed(end)
    assert ("正式な事務連絡は確認できていません" in html) == unconfirmed


def test_each_case_reads_straight_to_its_methods() -> None:
    html = render(date(2026, 12, 1))
    row = html[html.index("停電・施設の通信障害") :]
    row = row[: row.index("</tr>")]
    # The methods by name, in the case table's order, in the case's own row: no codes to look up.
    labels = [m.label_ja for m in (pattern_a.PORTAL, pattern_a.NOTICE, pattern_a.ORAL_RETURN)]
    labels += [pattern_b.OUTAGE_MODE.label_ja, pattern_a.DECLARATION.label_ja]
    positions = [row.index(label) for label in labels]
    assert positions == sorted(positions)
    assert "①" in row
    assert "⑤" in row


def test_billing_box_reads_the_claim_rules() -> None:
    html = render(date(2026, 12, 1))
    box = html[html.index('class="billing"') :]
    for value in (
        fusho_insurer_placeholder.INSURER.latest.value,
        fusho_insurer_placeholder.ALTERNATIVE.latest.value,
        fusho_number_placeholder.NUMBER.latest.value,
        fusho_number_placeholder.LATE_ELDERLY_NUMBER.latest.value,
        comment_codes.FUSHO.code,
        comment_codes.PAST.code,
        comment_codes.PAST.master_text,
        comment_codes.DECLARATION_CODES[0].code,
        comment_codes.DECLARATION_CODES[-1].code,
    ):
        assert value in box, value
    assert box.index("現在の資格で請求") < box.index("旧資格で請求") < box.index("不詳で請求")


def test_billing_rules_not_yet_in_force_say_from_when() -> None:
    # 診療日 2023-07-10 → 請求年月 2023-08: no 不詳 claim yet (from 2023-09), no 77777779 (from 2023-10).
    early = render(date(2023, 7, 10))
    assert 'data-rule="CLAIM-TIER-FUSHO"' not in early
    assert "灰色の項目は2023年9月請求分から（2023年8月請求にはまだ使えない）" in early
    alternative = fusho_insurer_placeholder.ALTERNATIVE.latest.value
    assert f"{alternative}（2023年10月請求分から）" in early
    # 診療日 2023-09-01 → 請求年月 2023-10: both in force.
    later = render(date(2023, 9, 1))
    assert 'data-rule="CLAIM-TIER-FUSHO"' in later
    assert 'data-rule="FUSHO-INSURER-77777779"' in later
    assert "請求分から" not in later
    assert 'class="later"' not in later


def test_after_a_full_payment_and_the_form() -> None:
    html = render(date(2026, 12, 1))
    assert 'data-rule="FRONTDESK-AFTER-FULL-PAYMENT"' in html
    assert after_full_payment.CLINIC_SETTLES_JA in html
    assert after_full_payment.PATIENT_CLAIMS_JA in html
    assert pattern_a.FORM in pattern_a.RULE_DECLARATION.citations
    assert f'href="{HOHATSU_0710.url}"' in html
    assert "別紙様式「被保険者資格申立書」" in html
    assert "別添3" in html


def test_declaration_items_are_listed_once() -> None:
    html = render(date(2026, 12, 1))
    listed = html[html.index('<ul class="items">') :]
    listed = listed[: listed.index("</ul>")]
    rest = html.replace(listed, "")
    assert "後期高齢者医療は事業所名不要" in rest
    for item in collect.items("employee"):
        assert listed.count(f"<li>{item}</li>") == 1, item
        assert rest.count(item) == (item == "事業所名"), item  # only in the 後期 note


def test_sources_line_instead_of_a_footer_of_ids() -> None:
    day = date(2026, 12, 1)
    html = render(day)
    footer = html[html.index("<footer>") :]
    sources = footer[: footer.index("<details>")]
    assert short_name(HOHATSU_0710) in sources
    assert "事務連絡 2023年7月19日" in sources
    assert not DATA_RULE.search(sources)
    assert "FRONTDESK-" not in sources
    assert f"rezept-fusho rules --date {day.isoformat()}" in sources
    # The ids stay on screen, folded away, and are not printed.
    assert "FRONTDESK-AFTER-FULL-PAYMENT" in footer[footer.index("<details>") :]
    assert "details { display: none; }" in html[html.index("@media print") :]


def test_responsive_screen_and_a4_print() -> None:
    html = render(date(2026, 12, 1))
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    css = html[html.index("<style>") : html.index("</style>")]
    assert not re.search(r"(?<![-a-z])width:\s*[0-9.]+mm", css), "a fixed paper width on screen"
    assert "@page { size: A4;" in css


def test_text_is_escaped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(after_full_payment, "CLINIC_SETTLES_JA", "<script>x</script>")
    html = render(date(2025, 7, 10))
    assert "<script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html


def test_no_guide_before_the_rules() -> None:
    assert date(2023, 7, 10) == FIRST_DAY  # 保発0710第1号
    assert named_rules(render(FIRST_DAY))
    with pytest.raises(ValueError, match="保発0710第1号"):
        render(FIRST_DAY - timedelta(days=1))


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli_text("guide", *args, cwd=REPO)


@pytest.mark.slow
def test_cli_writes_the_guide(tmp_path: Path) -> None:
    out = tmp_path / "guide.html"
    done = _cli("--date", "2025-12-02", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8") == render(date(2025, 12, 2))
    assert not list(tmp_path.glob(".*.part"))
    done = _cli("--date", "2026-05-15", "--temporary-end", "2026-03-31")
    assert done.returncode == 0
    assert done.stdout == render(date(2026, 5, 15), "2026-03-31")


@pytest.mark.slow
@pytest.mark.parametrize("bad", ["2025-02-30", "20250101", "２０２５-01-01", "2025-1-1", ""])
def test_cli_bad_date_exit_2(bad: str) -> None:
    done = _cli("--date", bad)
    assert done.returncode == 2
    assert "YYYY-MM-DD" in done.stderr


@pytest.mark.slow
def test_cli_date_before_the_rules_exit_2(tmp_path: Path) -> None:
    out = tmp_path / "guide.html"
    done = _cli("--date", "2020-01-01", "-o", str(out))
    assert done.returncode == 2
    assert done.stdout == ""
    assert "保発0710第1号" in done.stderr
    assert FIRST_DAY.isoformat() in done.stderr
    assert not out.exists()


@pytest.mark.slow
def test_cli_unwritable_output_exit_2(tmp_path: Path) -> None:
    done = _cli("--date", "2025-07-10", "-o", str(tmp_path / "missing" / "guide.html"))
    assert done.returncode == 2
    assert "rezept-fusho guide" in done.stderr


def test_cli_in_process(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from rezept_fusho.cli import main

    out = tmp_path / "guide.html"
    assert main(["guide", "--date", "2025-07-10", "-o", str(out)]) == 0
    assert "受付・請求ガイド" in out.read_text(encoding="utf-8")
    assert main(["guide", "--date", "2025-13-01"]) == 2
    assert main(["guide", "--date", "2025/07/10"]) == 2
    assert main(["guide", "--date", (FIRST_DAY - timedelta(days=1)).isoformat()]) == 2
    assert "保発0710第1号" in capsys.readouterr().err
    assert main(["guide", "--date", FIRST_DAY.isoformat(), "-o", str(out)]) == 0
    assert main(["guide", "--date", "2025-07-10", "-o", str(tmp_path / "no" / "g.html")]) == 2
    assert "rezept-fusho guide" in capsys.readouterr().err
