"""The printable front-desk guide (``rezept-fusho guide``), rendered from the rule registry."""

from __future__ import annotations

from rezept_fusho.guide.render import METHOD_CODES, render

__all__ = ["METHOD_CODES", "render"]
