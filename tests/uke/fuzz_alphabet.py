"""What the UKE fuzzers draw from: the test (bounded, Hypothesis) and ``benchmarks/fuzz_uke.py`` (longer).

Records of every kind with any number of fields, values made of a patient's name,
address and phone number, broken ids; the reports may never repeat :data:`SECRETS`.
"""

from __future__ import annotations

#: Personal data a report must never repeat (each piece long enough to be unmistakable).
SECRETS = ("ヤマダタロウ", "東京都新宿区", "09012345678")
HEADERS = [
    "IR,1,13,1,1234567,,架空医院,202606,00,",
    "UK,1,13,3,1234567,,架空歯科,202606,01,00",
    "YK,1,13,4,1234567,架空薬局,202606,00,",
    "IR,1,13,3,1234567,,202606,03-0000-0000,",
]
IDS = [
    "IR",
    "UK",
    "YK",
    "RE",
    "HO",
    "KO",
    "SN",
    "CO",
    "TK",
    "SI",
    "SS",
    "HS",
    "SH",
    "GO",
    "ZZ",
    "",
    "ヤマダタロウ",
]
VALUES = [
    "",
    "1",
    "01",
    "1112",
    "1318",
    "3112",
    "4318",
    "202606",
    "77777777",
    "777777777",
    "01130012",
    "  133066",
    "820000246",
    "830000501",
    "820000245",
    "810000001",
    "20260605093000001",
    "不詳",
    "ヤマダタロウ",
    "東京都新宿区",
    "09012345678",
    "ヤマダタロウ東京都新宿区09012345678",
    "①",
    "ｶﾅ",
]
ENDINGS = ["\r\n", "\r\n", "\r\n", "\n"]
#: The text of a resolution's comment.
COMMENT_TEXTS = ["", "ヤマダタロウ", "ABC", "①", "東京都新宿区" * 10]
