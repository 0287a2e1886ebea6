"""The documents the rules cite: the notices, 事務連絡, 疑義解釈 and specifications.

One constant per document. Where the primary PDF could not be read, the
citation's ``via`` names the secondary source the research used.
"""

from __future__ import annotations

from datetime import date

from rezept_fusho.rules.rule import Document

MHLW = "厚生労働省保険局"

HOHATSU_0710 = Document(
    title="マイナンバーカードによるオンライン資格確認を行うことができない場合の対応について",
    issuer="厚生労働省保険局長",
    number="保発0710第1号",
    issued_on=date(2023, 7, 10),
    url="https://www.mhlw.go.jp/hourei/doc/tsuchi/T230711S0030.pdf",
)

CLAIM_NOTICE_20230719 = Document(
    title="マイナンバーカードによるオンライン資格確認を行うことができない場合における診療報酬等の請求の取扱いについて",
    issuer=f"{MHLW}医療介護連携政策課・医療課 事務連絡",
    issued_on=date(2023, 7, 19),
    url="https://www.mhlw.go.jp/content/10200000/001131618.pdf",
)

QA_20230803 = Document(
    title="マイナンバーカードによるオンライン資格確認を行うことができない場合における対応等に対する疑義解釈について",
    issuer=f"{MHLW} 事務連絡",
    issued_on=date(2023, 8, 3),
    url="https://www.mhlw.go.jp/content/10200000/001131620.pdf",
)

REVISION_20230915 = Document(
    title="マイナンバーカードによるオンライン資格確認を行うことができない場合における対応等に対する疑義解釈について（一部訂正）",
    issuer=f"{MHLW} 事務連絡",
    issued_on=date(2023, 9, 15),
    url="https://www.mhlw.go.jp/content/10200000/001131620.pdf",
)

DISASTER_20130124 = Document(
    title="暴風雪被害に係る診療報酬等の請求の取扱いについて",
    issuer=f"{MHLW} 事務連絡",
    issued_on=date(2013, 1, 24),
    url="https://wic-net.com/material/document/12913/3",
)

ELDERLY_CARE_ACT = Document(
    title="高齢者の医療の確保に関する法律（昭和57年法律第80号）",
    issuer="国会（e-Gov法令検索）",
    issued_on=date(2008, 4, 1),
    url="https://laws.e-gov.go.jp/law/357AC0000000080",
)

RECORD_SPEC_MEDICAL = Document(
    title="オンライン又は光ディスク等による請求に係る記録条件仕様（医科用）",
    issuer="厚生労働省保険局",
    issued_on=date(2020, 4, 1),
    url="https://shinryohoshu.mhlw.go.jp/shinryohoshu/file/spec/R02bt1_1_kiroku.pdf",
)

INSURER_NUMBER_GUIDE = Document(
    title="保険者番号等の設定について（設定要領）",
    issuer="厚生労働省保険局",
    issued_on=date(2008, 4, 1),
    url="http://www5f.biglobe.ne.jp/~h-it/mlcont/mc0124.htm",
)

#: Secondary sources named in ``via``.
VIA_SEED_003 = "seed 003 (日本歯科医師会 https://www.jda.or.jp/dentist/mynumber-online/)"
VIA_SHAHO_0719 = "社会保険研究所 https://media.shaho.co.jp/n/n42fbe7fcbc00"
VIA_SHAHO_0915 = "社会保険研究所 https://media.shaho.co.jp/n/ncb8a6be744a7"
VIA_SHAHO_QA = "社会保険研究所 https://media.shaho.co.jp/n/n486241cf78f9"
VIA_AICHI = "愛知県保険医協会 https://aichi-hkn.jp/?p=19248"
VIA_WICNET_4 = "wic-net OCR https://www.wic-net.com/material/document/10145/4"
VIA_JP_FHIR = "JP FHIR JP_Coverage_eCS_insurance (quotes the 記録条件仕様)"
#: The 日本医師会's own receipt software, read where the notice's 別添 could not be (reference-software.md §1).
VIA_ORCA = "日医標準レセプトソフト（ORCA）v5.2 cobol/orcabt/ORCR0300.CBL（g150446/jma-receipt-orca）"
VIA_ORCA_RECEIPT_WORK = (
    "日医標準レセプトソフト（ORCA）v5.2 cobol/copy/CPRCF002.INC（g150446/jma-receipt-orca）"
)

# Front desk (issue 4): the documents after 2023 that change what a patient may present.

HOKEN_BUKAI_20241031 = Document(
    title="医療保険部会 資料2（マイナ保険証を基本とする仕組みへの移行）",
    issuer="社会保障審議会医療保険部会",
    issued_on=date(2024, 10, 31),
    url="https://wic-net.com/material/document/17708/5",
)

KOKUJI_349 = Document(
    title="保険医療機関及び保険医療養担当規則等の一部を改正する告示",
    issuer="厚生労働省",
    number="厚生労働省告示第349号",
    issued_on=date(2024, 11, 29),
    url="https://www.mhlw.go.jp/web/t_doc?dataId=84ac0107&dataType=0&pageNo=1",
)

TEMPORARY_20250627 = Document(
    title="健康保険証の有効期限切れに伴う暫定的な取扱いに関する疑義解釈資料の送付について",
    issuer=f"{MHLW} 事務連絡",
    issued_on=date(2025, 6, 27),
    url="https://hodanren.doc-net.or.jp/info/news/2025-06-30",
)

LATE_ELDERLY_20250804 = Document(
    title="後期高齢者に係る資格確認書の暫定運用におけるマイナ保険証等の取扱いについて",
    issuer=f"{MHLW} 事務連絡",
    issued_on=date(2025, 8, 4),
    url="https://kyotoihou.t-reader.jp/2025/2025-sep-15/30098",
)

TRANSITION_20251112 = Document(
    title="マイナ保険証を基本とする仕組みへの移行について（周知）",
    issuer=f"{MHLW}医療介護連携政策課 事務連絡",
    issued_on=date(2025, 11, 12),
    url="https://hodanren.doc-net.or.jp/info/news/2025-11-12-4",
)

MINISTER_20260319 = Document(
    title="健康保険証の有効期限切れに伴う暫定的な取扱いの延長（大臣発言・報道。事務連絡は未確認）",
    issuer="厚生労働大臣（報道）",
    issued_on=date(2026, 3, 19),
    url="https://www.kab.co.jp/news/article/16433268",
)

VIA_HOKENI = "東京保険医協会 https://www.hokeni.org/docs/2023080300028/"
VIA_JDA = "日本歯科医師会 https://www.jda.or.jp/dentist/mynumber-online/"
VIA_JMEDJ_349 = "日本医事新報 https://jmedj.co.jp/journal/paper/detail.php?id=25409"
VIA_HODANREN_0627 = "保団連 https://hodanren.doc-net.or.jp/info/news/2025-06-30"
VIA_WICNET_3 = "wic-net OCR https://wic-net.com/material/document/10145/3"
VIA_WICNET_8 = "wic-net OCR https://wic-net.com/material/document/10145/8"
VIA_WICNET_10 = "wic-net OCR https://wic-net.com/material/document/10145/10"
VIA_NIIGATA = "新潟日報 https://www.niigata-nippo.co.jp/articles/-/799360"

# After a 10割 payment (issue 13): what settles it once the qualification is confirmed.

OQS_MANUAL = Document(
    title="オンライン資格確認等システム運用マニュアル（医療機関・薬局）",
    issuer="厚生労働省",
    # Dated by ver 2.40, the revision 保団連 compares with ver 2.30: ver 2.30's own date was not found.
    issued_on=date(2023, 6, 2),
    url="https://hodanren.doc-net.or.jp/?p=15043",
)

KENPO_ACT = Document(
    title="健康保険法（大正11年法律第70号）",
    issuer="国会（e-Gov法令検索）",
    issued_on=date(1922, 4, 22),
    url="https://laws.e-gov.go.jp/law/211AC0000000070",
)

VIA_HODANREN_OQS = "保団連 https://hodanren.doc-net.or.jp/?p=15043"
VIA_KYOKAI_KENPO = "協会けんぽ https://www.kyoukaikenpo.or.jp/g3/cat310/sb3110/r137"
VIA_HYOGO_KENYAKU = "兵庫県薬剤師会 http://hyogo-kenyaku.jp/infos/detail?id=3260"
