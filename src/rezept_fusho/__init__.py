"""rezept-fusho: billing a visit when マイナ保険証 eligibility cannot be confirmed.

The claim is billed on the current qualification if it can be confirmed, else
on the past one (旧資格), else as 「不詳」 with placeholder numbers and the
被保険者資格申立書 in the 摘要 — each step a cited, date-effective rule.

>>> claim = Claim.model_validate({
...     "claim_id": "c1", "service_date": "2025-07-10",
...     "current_qualification": {"insurer_number": "01130012", "number": "1234"}})
>>> resolution = resolve(claim)
>>> resolution.basis, resolution.payer
('current', 'shiharai_kikin')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

from rezept_fusho.errors import ClaimError
from rezept_fusho.models.claim import Claim, Declaration, Options, Qualification
from rezept_fusho.models.resolution import ErrorRecord, Resolution
from rezept_fusho.resolver import resolve

if TYPE_CHECKING:
    from rezept_fusho.rules.rule import Rule


__all__ = [
    "RULES",
    "Claim",
    "ClaimError",
    "Declaration",
    "ErrorRecord",
    "Options",
    "Qualification",
    "Resolution",
    "__version__",
    "resolve",
]


def __getattr__(name: str) -> tuple[Rule, ...]:
    # The whole registry (front-desk rules too) loads on first use, not on every import.
    if name == "RULES":
        from rezept_fusho.rules.registry import RULES  # noqa: PLC0415 - lazy on purpose

        return RULES
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
