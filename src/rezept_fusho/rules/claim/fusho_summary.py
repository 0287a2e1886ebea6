"""不詳 — the 摘要: 「不詳」 first, then the 申立書's items, one a line.

請求事務連絡 (2023-07-19), as given by the seed document: write 「不詳」 at
the head of the 摘要 and, below it, from the 被保険者資格申立書: カナ氏名,
保険種別, 保険者等名称, 事業所名, 住所 (all of them when there are several),
連絡先 and 患者への連絡を行った日付 (R2.1). An unknown 保険者等名称 or 事業所名
is written 「保険者等名称記載なし」/「事業所名記載なし」 (R2.2); a 後期高齢者 needs
no 事業所名 (R2.3).

Each item is one comment of the 摘要 (:mod:`.comment_codes`): by default the
code of the コメントマスター that carries its label, with the value as text
data; in the free-text style the label 「カナ氏名：」 … is this library's own
form. Every value is full-width JIS X 0208 (the 漢字 mode of the electronic
receipt); a character without a JIS X 0208 form is an error naming the field.
"""

from __future__ import annotations

from datetime import date

from rezept_fusho.errors import ClaimError, kanji_field
from rezept_fusho.models.claim import Declaration, InsuranceKind
from rezept_fusho.rules.claim import comment_codes
from rezept_fusho.rules.rule import Citation, Rule, Window
from rezept_fusho.rules.sources import CLAIM_NOTICE_20230719, VIA_SEED_003, VIA_SHAHO_0719
from rezept_fusho.text.kana import to_katakana
from rezept_fusho.text.wareki import format_kanji_date

_CITATIONS = (
    Citation(CLAIM_NOTICE_20230719, "1.③ 摘要欄への記載", via=VIA_SHAHO_0719),
    Citation(CLAIM_NOTICE_20230719, "レセプト記載方法 摘要", via=VIA_SEED_003),
)

RULE = Rule(
    id="FUSHO-SUMMARY",
    title_ja="摘要の先頭に「不詳」、その下に申立書の患者情報を記載する",
    title_en="The 摘要 starts with 不詳, followed by the declaration's items",
    window=Window(date(2023, 9, 1)),
    citations=_CITATIONS,
    summary=__doc__ or "",
    axis="claim_month",
    grade="seed",
)

RULE_NOT_STATED = Rule(
    id="FUSHO-SUMMARY-NOT-STATED",
    title_ja="保険者等名称・事業所名が不明の場合は「保険者等名称記載なし」「事業所名記載なし」と記載する",
    title_en="An unknown insurer or employer name is written 記載なし",
    window=Window(date(2023, 9, 1)),
    citations=(Citation(CLAIM_NOTICE_20230719, "レセプト記載方法 備考", via=VIA_SEED_003),),
    summary=__doc__ or "",
    axis="claim_month",
    grade="seed",
)

RULE_NO_EMPLOYER = Rule(
    id="FUSHO-SUMMARY-NO-EMPLOYER-LATE-ELDERLY",
    title_ja="後期高齢者の場合は事業所名の記載は不要",
    title_en="No 事業所名 line for 後期高齢者医療",
    window=Window(date(2023, 9, 1)),
    citations=(Citation(CLAIM_NOTICE_20230719, "レセプト記載方法 備考", via=VIA_SEED_003),),
    summary=__doc__ or "",
    axis="claim_month",
    grade="seed",
)

INSURER_NOT_STATED = "保険者等名称記載なし"
EMPLOYER_NOT_STATED = "事業所名記載なし"

KIND_LABELS: dict[InsuranceKind, str] = {
    "employee": "被用者保険",
    "national": "国民健康保険",
    "late_elderly": "後期高齢者医療",
    "unknown": "わからない",
}

#: The labels of the free-text style (``comment_style = "free_text"``): this library's own form.
FREE_TEXT_LABELS: dict[str, str] = {
    comment_codes.KANA_NAME.code: "カナ氏名：",
    comment_codes.INSURANCE_KIND.code: "保険種別：",
    comment_codes.INSURER_NAME.code: "保険者等名称：",
    comment_codes.EMPLOYER_NAME.code: "事業所名：",
    comment_codes.FIRST_ADDRESS.code: "住所：",
    comment_codes.FURTHER_ADDRESS.code: "住所：",
    comment_codes.CONTACT.code: "連絡先：",
    comment_codes.CONTACTED_ON.code: "連絡日：",
}

#: A (code, text data) pair: one 摘要 comment.
Comment = tuple[str, str]


def kana_name(text: str) -> str:
    """The カナ氏名 as the 摘要 writes it (full-width katakana), or the ClaimError that stops the claim."""
    field = "declaration.kana_name"
    name = to_katakana(kanji_field(text, field))
    if name is None:
        raise ClaimError(
            "kana_name_not_kana",
            field,
            "カナ氏名はカタカナ（またはひらがな）で記入してください",
            "the kana name must be written in katakana (or hiragana)",
        )
    return name


def items(declaration: Declaration, late_elderly: bool) -> tuple[list[Comment], bool]:
    """The 申立書 items as (master code, value) pairs in 摘要 order, and whether a 記載なし form was used.

    An item the 申立書 does not give is left out, except 保険者等名称 and 事業所名,
    which are written 「…記載なし」; a 後期高齢者 has no 事業所名 item at all.
    *declaration* has a カナ氏名 (``tier_fusho.require_declaration``).
    """
    assert declaration.kana_name is not None
    not_stated = False
    out: list[Comment] = [
        (comment_codes.KANA_NAME.code, kana_name(declaration.kana_name)),
        (comment_codes.INSURANCE_KIND.code, KIND_LABELS[declaration.insurance_kind]),
    ]
    if declaration.insurer_name:
        insurer_name = kanji_field(declaration.insurer_name, "declaration.insurer_name")
    else:
        insurer_name, not_stated = INSURER_NOT_STATED, True
    out.append((comment_codes.INSURER_NAME.code, insurer_name))
    if not late_elderly:
        if declaration.employer_name:
            employer = kanji_field(declaration.employer_name, "declaration.employer_name")
        else:
            employer, not_stated = EMPLOYER_NOT_STATED, True
        out.append((comment_codes.EMPLOYER_NAME.code, employer))
    for index, address in enumerate(declaration.addresses):
        code = comment_codes.FIRST_ADDRESS if index == 0 else comment_codes.FURTHER_ADDRESS
        out.append((code.code, kanji_field(address, f"declaration.addresses.{index}")))
    if declaration.contact:
        out.append((comment_codes.CONTACT.code, kanji_field(declaration.contact, "declaration.contact")))
    if declaration.contacted_on is not None:
        out.append((comment_codes.CONTACTED_ON.code, format_kanji_date(declaration.contacted_on)))
    return out, not_stated


def as_master(items: list[Comment]) -> list[Comment]:
    """The 摘要 as the reference software records it: 820000246 「不詳」, then each item under its code."""
    return [(comment_codes.FUSHO.code, ""), *items]


def as_free_text(items: list[Comment]) -> list[Comment]:
    """The 摘要 as free comments (810000001): 「不詳」, then each item's label and value.

    A 記載なし value is written alone, without its label (「保険者等名称記載なし」).
    """
    free = comment_codes.FREE_TEXT.code
    out: list[Comment] = [(free, comment_codes.FUSHO.master_text)]
    for code, value in items:
        label = "" if value in (INSURER_NOT_STATED, EMPLOYER_NOT_STATED) else FREE_TEXT_LABELS[code]
        out.append((free, label + value))
    return out


def contacted_before_service(contacted_on: date | None, service_date: date) -> bool:
    """True when the contact date is before the visit (suspicious: the warning ``contacted_before_service``)."""
    return contacted_on is not None and contacted_on < service_date
