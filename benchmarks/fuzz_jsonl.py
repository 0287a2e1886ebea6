"""Longer fuzzing of ``resolve`` and ``triage`` as a user runs them (issue 10).

    python benchmarks/fuzz_jsonl.py [--lines N] [--seed S]

Writes N random lines — claims and situations with a field changed, dropped or
added (keys and values made of a patient's name, address and phone number),
random JSON, deep nesting, long lines, blank-looking lines (U+3000, U+2028, VT,
FF, NEL), invalid UTF-8 — and runs the real command on them, with ``--jobs 1``
and ``--jobs 2``. A run passes when each gives exactly one output line per
non-blank input line (blank: ASCII whitespace only), the same bytes whatever
``--jobs``, exit status 0 or 1, nothing on stderr (``--quiet``), and no error
record repeats the personal values (its id aside: the caller's own key, echoed by
contract, at most 128 characters). Prints the counts; exit 1 on a failure.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time

SECRETS = ("ヤマダタロウ", "東京都新宿区", "09012345678")
CLAIM = {
    "claim_id": "c",
    "service_date": "2025-07-10",
    "current_qualification": {"insurer_number": "01130012", "number": "1"},
}
FUSHO = {
    "claim_id": "f",
    "service_date": "2025-07-10",
    "declaration": {"kana_name": "ヤマダ タロウ", "addresses": ["東京都新宿区1"], "contact": "09012345678"},
}
SITUATION = {"situation_id": "s", "service_date": "2025-07-10", "case": "no_card", "visit": "first"}
VALUES: list[object] = [
    *SECRETS,
    "",
    "　",
    None,
    True,
    0,
    -1,
    10**40,
    1.5,
    [],
    {},
    "2025-02-30",
    "01130013",
    "77777777",
    "ｱｲｳ",
    "𠮷",
    "\ud800",
]
BLANKS = ["", " ", "\t", "\u3000", "\u2028", "\x0b", "\x0c", "\x85", "\x1c"]


def _mutate(rng: random.Random, base: dict[str, object]) -> dict[str, object]:
    obj = json.loads(json.dumps(base))
    for _ in range(rng.randrange(1, 4)):
        roll = rng.random()
        if roll < 0.3 and obj:
            obj.pop(rng.choice(list(obj)))
        elif roll < 0.5:
            obj[rng.choice(SECRETS)] = rng.choice(VALUES)  # a key made of personal data
        else:
            key = rng.choice([*obj, "claim_id", "situation_id", "options", "receipt_number"])
            obj[key] = rng.choice(VALUES)
    return obj


def line(rng: random.Random, base: dict[str, object]) -> bytes:
    roll = rng.random()
    if roll < 0.05:
        return rng.choice(BLANKS).encode("utf-8")
    if roll < 0.08:
        return rng.choice([b"[" * rng.randrange(900, 1100), b"\xff\xfe", b"{", "ヤマダタロウ".encode()])
    if roll < 0.09:
        return json.dumps({**base, "claim_id": "x" * 200_000}).encode()
    if roll < 0.3:
        return json.dumps(base, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return json.dumps(_mutate(rng, base), ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")


def _blank(raw: bytes) -> bool:
    return not raw.strip(b" \t\r\n")


def run(command: str, data: bytes, jobs: str) -> tuple[int, bytes, bytes]:
    done = subprocess.run(
        [sys.executable, "-m", "rezept_fusho.cli", command, "--jobs", jobs, "--quiet"],
        input=data,
        capture_output=True,
        check=False,
        timeout=3600,
    )
    return done.returncode, done.stdout, done.stderr


def fuzz(command: str, bases: list[dict[str, object]], count: int, rng: random.Random) -> dict[str, int]:
    raw_lines = [line(rng, rng.choice(bases)) for _ in range(count)]
    data = b"\n".join(raw_lines) + b"\n"
    expected = sum(1 for raw in raw_lines if not _blank(raw))
    status, out, err = run(command, data, "1")
    status2, out2, _ = run(command, data, "2")
    outputs = out.splitlines()
    problems = []
    if len(outputs) != expected:
        problems.append(f"{len(outputs)} output lines for {expected} non-blank input lines")
    if out != out2 or status != status2:
        problems.append("--jobs 2 differs from --jobs 1")
    if status not in (0, 1):
        problems.append(f"exit status {status}")
    if b"Traceback" in err or len(err.splitlines()) > 1:
        problems.append(f"stderr: {err[:200]!r}")
    errors = 0
    for output in outputs:
        record = json.loads(output)
        if "error" in record:
            errors += 1
            # the id is the caller's own key, echoed by contract (bounded): everything else must not repeat input
            text = json.dumps(record["error"], ensure_ascii=False)
            if any(secret in text for secret in SECRETS):
                problems.append(f"an error record repeats personal data: {text[:120]}")
    if problems:
        for problem in problems[:10]:
            print(f"{command}: {problem}", file=sys.stderr)
        raise SystemExit(1)
    return {"lines": count, "outputs": len(outputs), "errors": errors, "bytes": len(data)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=20261201)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    started = time.perf_counter()
    counts = {
        "resolve": fuzz("resolve", [CLAIM, FUSHO], args.lines, rng),
        "triage": fuzz("triage", [SITUATION], args.lines, rng),
    }
    elapsed = time.perf_counter() - started
    for command, numbers in counts.items():
        print(
            f"{command}: {numbers['lines']:,} lines ({numbers['bytes']:,} bytes) -> {numbers['outputs']:,} "
            f"outputs, {numbers['errors']:,} error records; --jobs 1 and 2 identical"
        )
    print(f"{elapsed:.1f} s (seed {args.seed}); no traceback, no personal data in any error record")
    return 0


if __name__ == "__main__":
    sys.exit(main())
