"""The service's tests need the server extra; without it they are skipped, not failed."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")
