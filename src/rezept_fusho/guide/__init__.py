"""The printable front-desk guide (``rezept-fusho guide``), rendered from the rule registry."""

from __future__ import annotations

from rezept_fusho.guide.render import FIRST_DAY, render, rules_shown

__all__ = ["FIRST_DAY", "render", "rules_shown"]
