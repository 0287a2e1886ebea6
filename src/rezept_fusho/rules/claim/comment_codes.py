"""摘要 — the コメントマスター codes a 不詳 or 旧資格 claim is recorded with.

請求事務連絡 (2023-07-19) 1.③, as the 日本医師会's own receipt software
(ORCA v5.2) records it (``reference-software.md`` §1.1–§1.2; the 別添 itself
was not read, so the grade is ``secondary``): a 不詳 claim's 摘要 opens with
the fixed-text comment 820000246 「不詳」, then one comment per item of the
被保険者資格申立書, each a code whose master text carries the label —
「被保険者資格申立書（カナ氏名）；」 and so on — with only the *value* as text
data. A 旧資格 claim carries the fixed-text comment 820000245 「旧資格情報」.

Code classes of the 記録条件仕様: 81xxxxxxx is a free comment (810000001: the
text data is the whole comment), 82xxxxxxx fixed text with no text data,
83xxxxxxx fixed text followed by the text data. Receipt software whose
master lacks these codes writes free comments instead
(``options.comment_style = "free_text"``, rule ``COMMENT-FREE-TEXT``): the
label in the text, as this library wrote it before the codes were known.

The master texts are declared here once; the paper rendering of a comment
(:func:`paper_line`) is its master text followed by its text data.

>>> paper_line(KANA_NAME.code, "ヤマダ　タロウ")
'被保険者資格申立書（カナ氏名）；ヤマダ\u3000タロウ'
>>> paper_line(FUSHO.code, ""), paper_line(FREE_TEXT.code, "住所：東京都")
('不詳', '住所：東京都')
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import attrs

from rezept_fusho.rules.rule import Citation, Rule, Window
from rezept_fusho.rules.sources import (
    CLAIM_NOTICE_20230719,
    RECORD_SPEC_MEDICAL,
    VIA_ORCA,
    VIA_ORCA_RECEIPT_WORK,
)

_SUMMARY = __doc__ or ""


@attrs.frozen
class CommentCode:
    """A code of the コメントマスター and its master text (empty for a free comment)."""

    code: str
    master_text: str


FREE_TEXT = CommentCode("810000001", "")
FUSHO = CommentCode("820000246", "不詳")
KANA_NAME = CommentCode("830000501", "被保険者資格申立書（カナ氏名）；")
INSURANCE_KIND = CommentCode("830000502", "被保険者資格申立書（保険種別）；")
INSURER_NAME = CommentCode("830000503", "被保険者資格申立書（保険者等名称）；")
EMPLOYER_NAME = CommentCode("830000504", "被保険者資格申立書（事業所名）；")
FIRST_ADDRESS = CommentCode("830000505", "被保険者資格申立書（住所１）；")
FURTHER_ADDRESS = CommentCode("830000506", "被保険者資格申立書（住所２以降）；")
CONTACT = CommentCode("830000507", "被保険者資格申立書（連絡先電話番号）；")
CONTACTED_ON = CommentCode("830000508", "被保険者資格申立書（患者への連絡を行った日付）；")
PAST = CommentCode("820000245", "旧資格情報")

#: Every code this library writes, by code: the one table of master texts.
MASTER: dict[str, CommentCode] = {
    entry.code: entry
    for entry in (
        FREE_TEXT,
        FUSHO,
        KANA_NAME,
        INSURANCE_KIND,
        INSURER_NAME,
        EMPLOYER_NAME,
        FIRST_ADDRESS,
        FURTHER_ADDRESS,
        CONTACT,
        CONTACTED_ON,
        PAST,
    )
}

#: The 申立書 item codes (830000501–830000508), in 摘要 order.
DECLARATION_CODES: tuple[CommentCode, ...] = (
    KANA_NAME,
    INSURANCE_KIND,
    INSURER_NAME,
    EMPLOYER_NAME,
    FIRST_ADDRESS,
    FURTHER_ADDRESS,
    CONTACT,
    CONTACTED_ON,
)

_ORCA_CITATIONS = (
    Citation(CLAIM_NOTICE_20230719, "1.③ 摘要欄への記載（コメントコード）", via=VIA_ORCA),
    Citation(CLAIM_NOTICE_20230719, "1.③ 申立書の記載事項（コメント区分）", via=VIA_ORCA_RECEIPT_WORK),
)

RULE_FUSHO = Rule(
    id="FUSHO-COMMENT-CODES",
    title_ja="不詳請求の摘要は「不詳」（820000246）と申立書の各項目（830000501〜830000508）のコメントコードで記録する",
    title_en="A 不詳 摘要 is recorded with comment codes 820000246 and 830000501–830000508",
    window=Window(date(2023, 9, 1)),
    citations=_ORCA_CITATIONS,
    summary=_SUMMARY,
    axis="claim_month",
    grade="secondary",
)

RULE_PAST = Rule(
    id="PAST-COMMENT-CODE",
    title_ja="旧資格請求の摘要に「旧資格情報」（820000245）を記録する",
    title_en="A 旧資格 claim carries the comment 820000245 「旧資格情報」",
    window=Window(date(2023, 9, 1)),
    citations=(Citation(CLAIM_NOTICE_20230719, "旧資格による請求（摘要欄への記載）", via=VIA_ORCA),),
    summary=_SUMMARY,
    axis="claim_month",
    grade="secondary",
)

RULE_FREE_TEXT = Rule(
    id="COMMENT-FREE-TEXT",
    title_ja="コメントマスターに該当コードがないレセコンは、フリーコメント（810000001）に項目名を付けて記録する",
    title_en="Software without these master codes writes free comments (810000001) carrying the labels",
    window=Window(date(2023, 9, 1)),
    citations=(Citation(RECORD_SPEC_MEDICAL, "コメントレコード コメントコード（810000001 フリーコメント）"),),
    summary=_SUMMARY,
    axis="claim_month",
    grade="inferred",
)


def paper_line(code: str, text: str) -> str:
    """One 摘要 line as printed: the code's master text, then the text data."""
    return MASTER[code].master_text + text


_MASTER_TEXTS = {code: entry.master_text for code, entry in MASTER.items()}


def paper_lines(comments: Iterable[tuple[str, str]]) -> list[str]:
    """:func:`paper_line` of each (code, text data), in one call: the 摘要 of a claim as printed.

    >>> paper_lines([(FUSHO.code, ""), (KANA_NAME.code, "ヤマダ")])
    ['不詳', '被保険者資格申立書（カナ氏名）；ヤマダ']
    """
    return [_MASTER_TEXTS[code] + text for code, text in comments]
