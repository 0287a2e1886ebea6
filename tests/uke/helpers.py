"""Helpers for the UKE tests: the golden directory and the command run as a user runs it."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"


def cli_command() -> list[str]:
    """``python -m rezept_fusho.cli`` when the package is runnable, else the entry point's body."""
    if importlib.util.find_spec("rezept_fusho.cli.__main__") is not None:
        return [sys.executable, "-m", "rezept_fusho.cli"]
    return [sys.executable, "-c", "import sys; from rezept_fusho.cli import main; sys.exit(main())"]


def run_cli(*args: str | Path, timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*cli_command(), *map(str, args)], capture_output=True, timeout=timeout, check=False
    )


def medical_re(number: int, kind: str = "1112") -> str:
    """A 38-field 医科 RE line with fictional data."""
    fields = ["RE", str(number), kind, "202605", "架空　太郎", "1", "19800101", *[""] * 6, f"K{number}"]
    fields += [""] * 22 + ["カクウタロウ", ""]
    return ",".join(fields)


def uke(*lines: str, eof: bool = True) -> bytes:
    """A UKE file: cp932, CR LF after every line, then the EOF mark."""
    return "".join(line + "\r\n" for line in lines).encode("cp932") + (b"\x1a" if eof else b"")


IR = "IR,1,13,1,1234567,,架空医院,202606,00,"
GO = "GO,1,0,99"


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
        "summary": [],
        "paper_margin_note": None,
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
    "summary": ["不詳", "住所：" + "架" * 50],
}
