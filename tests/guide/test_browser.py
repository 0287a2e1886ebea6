"""The guide in a real browser: one A4 page in print, no sideways scroll on a phone.

Headless Chromium prints the guide to PDF (``pdfinfo``: one page of 595 × 842 pt,
A4), takes a screenshot at a phone's width, and measures the page at that
width. Chromium's window has a minimum width, so the measurement loads the
guide into a 390 px wide ``<iframe srcdoc>``: its document lays out at exactly
that width, and the parent page reads ``scrollWidth`` and ``clientWidth``
through ``--dump-dom``. No WebDriver is needed.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from datetime import date
from html import escape
from pathlib import Path

import pytest

from chromium_flags import FLAGS as CHROMIUM_FLAGS
from rezept_fusho.guide import render
from rezept_fusho.rules import frontdesk
from rezept_fusho.rules.frontdesk import (
    documents,
    expired_card_temporary,
    pattern_a,
    pattern_b,
    pattern_c,
    pattern_d,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not on PATH"),
    pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="pdfinfo (poppler-utils) is not on PATH"),
]

METHODS = (*pattern_a.METHODS, *pattern_b.METHODS, *pattern_c.METHODS, *pattern_d.METHODS, *documents.METHODS)
A4_POINTS = (595, 842)
PHONE = 390
ENDS = tuple(value.value.isoformat() for value in expired_card_temporary.END.values)
# The rules' first day, the most rules in force (保険証 and the first temporary rules; every insurer;
# the extension), and a day after the temporary handling.
DAYS = ("2023-07-10", "2025-07-10", "2025-11-30", "2026-01-15", "2026-05-15", "2026-12-01")
MEASURE = re.compile(r'data-measured="([0-9]+) ([0-9]+)"')


def chromium(tmp_path: Path, *args: str) -> str:
    done = subprocess.run(
        ["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done.stdout


def pdf_pages_and_size(pdf: Path) -> tuple[int, float, float]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = re.search(r"^Pages:\s+([0-9]+)$", info, re.MULTILINE)
    size = re.search(r"^Page size:\s+([0-9.]+) x ([0-9.]+) pts", info, re.MULTILINE)
    assert pages is not None, info
    assert size is not None, info
    return int(pages.group(1)), float(size.group(1)), float(size.group(2))


def png_width(png: Path) -> int:
    width: int = struct.unpack(">I", png.read_bytes()[16:20])[0]  # IHDR: width, then height
    return width


def scroll_and_client_width(tmp_path: Path, html: str, width: int) -> tuple[int, int]:
    """The guide's document scrollWidth and clientWidth, laid out *width* CSS px wide."""
    frame = tmp_path / "frame.html"
    frame.write_text(
        '<!DOCTYPE html><html><body style="margin:0">'
        f'<iframe id="guide" style="width:{width}px;height:20000px;border:0" srcdoc="{escape(html)}"></iframe>'
        '<script>addEventListener("load", () => { const root = document.getElementById("guide")'
        '.contentDocument.documentElement; document.body.setAttribute("data-measured", '
        'root.scrollWidth + " " + root.clientWidth); });</script></body></html>',
        encoding="utf-8",
    )
    dom = chromium(tmp_path, "--virtual-time-budget=5000", "--dump-dom", frame.as_uri())
    match = MEASURE.search(dom)
    assert match is not None, "the page script did not report"
    return int(match.group(1)), int(match.group(2))


@pytest.mark.parametrize("end", ENDS)
@pytest.mark.parametrize("day", DAYS)
def test_guide_prints_on_one_a4_page_and_fits_a_phone(tmp_path: Path, day: str, end: str) -> None:
    html = render(date.fromisoformat(day), end)  # type: ignore[arg-type]
    source = tmp_path / "guide.html"
    source.write_text(html, encoding="utf-8")
    pdf, phone = tmp_path / "guide.pdf", tmp_path / "phone.png"

    chromium(tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", source.as_uri())
    pages, width, height = pdf_pages_and_size(pdf)
    assert pages == 1
    assert abs(width - A4_POINTS[0]) <= 1
    assert abs(height - A4_POINTS[1]) <= 1

    chromium(tmp_path, f"--screenshot={phone}", f"--window-size={PHONE},2000", source.as_uri())
    assert png_width(phone) == PHONE
    assert phone.stat().st_size > 10_000
    scroll, client = scroll_and_client_width(tmp_path, html, PHONE)
    assert client == PHONE
    assert scroll <= client, f"horizontal scroll at {PHONE} px: {scroll} > {client}"

    active = frontdesk.in_force(date.fromisoformat(day), end)  # type: ignore[arg-type]
    for method in METHODS:
        assert (method.label_ja in html) == (method.rule in active), method.id


def test_the_measurement_sees_a_fixed_width_page(tmp_path: Path) -> None:
    # The old guide's body was 190 mm wide whatever the screen: the check must catch that.
    fixed = render(date(2026, 12, 1)).replace("max-width: 64rem;", "width: 190mm;", 1)
    assert "width: 190mm;" in fixed
    scroll, client = scroll_and_client_width(tmp_path, fixed, PHONE)
    assert scroll > client == PHONE
