"""Every example in the README and docs/ runs as written.

Each document's examples run in order, in one scratch directory holding a copy of ``examples/``
(so a later example may read what an earlier one wrote):

- ```` ```python ```` blocks are executed; ```` ```pycon ```` blocks are doctests (the shown values
  are checked); ```` ```python path/to/file.py ```` is an excerpt: its lines, ``...`` aside, must
  appear in that file in order.
- ```` ```console ```` blocks: each ``$ command`` runs in a shell; the lines under it, if any, are
  its output exactly as a terminal shows it (stdout and stderr). The status must be 0, unless the
  next command is ``echo $?``, whose output gives it. ``rezept-fusho serve`` is not run.
- ```` ```http-example ```` blocks: each ``$ curl …`` runs against a live server (its port replaces
  ``PORT`` and ``8000``) and must answer 200. ```` ```json ```` blocks must parse (one value, or one per line).

``sh`` blocks (installing, CI) and unlabelled blocks (formats) are not run.
"""

from __future__ import annotations

import doctest
import io
import json
import os
import re
import shlex
import shutil
import subprocess
from contextlib import AbstractContextManager, ExitStack
from pathlib import Path

import pytest
from tests.integration.conftest import cli_command

from live_server import serving

#: Runs the command in subprocesses (or fuzzes): left out of the fast set (pytest -m "not slow").
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
DOCS = (
    "README.md",
    "docs/contract.md",
    "docs/design.md",
    "docs/frontdesk.md",
    "docs/integration.md",
    "docs/uke.md",
)
_FENCE = re.compile(r"^```([^\n]*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def blocks(doc: str) -> list[tuple[str, str, str]]:
    """(language, the rest of the info string, body) of each fenced block, in order."""
    text = (ROOT / doc).read_text(encoding="utf-8")
    out = []
    for info, body in _FENCE.findall(text):
        language, _, rest = info.strip().partition(" ")
        out.append((language, rest.strip(), body))
    return out


def commands(body: str) -> list[tuple[str, list[str]]]:
    """Each ``$ command`` of a console block (without a trailing ``   # comment``) and the lines under it."""
    out: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            out.append((line[2:].split("   #")[0].strip(), []))
        elif out:
            out[-1][1].append(line)
    return out


def _run_python(body: str, name: str) -> None:
    exec(compile(body, name, "exec"), {"__name__": "__doc_example__"})


def _run_pycon(body: str, name: str) -> None:
    test = doctest.DocTestParser().get_doctest(body, {"__name__": "__doc_example__"}, name, name, 0)
    report = io.StringIO()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test, out=report.write)
    assert runner.failures == 0, report.getvalue()


def _check_excerpt(body: str, path: str) -> None:
    source = iter((ROOT / path).read_text(encoding="utf-8").splitlines())
    for line in body.splitlines():
        if line.strip() in ("...", "...,"):
            continue
        assert any(candidate.rstrip() == line.rstrip() for candidate in source), (path, line)


def _run_console(body: str, cwd: Path) -> None:
    cli = " ".join(shlex.quote(part) for part in cli_command())
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}  # stdout and stderr in the order a terminal shows
    steps = commands(body)
    status = 0
    for index, (command, expected) in enumerate(steps):
        if command == "echo $?":
            assert [str(status)] == expected, (steps[index - 1][0], status)
            continue
        if command.startswith("rezept-fusho serve"):
            continue  # runs until stopped: the HTTP examples start their own server
        shell = re.sub(r"(^|[|;&] *)rezept-fusho\b", lambda m: m.group(1) + cli, command)
        result = subprocess.run(
            shell,
            shell=True,
            check=False,
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            timeout=120,
        )
        status = result.returncode
        output = result.stdout.decode("utf-8", "replace")
        following = steps[index + 1][0] if index + 1 < len(steps) else ""
        if following != "echo $?":
            assert status == 0, (command, output[-2000:])
        if expected:
            assert output.splitlines() == expected, command


def _run_http(body: str, port: int) -> None:
    for command, _ in commands(body):
        args = shlex.split(command.replace("PORT", str(port)).replace(":8000/", f":{port}/"))
        result = subprocess.run([*args, "-w", "\n%{http_code}"], capture_output=True, check=False, timeout=30)
        status = result.stdout.decode().rsplit("\n", 1)[-1]
        assert status == "200", (command, result.stdout[-300:])


def _check_json(body: str) -> None:
    try:
        json.loads(body)
    except json.JSONDecodeError:
        for line in body.splitlines():
            if line.strip():
                json.loads(line)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _server() -> AbstractContextManager[int]:
    pytest.importorskip("uvicorn")
    pytest.importorskip("fastapi")
    from rezept_fusho.server.app import create_app  # the app ``serve`` runs

    return serving(create_app())


@pytest.mark.parametrize("doc", DOCS)
def test_examples_run_as_written(doc: str, workdir: Path) -> None:
    found = blocks(doc)
    with ExitStack() as stack:
        port = 0
        for index, (language, rest, body) in enumerate(found):
            name = f"{doc} block {index + 1}"
            if language == "python" and rest:
                _check_excerpt(body, rest)
            elif language == "python":
                _run_python(body, name)
            elif language == "pycon":
                _run_pycon(body, name)
            elif language == "console":
                _run_console(body, workdir)
            elif language == "json":
                _check_json(body)
            elif language == "http-example":
                if shutil.which("curl") is None:
                    pytest.skip("curl is not installed")
                port = port or stack.enter_context(_server())
                _run_http(body, port)


def test_every_document_has_an_example_that_runs() -> None:
    runnable = {"python", "pycon", "console", "http-example"}
    assert all(
        any(language in runnable for language, _, _ in blocks(doc))
        for doc in DOCS
        if doc != "docs/contract.md"
    )


def test_the_harness_sees_a_wrong_output(workdir: Path) -> None:
    with pytest.raises(AssertionError):
        _run_console("$ rezept-fusho check-insurer 01130012\nwrong\n", workdir)
    with pytest.raises(AssertionError):
        _run_console("$ rezept-fusho check-insurer 01130013\n$ echo $?\n0\n", workdir)
    with pytest.raises(AssertionError):
        _run_pycon(">>> 1 + 1\n3\n", "wrong")
    with pytest.raises(AssertionError):
        _check_excerpt("not in the file", "src/rezept_fusho/__init__.py")
