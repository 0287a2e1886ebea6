"""The package root: its public names, and the registry loaded on first use."""

from __future__ import annotations

import pytest

import rezept_fusho
from rezept_fusho.rules.registry import RULES


def test_rules_is_the_registry() -> None:
    assert rezept_fusho.RULES is RULES


def test_unknown_attribute() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = rezept_fusho.nope  # type: ignore[attr-defined]


def test_public_names_exist() -> None:
    for name in rezept_fusho.__all__:
        assert getattr(rezept_fusho, name) is not None


@pytest.mark.slow
def test_no_source_file_is_git_ignored() -> None:
    """A source file matched by .gitignore is missing from every clean checkout.

    That is how ``uke/build/`` once went unseen: ``build/`` in .gitignore hid it,
    the working tree passed, and CI on a clean clone could not import it.
    """
    import shutil
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    if shutil.which("git") is None or not (root / ".git").exists():
        pytest.skip("not a git checkout")
    listed = subprocess.run(
        ["git", "ls-files", "--others", "--ignored", "--exclude-standard", "--", "src", "tests"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    hidden = [p for p in listed if not p.endswith((".pyc", ".pyo")) and "__pycache__" not in p]
    assert hidden == []
