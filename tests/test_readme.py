"""The README's quick start: exactly two commands, the second the test command `.ci/run` runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def quick_start() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## クイックスタート", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, flags=re.DOTALL)
    assert block is not None
    return block.group(1).splitlines()


def test_the_quick_start_is_two_commands() -> None:
    install_and_run, test = quick_start()
    assert install_and_run.startswith("python3 -m venv .venv && ")
    assert "rezept-fusho resolve examples/" in install_and_run
    assert test.endswith("-m pytest")


def test_ci_runs_the_same_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert quick_start()[1] in ci


def test_no_link_leaves_the_repository() -> None:
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = doc.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)]+)\)", text):
            if target.startswith(("http://", "https://", "#")):
                continue
            assert (doc.parent / target.split("#")[0]).exists(), (doc.name, target)
        assert "shared/domain" not in text, doc.name
