"""uke-check: where each problem points (line, record, field, position), and the receipt boundaries.

``test_uke_check.py`` asks which codes a file raises; these tests pin the whole of each
problem, so that a report pointing at the wrong line or field fails (found by mutation testing).
"""

from __future__ import annotations

import io

from rezept_fusho.uke import check
from rezept_fusho.uke.check import CheckStats, check_file, iter_problems
from rezept_fusho.uke.options import UkeOptions
from uke.helpers import GO, IR, medical_re, uke

Where = tuple[str, int | None, str | None, str | None, int | None]

KANA = "CO,,1,830000501,カクウ　タロウ"
UK = "UK,1,13,3,1234567,,架空歯科,{month},0117,00"
DENTAL_IR = "IR,1,13,3,1234567,,{month},03-0000-0000,"
DENTAL_RE = "RE,{n},3112,202605,架空　次郎,1,19800101,,,20260501,1,,,,,D1,,,,,,,,,,カクウジロウ,"
DENTAL_HO = "HO,01130012,,1,1,100,,,,,,,,"
YK = "YK,1,13,4,1234567,架空薬局,202606,00,"
PHARMACY_RE = (
    "RE,{n},4118,202605,架空　三郎,1,19490101,,29,13,1,1234567,架空病院,東京都港区,架空　医師" + "," * 27
)
PHARMACY_FUSHO_HO = "HO,77777777,,777777777,1,100,,,,,,,,"
SH = "SH,01,1,001,,3,,,,"


def where(data: bytes, options: UkeOptions | None = None, stats: CheckStats | None = None) -> list[Where]:
    return [
        (p.code, p.line, p.record, p.field, p.position)
        for p in iter_problems(io.BytesIO(data), options, stats)
    ]


def test_structure_problems_point_at_their_line_and_record() -> None:
    assert where(uke(IR, "SI,1", medical_re(1), GO)) == [("record_outside_receipt", 2, "SI", None, None)]
    assert where(uke(IR, GO, "SI,1")) == [("go_not_last", 3, "SI", None, None)]
    assert where(uke(IR, medical_re(1), "1x,2", GO)) == [("invalid_record_id", 3, None, None, None)]
    assert where(uke(IR, IR, GO)) == [("header_repeated", 2, "IR", None, None)]
    assert where(uke(IR, GO).replace(b"\r\nGO", b"\nGO")) == [("line_ending", 1, "IR", None, None)]
    assert where(uke(IR, GO, eof=False)) == [("eof_mark_missing", 2, None, None, None)]
    duplicate = uke(IR, medical_re(1), "HO,01130012,,1,,,,,,,,,,,", "HO,01130012,,1,,,,,,,,,,,", GO)
    assert where(duplicate) == [("duplicate_ho", 4, "HO", None, None)]


def test_a_file_that_does_not_open_with_a_header() -> None:
    # The first record is never "outside a receipt": it is the missing header.
    assert where(b"HO,1\n") == [
        ("line_ending", 1, "HO", None, None),
        ("header_not_first", 1, "HO", None, None),
        ("field_count", 1, "HO", None, None),
        ("wrong_length", 1, "HO", "保険者番号", 2),
        ("eof_mark_missing", 1, None, None, None),
        ("go_missing", None, None, None, None),
    ]


def test_field_problems_name_the_field_and_its_position_from_one() -> None:
    line = medical_re(1).replace("架空　太郎", "架" * 21)
    assert where(uke(IR, line, "HO,0113001,,1,,,,,,,,,,,", GO)) == [
        ("too_long", 2, "RE", "氏名", 5),
        ("wrong_length", 3, "HO", "保険者番号", 2),
    ]


def test_receipt_problems_point_at_the_record_they_are_about() -> None:
    assert where(uke(IR, medical_re(1), "HO,01130013,,1,,,,,,,,,,,", GO)) == [
        ("insurer_check_digit", 3, "HO", "保険者番号", 2)
    ]
    assert where(uke(IR, medical_re(1), "HO,01130012,,1,,,,,,,,,,,", "SN,3,01,,,,01,,", GO)) == [
        ("branch_for_public", 4, "SN", "枝番", 7)
    ]
    late = uke(IR, medical_re(1, "1318"), "HO,39130000,,12345678,,,,,,,,,,,", "SN,1,01,,,,01,,", GO)
    assert where(late) == [("branch_for_late_elderly", 4, "SN", "枝番", 7)]
    recipient = uke(IR, medical_re(1), "KO,54136015,1234567,,,,,,,,,", GO)
    assert where(recipient, UkeOptions(check_recipient_digit=True)) == [
        ("recipient_check_digit", 3, "KO", "受給者番号", 3)
    ]
    stray = uke(IR, medical_re(1), "HO,01130012,,1,,,,,,,,,,,", "CO,01,1,810000001,不詳", GO)
    assert where(stray) == [("fusho_summary_without_placeholder", 4, "CO", None, None)]
    no_ho = uke(IR, medical_re(1), "KO,54136015,,,,,,,,,,", "CO,01,1,820000246,", GO)
    assert where(no_ho) == [("fusho_summary_without_placeholder", 4, "CO", None, None)]
    body = [medical_re(1), "HO,01130012,,1,1,100,,,,,,,,,"]
    assert where(uke(IR, *body, "GO,1,101,99")) == [("go_points_mismatch", 4, "GO", "総合計点数", 3)]


def test_an_empty_points_field_counts_as_zero() -> None:
    body = [medical_re(1), "HO,01130012,,1,1,,,,,,,,,,"]
    assert where(uke(IR, *body, "GO,1,0,99")) == []


def test_the_last_receipt_is_checked_even_without_go() -> None:
    data = uke(IR, medical_re(1), "HO,77777777,,777777777,,,,,,,,,,,", "CO,01,1,820000246,")
    assert where(data) == [
        ("fusho_kana_name_missing", 3, "HO", "保険者番号", 2),
        ("go_missing", None, None, None, None),
    ]


def test_receipts_are_counted() -> None:
    stats = CheckStats()
    ho = "HO,01130012,,1,,,,,,,,,,,"
    assert where(uke(IR, medical_re(1), ho, medical_re(2), ho, medical_re(3), ho, GO), stats=stats) == []
    assert (stats.records, stats.receipts) == (8, 3)


def test_a_dental_re_without_its_ir_still_opens_a_receipt() -> None:
    # 歯科 receipts open at the IR before the RE; a second RE in one IR group is a new receipt.
    stats = CheckStats()
    month = "202606"
    data = uke(
        UK.format(month=month),
        DENTAL_IR.format(month=month),
        DENTAL_RE.format(n=1),
        DENTAL_HO,
        DENTAL_RE.format(n=2),
        DENTAL_HO,
        "GO,2,200,99",
    )
    assert where(data, stats=stats) == []
    assert stats.receipts == 2


def test_the_dental_header_month_chooses_the_comment_length() -> None:
    # 歯科 CO 文字データ: 76 bytes up to 請求年月 2026-06, 400 from 2026-07 (docs/uke.md).
    def file(month: str) -> bytes:
        return uke(
            UK.format(month=month),
            DENTAL_IR.format(month=month),
            DENTAL_RE.format(n=1),
            DENTAL_HO,
            "CO,,1,810000001," + "架" * 40 + ",,,,,,",
            "GO,1,100,99",
        )

    assert where(file("202606")) == [("too_long", 5, "CO", "文字データ", 5)]
    assert where(file("202607")) == []


def test_a_receipt_kind_that_is_not_ascii_is_a_field_problem() -> None:
    line = medical_re(1, "１１１２")
    assert [p[0] for p in where(uke(IR, line, GO))] == ["not_numeric", "too_long"]


def test_pharmacy_summary_head_is_before_the_first_prescription() -> None:
    # 調剤 with CO comments: a CO after the first SH belongs to the 処方, not to the receipt's 摘要.
    options = UkeOptions(pharmacy_comment_record="CO")
    head = ["CO,820000246,", "CO,830000501,カクウ　サブロウ"]
    before = uke(YK, PHARMACY_RE.format(n=1), PHARMACY_FUSHO_HO, *head, SH, "GO,1,100,99")
    assert where(before, options) == []
    after = uke(YK, PHARMACY_RE.format(n=1), PHARMACY_FUSHO_HO, SH, *head, "GO,1,100,99")
    assert where(after, options) == [("fusho_summary_not_first", 3, "HO", "保険者番号", 2)]


def test_the_insurer_memo_is_bounded_and_never_changes_an_answer() -> None:
    # More distinct 保険者番号 than the memo keeps: the ones after it are still checked.
    count = check._CACHE_SIZE + 2
    lines = [IR]
    for n in range(1, count + 1):
        lines += [medical_re(n), f"HO,{n:08d},,1,,,,,,,,,,,"]
    lines.append(GO)
    problems = [p for p in where(uke(*lines)) if p[0] == "insurer_check_digit"]
    expected = [n for n in range(1, count + 1) if not check.insurer.is_valid(f"{n:08d}")]
    assert [line // 2 for _, line, *_ in problems] == expected
    assert expected[-1] > check._CACHE_SIZE


def test_the_same_bad_insurer_is_reported_on_every_receipt() -> None:
    ho = "HO,01130013,,1,,,,,,,,,,,"
    assert where(uke(IR, medical_re(1), ho, medical_re(2), ho, GO)) == [
        ("insurer_check_digit", 3, "HO", "保険者番号", 2),
        ("insurer_check_digit", 5, "HO", "保険者番号", 2),
    ]


def test_go_counts_every_payer_record_whatever_their_order() -> None:
    body = [medical_re(1), "KO,54136015,,,1,60,,,,,,", "HO,01130012,,1,1,100,,,,,,,,,"]
    assert where(uke(IR, *body, "GO,2,100,99")) == []


def test_check_file_passes_its_options(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "x.UKE"
    path.write_bytes(uke(IR, medical_re(1), "KO,54136015,1234567,,,,,,,,,", GO))
    assert check_file(str(path)) == []
    assert [p.code for p in check_file(str(path), UkeOptions(check_recipient_digit=True))] == [
        "recipient_check_digit"
    ]
