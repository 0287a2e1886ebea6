"""資格確認区分 — the RE record's 請求情報 says a claim rests on a 申立書 or on a 旧資格.

請求事務連絡 (2023-07-19), as the reference software records it
(``reference-software.md`` §1.3): ORCA writes the RE 請求情報 as 作成年月日
(8) + 作成時分秒 (6) + 災害区分 (2) + 資格確認区分 (1), the last digit ``1`` for
a claim on the 被保険者資格申立書 (不詳), ``2`` for a claim on the 旧資格情報,
``0`` for neither. The resolution carries the digit as
``qualification_flag``; ``uke-patch`` writes it into the RE record.

>>> FLAGS["fusho"], FLAGS["past"]
('1', '2')
"""

from __future__ import annotations

from datetime import date
from typing import Final

from rezept_fusho.models.resolution import Basis, QualificationFlag
from rezept_fusho.rules.rule import Citation, Rule, Window
from rezept_fusho.rules.sources import CLAIM_NOTICE_20230719, VIA_ORCA

RULE = Rule(
    id="QUALIFICATION-FLAG",
    title_ja="レセプト共通レコードの請求情報に資格確認区分（申立書は1、旧資格は2）を記録する",
    title_en="The RE 請求情報 carries the 資格確認区分: 1 for a 申立書 claim, 2 for a 旧資格 claim",
    window=Window(date(2023, 9, 1)),
    citations=(
        Citation(CLAIM_NOTICE_20230719, "1.③ レセプト共通レコード 請求情報（資格確認区分）", via=VIA_ORCA),
    ),
    summary=__doc__ or "",
    axis="claim_month",
    grade="secondary",
)

FLAGS: Final[dict[Basis, QualificationFlag]] = {"fusho": "1", "past": "2"}
#: The digit for a claim on neither (what a later ``current`` resolution writes back).
NEITHER: Final = "0"
