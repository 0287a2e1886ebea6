"""Debian's headless Chromium as the browser tests run it: no sandbox (containers), nothing fetched."""

from __future__ import annotations

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
