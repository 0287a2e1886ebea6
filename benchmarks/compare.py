"""Side by side with another revision: the same corpus, interpreter and dependencies, runs alternating A/B.

    python benchmarks/run.py --compare a7a635f

The other revision's ``src`` is exported with ``git archive`` into a temporary
directory (the repository is not touched: no worktree, no checkout) and run on
this interpreter with ``PYTHONPATH`` pointing at it, so both sides use the same
Python and the same pydantic and orjson, and nothing is installed or fetched.
Each command runs once per round on each side, A then B, and the best time of
each side is kept: on a shared machine a neighbour slows single runs by tens of
per cent, and alternating spreads that over both sides. Each side's output is
compared byte for byte.
"""

from __future__ import annotations

import compileall
import io
import json
import os
import resource
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import attrs
import uke_check

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-c", "import sys; from rezept_fusho.cli import main; sys.exit(main())"]

#: One batch of claims through ``POST /v1/resolve``, in-process over ASGI (no socket, no client library).
HTTP_BATCH = r"""
import asyncio, sys, time
from rezept_fusho.server.app import create_app

body, rounds, out = open(sys.argv[1], "rb").read(), int(sys.argv[2]), sys.argv[3]
app = create_app()
headers = [(b"host", b"localhost"), (b"content-type", b"application/json"),
           (b"content-length", str(len(body)).encode())]
scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
         "scheme": "http", "path": "/v1/resolve", "raw_path": b"/v1/resolve", "query_string": b"",
         "root_path": "", "headers": headers, "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8000)}

async def post():
    messages = iter([{"type": "http.request", "body": body, "more_body": False}])
    parts = []
    async def receive():
        return next(messages, {"type": "http.disconnect"})
    async def send(message):
        parts.append(message)
    await app(scope, receive, send)
    assert parts[0]["status"] == 200, parts[0]
    return b"".join(part.get("body", b"") for part in parts[1:])

async def main():
    answer = await post()  # warm: the first request builds the app's routes and schemas
    started = time.perf_counter()
    for _ in range(rounds):
        answer = await post()
    print(time.perf_counter() - started)
    with open(out, "wb") as stream:
        stream.write(answer)

asyncio.run(main())
"""


@attrs.frozen
class Side:
    """One side of the comparison: a label and the ``src`` directory its code is imported from."""

    label: str
    src: Path

    def env(self) -> dict[str, str]:
        return {**os.environ, "PYTHONPATH": str(self.src)}


def export(revision: str, into: Path) -> Side:
    """*revision*'s ``src``, exported into *into* (``git archive``: the repository is not changed)."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", revision, "src"],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    side = Side(revision, into / "src")
    _check_import(side)
    return side


def this_tree() -> Side:
    side = Side("this tree", ROOT / "src")
    _check_import(side)
    return side


def _check_import(side: Side) -> None:
    # Bytecode for both sides, as an installed wheel has: with PYTHONDONTWRITEBYTECODE set, every run
    # would compile every module again and the start-up would weigh on the figures.
    compileall.compile_dir(side.src / "rezept_fusho", quiet=1)
    found = subprocess.run(
        [sys.executable, "-c", "import rezept_fusho; print(rezept_fusho.__file__)"],
        env=side.env(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not Path(found).is_relative_to(side.src):
        raise SystemExit(f"{side.label}: rezept_fusho is imported from {found}, not from {side.src}")


def _timed(command: list[str], env: dict[str, str], stdout: Path | None = None) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one run of *command* (its stdout kept in *stdout*)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with open(stdout or os.devnull, "wb") as out:
        subprocess.run(command, env=env, check=False, stdout=out)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


@attrs.frozen
class Result:
    """The best wall and CPU seconds of each side, and whether their outputs were the same bytes."""

    name: str
    items: int
    unit: str
    old: tuple[float, float | None]
    new: tuple[float, float | None]
    identical: bool
    target: str = "target >= 2.5"

    def lines(self, old: Side, new: Side) -> list[str]:
        ratio = self.old[0] / self.new[0]
        cpu = f" (CPU time {self.old[1] / self.new[1]:.2f} x)" if self.old[1] and self.new[1] else ""
        return [
            f"{self.name + ':':<22}{old.label} {self.items / self.old[0]:>8,.0f} {self.unit}/s   "
            f"{new.label} {self.items / self.new[0]:>8,.0f} {self.unit}/s",
            f"{'':<22}= {ratio:.2f} x{cpu}   {self.target}   "
            + ("output: the same bytes" if self.identical else "OUTPUT DIFFERS"),
        ]


def _best(runs: list[tuple[float, float | None]]) -> tuple[float, float | None]:
    cpu = [run[1] for run in runs if run[1] is not None]
    return min(run[0] for run in runs), min(cpu) if cpu else None


@attrs.frozen
class Comparison:
    """Two sides, a scratch directory and how many alternating runs each side gets."""

    old: Side
    new: Side
    tmp: Path
    rounds: int

    def command(self, name: str, command: str, source: Path) -> Result:
        """``rezept-fusho COMMAND SOURCE`` on each side, alternating.

        The timed runs write to /dev/null: writing hundreds of megabytes (a guidance is about
        3.5 kB) costs both sides the same and, on a disk, its writeback would weigh on the
        figures. One more run of each side writes a file (``-o``), for the byte comparison.
        """
        count = sum(1 for _ in source.open("rb"))
        runs: dict[str, list[tuple[float, float | None]]] = {side.label: [] for side in self.sides}
        for _ in range(self.rounds):
            for side in self.sides:
                runs[side.label].append(_timed([*CLI, command, str(source), "-q"], side.env()))
        outputs = {side.label: self.tmp / f"{command}-{n}.jsonl" for n, side in enumerate(self.sides)}
        for side in self.sides:
            argv = [*CLI, command, str(source), "-o", str(outputs[side.label]), "-q"]
            subprocess.run(argv, env=side.env(), check=False)
        result = self._result(name, count, "lines", runs, outputs)
        for output in outputs.values():
            output.unlink()
        return result

    def http(self, source: Path, batch: int = 2000, requests: int = 5) -> Result:
        """*requests* batches of *batch* claims through ``POST /v1/resolve`` on each side (the requests timed)."""
        claims = []
        for line in source.read_text(encoding="utf-8").splitlines():
            try:
                claims.append(json.loads(line))
            except json.JSONDecodeError:
                continue  # a line that is not JSON cannot be an item of a JSON array
            if len(claims) == batch:
                break
        body = self.tmp / "batch.json"
        body.write_text(json.dumps(claims, ensure_ascii=False), encoding="utf-8")
        outputs = {side.label: self.tmp / f"http-{n}.json" for n, side in enumerate(self.sides)}
        runs: dict[str, list[tuple[float, float | None]]] = {side.label: [] for side in self.sides}
        for _ in range(self.rounds):
            for side in self.sides:
                argv = [sys.executable, "-c", HTTP_BATCH, str(body), str(requests), str(outputs[side.label])]
                done = subprocess.run(argv, env=side.env(), capture_output=True, text=True, check=True)
                # The requests only: no CPU figure.
                runs[side.label].append((float(done.stdout.split()[-1]), None))
        return self._result(f"HTTP batch of {len(claims):,}", requests * len(claims), "claims", runs, outputs)

    def uke_check(self, receipts: int) -> Result:
        """``rezept-fusho uke-check FILE`` on a generated 医科 file of *receipts* receipts, on each side."""
        source = self.tmp / "bench.UKE"
        uke_check.generate(source, receipts)
        outputs = {side.label: self.tmp / f"uke-{n}.txt" for n, side in enumerate(self.sides)}
        runs: dict[str, list[tuple[float, float | None]]] = {side.label: [] for side in self.sides}
        for _ in range(max(self.rounds, 5)):  # a run takes seconds: more of them, against the noise
            for side in self.sides:
                argv = [*CLI, "uke-check", str(source)]
                runs[side.label].append(_timed(argv, side.env(), outputs[side.label]))
        result = self._result("uke-check", receipts, "receipts", runs, outputs)
        return attrs.evolve(result, target="target 50,000/s where 47,000 was measured: >= 1.07")

    @property
    def sides(self) -> tuple[Side, Side]:
        return self.old, self.new

    def _result(
        self,
        name: str,
        items: int,
        unit: str,
        runs: dict[str, list[tuple[float, float | None]]],
        outputs: dict[str, Path],
    ) -> Result:
        same = outputs[self.old.label].read_bytes() == outputs[self.new.label].read_bytes()
        return Result(name, items, unit, _best(runs[self.old.label]), _best(runs[self.new.label]), same)
