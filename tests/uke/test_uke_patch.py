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
from uke.helpers import FUSHO, GO, IR, medical_re, resolution, uke

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


def test_fusho_patch_rewrites_ho_and_inserts_split_comments() -> None:
    data = uke(IR, medical_re(1), HO, "SN,1,01,,,,01,,", "SY,1", "SI,1", GO)
    out = lines(patch_bytes(data, resolution("1", **FUSHO)))
    assert out[2] == "HO,77777777,,777777777,1,10,,,,,,,,,"
    assert "SN,1,01,,,,01,," not in out
    assert out[3] == "SY,1"
    assert out[4] == "CO,01,1,810000001,不詳"
    assert out[5] == "CO,01,1,810000001,住所：" + "架" * 35
    assert out[6] == "CO,01,1,810000001," + "架" * 15
    assert out[7] == "SI,1"


def test_options_change_the_comment_records() -> None:
    data = uke(IR, medical_re(1), HO, "SI,1", GO)
    options = UkeOptions(comment_max_bytes=200, comment_category="99", burden_category="5")
    out = lines(patch_bytes(data, resolution("1", **FUSHO), options=options))
    assert out[4] == "CO,99,5,810000001,住所：" + "架" * 50


def test_comments_go_to_the_end_of_a_receipt_without_summary_records() -> None:
    data = uke(IR, medical_re(1), HO, medical_re(2), HO, GO)
    out = lines(patch_bytes(data, resolution("1", summary=["旧資格"])))
    assert out[3] == "CO,01,1,810000001,旧資格"
    assert out[4].startswith("RE,2,")


def test_branch_is_added_after_ho_and_ko_replaced_or_kept() -> None:
    data = uke(IR, medical_re(1), HO, "KO,54136015,,,,,,,,,,", "SN,2,01,,,,,1234566,", GO)
    out = lines(patch_bytes(data, resolution("1", branch="03")))
    assert out[3:6] == ["KO,54136015,,,,,,,,,,", "SN,1,01,,,,03,,", "SN,2,01,,,,,1234566,"]
    data = uke(IR, medical_re(1), HO, "SN,1,01,,,,01,,", GO)
    assert lines(patch_bytes(data, resolution("1", branch="02")))[3] == "SN,1,01,,,,02,,"
    # An SN that says more than the 枝番 stays; only its 枝番 goes.
    data = uke(IR, medical_re(1), HO, "SN,1,04,01130012,,89,01,,", GO)
    assert lines(patch_bytes(data, resolution("1")))[3] == "SN,1,04,01130012,,89,,,"
    data = uke(IR, medical_re(1), HO, "SI,1", GO)
    assert lines(patch_bytes(data, resolution("1")))[3] == "SI,1"


def test_kokuho_number_is_right_justified() -> None:
    data = uke(IR, medical_re(1), HO, GO)
    out = lines(patch_bytes(data, resolution("1", insurer_number="133066", symbol=None, number="12345")))
    assert out[2] == "HO,  133066,,12345,1,10,,,,,,,,,"


def test_untouched_receipts_keep_every_byte() -> None:
    other = [medical_re(2), "HO,06132013,12,3456,1,10,,,,,,,,,", "SI,1"]
    data = uke(IR, medical_re(1), HO, *other, GO)
    out = patch_bytes(data, resolution("1", **FUSHO))
    assert "\r\n".join(other).encode("cp932") in out
    assert out.endswith(b"GO,1,0,99\r\n")


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
        patch_bytes(uke(IR, medical_re(1), HO, GO), resolution("1", summary=["①"]))
    assert info.value.code == "not_jis_x0208"
    with pytest.raises(UkeError) as info:
        patch_bytes(uke(IR, medical_re(1), HO, GO), resolution("1", symbol="1２"))
    assert info.value.code == "mixed_width"


def write(tmp_path: Path, data: bytes, *objects: dict[str, object]) -> tuple[Path, dict[str, Resolution]]:
    source = tmp_path / "in.UKE"
    source.write_bytes(data)
    return source, load_resolutions(jsonl(*objects))


def test_patch_file_writes_atomically(tmp_path: Path) -> None:
    source, resolutions = write(tmp_path, uke(IR, medical_re(1), HO, GO), resolution("1", **FUSHO))
    target = tmp_path / "out.UKE"
    result = patch_file(source, resolutions, target)
    assert result.patched == {"1"}
    assert result.kind == "medical"
    assert target.read_bytes().endswith(b"\r\n\x1a")
    assert list(iter_problems(io.BytesIO(target.read_bytes()))) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.UKE", "out.UKE"]


def test_patch_file_keeps_a_missing_eof_mark_missing_and_refuses(tmp_path: Path) -> None:
    source, resolutions = write(tmp_path, uke(IR, medical_re(1), HO, GO, eof=False), resolution("1"))
    with pytest.raises(UkeError) as info:
        patch_file(source, resolutions, tmp_path / "out.UKE")
    assert [p.code for p in info.value.problems] == ["result_fails_check", "eof_mark_missing"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.UKE"]


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
    from rezept_fusho.uke.specs import specs_for
    from rezept_fusho.uke.writer import encode_record

    spec = specs_for("medical", UkeOptions())["HO"]
    assert build_ho(spec, ho_values("133066", "東京", "1")).raw == "HO,  133066,東京,1,,,,,,,,,,,".encode(
        "cp932"
    )
    with pytest.raises(KeyError):
        encode_record(spec, {"無い項目": "1"})


def test_patching_twice_with_the_same_resolutions_changes_nothing(tmp_path: Path) -> None:
    source, resolutions = write(tmp_path, uke(IR, medical_re(1), HO, "SI,1", GO), resolution("1", **FUSHO))
    once, twice = tmp_path / "once.UKE", tmp_path / "twice.UKE"
    patch_file(source, resolutions, once)
    patch_file(once, resolutions, twice)
    assert twice.read_bytes() == once.read_bytes()
    assert lines(once.read_bytes()).count("CO,01,1,810000001,不詳") == 1


def test_a_later_resolution_does_not_hide_an_earlier_fusho_block(tmp_path: Path) -> None:
    # The 不詳 lines a first patch wrote are the vendor's records now: a later current-tier
    # resolution leaves them, and the check refuses the mixed result instead of guessing.
    source, fusho = write(tmp_path, uke(IR, medical_re(1), HO, "SI,1", GO), resolution("1", **FUSHO))
    once = tmp_path / "once.UKE"
    patch_file(source, fusho, once)
    with pytest.raises(UkeError) as info:
        patch_file(once, load_resolutions(jsonl(resolution("1"))), tmp_path / "twice.UKE")
    assert info.value.problems[0].code == "result_fails_check"
    assert not (tmp_path / "twice.UKE").exists()
