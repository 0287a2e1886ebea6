"""A card whose 利用者証明用電子証明書 has expired stays usable for three months.

厚生労働省告示第349号 (2024-11-29, applied from 2024-12-02; 中医協 2024-11-13):
a マイナンバーカード whose electronic certificate has expired can still be used
for the オンライン資格確認 for three months after the expiry. The counting is
the civil-law one as the library reads it (民法 140–143, inferred, not quoted
from the 告示): the last usable day is the same day number three months after
the expiry date, or the month's last day when that month is shorter.

>>> last_usable_day(date(2025, 1, 10))
datetime.date(2025, 4, 10)
>>> last_usable_day(date(2024, 11, 30))
datetime.date(2025, 2, 28)
"""

from __future__ import annotations

import calendar
from datetime import date

from rezept_fusho.rules.rule import Citation, Rule, Window
from rezept_fusho.rules.sources import KOKUJI_349, VIA_JMEDJ_349

#: 療養担当規則 第3条: the months a card stays usable after its certificate expired.
GRACE_MONTHS = 3

RULE = Rule(
    id="FRONTDESK-CERTIFICATE-GRACE",
    title_ja=f"電子証明書の有効期限切れから{GRACE_MONTHS}か月間はマイナ保険証として使える",
    title_en="A card whose electronic certificate expired stays usable for three months",
    window=Window(date(2024, 12, 2)),
    citations=(Citation(KOKUJI_349, "療養担当規則 第3条（電子証明書の有効期限後3月）", via=VIA_JMEDJ_349),),
    summary=__doc__ or "",
)


def last_usable_day(expiry: date) -> date:
    """The last day a card whose certificate expired on *expiry* may still be used."""
    month_index = expiry.month - 1 + GRACE_MONTHS
    year, month = expiry.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(expiry.day, calendar.monthrange(year, month)[1]))


def in_grace(expiry: date, day: date) -> bool:
    """True when a certificate that expired on *expiry* is still usable on *day*."""
    return day <= last_usable_day(expiry)
