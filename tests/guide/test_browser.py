"""The guide in a real browser: headless Chromium prints it to one A4 page and a PNG."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from rezept_fusho.guide import render
from rezept_fusho.rules import frontdesk
from rezept_fusho.rules.frontdesk import documents, pattern_a, pattern_b, pattern_c, pattern_d
from rezept_fusho.rules.frontdesk.vocabulary import PATTERN_LABELS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not on PATH"),
]

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
METHODS = (*pattern_a.METHODS, *pattern_b.METHODS, *pattern_c.METHODS, *pattern_d.METHODS, *documents.METHODS)
PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def chromium(tmp_path: Path, *args: str) -> None:
    profile = tmp_path / "profile"
    subprocess.run(
        ["chromium", *FLAGS, f"--user-data-dir={profile}", *args],
        check=True,
        capture_output=True,
        timeout=120,
    )


def pages(pdf: Path) -> int:
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        match = re.search(r"^Pages:\s+([0-9]+)$", info, re.MULTILINE)
        assert match is not None
        return int(match.group(1))
    return len(PAGE.findall(pdf.read_bytes()))


# The days on which the most rules are in force, each end option.
@pytest.mark.parametrize(
    ("day", "end"),
    [("2025-11-30", "2026-07-31"), ("2026-01-15", "2026-03-31"), ("2026-05-15", "2026-07-31")],
)
def test_guide_prints_on_one_a4_page(tmp_path: Path, day: str, end: str) -> None:
    html = render(date.fromisoformat(day), end)  # type: ignore[arg-type]
    source = tmp_path / "guide.html"
    source.write_text(html, encoding="utf-8")
    pdf, png = tmp_path / "guide.pdf", tmp_path / "guide.png"
    chromium(tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", source.as_uri())
    chromium(tmp_path, f"--screenshot={png}", "--window-size=794,1123", source.as_uri())
    assert pages(pdf) == 1
    assert png.stat().st_size > 10_000
    active = frontdesk.in_force(date.fromisoformat(day), end)  # type: ignore[arg-type]
    for method in METHODS:
        if method.rule in active:
            assert method.label_ja in html
    for pattern, label in PATTERN_LABELS.items():
        if any(m.pattern == pattern and m.rule in active for m in METHODS):
            assert label in html
