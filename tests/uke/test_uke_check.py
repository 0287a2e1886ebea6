"""uke-check as a library: each problem code, where it points, and what it never says."""

from __future__ import annotations

import io

import pytest

from rezept_fusho.uke.check import CheckStats, check_file, is_late_elderly, iter_problems
from rezept_fusho.uke.options import UkeOptions
from rezept_fusho.uke.problems import MESSAGES, Problem
from uke.helpers import GO, IR, medical_re, uke


def codes(data: bytes, options: UkeOptions | None = None) -> list[str]:
    return [p.code for p in iter_problems(io.BytesIO(data), options)]


def test_clean_file() -> None:
    stats = CheckStats()
    data = uke(IR, medical_re(1), "HO,01130012,1234567,89,1,10,,,,,,,,,", "SN,1,01,,,,01,,", GO)
    assert list(iter_problems(io.BytesIO(data), stats=stats)) == []
    assert (stats.records, stats.receipts, stats.problems, stats.kind) == (5, 1, 0, "medical")


def test_empty_file() -> None:
    assert codes(b"") == ["empty_file", "eof_mark_missing"]
    assert codes(b"\x1a") == ["empty_file"]


@pytest.mark.parametrize(
    ("insurer", "expected"),
    [
        ("01130012", []),
        ("  133066", []),
        ("77777779", ["fusho_summary_not_first", "fusho_number"]),
        ("99999999", []),
        ("01130013", ["insurer_check_digit"]),
        ("  133067", ["insurer_check_digit"]),
        ("133066  ", ["insurer_number_format"]),
        (" 1330660", ["insurer_number_format"]),
        ("133066", ["wrong_length"]),
        ("", ["missing_value"]),
        ("０１１３００１２", ["not_alphanumeric", "too_long"]),
    ],
)
def test_insurer_number(insurer: str, expected: list[str]) -> None:
    assert codes(uke(IR, medical_re(1), f"HO,{insurer},,1234,,,,,,,,,,,", GO)) == expected


def test_fusho_placeholders_are_exempt_but_must_be_consistent() -> None:
    ok = uke(IR, medical_re(1), "HO,77777777,,777777777,,,,,,,,,,,", "CO,01,1,810000001,不詳", GO)
    assert codes(ok) == []
    late = uke(IR, medical_re(1, "1318"), "HO,77777777,,77777777,,,,,,,,,,,", "CO,01,1,810000001,不詳", GO)
    assert codes(late) == []
    wrong = uke(IR, medical_re(1, "1318"), "HO,77777779,1,７７７７７７７７７,,,,,,,,,,,", "SI,1", GO)
    assert codes(wrong) == ["fusho_summary_not_first", "fusho_symbol_not_empty", "fusho_number"]
    full_width = uke(
        IR, medical_re(1), "HO,77777777,,７７７７７７７７７,,,,,,,,,,,", "CO,01,1,810000001,不詳", GO
    )
    assert codes(full_width) == []


def test_fusho_summary_must_come_first_and_only_with_a_placeholder() -> None:
    later = uke(IR, medical_re(1), "HO,77777777,,777777777,,,,,,,,,,,", "SI,1", "CO,01,1,810000001,不詳", GO)
    assert codes(later) == ["fusho_summary_not_first"]
    stray = uke(IR, medical_re(1), "HO,01130012,,777777777,,,,,,,,,,,", "CO,01,1,810000001,不詳", GO)
    assert codes(stray) == ["fusho_number_without_placeholder", "fusho_summary_without_placeholder"]
    no_ho = uke(IR, medical_re(1), "KO,54136015,,,,,,,,,,", "CO,01,1,810000001,不詳", GO)
    assert codes(no_ho) == ["fusho_summary_without_placeholder"]
    assert codes(uke(IR, medical_re(1), "KO,54136015,,,,,,,,,,", GO)) == []


def test_branch_rules() -> None:
    assert codes(
        uke(IR, medical_re(1, "1318"), "HO,39130000,,12345678,,,,,,,,,,,", "SN,1,01,,,,01,,", GO)
    ) == ["branch_for_late_elderly"]
    assert (
        codes(uke(IR, medical_re(1, "1318"), "HO,39130000,,12345678,,,,,,,,,,,", "SN,1,01,,,,,,", GO)) == []
    )
    assert codes(uke(IR, medical_re(1), "HO,01130012,,1,,,,,,,,,,,", "SN,3,01,,,,01,,", GO)) == [
        "branch_for_public"
    ]


def test_public_payer_and_recipient_digits() -> None:
    data = uke(IR, medical_re(1), "KO,54136016,1234567,,,,,,,,,", GO)
    assert codes(data) == ["public_payer_check_digit"]
    assert codes(data, UkeOptions(check_recipient_digit=True)) == [
        "public_payer_check_digit",
        "recipient_check_digit",
    ]
    assert (
        codes(
            uke(IR, medical_re(1), "KO,54136015,1234566,,,,,,,,,", GO), UkeOptions(check_recipient_digit=True)
        )
        == []
    )


def test_structure() -> None:
    assert codes(uke(medical_re(1), GO)) == ["header_not_first"]
    assert codes(uke(IR, "SI,1", medical_re(1), GO)) == ["record_outside_receipt"]
    assert codes(uke(IR, medical_re(1))) == ["go_missing"]
    assert codes(uke(IR, GO, "SI,1")) == ["go_not_last"]
    assert codes(uke(IR, medical_re(1), GO, medical_re(2))) == ["go_not_last"]
    assert codes(uke(IR, medical_re(1), "1x,2", GO)) == ["invalid_record_id"]
    assert codes(uke(IR, IR, GO)) == ["header_repeated"]
    assert codes(uke(IR, GO, eof=False)) == ["eof_mark_missing"]
    assert codes(uke(IR, medical_re(1), "HO,01130012,,1,,,,,,,,,,,", "HO,01130012,,1,,,,,,,,,,,", GO)) == [
        "duplicate_ho"
    ]


def test_receipt_problems_come_in_line_order() -> None:
    data = uke(IR, medical_re(1), "HO,77777777,1,1,,,,,,,,,,,", "CO,01,1,810000001,ABC", GO)
    lines = [p.line for p in iter_problems(io.BytesIO(data))]
    assert lines == sorted(lines)


def test_dental_and_pharmacy_layouts() -> None:
    dental_ir = "IR,1,13,3,1234567,,架空歯科,202606,00,"
    assert codes(uke(dental_ir, medical_re(1, "3112"), "HO,01130012,,1,,,,,,,,,,", GO)) == []
    assert codes(uke(dental_ir, medical_re(1, "3112"), "HO,01130012,,1,,,,,,,,,,,", GO)) == ["field_count"]
    yk = "YK,1,13,4,1234567,架空薬局,202606,00,"
    assert codes(uke(yk, GO)) == []


def test_a_report_never_prints_a_value() -> None:
    name = "秘密　氏名ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
    line = medical_re(1).replace("架空　太郎", name)
    problems = list(iter_problems(io.BytesIO(uke(IR, line, GO))))
    assert [p.code for p in problems] == ["too_long"]
    assert all(name[:2] not in str(p) and name[:2] not in str(p.to_dict()) for p in problems)


def test_problem_messages() -> None:
    problem = Problem.of("too_long", line=1, record="RE", field="氏名", position=5)
    assert str(problem).startswith("1:RE:#5氏名\ttoo_long\t")
    assert str(Problem.of("go_missing")).startswith("-\tgo_missing")
    assert str(Problem.of("too_long", record="CO", field="文字データ")).startswith("CO:文字データ")
    assert problem.to_dict()["position"] == 5
    with pytest.raises(KeyError):
        Problem.of("no_such_code")
    assert all(" / " not in ja and ja and en for ja, en in MESSAGES.values())


def test_late_elderly_kinds() -> None:
    assert all(is_late_elderly(kind) for kind in ("1318", "4318", "3310"))
    assert not any(is_late_elderly(kind) for kind in ("1112", ""))


def test_check_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "x.UKE"
    path.write_bytes(uke(IR, GO))
    assert check_file(str(path)) == []


def test_line_endings_are_reported() -> None:
    data = uke(IR, GO).replace(b"\r\nGO", b"\nGO")
    assert codes(data) == ["line_ending"]
