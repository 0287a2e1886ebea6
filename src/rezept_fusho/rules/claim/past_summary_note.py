"""旧資格 — an optional 摘要 note on a claim billed on the past qualification.

愛知県保険医協会 Q4 says a 旧資格請求 also carries a note in the 摘要 that
begins 「旧資格情…」; the excerpt breaks off there and the 2023-07-19 and
2023-08-03 PDFs were not read (R2.10, open question 3). So the wording is the
caller's ``options.past_summary_note`` (for example 「旧資格情報による請求」),
and by default nothing is written.
"""

from __future__ import annotations

from datetime import date

from rezept_fusho.rules.model import Citation, Rule, Window
from rezept_fusho.rules.sources import CLAIM_NOTICE_20230719, VIA_AICHI

RULE = Rule(
    id="PAST-SUMMARY-NOTE",
    title_ja="旧資格請求の場合は摘要に旧資格による請求である旨を記載する（文言は未確認・オプション）",
    title_en="A 旧資格 claim may carry a 摘要 note; its wording is unconfirmed and optional",
    window=Window(date(2023, 7, 10)),
    citations=(Citation(CLAIM_NOTICE_20230719, "旧資格による請求（Q4）", via=VIA_AICHI),),
    summary=__doc__ or "",
    grade="unverified",
)
