"""rezept_fusho.spill_dir: ``--jobs`` spill directories carry their pid; dead runs' ones are removed (item 12)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from rezept_fusho import spill_dir
from rezept_fusho.spill_dir import PREFIX, remove_dead, spill_directory


@pytest.fixture
def tmpdir_(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_the_directory_names_its_pid_and_goes_at_the_end(tmpdir_: Path) -> None:
    with spill_directory() as directory:
        path = Path(directory)
        assert path.parent == tmpdir_
        assert path.name.startswith(f"{PREFIX}{os.getpid()}-")
        assert oct(path.stat().st_mode & 0o777) == oct(0o700)
        (path / "chunk.jsonl").write_bytes(b"patient data")
    assert list(tmpdir_.iterdir()) == []


def test_it_goes_on_an_exception_too(tmpdir_: Path) -> None:
    with pytest.raises(KeyboardInterrupt), spill_directory():
        raise KeyboardInterrupt
    assert list(tmpdir_.iterdir()) == []


def test_a_new_one_removes_dead_runs_directories_only(tmpdir_: Path) -> None:
    dead = _dead_pid()
    (tmpdir_ / f"{PREFIX}{dead}-abc").mkdir()
    (tmpdir_ / f"{PREFIX}{dead}-abc" / "chunk.jsonl").write_bytes(b"patient data")
    kept = [
        f"{PREFIX}{os.getpid()}-mine",
        f"{PREFIX}{os.getppid()}-alive",
        f"{PREFIX}{dead}",  # no random part: not one of ours
        f"{PREFIX}x{dead}-abc",
        f"{PREFIX}abcdefgh",  # an older version's name, without a pid: its owner cannot be told
        f"other-{dead}-abc",
    ]
    for name in kept:
        (tmpdir_ / name).mkdir()
    (tmpdir_ / f"{PREFIX}{dead}-file").write_bytes(b"")  # not a directory
    (tmpdir_ / f"{PREFIX}{dead}-link").symlink_to(tmpdir_ / kept[0])
    foreign = tmpdir_ / f"{PREFIX}{dead}-foreign"
    foreign.mkdir()
    if os.getuid() == 0:
        os.chown(foreign, 4242, 4242)  # another user's: not ours to remove
        kept.append(foreign.name)
    with spill_directory():
        pass
    names = {path.name for path in tmpdir_.iterdir()}
    assert f"{PREFIX}{dead}-abc" not in names
    assert set(kept) <= names
    assert {f"{PREFIX}{dead}-file", f"{PREFIX}{dead}-link"} <= names


def test_an_unreadable_temporary_directory_removes_nothing(tmp_path: Path) -> None:
    assert remove_dead(str(tmp_path / "missing")) == []


def test_an_entry_that_vanishes_meanwhile_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Vanished:
        name = f"{PREFIX}{_dead_pid()}-gone"
        path = str(tmp_path / name)

        def is_dir(self, follow_symlinks: bool = True) -> bool:
            raise FileNotFoundError(2, "No such file or directory")

    class Listing(list[Vanished]):
        def __enter__(self) -> Listing:
            return self

        def __exit__(self, *_exc: object) -> None:
            return None

    monkeypatch.setattr(spill_dir.os, "scandir", lambda _path: Listing([Vanished()]))
    assert remove_dead(str(tmp_path)) == []
