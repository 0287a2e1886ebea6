"""The front desk: from a failed マイナ保険証 check to the window payment and the likely claim."""

from __future__ import annotations

from rezept_fusho.reception.models import Guidance, Situation
from rezept_fusho.reception.triage import triage

__all__ = ["Guidance", "Situation", "triage"]
