"""Helpers for the UKE tests: the golden directory and the command run as a user runs it."""

from __future__ import annotations

from pathlib import Path

from cli_runner import cli_command, run_cli

__all__ = ["cli_command", "run_cli"]

GOLDEN = Path(__file__).parent / "golden"


#: RE 請求情報 as the reference software writes it (作成日時, 災害区分 00, 資格確認区分 0).
CLAIM_INFO = "20260605093000000"


def medical_re(number: int, kind: str = "1112", claim_info: str = "") -> str:
    """A 38-field 医科 RE line with fictional data (請求情報 empty unless given)."""
    fields = ["RE", str(number), kind, "202605", "架空　太郎", "1", "19800101", *[""] * 6, f"K{number}"]
    fields += [""] * 6 + [claim_info] + [""] * 15 + ["カクウタロウ", ""]
    assert len(fields) == 38
    return ",".join(fields)


def uke(*lines: str, eof: bool = True) -> bytes:
    """A UKE file: cp932, CR LF after every line, then the EOF mark."""
    return "".join(line + "\r\n" for line in lines).encode("cp932") + (b"\x1a" if eof else b"")


IR = "IR,1,13,1,1234567,,架空医院,202606,00,"
#: GO without 総件数 and 総合計点数 (recorded on the last volume only; not checked when empty).
GO = "GO,,,99"


def resolution(receipt_number: str | None, **fields: object) -> dict[str, object]:
    """A resolution object (as ``rezept-fusho resolve`` writes it) for a receipt."""
    base: dict[str, object] = {
        "claim_id": f"c{receipt_number}",
        "basis": "current",
        "insurer_number": "01130012",
        "symbol": "1234567",
        "number": "89",
        "branch": None,
        "payer": "shiharai_kikin",
        "comments": [],
        "summary": [],
        "paper_margin_note": None,
        "qualification_flag": None,
        "warnings": [],
        "trace": [],
    }
    if receipt_number is not None:
        base["receipt_number"] = receipt_number
    base.update(fields)
    return base


FUSHO = {
    "basis": "fusho",
    "insurer_number": "77777777",
    "symbol": None,
    "number": "777777777",
    "comments": [
        {"code": "820000246", "text": ""},
        {"code": "830000501", "text": "カクウ　タロウ"},
        {"code": "830000505", "text": "架" * 50},
    ],
    "summary": [
        "不詳",
        "被保険者資格申立書（カナ氏名）；カクウ　タロウ",
        "被保険者資格申立書（住所１）；" + "架" * 50,
    ],
    "qualification_flag": "1",
}
PAST = {
    "basis": "past",
    "insurer_number": "06132013",
    "symbol": "12",
    "number": "3456",
    "comments": [{"code": "820000245", "text": ""}],
    "summary": ["旧資格情報"],
    "qualification_flag": "2",
}
