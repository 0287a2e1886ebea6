"""The batch benchmarks, in one run (not part of the unit tests).

    python benchmarks/run.py                    # 200,000 claims for throughput, 1,000,000 for memory
    python benchmarks/run.py --quick            # 20,000 / 100,000: a smoke run
    python benchmarks/run.py --compare a7a635f  # and side by side with that revision

Prints (the timed runs best of three): one-core ``resolve`` throughput (JSON Lines → JSON Lines, the real
command), the orjson parse-and-dump floor on the same lines, their ratio,
``--jobs 2`` against ``--jobs 1`` (and, as its ceiling, two separate processes on halves of
the corpus side by side), peak RSS of a million-claim run, and the
start-up time of a one-claim ``rezept-fusho resolve`` — each with its target —
and the time per claim of each stage (parse, validate, resolve, serialise).

With ``--compare REV``, first ``resolve`` and ``triage`` (one core), the HTTP batch and
``uke-check`` side by side with revision REV on the same input, runs alternating between
the two (:mod:`compare`), with each side's lines, claims or receipts per second, their
ratio and whether the outputs are the same bytes.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))
import compare
import corpus

CLI = compare.CLI


def timed_resolve(source: Path, target: Path, jobs: int) -> float:
    started = time.perf_counter()
    subprocess.run([*CLI, "resolve", str(source), "-o", str(target), "-q", "--jobs", str(jobs)], check=False)
    return time.perf_counter() - started


def timed_pair(halves: tuple[Path, Path], tmp: Path) -> float:
    """Wall time of two independent one-process runs side by side: what two cores give right now.

    The ceiling for ``--jobs 2`` on this machine at this moment; on a shared VM it moves.
    """
    started = time.perf_counter()
    runs = [
        subprocess.Popen([*CLI, "resolve", str(half), "-o", str(tmp / f"pair{n}.jsonl"), "-q"])
        for n, half in enumerate(halves)
    ]
    for run in runs:
        run.wait()
    return time.perf_counter() - started


def split(source: Path, tmp: Path) -> tuple[Path, Path]:
    lines = source.read_bytes().splitlines(keepends=True)
    first, second = tmp / "half0.jsonl", tmp / "half1.jsonl"
    first.write_bytes(b"".join(lines[: len(lines) // 2]))
    second.write_bytes(b"".join(lines[len(lines) // 2 :]))
    return first, second


def floor(source: Path) -> float:
    """Lines/s of the fastest JSON round trip: orjson loads + dumps, line by line, written to a file."""
    started = time.perf_counter()
    with source.open("rb") as lines, open(os.devnull, "wb") as out:
        for line in lines:
            try:
                out.write(orjson.dumps(orjson.loads(line)) + b"\n")
            except orjson.JSONDecodeError:
                out.write(b"{}\n")
    return time.perf_counter() - started


def stages(source: Path, chunk: int = 2000) -> dict[str, float]:
    """Microseconds per line spent in each stage of ``resolve``, in this process.

    Staged a chunk at a time (parse the chunk, then validate it, …) so each
    stage is timed on its own while memory and garbage collection stay as in
    the real command.
    """
    from pydantic import ValidationError

    from rezept_fusho import jsonl
    from rezept_fusho.errors import ClaimError
    from rezept_fusho.models.claim import Claim
    from rezept_fusho.render import resolution_json
    from rezept_fusho.resolver import resolve_data

    spent = dict.fromkeys(("parse", "validate", "resolve", "serialise"), 0.0)
    lines = source.read_text(encoding="utf-8").splitlines()
    for start in range(0, len(lines), chunk):
        clock = time.perf_counter()
        parsed = []
        for line in lines[start : start + chunk]:
            try:  # noqa: SIM105 - the command's own try, not suppress()'s extra call
                parsed.append(jsonl.loads(line))
            except ValueError:
                pass
        clock = _lap(spent, "parse", clock)
        claims = []
        for obj in parsed:
            try:  # noqa: SIM105 - the command's own try, not suppress()'s extra call
                claims.append(Claim.model_validate(obj))
            except ValidationError:
                pass
        clock = _lap(spent, "validate", clock)
        resolutions = []
        for claim in claims:
            try:  # noqa: SIM105 - the command's own try, not suppress()'s extra call
                resolutions.append(resolve_data(claim))
            except ClaimError:
                pass
        clock = _lap(spent, "resolve", clock)
        for resolution in resolutions:
            resolution_json(resolution)
        _lap(spent, "serialise", clock)
    return {name: seconds / len(lines) * 1e6 for name, seconds in spent.items()}


def _lap(spent: dict[str, float], stage: str, since: float) -> float:
    now = time.perf_counter()
    spent[stage] += now - since
    return now


def peak_rss_mb(source: Path, target: Path) -> float:
    """Peak RSS of one ``resolve --jobs 1`` run, in MB.

    Measured by a small wrapper interpreter: a child forked from this process would count
    this process's own pages (the corpus, the in-process stage timings) in its ru_maxrss.
    """
    wrapper = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], check=False); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    command = [*CLI, "resolve", str(source), "-o", str(target), "-q", "--jobs", "1"]
    done = subprocess.run(
        [sys.executable, "-c", wrapper, *command], capture_output=True, text=True, check=True
    )
    return int(done.stdout.split()[-1]) / 1024  # ru_maxrss is in KiB on Linux


def startup_ms(tmp: Path) -> float:
    one = corpus.write(tmp / "one.jsonl", 1)
    # An installed wheel has its bytecode compiled by pip; an editable checkout under
    # PYTHONDONTWRITEBYTECODE=1 would recompile every module on every start instead.
    import rezept_fusho

    compileall.compile_dir(Path(rezept_fusho.__file__).parent, quiet=1)
    runs = []
    for _ in range(15):
        started = time.perf_counter()
        subprocess.run([*CLI, "resolve", str(one), "-q"], check=False, capture_output=True)
        runs.append(time.perf_counter() - started)
    return statistics.median(runs) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--compare", metavar="REV", help="also run side by side with this git revision")
    parser.add_argument("--rounds", type=int, default=3, help="alternating runs of each side (default: 3)")
    args = parser.parse_args()
    count, big = (20_000, 100_000) if args.quick else (200_000, 1_000_000)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        source = corpus.write(tmp / "claims.jsonl", count)
        target = tmp / "out.jsonl"
        if args.compare:
            side_by_side(
                args.compare,
                source,
                corpus.write(tmp / "situations.jsonl", count, "situations"),
                tmp,
                args.rounds,
            )
        floor_s = floor(source)
        # Best of three, alternating: a shared VM's neighbours slow single runs by tens of per cent.
        one, two, pair = float("inf"), float("inf"), float("inf")
        halves = split(source, tmp)
        for _ in range(3):
            one = min(one, timed_resolve(source, target, 1))
            two = min(two, timed_resolve(source, target, 2))
            pair = min(pair, timed_pair(halves, tmp))
        rate, floor_rate = count / one, count / floor_s
        print(f"resolve, 1 core:  {rate:>10,.0f} claims/s  ({count:,} claims, {one:.2f} s)")
        print(f"orjson floor:     {floor_rate:>10,.0f} lines/s")
        print(f"ratio:            {floor_rate / rate:>10.1f} x the floor")
        print(
            f"--jobs 2:         {count / two:>10,.0f} claims/s  = {one / two:.2f} x --jobs 1          target >= 1.7"
        )
        print(f"two cores now:    {one / pair:>10.2f} x (two separate processes on halves: the ceiling)")
        per_stage = stages(source)
        print(
            "per claim:        "
            + ", ".join(f"{stage} {micros:.1f} µs" for stage, micros in per_stage.items())
        )
        start = startup_ms(tmp)
        print(f"start-up:         {start:>10.0f} ms (one claim, median of 15)              target < 300")
        big_source = corpus.write(tmp / "big.jsonl", big)
        print(
            f"peak RSS:         {peak_rss_mb(big_source, target):>10.1f} MB ({big:,} claims, --jobs 1)     target < 100"
        )


def side_by_side(revision: str, claims: Path, situations: Path, tmp: Path, rounds: int) -> None:
    """``resolve``, ``triage`` and the HTTP batch of *revision* and of this tree, runs alternating."""
    pair = compare.Comparison(compare.export(revision, tmp / "old"), compare.this_tree(), tmp, rounds)
    print(
        f"compare: {pair.old.label} (its src, on this interpreter and these dependencies) and "
        f"{pair.new.label}, runs alternating, best of {rounds} each"
    )
    results = [
        pair.command("resolve, 1 core", "resolve", claims),
        pair.command("triage, 1 core", "triage", situations),
    ]
    try:
        import fastapi  # noqa: F401 - only to know whether the server extra is there
    except ImportError:
        print("HTTP batch:           skipped (needs the server extra)")
    else:
        results.append(pair.http(claims))
    results.append(pair.uke_check(100_000))
    for result in results:
        for line in result.lines(pair.old, pair.new):
            print(line)


if __name__ == "__main__":
    main()
