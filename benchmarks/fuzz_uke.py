"""Longer fuzzing of ``uke-check`` and ``uke-patch`` than the test suite runs (issue 10).

    python benchmarks/fuzz_uke.py [--inputs N] [--seed S]

Every input is a UKE file of random records from every kind — any number of
fields, values made of a patient's name, address and phone number, broken
ids, stray bytes, LF-only lines — checked, then patched with random
resolution lines. An input passes when it gives problems or a clean refusal
(``UkeReadError`` / ``UkeError``), never another exception, and no report
repeats the personal values. Prints the counts; exit 1 on the first failure.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import time
from pathlib import Path

from rezept_fusho.uke.check import iter_problems
from rezept_fusho.uke.options import UkeOptions
from rezept_fusho.uke.patch import PatchResult, load_resolutions, patch_records
from rezept_fusho.uke.problems import UkeError, UkeReadError
from rezept_fusho.uke.reader import UkeReader

# The alphabet is the test's (tests/uke/fuzz_alphabet.py): one list of what a fuzzer draws from.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from uke.fuzz_alphabet import COMMENT_TEXTS, ENDINGS, HEADERS, IDS, SECRETS, VALUES

FLAGS = ["1", "2", None]


def uke_file(rng: random.Random) -> bytes:
    lines = [rng.choice(HEADERS) + "\r\n"] if rng.random() < 0.8 else []
    for _ in range(rng.randrange(40)):
        fields = [rng.choice(IDS), *(rng.choice(VALUES) for _ in range(rng.randrange(45)))]
        lines.append(",".join(fields) + rng.choice(ENDINGS))
    data = "".join(lines).encode("cp932")
    if rng.random() < 0.7:
        data += b"\x1a"
    if rng.random() < 0.05:
        data = b"IR,\x85\x40\r\n" + data  # an undecodable byte
    return data


def resolution_line(rng: random.Random) -> bytes:
    if rng.random() < 0.1:
        return rng.choice([b"[" * 100_000, b"null", b'{"error": {}}', "ヤマダタロウ".encode()])
    return json.dumps(
        {
            "claim_id": "f",
            "basis": "fusho",
            "insurer_number": rng.choice(["77777777", "01130012"]),
            "symbol": None,
            "number": "777777777",
            "branch": rng.choice([None, "01"]),
            "payer": None,
            "comments": [{"code": rng.choice(["820000246", "830000501"]), "text": rng.choice(COMMENT_TEXTS)}],
            "summary": [],
            "paper_margin_note": "不詳",
            "qualification_flag": rng.choice(FLAGS),
            "warnings": [],
            "trace": [],
            "receipt_number": str(rng.randrange(1, 4)),
        },
        ensure_ascii=False,
    ).encode()


def check_secret(text: str) -> None:
    for secret in SECRETS:
        if secret in text:
            raise AssertionError(f"a report repeats personal data: {text[:80]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=20261201)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    counts = {"clean": 0, "problems": 0, "unreadable": 0, "patched": 0, "refused": 0}
    started = time.perf_counter()
    options = UkeOptions(flag_kinds=frozenset({"medical", "dental", "pharmacy"}))
    for _ in range(args.inputs):
        data = uke_file(rng)
        try:
            problems = list(iter_problems(io.BytesIO(data), options))
            counts["problems" if problems else "clean"] += 1
        except UkeReadError as exc:
            problems = list(exc.problems)
            counts["unreadable"] += 1
        for problem in problems:
            check_secret(str(problem))
            check_secret(json.dumps(problem.to_dict(), ensure_ascii=False))
        lines = [resolution_line(rng) for _ in range(rng.randrange(4))]
        try:
            resolutions = load_resolutions(lines)
            list(patch_records(UkeReader(io.BytesIO(data)), resolutions, UkeOptions(), PatchResult()))
            counts["patched"] += 1
        except (UkeError, UkeReadError) as exc:
            counts["refused"] += 1
            for problem in exc.problems:
                check_secret(str(problem))
    elapsed = time.perf_counter() - started
    print(
        f"{args.inputs:,} inputs in {elapsed:.1f} s (seed {args.seed}); no traceback, no personal data echoed"
    )
    print("check: " + ", ".join(f"{key} {counts[key]:,}" for key in ("clean", "problems", "unreadable")))
    print("patch: " + ", ".join(f"{key} {counts[key]:,}" for key in ("patched", "refused")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
