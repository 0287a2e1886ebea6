"""Tier 3 — bill as 「不詳」 with the 被保険者資格申立書.

保発0710第1号 3(4) and 請求事務連絡 (2023-07-19) 1.③: when neither a current
nor a past qualification can be established before the claim, bill with the
numbers left 「不詳」 and the 申立書's contents in the 摘要. Such claims could
first be sent in the 2023-09 submission (令和5年9月請求分; R2.4), so the
window is read on the 請求年月.

The 申立書 must give at least the カナ氏名, one 住所, the 連絡先 and the date
the clinic contacted the patient: without them the 摘要 cannot be written,
and the claim is an error record naming what is missing.
"""

from __future__ import annotations

from datetime import date

from rezept_fusho.errors import ClaimError
from rezept_fusho.models.claim import Declaration
from rezept_fusho.rules.model import Citation, Rule, Window
from rezept_fusho.rules.sources import (
    CLAIM_NOTICE_20230719,
    HOHATSU_0710,
    VIA_SEED_003,
    VIA_SHAHO_0719,
)

RULE = Rule(
    id="CLAIM-TIER-FUSHO",
    title_ja="現在・過去の資格が特定できない場合は「不詳」として申立書の内容を摘要に記載して請求する",
    title_en="Bill as 不詳, with the 申立書 in the 摘要, when no qualification can be established",
    window=Window(date(2023, 9, 1)),
    citations=(
        Citation(HOHATSU_0710, "3(4)", via=VIA_SHAHO_0719),
        Citation(CLAIM_NOTICE_20230719, "1.③", via=VIA_SEED_003),
    ),
    summary=__doc__ or "",
    axis="claim_month",
)

_REQUIRED = (
    ("kana_name", "カナ氏名"),
    ("addresses", "住所"),
    ("contact", "連絡先"),
    ("contacted_on", "患者への連絡を行った日付"),
)


def require_declaration(declaration: Declaration | None) -> Declaration:
    """Return the declaration, or raise naming the first missing item."""
    if declaration is None:
        raise ClaimError(
            "declaration_required",
            "declaration",
            "不詳請求には被保険者資格申立書が必要です",
            "a 不詳 claim needs the 被保険者資格申立書 (declaration)",
        )
    for name, label in _REQUIRED:
        if not getattr(declaration, name):
            raise ClaimError(
                "declaration_incomplete",
                f"declaration.{name}",
                f"不詳請求には申立書の「{label}」が必要です",
                f"a 不詳 claim needs declaration.{name}",
            )
    return declaration
