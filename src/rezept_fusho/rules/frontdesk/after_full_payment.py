"""After a 10割 payment: the clinic refunds and bills once the qualification is confirmed; else 療養費.

保発0710第1号 2(3) makes 10割 the base case when nothing confirms the
qualification, as for a patient whose new 保険証 has not arrived. Neither it
nor the 2023 事務連絡 and Q&As lay down how the payment is settled later.
Two routes have support, from different kinds of source:

* The clinic settles it. Once the qualification is confirmed, the clinic
  refunds the patient by the 負担割合 and bills the insurer. MHLW's OQS
  operation manual ver 2.30 said so: collect 10割 when the qualification shows
  as lost, and refund once it is confirmed. 保団連 quotes that passage beside
  ver 2.40 (2023-06-02), which rewrote it. Clinics do this within the month,
  because the month's claims go out early in the next one. That is a
  convention of the claim cycle, not a rule. Grade: secondary.
* Otherwise the patient claims 療養費 from the insurer, with the clinic's
  領収書 and 診療明細書 (some insurers ask for the 診療報酬明細書). 協会けんぽ
  states this as its own rule for a patient who could not show a 保険証 and
  paid in full (健康保険法 第87条; the article was not read). 健保組合, 国保
  and 後期 pages say the same. Grade: confirmed.

The rule carries the weaker of the two grades. The triage relies on it
wherever it charges 10割 (the warning ``full_cost_refund``), and the guide
prints both routes.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from rezept_fusho.rules.rule import Citation, Rule, Window
from rezept_fusho.rules.sources import (
    KENPO_ACT,
    OQS_MANUAL,
    VIA_HODANREN_OQS,
    VIA_KYOKAI_KENPO,
)

#: The clinic's route, once the qualification is confirmed.
CLINIC_SETTLES_JA: Final = (
    "資格が確認できたら、医療機関が自己負担分との差額を返金し、保険者に請求する（通常は同じ月のうち）"
)
CLINIC_SETTLES_EN: Final = (
    "once the qualification is confirmed, the clinic refunds the difference over the patient's share "
    "and bills the insurer (usually within the month)"
)
#: The patient's route otherwise.
PATIENT_CLAIMS_JA: Final = (
    "医療機関で精算しないときは、患者が領収書と診療明細書を添えて保険者に療養費を申請する"
)
PATIENT_CLAIMS_EN: Final = (
    "if the clinic does not settle it, the patient claims 療養費 from the insurer with the receipt and "
    "the itemised statement"
)

RULE = Rule(
    id="FRONTDESK-AFTER-FULL-PAYMENT",
    title_ja=f"10割を受け取った後：{CLINIC_SETTLES_JA}。{PATIENT_CLAIMS_JA}",
    title_en=f"After a 10割 payment: {CLINIC_SETTLES_EN}; {PATIENT_CLAIMS_EN}",
    window=Window(date(2023, 7, 10)),
    citations=(
        Citation(OQS_MANUAL, "ver 2.30（資格確認後に負担割合に応じて返金）", via=VIA_HODANREN_OQS),
        Citation(KENPO_ACT, "第87条（療養費）", via=VIA_KYOKAI_KENPO),
    ),
    summary=__doc__ or "",
    grade="secondary",
)
