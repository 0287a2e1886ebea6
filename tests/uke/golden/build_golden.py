"""Build the golden UKE inputs and resolutions (run by hand; the outputs are reviewed, then frozen).

    python tests/uke/golden/build_golden.py          # inputs + resolutions
    UPDATE_GOLDEN=1 pytest tests/uke/test_golden.py  # expected check reports and patch outputs

Every name, address and number here is fictional.
"""

from __future__ import annotations

from pathlib import Path

from rezept_fusho.models.claim import Claim
from rezept_fusho.resolver import resolve

HERE = Path(__file__).parent


#: RE 請求情報 as the reference software writes it: 作成日時 (14) + 災害区分 (2) + 資格確認区分 (1).
CLAIM_INFO = "20260605093000000"


def medical_re(
    number: int,
    kind: str,
    *,
    name: str = "架空　太郎",
    katakana: str = "カクウタロウ",
    ratio: str = "",
    claim_info: str = CLAIM_INFO,
) -> str:
    fields = [
        "RE",
        str(number),
        kind,
        "202605",
        name,
        "1",
        "19800101",
        ratio,
        "",
        "",
        "",
        "",
        "",
        f"K{number:04d}",
    ]
    fields += [""] * 6  # 割引点数単価, 予備×3, 検索番号, 記録条件仕様年月情報
    fields.append(claim_info)
    fields += [""] * 15  # 診療科 ×3
    fields += [katakana, ""]
    assert len(fields) == 38
    return ",".join(fields)


def pharmacy_re(number: int, kind: str, name: str = "架空　花子") -> str:
    fields = ["RE", str(number), kind, "202605", name, "2", "19500303", "", "", "13", "1", "1234567"]
    fields += ["架空クリニック", "東京都架空区一丁目"]
    fields += ["架空　医師"] + [""] * 19
    fields += ["", f"Y{number:04d}", "", "", "", "", "", "カクウハナコ"]
    assert len(fields) == 42, len(fields)
    return ",".join(fields)


def write_uke(name: str, lines: list[str], *, eol: str = "\r\n", eof: bool = True) -> None:
    data = "".join(line + eol for line in lines).encode("cp932") + (b"\x1a" if eof else b"")
    (HERE / name).write_bytes(data)


def write_resolutions(name: str, claims: list[dict[str, object]]) -> None:
    lines = []
    for claim in claims:
        resolution = resolve(Claim.model_validate(claim))
        lines.append(resolution.model_dump_json(exclude_none=False))
    (HERE / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


LONG_ADDRESS = "東京都架空区架空町二丁目八番一号架空ビルディング東館四十五階総務部受付窓口前"

FUSHO_EMPLOYEE = {
    "kana_name": "カクウ タロウ",
    "insurance_kind": "employee",
    "insurer_name": "架空健康保険組合",
    "employer_name": "株式会社架空",
    "addresses": [LONG_ADDRESS],
    "contact": "03-0000-0000",
    "contacted_on": "2026-05-20",
}
FUSHO_LATE = {
    "kana_name": "カクウ ハナコ",
    "insurance_kind": "late_elderly",
    "addresses": ["大阪府架空市一丁目"],
    "contact": "06-0000-0000",
    "contacted_on": "2026-05-22",
}


def medical() -> None:
    write_uke(
        "medical.UKE",
        [
            "IR,1,13,1,1234567,,架空内科クリニック,202606,00,03-0000-0000",
            # 1: current 協会けんぽ; the vendor wrote no SN: the patch adds the 枝番.
            medical_re(1, "1112"),
            "HO,01130012,1234567,89,1,320,,,,,,,,,",
            "SY,8830417,20260501,1,,,,,",
            "SI,11,1,111000110,,291,1,,,,,",
            "IY,21,1,620000001,1,,1,,,,,",
            # 2: 国保 left-justified (a check problem the patch fixes); the SN only carries an 枝番 to drop.
            medical_re(2, "1112", ratio="70"),
            "HO,133066  ,,12345,1,291,,,,,,,,,",
            "SN,1,01,,,,02,,",
            "SY,8830417,20260502,1,,,,,",
            "SI,11,1,111000110,,291,1,,,,,",
            # 3: 不詳 (被用者保険); the vendor wrote the placeholders but no 摘要.
            medical_re(3, "1112"),
            "HO,77777777,,777777777,1,291,,,,,,,,,",
            "SY,8830417,20260503,1,,,,,",
            "SI,11,1,111000110,,291,1,,,,,",
            "CO,11,1,820000001,",
            # 4: 不詳 後期高齢者: 番号 must be 8 digits, and no 枝番.
            medical_re(4, "1318", name="架空　花子", katakana="カクウハナコ"),
            "HO,77777777,,777777777,1,291,,,,,,,,,",
            "SN,1,01,,,,01,,",
            "SI,11,1,111000110,,291,1,,,,,",
            # 5: 医保 + 公費 54 (not named by any resolution: passes through).
            medical_re(5, "1122"),
            "HO,06132013,12,3456,1,500,,,,,,,,,",
            "KO,54136015,1234566,,1,500,,,,,,",
            "SN,1,01,,,,00,,",
            "SN,2,01,,,,,1234566,",
            "SI,11,5,111000110,,291,1,,,,,",
            # 6: 旧資格; the SN 枝番 changes from 01 to 00; 請求情報 of the 2019 layout (16 characters).
            medical_re(6, "1116", claim_info=CLAIM_INFO[:16]),
            "HO,06132013,12,3456,1,291,,,,,,,,,",
            "SN,1,01,,,,01,,",
            "SI,11,1,111000110,,291,1,,,,,",
            # 7 HO + KO records; 320 + 4 × 291 + 500 points.
            "GO,7,1984,99",
        ],
    )
    write_resolutions(
        "medical.resolutions.jsonl",
        [
            {
                "claim_id": "m1",
                "receipt_number": "1",
                "service_date": "2026-05-01",
                "current_qualification": {
                    "insurer_number": "01130012",
                    "symbol": "1234567",
                    "number": "89",
                    "branch": "01",
                },
            },
            {
                "claim_id": "m2",
                "receipt_number": "2",
                "service_date": "2026-05-02",
                "past_qualification": {"insurer_number": "133066", "symbol": "ﾄｳｷｮｳ", "number": "12345"},
                "options": {"past_summary_note": "旧資格情報による請求"},
            },
            {
                "claim_id": "m3",
                "receipt_number": "3",
                "service_date": "2026-05-03",
                "declaration": FUSHO_EMPLOYEE,
            },
            {
                "claim_id": "m4",
                "receipt_number": "000004",
                "service_date": "2026-05-04",
                "declaration": FUSHO_LATE,
            },
            {
                "claim_id": "m6",
                "receipt_number": "6",
                "service_date": "2026-05-06",
                "past_qualification": {
                    "insurer_number": "06132013",
                    "symbol": "12",
                    "number": "3456",
                    "branch": "00",
                },
            },
        ],
    )


def dental_re(number: int, kind: str, name: str = "架空　次郎", katakana: str = "カクウジロウ") -> str:
    """A 歯科 RE (27 fields), shaped like the 作成手引き −歯科− record example."""
    fields = ["RE", str(number), kind, "202605", name, "1", "19800101", "", "", "20260501", "1"]
    fields += ["", "", "", "", f"D{number:04d}"]  # 病棟区分, 負担区分, 特記事項, 予備, カルテ番号等
    fields += [""] * 9  # 請求情報１, 予備, 未来院請求, 検索番号, 予備, 請求情報２, 予備 ×3
    fields += [katakana, ""]
    assert len(fields) == 27, len(fields)
    return ",".join(fields)


DENTAL_IR = "IR,2,13,3,7654321,,202606,03-1111-1111,"


def dental() -> None:
    write_uke(
        "dental.UKE",
        [
            "UK,2,13,3,7654321,,架空歯科医院,202606,01,00",
            # 1: current 国保, right-justified already; 記号 full-width.
            DENTAL_IR,
            dental_re(1, "3112"),
            "HO,  133066,トウキョウ,１２３４５,1,300,,,,,,,,",
            "HS,,,101310101210101110102110102210102310,0000999,,,,,,,,",
            "SS,12,1,302000110,,300,1,,,,,",
            # 2: 不詳: the vendor wrote the placeholders and a comment of its own.
            DENTAL_IR,
            dental_re(2, "3112"),
            "HO,77777777,,777777777,1,300,,,,,,,,",
            "HS,,,101310101210101110102110102210102310,0000999,,,,,,,,",
            "SS,12,1,302000110,,300,1,,,,,",
            "CO,12,1,810000001,既存のコメント,,,,,,",
            "GO,2,600,99",
        ],
    )
    write_resolutions(
        "dental.resolutions.jsonl",
        [
            {
                "claim_id": "d2",
                "receipt_type": "dental",
                "receipt_number": "2",
                "service_date": "2026-05-02",
                "declaration": FUSHO_EMPLOYEE,
            },
        ],
    )


def pharmacy() -> None:
    write_uke(
        "pharmacy.UKE",
        [
            "YK,2,13,4,1111111,架空薬局,202606,00,03-2222-2222",
            # 1: 不詳 後期高齢者 (調剤 4318).
            pharmacy_re(1, "4318"),
            "HO,77777777,,77777777,1,120,,,,,,,,",
            "SH,1,1,0000000,,120,,,,",
            "IY,1,620000001,3,,,,,,",
            # 2: current with a 公費 (受給者番号 without a valid 検証番号: legal, not checked by default).
            pharmacy_re(2, "4122"),
            "HO,01130012,1234567,89,1,200,,,,,,,,",
            "KO,54136015,1234567,,1,200,,,,",
            "SH,1,1,0000000,,200,,,,",
            "GO,2,320,99",
        ],
    )
    write_resolutions(
        "pharmacy.resolutions.jsonl",
        [
            {
                "claim_id": "p1",
                "receipt_type": "pharmacy",
                "receipt_number": "1",
                "service_date": "2026-05-01",
                "declaration": FUSHO_LATE,
            },
            {
                "claim_id": "p2",
                "receipt_type": "pharmacy",
                "receipt_number": "2",
                "service_date": "2026-05-02",
                "current_qualification": {
                    "insurer_number": "01130012",
                    "symbol": "1234567",
                    "number": "89",
                    "branch": "02",
                },
            },
        ],
    )


def problems() -> None:
    """A 医科 file with one of nearly every problem uke-check reports."""
    lines = [
        "RE,1,1112,202605,架空　太郎,1,19800101",  # header not first; field count
        "IR,1,13,1,1234567,,架空内科①,202606,00,03-0000-0000",  # 外字 in a 漢字 field
        medical_re(1, "1112"),
        "HO,01130013,1234567,89,1,320,,,,,,,,,",  # check digit
        "KO,54136016,1234566,,1,500,,,,,,",  # 公費 check digit
        "SN,2,01,,,,01,1234566,",  # 枝番 for 公費
        "CO,01,1,810000001,ABC",  # half-width in a 漢字 field
        "CO,01,1,810000001," + "あ" * 39,  # longer than 76 bytes
        medical_re(2, "1112"),
        "HO,99999999,1２,777777777,1,,,,,,,,,,",  # disaster placeholder; mixed width; 不詳 番号 without 不詳 insurer
        "HO,01130012,,1,,,,,,,,,,,",  # a second HO
        "CO,01,1,810000001,不詳",  # 不詳 without a 不詳 insurer
        medical_re(3, "1318"),
        "HO,77777779,12,777777777,1,,,,,,,,,,",  # 不詳: 記号 not empty, 後期 番号 length, no 不詳 摘要
        "SN,1,01,,,,01,,",  # 枝番 for 後期
        "SI,11,1,111000110,,291,1,,,,,",
        "IR,1,13,1,1234567,,架空,202606,00,",  # repeated header
        "xx,1",  # malformed record id
        "GO,3,0,9X",
        "SI,11,1,111000110,,291,1,,,,,",  # after GO
    ]
    data = "".join(line + "\r\n" for line in lines)
    raw = data.encode("cp932").replace(
        b"SI,11,1,111000110,,291,1,,,,,\r\nIR", b"SI,11,1,111000110,,291,1,,,,,\nIR"
    )
    (HERE / "medical_problems.UKE").write_bytes(raw)  # LF line, and no EOF mark


if __name__ == "__main__":
    medical()
    dental()
    pharmacy()
    problems()
