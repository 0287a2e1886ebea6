"""uke-patch as a library: what it changes, what it keeps, and every refusal."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from rezept_fusho.models.resolution import Resolution
from rezept_fusho.uke.check import iter_problems
from rezept_fusho.uke.options import UkeOptions
from rezept_fusho.uke.patch import PatchResult, load_resolutions, patch_file, patch_records, receipt_key
from rezept_fusho.uke.problems import UkeError
from rezept_fusho.uke.reader import read_records
from uke.helpers import CLAIM_INFO, FUSHO, GO, IR, PAST, medical_re, resolution, uke

HO = "HO,01130012,1234567,89,1,10,,,,,,,,,"


def jsonl(*objects: dict[str, object]) -> list[bytes]:
    return [json.dumps(o, ensure_ascii=False).encode() for o in objects]


def patch_bytes(data: bytes, *objects: dict[str, object], options: UkeOptions | None = None) -> bytes:
    resolutions = load_resolutions(jsonl(*objects))
    out = io.BytesIO()
    for record in patch_records(
        read_records(io.BytesIO(data)), resolutions, options or UkeOptions(), PatchResult()
    ):
        out.write(record.to_bytes())
    return out.getvalue()


def lines(data: bytes) -> list[str]:
    return data.decode("cp932").split("\r\n")


def test_receipt_key() -> None:
    assert receipt_key("000012") == "12"
    assert receipt_key("0") == "0"


def test_fusho_patch_rewrites_ho_re_sn_and_inserts_coded_comments() -> None:
    data = uke(IR, medical_re(1, claim_info=CLAIM_INFO), HO, "SN,1,01,,,,01,,", "SY,1", "SI,1", GO)
    out = lines(patch_bytes(data, resolution("1", **FUSHO)))
    assert out[1].split(",")[20] == "20260605093000001"  # 資格確認区分 1; 作成日時 and 災害区分 kept
    assert out[2] == "HO,77777777,,777777777,1,10,,,,,,,,,"
    assert out[3] == "SN,1,01,,,,,,"  # kept, as the reference software keeps it, with an empty 枝番
    assert out[4] == "SY,1"
    assert out[5] == "CO,01,1,820000246,"  # 診療識別 01 on the group's first record only
    assert out[6] == "CO,,1,830000501,カクウ　タロウ"
    assert out[7] == "CO,,1,830000505," + "架" * 38  # 76 bytes
    assert out[8] == "CO,,1,830000505," + "架" * 12  # the continuation keeps the code
    assert out[9] == "SI,1"


def test_options_change_the_comment_records() -> None:
    data = uke(IR, medical_re(1, claim_info=CLAIM_INFO), HO, "SI,1", GO)
    options = UkeOptions(comment_max_bytes=200, comment_category="99", burden_category="5")
    out = lines(patch_bytes(data, resolution("1", **FUSHO), options=options))
    assert out[3] == "CO,99,5,820000246,"
    assert out[5] == "CO,,5,830000505," + "架" * 50


def test_past_claim_gets_its_comment_and_flag_2() -> None:
    data = uke(IR, medical_re(1, claim_info=CLAIM_INFO[:16]), HO, medical_re(2), HO, GO)
    out = lines(patch_bytes(data, resolution("1", **PAST)))
    assert out[1].split(",")[20] == "20260605093000002"  # the 16-character (2019) form gains its 17th
    assert out[3] == "CO,01,1,820000245,"  # no summary record: at the end of the receipt
    assert out[4].startswith("RE,2,")


def test_current_claim_resets_the_flag_and_leaves_an_empty_claim_info_alone() -> None:
    flagged = CLAIM_INFO[:16] + "1real time"
    data = uke(IR, medical_re(1, claim_info=flagged), HO, medical_re(2), HO, GO)
    out = lines(patch_bytes(data, resolution("1"), resolution("2")))
    assert out[1].split(",")[20] == CLAIM_INFO[:16] + "0real time"
    assert out[3] == medical_re(2)


def test_claim_info_the_flag_cannot_go_in_is_refused_unless_a_creation_time_is_given() -> None:
    data = uke(IR, medical_re(1), HO, GO)
    with pytest.raises(UkeError) as info:
        patch_bytes(data, resolution("1", **FUSHO))
    problem = info.value.problems[0]
    assert (problem.code, problem.line, problem.field, problem.position) == (
        "claim_info_unusable",
        2,
        "請求情報",
        21,
    )
    out = lines(patch_bytes(data, resolution("1", **FUSHO), options=UkeOptions(created_at="20261201090000")))
    assert out[1].split(",")[20] == "20261201090000001"
    vendor = uke(IR, medical_re(1, claim_info="HENREI"), HO, GO)
    with pytest.raises(UkeError) as info:
        patch_bytes(vendor, resolution("1", **FUSHO), options=UkeOptions(created_at="20261201090000"))
    assert info.value.code == "claim_info_unusable"  # the vendor's own content is never overwritten
    # kinds outside flag_kinds: 請求情報 untouched
    untouched = lines(patch_bytes(data, resolution("1", **FUSHO), options=UkeOptions(flag_kinds=frozenset())))
    assert untouched[1] == medical_re(1)


def test_free_text_comments_are_written_as_given() -> None:
    data = uke(IR, medical_re(1, claim_info=CLAIM_INFO), HO, GO)
    free = {
        **FUSHO,
        "comments": [
            {"code": "810000001", "text": "不詳"},
            {"code": "810000001", "text": "カナ氏名：カクウ"},
        ],
    }
    out = lines(patch_bytes(data, resolution("1", **free)))
    assert out[3:5] == ["CO,01,1,810000001,不詳", "CO,,1,810000001,カナ氏名：カクウ"]


def test_branch_is_added_after_ho_and_ko_replaced_or_kept() -> None:
    data = uke(IR, medical_re(1), HO, "KO,54136015,,,,,,,,,,", "SN,2,01,,,,,1234566,", GO)
    out = lines(patch_bytes(data, resolution("1", branch="03")))
    assert out[3:6] == ["KO,54136015,,,,,,,,,,", "SN,1,01,,,,03,,", "SN,2,01,,,,,1234566,"]
    data = uke(IR, medical_re(1), HO, "SN,1,01,,,,01,,", GO)
    assert lines(patch_bytes(data, resolution("1", branch="02")))[3] == "SN,1,01,,,,02,,"
    # No 枝番: the SN stays, its 枝番 emptied, whatever else it says.
    data = uke(IR, medical_re(1), HO, "SN,1,04,01130012,,89,01,,", GO)
    assert lines(patch_bytes(data, resolution("1")))[3] == "SN,1,04,01130012,,89,,,"
    data = uke(IR, medical_re(1), HO, "SN,1,01,,,,01,,", GO)
    assert lines(patch_bytes(data, resolution("1")))[3] == "SN,1,01,,,,,,"
    data = uke(IR, medical_re(1), HO, "SI,1", GO)
    assert lines(patch_bytes(data, resolution("1")))[3] == "SI,1"


def test_kokuho_number_is_right_justified() -> None:
    data = uke(IR, medical_re(1), HO, GO)
    out = lines(patch_bytes(data, resolution("1", insurer_number="133066", symbol=None, number="12345")))
    assert out[2] == "HO,  133066,,12345,1,10,,,,,,,,,"


def test_untouched_receipts_keep_every_byte() -> None:
    other = [medical_re(2), "HO,06132013,12,3456,1,10,,,,,,,,,", "SI,1"]
    data = uke(IR, medical_re(1, claim_info=CLAIM_INFO), HO, *other, GO)
    out = patch_bytes(data, resolution("1", **FUSHO))
    assert "\r\n".join(other).encode("cp932") in out
    assert out.endswith(GO.encode() + b"\r\n")


@pytest.mark.parametrize(
    ("line", "code"),
    [
        (b'{"claim_id":"x","line":1,"error":{"code":"a","message":"b","field":null}}', "resolution_is_error"),
        (b"not json", "resolution_invalid"),
        (b'{"claim_id":"x"}', "resolution_invalid"),
        (b"[1]", "resolution_invalid"),
    ],
)
def test_bad_resolution_lines(line: bytes, code: str) -> None:
    with pytest.raises(UkeError) as info:
        load_resolutions([line])
    assert info.value.code == code
    assert info.value.problems[0].line == 1


def test_resolution_lines() -> None:
    good = jsonl(resolution("1"))[0]
    found = load_resolutions([b"\xef\xbb\xbf" + good, b"\n", jsonl(resolution("02"))[0]])
    assert set(found) == {"1", "2"}
    assert isinstance(found["1"], Resolution)
    with pytest.raises(UkeError) as info:
        load_resolutions(jsonl(resolution(None)))
    assert info.value.code == "resolution_without_receipt_number"
    with pytest.raises(UkeError) as info:
        load_resolutions(jsonl(resolution("1"), resolution("001")))
    assert info.value.code == "receipt_named_twice"
    assert info.value.problems[0].line == 2


def test_refusals_while_patching() -> None:
    with pytest.raises(UkeError) as info:
        patch_bytes(uke(IR, medical_re(1), "KO,54136015,,,,,,,,,,", GO), resolution("1"))
    assert info.value.code == "receipt_without_ho"
    with pytest.raises(UkeError) as info:
        patch_bytes(uke(IR, medical_re(1), HO, medical_re(1), HO, GO), resolution("1"))
    assert info.value.code == "receipt_number_repeated"
    with pytest.raises(UkeError) as info:
        patch_bytes(uke(IR, medical_re(1, "1318"), HO, GO), resolution("1", branch="01"))
    assert (info.value.code, info.value.problems[0].line) == ("branch_for_late_elderly", 2)
    with pytest.raises(UkeError) as info:
        patch_bytes(uke(IR, medical_re(1, "1318"), HO, "SN,1,01,,,,,,", GO), resolution("1", branch="01"))
    assert info.value.code == "branch_for_late_elderly"
    with pytest.raises(UkeError) as info:
        patch_bytes(
            uke(IR, medical_re(1), HO, GO), resolution("1", comments=[{"code": "810000001", "text": "①"}])
        )
    assert info.value.code == "not_jis_x0208"
    with pytest.raises(UkeError) as info:
        patch_bytes(
            uke(IR, medical_re(1), HO, GO), resolution("1", comments=[{"code": "810000001", "text": "A"}])
        )
    assert info.value.code == "not_kanji"
    with pytest.raises(UkeError) as info:
        patch_bytes(uke(IR, medical_re(1), HO, GO), resolution("1", symbol="1２"))
    assert info.value.code == "mixed_width"


def write(tmp_path: Path, data: bytes, *objects: dict[str, object]) -> tuple[Path, dict[str, Resolution]]:
    source = tmp_path / "in.UKE"
    source.write_bytes(data)
    return source, load_resolutions(jsonl(*objects))


def test_patch_file_writes_atomically(tmp_path: Path) -> None:
    source, resolutions = write(
        tmp_path, uke(IR, medical_re(1, claim_info=CLAIM_INFO), HO, GO), resolution("1", **FUSHO)
    )
    target = tmp_path / "out.UKE"
    result = patch_file(source, resolutions, target)
    assert result.patched == {"1"}
    assert result.kind == "medical"
    assert target.read_bytes().endswith(b"\r\n\x1a")
    assert list(iter_problems(io.BytesIO(target.read_bytes()))) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.UKE", "out.UKE"]


def test_patch_file_keeps_a_missing_eof_mark_missing_and_reports_it(tmp_path: Path) -> None:
    source, resolutions = write(tmp_path, uke(IR, medical_re(1), HO, GO, eof=False), resolution("1"))
    result = patch_file(source, resolutions, tmp_path / "out.UKE")
    assert [p.code for p in result.pre_existing] == ["eof_mark_missing"]
    assert not (tmp_path / "out.UKE").read_bytes().endswith(b"\x1a")
    with pytest.raises(UkeError) as info:
        patch_file(source, resolutions, tmp_path / "strict.UKE", strict=True)
    assert [p.code for p in info.value.problems] == ["result_fails_check", "eof_mark_missing"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.UKE", "out.UKE"]


def test_patch_file_refuses_unknown_receipts(tmp_path: Path) -> None:
    source, resolutions = write(tmp_path, uke(IR, medical_re(1), HO, GO), resolution("1"), resolution("7"))
    with pytest.raises(UkeError) as info:
        patch_file(source, resolutions, tmp_path / "out.UKE")
    problem = info.value.problems[0]
    assert (problem.code, problem.field) == ("receipt_not_found", "レセプト番号 7")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.UKE"]


def test_receipt_number_must_be_digits() -> None:
    with pytest.raises(UkeError) as info:
        load_resolutions(jsonl(resolution("12a")))
    assert info.value.code == "resolution_invalid"


def test_last_receipt_without_go_is_patched() -> None:
    out = lines(patch_bytes(uke(IR, medical_re(1), HO, eof=False), resolution("1", branch="01")))
    assert out[3] == "SN,1,01,,,,01,,"


def test_builders_and_writer() -> None:
    from rezept_fusho.uke.build.ho import build_ho, ho_values
    from rezept_fusho.uke.specs import layout_for
    from rezept_fusho.uke.writer import encode_record

    spec = layout_for("medical", None, UkeOptions()).specs["HO"]
    assert build_ho(spec, ho_values("133066", "東京", "1")).raw == "HO,  133066,東京,1,,,,,,,,,,,".encode(
        "cp932"
    )
    with pytest.raises(KeyError):
        encode_record(spec, {"無い項目": "1"})


def test_patching_twice_with_the_same_resolutions_changes_nothing(tmp_path: Path) -> None:
    source, resolutions = write(
        tmp_path, uke(IR, medical_re(1, claim_info=CLAIM_INFO), HO, "SI,1", GO), resolution("1", **FUSHO)
    )
    once, twice = tmp_path / "once.UKE", tmp_path / "twice.UKE"
    patch_file(source, resolutions, once)
    patch_file(once, resolutions, twice)
    assert twice.read_bytes() == once.read_bytes()
    assert lines(once.read_bytes()).count("CO,01,1,820000246,") == 1


def test_a_later_resolution_does_not_hide_an_earlier_fusho_block(tmp_path: Path) -> None:
    # The 不詳 lines a first patch wrote are the vendor's records now: a later current-tier
    # resolution leaves them, and the check refuses the mixed result instead of guessing.
    source, fusho = write(
        tmp_path, uke(IR, medical_re(1, claim_info=CLAIM_INFO), HO, "SI,1", GO), resolution("1", **FUSHO)
    )
    once = tmp_path / "once.UKE"
    patch_file(source, fusho, once)
    with pytest.raises(UkeError) as info:
        patch_file(once, load_resolutions(jsonl(resolution("1"))), tmp_path / "twice.UKE")
    assert [p.code for p in info.value.problems] == [
        "result_fails_check",
        "fusho_summary_without_placeholder",
    ]
    assert not (tmp_path / "twice.UKE").exists()


def test_problems_the_file_already_had_are_reported_not_refused(tmp_path: Path) -> None:
    long_name = medical_re(2).replace("架空　太郎", "架" * 21)  # 42 bytes: too long, in a receipt left alone
    data = uke(IR, medical_re(1, claim_info=CLAIM_INFO), HO, long_name, "KO,54136016,,,,,,,,,,", GO)
    source, resolutions = write(tmp_path, data, resolution("1", **FUSHO))
    result = patch_file(source, resolutions, tmp_path / "out.UKE")
    # reported as the original file has them (lines 4 and 5), not as they moved in the output
    assert [(p.code, p.line) for p in result.pre_existing] == [
        ("too_long", 4),
        ("public_payer_check_digit", 5),
    ]
    with pytest.raises(UkeError) as info:
        patch_file(source, resolutions, tmp_path / "strict.UKE", strict=True)
    assert [p.code for p in info.value.problems] == [
        "result_fails_check",
        "too_long",
        "public_payer_check_digit",
    ]


def test_a_pre_existing_problem_inside_the_patched_receipt_is_not_added(tmp_path: Path) -> None:
    long_name = medical_re(1, claim_info=CLAIM_INFO).replace("架空　太郎", "架" * 21)
    source, resolutions = write(tmp_path, uke(IR, long_name, HO, "SI,1", GO), resolution("1", **FUSHO))
    result = patch_file(source, resolutions, tmp_path / "out.UKE")
    assert [(p.code, p.line) for p in result.pre_existing] == [("too_long", 2)]


def test_a_problem_the_patch_adds_is_refused_even_beside_old_ones(tmp_path: Path) -> None:
    # A 旧資格 resolution whose comment was dropped: flag 2 without 820000245 is a problem the patch adds.
    broken_past = {**PAST, "comments": [], "summary": []}
    data = uke(IR, medical_re(1, claim_info=CLAIM_INFO), HO, "KO,54136016,,,,,,,,,,", GO)
    source, resolutions = write(tmp_path, data, resolution("1", **broken_past))
    with pytest.raises(UkeError) as info:
        patch_file(source, resolutions, tmp_path / "out.UKE")
    assert [p.code for p in info.value.problems] == ["result_fails_check", "past_flag_without_comment"]


def test_deeply_nested_resolution_line_is_invalid_not_a_crash() -> None:
    with pytest.raises(UkeError) as info:
        load_resolutions([b"[" * 100_000])
    assert info.value.code == "resolution_invalid"
