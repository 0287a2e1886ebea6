"""Property: resolve, patch, check — for every receipt kind and both comment styles.

Claims come from the public ``rezept_fusho.testing`` strategies and are
resolved by the library; the UKE files are generated in each kind's own
layout (歯科 with an IR before every RE, 調剤 with its 処方 records). Patching
never leaves a problem in a clean file, keeps every receipt it was not asked
to touch byte for byte, and patching again changes nothing.
"""

from __future__ import annotations

import io
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from rezept_fusho import Claim, resolve
from rezept_fusho.testing import claims
from rezept_fusho.uke.check import iter_problems
from rezept_fusho.uke.options import UkeOptions
from rezept_fusho.uke.patch import PatchResult, load_resolutions, patch_records
from rezept_fusho.uke.reader import UkeReader

CREATED_AT = "20261201090000"
CLAIM_INFOS = ["20260605093000000", "2026060509300000", "20260605093000000real time", ""]


def _medical(number: int, kind: str, claim_info: str, body: list[str]) -> list[str]:
    re = ["RE", str(number), kind, "202605", "架空　太郎", "1", "19800101", *[""] * 6, f"K{number}"]
    re += [""] * 6 + [claim_info] + [""] * 15 + ["カクウタロウ", ""]
    return [",".join(re), "HO,01130012,1234567,89,1,100,,,,,,,,,", *body]


def _dental(number: int, kind: str, claim_info: str, body: list[str]) -> list[str]:
    re = ["RE", str(number), kind, "202605", "架空　次郎", "1", "19800101", "", "", "20260501", "1"]
    re += ["", "", "", "", f"D{number}", "", "", "", "", "", claim_info, "", "", "", "カクウジロウ", ""]
    hs = "HS,,,101310101210101110102110102210102310,0000999,,,,,,,,"
    return [
        "IR,1,13,3,1234567,,202606,03-0000-0000,",
        ",".join(re),
        "HO,01130012,1234567,89,1,100,,,,,,,,",
        hs,
        *body,
    ]


def _pharmacy(number: int, kind: str, claim_info: str, body: list[str]) -> list[str]:
    re = ["RE", str(number), kind, "202605", "架空　花子", "2", "19500303", "", "", "13", "1", "1234567"]
    re += ["架空クリニック", "東京都架空区一丁目", "架空　医師", *[""] * 19, "", f"Y{number}", "", "", ""]
    re += [claim_info, "", "カクウハナコ"]
    return [",".join(re), "HO,01130012,1234567,89,1,100,,,,,,,,", "SH,1,1,0000000,,100,,,,", *body]


KINDS: dict[str, tuple[str, str, Any, list[str]]] = {
    # kind: (header, kind digit, receipt builder, body records to draw from)
    "medical": (
        "IR,1,13,1,1234567,,架空医院,202606,00,",
        "1",
        _medical,
        [
            "SY,8830417,20260501,1,,,,,",
            "SI,11,1,111000110,,291,1,,,,,",
            "CO,11,1,820000001,",
            "SN,1,01,,,,01,,",
        ],
    ),
    "dental": (
        "UK,1,13,3,1234567,,架空歯科,202606,01,00",
        "3",
        _dental,
        ["SS,12,1,302000110,,300,1,,,,,", "CO,12,1,810000001,既存,,,,,,", "SN,1,01,,,,01,,"],
    ),
    "pharmacy": (
        "YK,1,13,4,1234567,架空薬局,202606,00,",
        "4",
        _pharmacy,
        ["IY,1,620000001,3,,,,,,", "TK,810000001,既存", "SN,1,01,,,,01,,"],
    ),
}


def _receipt_kind(digit: str, resolution: dict[str, Any] | None) -> str:
    late = resolution is not None and (
        resolution["number"] == "77777777"
        or (len(resolution["insurer_number"]) == 8 and resolution["insurer_number"].startswith("39"))
    )
    return f"{digit}{'3' if late else '1'}1{'8' if late else '2'}"


def _ordered(body: list[str]) -> list[str]:
    # At most one SN, right after the HO, as real receipts have it.
    sn = [line for line in body if line.startswith("SN")]
    return sn[:1] + [line for line in body if not line.startswith("SN")]


@st.composite
def files(draw: st.DrawFn) -> tuple[str, bytes, list[bytes], list[list[str]], list[bool]]:
    kind = draw(st.sampled_from(sorted(KINDS)))
    header, digit, build, body_records = KINDS[kind]
    style = draw(st.sampled_from(["master", "free_text"]))
    count = draw(st.integers(1, 4))
    receipts: list[list[str]] = []
    resolutions: list[bytes] = []
    named: list[bool] = []
    for number in range(1, count + 1):
        resolution: dict[str, Any] | None = None
        if draw(st.booleans()):
            claim = draw(claims(comment_style=style))
            claim["receipt_type"] = kind
            claim["receipt_number"] = str(number)
            result = resolve(Claim.model_validate(claim))
            resolution = result.model_dump(mode="json")
            resolutions.append(result.model_dump_json().encode())
        receipt_kind = _receipt_kind(digit, resolution)
        body = _ordered(draw(st.lists(st.sampled_from(body_records), max_size=3)))
        if receipt_kind[1] == "3":  # no 枝番 for 後期高齢者
            body = ["SN,1,01,,,,,," if line.startswith("SN") else line for line in body]
        claim_info = draw(st.sampled_from(CLAIM_INFOS))
        receipts.append(build(number, receipt_kind, claim_info, body))
        named.append(resolution is not None)
    lines = [header, *[line for receipt in receipts for line in receipt], f"GO,{count},{100 * count},99"]
    return (
        kind,
        "".join(line + "\r\n" for line in lines).encode("cp932") + b"\x1a",
        resolutions,
        receipts,
        named,
    )


def _patch(data: bytes, resolutions: list[bytes], options: UkeOptions) -> bytes:
    reader = UkeReader(io.BytesIO(data))
    out = io.BytesIO()
    for record in patch_records(reader, load_resolutions(resolutions), options, PatchResult()):
        out.write(record.to_bytes())
    if reader.eof_mark:
        out.write(b"\x1a")
    return out.getvalue()


@settings(max_examples=150)
@given(files(), st.sampled_from([frozenset({"medical"}), frozenset({"medical", "dental", "pharmacy"})]))
def test_resolve_patch_check_round_trips(
    generated: tuple[str, bytes, list[bytes], list[list[str]], list[bool]], flag_kinds: frozenset[str]
) -> None:
    kind, data, resolutions, receipts, named = generated
    options = UkeOptions(created_at=CREATED_AT, flag_kinds=flag_kinds)  # type: ignore[arg-type]
    assert [p.code for p in iter_problems(io.BytesIO(data), options)] == []
    patched = _patch(data, resolutions, options)
    assert [p.code for p in iter_problems(io.BytesIO(patched), options)] == [], kind
    for receipt, was_named in zip(receipts, named, strict=True):
        if not was_named:
            assert "".join(line + "\r\n" for line in receipt).encode("cp932") in patched
    assert _patch(patched, resolutions, options) == patched  # idempotent
