"""Disaster claims (災害時) — the placeholders 99999999 and 999999999, for contrast.

事務連絡 2013-01-24 (暴風雪被害に係る診療報酬等の請求の取扱い; later disaster
notices follow it): an insurer that cannot be identified is recorded as
保険者番号 99999999, and an unknown 記号・番号 as 番号 999999999 (R5.3–R5.5).
They are not 不詳 claims, and never a real qualification: a claim that gives
them as one is refused (``placeholder_insurer_number``,
``placeholder_number``), and ``uke-check`` exempts 99999999 from the check
digit. Declared here once; this library does not bill disaster claims.

>>> INSURER.at(DISASTER_20130124.issued_on), NUMBER.at(DISASTER_20130124.issued_on)
('99999999', '999999999')
"""

from __future__ import annotations

from typing import Final

from rezept_fusho.rules.parameter import Parameter, Value
from rezept_fusho.rules.rule import Citation
from rezept_fusho.rules.sources import DISASTER_20130124

_ELECTRONIC = Citation(DISASTER_20130124, "別添 電子レセプトの記録")

INSURER: Final = Parameter(
    "DISASTER-INSURER-NUMBER",
    "災害時の保険者番号（保険者不明）",
    "保険者番号 of a disaster claim whose insurer is unknown",
    (Value(DISASTER_20130124.issued_on, "99999999", _ELECTRONIC, grade="confirmed"),),
)
NUMBER: Final = Parameter(
    "DISASTER-CARD-NUMBER",
    "災害時の被保険者等番号（番号不明）",
    "番号 of a disaster claim whose 記号・番号 are unknown",
    (Value(DISASTER_20130124.issued_on, "999999999", _ELECTRONIC, grade="confirmed"),),
)
