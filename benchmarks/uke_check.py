"""Benchmark: stream a generated 医科 UKE file of N receipts through uke-check.

    python benchmarks/uke_check.py [N ...]     # default: 10000 100000

Prints receipts per second and the process's peak RSS after each run; the
peak should not grow with N (the checker holds one line, and one receipt's
problems, at a time). Target: at least 50,000 receipts/s on one core.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

from rezept_fusho.uke.check import CheckStats, iter_problems

IR = "IR,1,13,1,1234567,,架空内科クリニック,202606,00,03-0000-0000"


def _re(number: int, kind: str) -> str:
    fields = [
        "RE",
        str(number),
        kind,
        "202605",
        "架空　太郎",
        "1",
        "19800101",
        "",
        "",
        "",
        "",
        "",
        "",
        f"K{number}",
    ]
    return ",".join(fields + [""] * 22 + ["カクウタロウ", ""])


def receipt(number: int) -> list[str]:
    body = [
        "SY,8830417,20260501,1,,,,,",
        "SI,11,1,111000110,,291,1,,,,,",
        "SI,13,1,113001810,,225,1,,,,,",
        "IY,21,1,620000001,1,,1,,,,,",
    ]
    if number % 10 == 0:
        return [
            _re(number, "1112"),
            "HO,77777777,,777777777,1,516,,,,,,,,,",
            "CO,01,1,810000001,不詳",
            "CO,01,1,810000001,住所：東京都架空区一丁目",
            *body,
        ]
    return [_re(number, "1112"), "HO,01130012,1234567,89,1,516,,,,,,,,,", "SN,1,01,,,,01,,", *body]


def generate(path: Path, receipts: int) -> None:
    with path.open("wb") as out:
        out.write((IR + "\r\n").encode("cp932"))
        for number in range(1, receipts + 1):
            out.write("".join(line + "\r\n" for line in receipt(number)).encode("cp932"))
        out.write(f"GO,{receipts},{receipts * 516},99\r\n\x1a".encode("cp932"))


def peak_rss_mib() -> float:
    # ru_maxrss is KiB on Linux, bytes on macOS.
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20


def run(receipts: int, directory: Path) -> None:
    path = directory / f"bench-{receipts}.UKE"
    generate(path, receipts)
    stats = CheckStats()
    # CPU time of this process (one core) as well as wall time: on a busy machine the two differ.
    start, start_cpu = time.perf_counter(), time.process_time()
    with path.open("rb") as stream:
        problems = sum(1 for _ in iter_problems(stream, stats=stats))
    elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    size = path.stat().st_size / 2**20
    print(
        f"{receipts:>7} receipts  {stats.records:>8} records  {size:5.1f} MiB  "
        f"wall {elapsed:5.2f} s ({receipts / elapsed:,.0f} receipts/s)  "
        f"cpu {cpu:5.2f} s ({receipts / cpu:,.0f} receipts/s)  "
        f"problems={problems}  peak RSS {peak_rss_mib():.1f} MiB"
    )
    path.unlink()


def main(argv: list[str]) -> None:
    sizes = [int(arg) for arg in argv] or [10_000, 100_000]
    print(f"python {sys.version.split()[0]}; peak RSS before: {peak_rss_mib():.1f} MiB")
    with tempfile.TemporaryDirectory() as directory:
        for receipts in sizes:
            run(receipts, Path(directory))


if __name__ == "__main__":
    main(sys.argv[1:])
