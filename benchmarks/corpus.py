"""A deterministic mixed corpus of claims: the three tiers, about 5 % bad records.

python benchmarks/corpus.py 100000 > /tmp/claims.jsonl
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "claims.jsonl"
#: Broken lines, one for each way a vendor's line goes wrong (not JSON, not an object, bad field, not billable).
BAD = [
    '{"claim_id": "broken", ',
    "[1, 2, 3]",
    '{"claim_id": "bad-date", "service_date": "2025-02-30"}',
    '{"claim_id": "bad-insurer", "service_date": "2025-07-10", '
    '"current_qualification": {"insurer_number": "01130013", "number": "1"}}',
    '{"claim_id": "no-declaration", "service_date": "2025-07-10"}',
]


def lines(count: int, seed: int = 20250710) -> Iterator[str]:
    rng = random.Random(seed)
    templates = [
        json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    for index in range(count):
        if rng.random() < 0.05:
            yield rng.choice(BAD)
            continue
        claim = dict(rng.choice(templates))
        claim["claim_id"] = f"bench-{index}"
        yield json.dumps(claim, ensure_ascii=False)


def write(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for line in lines(count):
            out.write(line + "\n")
    return path


if __name__ == "__main__":
    for line in lines(int(sys.argv[1]) if len(sys.argv) > 1 else 1000):
        sys.stdout.write(line + "\n")
