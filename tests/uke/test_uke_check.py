"""uke-check as a library: each problem code, where it points, and what it never says."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rezept_fusho.uke import check
from rezept_fusho.uke.check import CheckStats, check_file, is_late_elderly, iter_problems
from rezept_fusho.uke.options import UkeOptions
from rezept_fusho.uke.problems import MESSAGES, Problem, UkeReadError
from uke.helpers import CLAIM_INFO, GO, IR, medical_re, uke
from uke.test_uke_fuzz import uke_files

KANA = "CO,,1,830000501,カクウ　タロウ"


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
        ("77777779", ["fusho_summary_not_first", "fusho_kana_name_missing", "fusho_number"]),
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
    ok = uke(IR, medical_re(1), "HO,77777777,,777777777,,,,,,,,,,,", "CO,01,1,820000246,", KANA, GO)
    assert codes(ok) == []
    free = uke(
        IR,
        medical_re(1),
        "HO,77777777,,777777777,,,,,,,,,,,",
        "CO,01,1,810000001,不詳",
        "CO,,1,810000001,カナ氏名：カ",
        GO,
    )
    assert codes(free) == []
    late = uke(IR, medical_re(1, "1318"), "HO,77777777,,77777777,,,,,,,,,,,", "CO,01,1,820000246,", KANA, GO)
    assert codes(late) == []
    wrong = uke(IR, medical_re(1, "1318"), "HO,77777779,1,７７７７７７７７７,,,,,,,,,,,", "SI,1", GO)
    assert codes(wrong) == [
        "fusho_summary_not_first",
        "fusho_kana_name_missing",
        "fusho_symbol_not_empty",
        "fusho_number",
    ]
    full_width = uke(
        IR, medical_re(1), "HO,77777777,,７７７７７７７７７,,,,,,,,,,,", "CO,01,1,820000246,", KANA, GO
    )
    assert codes(full_width) == []
    no_kana = uke(IR, medical_re(1), "HO,77777777,,777777777,,,,,,,,,,,", "CO,01,1,820000246,", GO)
    assert codes(no_kana) == ["fusho_kana_name_missing"]


def test_fusho_summary_must_come_first_and_only_with_a_placeholder() -> None:
    later = uke(
        IR, medical_re(1), "HO,77777777,,777777777,,,,,,,,,,,", "SI,1", "CO,01,1,820000246,", KANA, GO
    )
    assert codes(later) == ["fusho_summary_not_first"]
    stray = uke(IR, medical_re(1), "HO,01130012,,777777777,,,,,,,,,,,", "CO,01,1,810000001,不詳", GO)
    assert codes(stray) == ["fusho_number_without_placeholder", "fusho_summary_without_placeholder"]
    no_ho = uke(IR, medical_re(1), "KO,54136015,,,,,,,,,,", "CO,01,1,820000246,", GO)
    assert codes(no_ho) == ["fusho_summary_without_placeholder"]
    assert codes(uke(IR, medical_re(1), "KO,54136015,,,,,,,,,,", GO)) == []


@pytest.mark.parametrize(
    ("flag", "insurer", "comments", "expected"),
    [
        ("1", "77777777", ["CO,01,1,820000246,", KANA], []),
        ("0", "77777777", ["CO,01,1,820000246,", KANA], ["fusho_flag_missing"]),
        ("2", "77777777", ["CO,01,1,820000246,", KANA], ["fusho_flag_missing"]),
        ("1", "01130012", [], ["fusho_flag_with_real_insurer"]),
        ("2", "01130012", ["CO,01,1,820000245,"], []),
        ("2", "01130012", ["CO,01,1,810000001,旧資格情報による請求"], []),
        ("2", "01130012", [], ["past_flag_without_comment"]),
        ("0", "01130012", [], []),
    ],
)
def test_qualification_flag_agrees_with_the_receipt(
    flag: str, insurer: str, comments: list[str], expected: list[str]
) -> None:
    number = "777777777" if insurer.startswith("7") else "1"
    re_line = medical_re(1, claim_info=CLAIM_INFO[:16] + flag)
    data = uke(IR, re_line, f"HO,{insurer},,{number},,,,,,,,,,,", *comments, GO)
    problems = list(iter_problems(io.BytesIO(data)))
    assert [p.code for p in problems] == expected
    for problem in problems:
        assert (problem.line, problem.record, problem.field, problem.position) == (2, "RE", "請求情報", 21)
    # the flag is checked only for the kinds that carry it, and only in the reference layout
    assert codes(data, UkeOptions(flag_kinds=frozenset())) == []
    other = uke(
        IR, medical_re(1, claim_info="HENREI" + flag), f"HO,{insurer},,{number},,,,,,,,,,,", *comments, GO
    )
    assert codes(other) == [c for c in expected if not c.startswith(("fusho_flag", "past_flag"))]


def test_go_totals_of_a_single_volume_file() -> None:
    ho = "HO,01130012,,1,1,100,,,,,,,,,"
    ko = "KO,54136015,,,1,60,,,,,,"
    body = [medical_re(1), ho, ko, medical_re(2), ko, ko]  # 医保+公費: 2 件 100 点; 公費×2: 2 件 60 点
    assert codes(uke(IR, *body, "GO,4,160,99")) == []
    assert codes(uke(IR, *body, "GO,3,160,99")) == ["go_count_mismatch"]
    assert codes(uke(IR, *body, "GO,4,161,99")) == ["go_points_mismatch"]
    assert codes(uke(IR, *body, "GO,,,99")) == []  # not recorded: nothing to check
    volume = IR.replace(",00,", ",01,")  # a multi-volume file: the totals cover every volume
    assert codes(uke(volume, *body, "GO,9,9,99")) == []
    problem = next(iter_problems(io.BytesIO(uke(IR, *body, "GO,3,160,99"))))
    assert (problem.line, problem.record, problem.field, problem.position) == (8, "GO", "総件数", 2)


def test_ho_with_no_fields_is_a_problem_not_a_crash() -> None:
    assert codes(b"RE,1,1112,202605\r\nHO\r\n") == [
        "header_not_first",
        "field_count",
        "field_count",
        "eof_mark_missing",
        "go_missing",
    ]


def test_a_total_of_thousands_of_digits_is_a_problem_not_a_crash() -> None:
    data = uke(IR, "GO," + "9" * 5000 + ",,99")
    assert "too_long" in codes(data)


def test_a_malformed_line_is_never_echoed() -> None:
    secret = "ヤマダタロウ東京都新宿区西新宿２－８－１０９０１２３４５６７８"
    for data in (
        uke(secret, GO),  # header_not_first
        uke(IR, GO, secret),  # go_not_last
        uke(IR, secret + ",1", GO),  # record_outside_receipt
        uke(IR, GO).replace(b"\r\nGO", b"\r\n" + secret.encode("cp932") + b"\nGO"),  # line_ending
    ):
        problems = list(iter_problems(io.BytesIO(data)))
        assert problems
        for problem in problems:
            for text in (str(problem), str(problem.to_dict())):
                assert "ヤマ" not in text
                assert "東京" not in text
    assert Problem.of("header_repeated", line=1, record="IR").record == "IR"
    assert Problem.of("header_repeated", line=1, record="ヤマダ").record is None
    assert Problem.of("header_repeated", line=1, record="ZZ").record is None


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
    uk = "UK,1,13,3,1234567,,架空歯科,202606,0117,00"
    ir = "IR,1,13,3,1234567,,202606,03-0000-0000,"
    dental_re = "RE,1,3112,202605,架空　次郎,1,19800101,,,20260501,1,,,,,D1,,,,,,,,,,カクウジロウ,"
    ho = "HO,01130012,,1,1,100,,,,,,,,"
    assert codes(uke(uk, ir, dental_re, ho, ir, dental_re.replace("RE,1,", "RE,2,"), ho, "GO,2,200,99")) == []
    assert codes(uke(uk, ir, dental_re, "HO,01130012,,1,,,,,,,,,,,", GO)) == ["field_count"]
    assert codes(uke(uk, uk, GO)) == ["header_repeated"]
    assert codes(uke(ir, dental_re, GO)) == ["header_not_first"]  # a 歯科 file opens with UK
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


class _EveryRecord(frozenset[str]):
    """Stands for the set of every record id."""

    def __contains__(self, item: object) -> bool:
        return True


def _problems(data: bytes, options: UkeOptions | None = None) -> list[Problem] | str:
    try:
        return list(iter_problems(io.BytesIO(data), options))
    except UkeReadError as exc:
        return f"refused: {exc}"


FILES = sorted((Path(__file__).parent / "golden").glob("*.UKE")) + sorted(
    (Path(__file__).parent / "fixtures").glob("*.UKE")
)


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_records_the_receipt_checks_skip_change_nothing(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The checker hands a receipt's records to its receipt checks only when they can change
    # something there; handing it every record must find the very same problems.
    data = path.read_bytes()
    found = _problems(data)
    monkeypatch.setattr(check, "_RECEIPT_IDS", _EveryRecord())
    assert _problems(data) == found


@settings(max_examples=150)
@given(
    uke_files(),
    st.sampled_from([UkeOptions(), UkeOptions(flag_kinds=frozenset({"medical", "dental", "pharmacy"}))]),
)
def test_records_the_receipt_checks_skip_change_nothing_anywhere(data: bytes, options: UkeOptions) -> None:
    found = _problems(data, options)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(check, "_RECEIPT_IDS", _EveryRecord())
        assert _problems(data, options) == found
