"""UKE files we did not write: zero problems, and a 不詳 and a 旧資格 patch that round-trips.

The files and their sources: ``tests/uke/fixtures/README.md``.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from rezept_fusho import Claim, resolve
from rezept_fusho.uke.check import iter_problems
from rezept_fusho.uke.options import UkeOptions
from rezept_fusho.uke.patch import load_resolutions, patch_file
from rezept_fusho.uke.problems import UkeError
from rezept_fusho.uke.reader import read_records

FIXTURES = Path(__file__).parent / "fixtures"
ALL_KINDS = UkeOptions(flag_kinds=frozenset({"medical", "dental", "pharmacy"}), created_at="20240705090000")


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.UKE")))
@pytest.mark.parametrize("options", [UkeOptions(), ALL_KINDS], ids=["default", "flags-everywhere"])
def test_no_false_alarm(name: str, options: UkeOptions) -> None:
    with open(FIXTURES / name, "rb") as stream:
        assert [str(p) for p in iter_problems(stream, options)] == []


def _resolutions(kind: str, fusho_number: str, past_number: str) -> list[bytes]:
    fusho = {
        "claim_id": "f",
        "receipt_type": kind,
        "receipt_number": fusho_number,
        "service_date": "2024-06-15",
        "declaration": {
            "kana_name": "キキン タロウ",
            "insurance_kind": "employee",
            "addresses": [
                "東京都港区新橋1-1-1",
                "神奈川県横浜市見本区見本町四丁目五番六号見本ハイツ第二号棟一二〇三号室（旧住所・社宅）",
            ],
            "contact": "03-1234-5678",
            "contacted_on": "2024-06-20",
        },
    }
    past = {
        "claim_id": "p",
        "receipt_type": kind,
        "receipt_number": past_number,
        "service_date": "2024-06-15",
        "past_qualification": {"insurer_number": "06132013", "symbol": "12", "number": "3456"},
    }
    return [resolve(Claim.model_validate(claim)).model_dump_json().encode() for claim in (fusho, past)]


@pytest.mark.parametrize(
    "case",
    [
        ("dental_tebiki.UKE", "dental", ("200", "201"), "CO"),
        ("pharmacy_sample.UKE", "pharmacy", ("7", "8"), "TK"),
    ],
    ids=["dental", "pharmacy"],
)
@pytest.mark.parametrize("options", [UkeOptions(), ALL_KINDS], ids=["default", "flags-everywhere"])
def test_patch_round_trips(
    case: tuple[str, str, tuple[str, str], str], options: UkeOptions, tmp_path: Path
) -> None:
    name, kind, numbers, comment = case
    resolutions = load_resolutions(_resolutions(kind, *numbers))
    once, twice = tmp_path / "once.UKE", tmp_path / "twice.UKE"
    result = patch_file(FIXTURES / name, resolutions, once, options, strict=True)
    assert result.patched == set(numbers)
    with open(once, "rb") as stream:
        assert list(iter_problems(stream, options)) == []
    patch_file(once, resolutions, twice, options, strict=True)
    assert twice.read_bytes() == once.read_bytes()
    records = list(read_records(io.BytesIO(once.read_bytes())))
    code_at = 1 if comment == "TK" else 3
    codes = [r.raw_fields[code_at].decode() for r in records if r.record_id == comment]
    assert codes[0] == "820000246"
    assert "820000245" in codes
    assert codes.count("830000506") == 2  # the long second address continues under its own code
    assert any(r.raw.startswith(b"HO,77777777,,777777777,") for r in records)


def test_a_current_resolution_over_an_orca_past_receipt_is_refused(tmp_path: Path) -> None:
    # The patch resets the flag to 0 but leaves ORCA's 820000245 comment, which is the file's own.
    current = {
        "claim_id": "c",
        "receipt_number": "2",
        "service_date": "2025-06-20",
        "current_qualification": {
            "insurer_number": "01130012",
            "symbol": "１２３４５６７",
            "number": "８９",
            "branch": "01",
        },
    }
    resolutions = load_resolutions([resolve(Claim.model_validate(current)).model_dump_json().encode()])
    out = tmp_path / "out.UKE"
    with pytest.raises(
        UkeError
    ) as info:  # its 820000245 comment stays: the result is refused, not guessed at
        patch_file(FIXTURES / "medical_orca.UKE", resolutions, out)
    assert [p.code for p in info.value.problems] == ["result_fails_check", "past_comment_without_flag"]
    assert not out.exists()
