"""旧資格 — free text in place of the default 旧資格 comment, at the caller's choice.

A 旧資格 claim carries the comment 820000245 「旧資格情報」 by default
(``PAST-COMMENT-CODE``, :mod:`.comment_codes`). Before that code was known,
the wording of the 旧資格 note was an open question: 愛知県保険医協会 Q4 says a
旧資格請求 carries a note beginning 「旧資格情…」 and breaks off there (R2.10).
A clinic that wants its own wording sets ``options.past_summary_note``: the
text is written as a free comment (810000001) instead of 820000245.
"""

from __future__ import annotations

from datetime import date

from rezept_fusho.rules.rule import Citation, Rule, Window
from rezept_fusho.rules.sources import CLAIM_NOTICE_20230719, VIA_AICHI

RULE = Rule(
    id="PAST-SUMMARY-NOTE",
    title_ja="旧資格請求の摘要を、既定のコメント（820000245）に代えて指定の文言のフリーコメントで記録する",
    title_en="A 旧資格 claim may carry the caller's own wording as a free comment instead of 820000245",
    window=Window(date(2023, 7, 10)),
    citations=(Citation(CLAIM_NOTICE_20230719, "旧資格による請求（Q4）", via=VIA_AICHI),),
    summary=__doc__ or "",
    grade="unverified",
)
