"""The guide names exactly the rules in force on its day, every pattern and method in force; the CLI."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cli_runner import run_cli_text
from rezept_fusho.guide import METHOD_CODES, render
from rezept_fusho.rules import frontdesk
from rezept_fusho.rules.frontdesk import cases, documents, pattern_a, pattern_b, pattern_c, pattern_d
from rezept_fusho.rules.frontdesk.vocabulary import PATTERN_LABELS

REPO = Path(__file__).resolve().parents[2]
DATA_RULE = re.compile(r'data-rule="([A-Z0-9-]+)"')
ENDS = ("2026-07-31", "2026-03-31")
METHODS = (*pattern_a.METHODS, *pattern_b.METHODS, *pattern_c.METHODS, *pattern_d.METHODS, *documents.METHODS)


def named_rules(html: str) -> set[str]:
    return set(DATA_RULE.findall(html))


def check(day: date, end: str) -> str:
    html = render(day, end)  # type: ignore[arg-type]
    active = frontdesk.in_force(day, end)  # type: ignore[arg-type]
    assert named_rules(html) == {rule.id for rule in active}
    for method in METHODS:
        assert (method.label_ja in html) == (method.rule in active), method.id
    for pattern, label in PATTERN_LABELS.items():
        shown = any(m.pattern == pattern and m.rule in active for m in METHODS)
        assert (label in html) == shown, pattern
    return html


@given(
    st.dates(min_value=date(2023, 7, 10), max_value=date(2027, 12, 31)),
    st.sampled_from(ENDS),
)
def test_guide_names_exactly_the_rules_in_force(day: date, end: str) -> None:
    check(day, end)


@pytest.mark.parametrize(
    "day",
    [
        "2023-07-10",
        "2024-03-31",
        "2024-04-01",
        "2024-12-01",
        "2024-12-02",
        "2025-07-31",
        "2025-08-01",
        "2025-12-01",
        "2025-12-02",
        "2026-03-31",
        "2026-04-01",
        "2026-07-31",
        "2026-08-01",
    ],
)
@pytest.mark.parametrize("end", ENDS)
def test_guide_on_every_boundary(day: str, end: str) -> None:
    html = check(date.fromisoformat(day), end)
    assert "@page { size: A4;" in html
    assert "Noto Sans CJK JP" in html
    extension = 'data-rule="FRONTDESK-TEMPORARY-EXTENSION"' in html
    assert extension == (end == "2026-07-31" and "2026-04-01" <= day <= "2026-07-31")
    assert ("正式な事務連絡は確認できていません" in html) == extension


def test_method_codes_are_unique_and_cover_every_method() -> None:
    assert set(METHOD_CODES) == {m.id for m in METHODS}
    assert len(set(METHOD_CODES.values())) == len(METHOD_CODES)
    assert all(entry.rule in frontdesk.RULES for entry in cases.CASES.values())


def test_text_is_escaped(monkeypatch: pytest.MonkeyPatch) -> None:
    import attrs

    hostile = attrs.evolve(pattern_a.PORTAL, label_ja="<script>x</script>")
    monkeypatch.setattr(pattern_a, "METHODS", (hostile, *pattern_a.METHODS[1:]))
    html = render(date(2025, 7, 10))
    assert "<script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html


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
def test_cli_unwritable_output_exit_2(tmp_path: Path) -> None:
    done = _cli("--date", "2025-07-10", "-o", str(tmp_path / "missing" / "guide.html"))
    assert done.returncode == 2
    assert "rezept-fusho guide" in done.stderr


def test_guide_before_the_rules_names_none() -> None:
    assert named_rules(render(date(2023, 7, 9))) == set()


def test_cli_in_process(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from rezept_fusho.cli import main

    out = tmp_path / "guide.html"
    assert main(["guide", "--date", "2025-07-10", "-o", str(out)]) == 0
    assert "受付ガイド" in out.read_text(encoding="utf-8")
    assert main(["guide", "--date", "2025-13-01"]) == 2
    assert main(["guide", "--date", "2025/07/10"]) == 2
    assert main(["guide", "--date", "2025-07-10", "-o", str(tmp_path / "no" / "g.html")]) == 2
    assert "rezept-fusho guide" in capsys.readouterr().err
