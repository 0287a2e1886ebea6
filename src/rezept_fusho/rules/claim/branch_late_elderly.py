"""No 枝番 for 後期高齢者医療.

記録条件仕様 (医科), 資格確認レコード 枝番 (as quoted by the JP FHIR
profiles; ``uke-format.md`` §2.1): the 枝番 is recorded when the card shows
one, and never for 後期高齢者医療, whose 被保険者番号 is one per person. A
後期 qualification given with an 枝番 is billed without it, with a warning.
枝番 came with the individual 被保険者番号 from 2021-04 [I].
"""

from __future__ import annotations

from datetime import date

from rezept_fusho.numbers import insurer
from rezept_fusho.rules.rule import Citation, Rule, Window
from rezept_fusho.rules.sources import RECORD_SPEC_MEDICAL, VIA_JP_FHIR

RULE = Rule(
    id="BRANCH-NONE-LATE-ELDERLY",
    title_ja="後期高齢者医療の場合は枝番を記録しない",
    title_en="No 枝番 is recorded for 後期高齢者医療",
    window=Window(date(2021, 4, 1)),
    citations=(Citation(RECORD_SPEC_MEDICAL, "資格確認レコード 枝番", via=VIA_JP_FHIR),),
    summary=__doc__ or "",
    grade="secondary",
)


def drops_branch(insurer_number: str, branch: str | None) -> bool:
    """True when *branch* must be left out: the qualification is a 後期高齢者 one (法別 39)."""
    return branch is not None and insurer.is_late_elderly(insurer_number)
