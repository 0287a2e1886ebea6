"""Every example in docs/integration.md runs as written (from the repository root)."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.integration.conftest import cli_command

#: Runs the command in subprocesses (or fuzzes): left out of the fast set (pytest -m "not slow").
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "integration.md").read_text(encoding="utf-8")


def blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", DOC, flags=re.DOTALL)


def commands(kind: str) -> list[str]:
    return [
        line[2:].split("   #")[0]
        for block in blocks(kind)
        for line in block.splitlines()
        if line.startswith("$ ")
    ]


@pytest.mark.parametrize("index", range(len(blocks("python"))))
def test_python_examples(index: int) -> None:
    exec(compile(blocks("python")[index], f"docs/integration.md python #{index}", "exec"), {})


def test_console_examples() -> None:
    cli = " ".join(shlex.quote(part) for part in cli_command())
    for command in commands("console"):
        if command.startswith("rezept-fusho serve"):
            continue  # runs forever: the HTTP examples below start their own server
        shell = command.replace("rezept-fusho", cli)
        result = subprocess.run(shell, shell=True, cwd=ROOT, capture_output=True, check=False, timeout=60)
        assert result.returncode == 0, (command, result.stderr)


@pytest.fixture
def server() -> Iterator[int]:
    uvicorn = pytest.importorskip("uvicorn")
    pytest.importorskip("fastapi")
    from rezept_fusho.server.app import create_app  # the app ``serve`` runs

    config = uvicorn.Config(create_app(), host="127.0.0.1", port=0, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not instance.started:
        assert time.monotonic() < deadline
        time.sleep(0.02)
    yield instance.servers[0].sockets[0].getsockname()[1]
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_http_examples(server: int) -> None:
    for command in commands("http-example"):
        args = shlex.split(command.replace("PORT", str(server)))
        result = subprocess.run([*args, "-w", "\n%{http_code}"], capture_output=True, check=False, timeout=30)
        status = result.stdout.decode().rsplit("\n", 1)[-1]
        assert status == "200", (command, result.stdout[-300:])
