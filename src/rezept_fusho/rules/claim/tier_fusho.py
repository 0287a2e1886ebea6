"""Tier 3 — bill as 「不詳」 with the 被保険者資格申立書.

保発0710第1号 3(4) and 請求事務連絡 (2023-07-19) 1.③: when neither a current
nor a past qualification can be established before the claim, bill with the
numbers left 「不詳」 and the 申立書's contents in the 摘要. Such claims could
first be sent in the 2023-09 submission (令和5年9月請求分; R2.4), so the
window is read on the 請求年月.

The 申立書 is filled in as far as the patient can (保発0710第1号 別添3, R1.9),
and the reference software writes the items that exist (``reference-software.md``
§1.2). So only the カナ氏名 is required — without it there is no claim — and
an item the 申立書 does not give (住所, 連絡先, the contact date) is left out
of the 摘要 with the warning ``declaration_item_missing``
(``FUSHO-DECLARATION-PARTIAL``). A clinic that wants every item before it
bills sets ``options.require_complete_declaration``: the same case is then the
error ``declaration_incomplete``, naming every missing item.
"""

from __future__ import annotations

from datetime import date

from rezept_fusho.errors import ClaimError
from rezept_fusho.models.claim import Declaration
from rezept_fusho.rules.rule import Citation, Rule, Window
from rezept_fusho.rules.sources import (
    CLAIM_NOTICE_20230719,
    HOHATSU_0710,
    VIA_ORCA,
    VIA_SEED_003,
    VIA_SHAHO_0719,
    VIA_WICNET_10,
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

RULE_PARTIAL = Rule(
    id="FUSHO-DECLARATION-PARTIAL",
    title_ja="申立書は患者が分かる範囲で記入する。記載のない項目は摘要に記録せずに請求する",
    title_en="The 申立書 is filled in as far as the patient can; items not given are left out of the 摘要",
    window=Window(date(2023, 9, 1)),
    citations=(
        Citation(HOHATSU_0710, "別添3 被保険者資格申立書に関する説明書", via=VIA_WICNET_10),
        Citation(CLAIM_NOTICE_20230719, "1.③ 摘要欄への記載（記載のある項目のみ）", via=VIA_ORCA),
    ),
    summary=__doc__ or "",
    axis="claim_month",
    grade="secondary",
)

#: The items a 不詳 claim may lack: (attribute, field path, Japanese, English).
OPTIONAL_ITEMS = (
    ("addresses", "declaration.addresses", "住所", "address"),
    ("contact", "declaration.contact", "連絡先", "contact"),
    (
        "contacted_on",
        "declaration.contacted_on",
        "患者への連絡を行った日付",
        "date the patient was contacted",
    ),
)


def require_declaration(declaration: Declaration | None) -> Declaration:
    """Return the declaration, or raise when there is none or it has no カナ氏名."""
    if declaration is None:
        raise ClaimError(
            "declaration_required",
            "declaration",
            "不詳請求には被保険者資格申立書が必要です",
            "a 不詳 claim needs the 被保険者資格申立書 (declaration)",
        )
    if not declaration.kana_name:
        raise ClaimError(
            "declaration_incomplete",
            "declaration.kana_name",
            "不詳請求には申立書の「カナ氏名」が必要です",
            "a 不詳 claim needs the kana name (declaration.kana_name)",
        )
    return declaration


def missing_items(declaration: Declaration) -> list[tuple[str, str, str]]:
    """(field path, Japanese, English) of each item the 申立書 does not give, in 摘要 order."""
    return [(path, ja, en) for name, path, ja, en in OPTIONAL_ITEMS if not getattr(declaration, name)]


def incomplete(missing: list[tuple[str, str, str]]) -> ClaimError:
    """The error of ``require_complete_declaration``: every missing item named, the first as the field."""
    names = missing_names(missing)
    return ClaimError(
        "declaration_incomplete",
        missing[0][0],
        f"申立書に記載のない項目があります：{names['items_ja']}（require_complete_declaration）",
        f"the declaration lacks: {names['items_en']} (require_complete_declaration)",
    )


def missing_names(missing: list[tuple[str, str, str]]) -> dict[str, str]:
    """The missing items named in Japanese and English, for the ``declaration_item_missing`` warning."""
    return {
        "items_ja": "・".join(ja for _, ja, _ in missing),
        "items_en": ", ".join(en for _, _, en in missing),
    }
