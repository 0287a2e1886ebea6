"""Deterministic mixed corpora: claims (the three tiers) and front-desk situations, about 5 % bad records.

python benchmarks/corpus.py 100000 > /tmp/claims.jsonl
python benchmarks/corpus.py 100000 situations > /tmp/situations.jsonl
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "claims.jsonl"
SITUATION_EXAMPLES = EXAMPLES.with_name("situations.jsonl")
#: Broken lines, one for each way a vendor's line goes wrong (not JSON, not an object, bad field, not billable).
BAD = [
    '{"claim_id": "broken", ',
    "[1, 2, 3]",
    '{"claim_id": "bad-date", "service_date": "2025-02-30"}',
    '{"claim_id": "bad-insurer", "service_date": "2025-07-10", '
    '"current_qualification": {"insurer_number": "01130013", "number": "1"}}',
    '{"claim_id": "no-declaration", "service_date": "2025-07-10"}',
]


#: Broken situations: not JSON, not an object, a bad date, a day before the rules.
BAD_SITUATIONS = [
    '{"situation_id": "broken", ',
    "[1, 2, 3]",
    '{"situation_id": "bad-date", "service_date": "2025-02-30", "case": "no_card", "visit": "first"}',
    '{"situation_id": "early", "service_date": "2023-07-01", "case": "no_card", "visit": "first"}',
]


def _mixed(examples: Path, bad: list[str], id_field: str, count: int, seed: int) -> Iterator[str]:
    rng = random.Random(seed)
    templates = [
        json.loads(line) for line in examples.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    for index in range(count):
        if rng.random() < 0.05:
            yield rng.choice(bad)
            continue
        record = dict(rng.choice(templates))
        record[id_field] = f"bench-{index}"
        yield json.dumps(record, ensure_ascii=False)


def lines(count: int, seed: int = 20250710) -> Iterator[str]:
    """*count* claims: the bundled examples with unique ids, about 5 % of them broken."""
    return _mixed(EXAMPLES, BAD, "claim_id", count, seed)


def situations(count: int, seed: int = 20250710) -> Iterator[str]:
    """*count* front-desk situations: the bundled examples with unique ids, about 5 % of them broken."""
    return _mixed(SITUATION_EXAMPLES, BAD_SITUATIONS, "situation_id", count, seed)


def write(path: Path, count: int, kind: str = "claims") -> Path:
    with path.open("w", encoding="utf-8") as out:
        for line in (situations if kind == "situations" else lines)(count):
            out.write(line + "\n")
    return path


if __name__ == "__main__":
    make = situations if sys.argv[2:3] == ["situations"] else lines
    for line in make(int(sys.argv[1]) if len(sys.argv) > 1 else 1000):
        sys.stdout.write(line + "\n")
