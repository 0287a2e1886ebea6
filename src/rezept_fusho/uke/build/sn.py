"""SN 資格確認 carrying the 枝番: written only when there is one, never for 後期高齢者 or 公費.

>>> from rezept_fusho.uke.options import UkeOptions
>>> from rezept_fusho.uke.specs import specs_for
>>> spec = specs_for("medical", UkeOptions())["SN"]
>>> build_sn(spec, "01", late_elderly=False).raw
b'SN,1,01,,,,01,,'
>>> build_sn(spec, None, late_elderly=False) is None
True
"""

from __future__ import annotations

from rezept_fusho.uke.fields import RecordSpec
from rezept_fusho.uke.problems import Problem, UkeError
from rezept_fusho.uke.record import Record
from rezept_fusho.uke.specs.common import BRANCH, PAYER_KIND
from rezept_fusho.uke.writer import new_record

#: 負担者種別 1 = 医療保険 (2–5 are 第1–第4公費, which never carry an 枝番).
INSURANCE = "1"
#: 確認区分 01 = confirmed at the 保険医療機関・薬局窓口.
AT_COUNTER = "01"


def build_sn(spec: RecordSpec, branch: str | None, *, late_elderly: bool) -> Record | None:
    """The SN record for *branch*, or None when there is no 枝番."""
    if branch is None:
        return None
    if late_elderly:
        raise UkeError([Problem.of("branch_for_late_elderly", record="SN", field=BRANCH)])
    return new_record(spec, {PAYER_KIND: INSURANCE, "確認区分": AT_COUNTER, BRANCH: branch})
