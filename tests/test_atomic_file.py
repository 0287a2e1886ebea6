"""rezept_fusho.atomic_file: all or nothing, the umask's mode, no leftovers (issue 10 items 11, 12).

The unnamed (``O_TMPFILE``) path and the named ``.part`` fallback are both run; killing a real
process is in ``tests/integration/test_kill.py``.
"""

from __future__ import annotations

import fcntl
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from rezept_fusho import atomic_file, owner_pid
from rezept_fusho.atomic_file import AtomicFile, remove_leftovers

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="O_TMPFILE, /proc and flock: Linux")


@pytest.fixture(params=["unnamed", "named"])
def kind(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "named":
        monkeypatch.setattr(atomic_file, "O_TMPFILE", None)
    return str(request.param)


@pytest.fixture
def umask() -> Iterator[int]:
    previous = os.umask(0o027)
    yield 0o027
    os.umask(previous)


def _names(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir())


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    assert not owner_pid.alive(process.pid)
    return process.pid


def test_a_new_file_appears_complete_and_only_at_the_end(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "out.jsonl"
    with AtomicFile.open(target) as out:
        out.write(b"one\n")
        assert not target.exists()
        if kind == "unnamed":
            assert _names(tmp_path) == []
        else:
            (part,) = _names(tmp_path)
            assert part.startswith(f".out.jsonl.{os.getpid()}.")
            assert part.endswith(".part")
        out.write(b"two\n")
    assert target.read_bytes() == b"one\ntwo\n"
    assert _names(tmp_path) == ["out.jsonl"]


def test_an_existing_file_is_replaced_whole(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "out.jsonl"
    target.write_bytes(b"old\n")
    with AtomicFile.open(target) as out:
        out.write(b"new\n")
        assert target.read_bytes() == b"old\n"
    assert target.read_bytes() == b"new\n"
    assert _names(tmp_path) == ["out.jsonl"]


def test_an_exception_leaves_the_target_as_it_was(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "out.jsonl"
    target.write_bytes(b"old\n")

    def interrupted() -> None:
        with AtomicFile.open(target) as out:
            out.write(b"half")
            raise RuntimeError

    with pytest.raises(RuntimeError):
        interrupted()
    assert target.read_bytes() == b"old\n"
    assert _names(tmp_path) == ["out.jsonl"]


def test_commit_or_discard_in_steps(tmp_path: Path, kind: str) -> None:
    kept, dropped = tmp_path / "kept", tmp_path / "dropped"
    first, second = AtomicFile.open(kept), AtomicFile.open(dropped)
    first.file.write(b"x")
    second.file.write(b"y")
    second.discard()
    second.discard()  # a second time does nothing
    first.commit()
    assert _names(tmp_path) == ["kept"]
    assert kept.read_bytes() == b"x"


def test_a_target_created_meanwhile_is_replaced(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "out"
    with AtomicFile.open(target) as out:
        out.write(b"ours")
        target.write_bytes(b"someone else's")
    assert target.read_bytes() == b"ours"
    assert _names(tmp_path) == ["out"]


def test_a_new_file_gets_the_umask_and_a_replaced_one_keeps_its_mode(
    tmp_path: Path, kind: str, umask: int
) -> None:
    new, existing = tmp_path / "new", tmp_path / "existing"
    existing.write_bytes(b"")
    existing.chmod(0o604)
    for target in (new, existing):
        with AtomicFile.open(target) as out:
            out.write(b"x")
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~umask == 0o640
    assert stat.S_IMODE(existing.stat().st_mode) == 0o604


def test_replacing_a_fifo_or_a_symlink(tmp_path: Path, kind: str) -> None:
    fifo, link = tmp_path / "fifo", tmp_path / "link"
    os.mkfifo(fifo)
    link.symlink_to(tmp_path / "elsewhere")
    for target in (fifo, link):
        with AtomicFile.open(target) as out:
            out.write(b"x")
        assert target.is_file()
        assert not target.is_symlink()


def test_a_directory_or_a_missing_one_fails_before_anything_is_written(tmp_path: Path, kind: str) -> None:
    with pytest.raises(IsADirectoryError):
        AtomicFile.open(tmp_path)
    with pytest.raises(FileNotFoundError):
        AtomicFile.open(tmp_path / "missing" / "out")
    assert _names(tmp_path) == []


def test_without_proc_or_o_tmpfile_support_it_falls_back_to_a_named_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out"
    monkeypatch.setattr(atomic_file, "PROC_FD", str(tmp_path / "no-proc" / "{}"))
    with AtomicFile.open(target) as out:
        assert len(_names(tmp_path)) == 1
        out.write(b"a")
    monkeypatch.undo()
    # A kernel without O_TMPFILE opens the directory itself: EISDIR.
    monkeypatch.setattr(atomic_file, "O_TMPFILE", os.O_DIRECTORY)
    with AtomicFile.open(target) as out:
        assert len(_names(tmp_path)) == 2
        out.write(b"b")
    assert target.read_bytes() == b"b"
    assert _names(tmp_path) == ["out"]


def test_other_errors_of_the_unnamed_file_are_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = os.open

    def refusing(path: str, flags: int, mode: int = 0o777, *, dir_fd: int | None = None) -> int:
        if atomic_file.O_TMPFILE is not None and flags & atomic_file.O_TMPFILE == atomic_file.O_TMPFILE:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, mode, dir_fd=dir_fd)

    monkeypatch.setattr(atomic_file.os, "open", refusing)
    with pytest.raises(PermissionError):
        AtomicFile.open(tmp_path / "out")
    monkeypatch.undo()
    assert _names(tmp_path) == []


def test_a_failed_rename_removes_the_linked_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out"
    target.write_bytes(b"old")

    def failing(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    pending = AtomicFile.open(target)
    pending.file.write(b"new")
    monkeypatch.setattr(atomic_file.os, "replace", failing)
    with pytest.raises(OSError, match="No space"):
        pending.commit()
    monkeypatch.undo()
    assert _names(tmp_path) == ["out"]
    assert target.read_bytes() == b"old"


# Leftovers of killed runs


def _leftover(directory: Path, pid: int, name: str = "out.jsonl") -> Path:
    path = directory / f".{name}.{pid}.0123abcd.part"
    path.write_bytes(b"patient data")
    return path


def test_opening_removes_dead_runs_leftovers_only(tmp_path: Path, kind: str) -> None:
    dead = _dead_pid()
    mine = _leftover(tmp_path, os.getpid())
    dead_one = _leftover(tmp_path, dead)
    other_target = _leftover(tmp_path, dead, "other.jsonl")
    odd = [
        tmp_path / f".out.jsonl.{dead}.xyz.part",
        tmp_path / f".out.jsonl.{dead}.part",
        tmp_path / ".out.jsonl.abc.part",
    ]
    for path in odd:
        path.write_bytes(b"")
    (tmp_path / f".out.jsonl.{dead}.0123abce.part").mkdir()
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"]) as live:
        live_one = _leftover(tmp_path, live.pid)
        with AtomicFile.open(tmp_path / "out.jsonl") as out:
            out.write(b"x")
        live.kill()
    assert not dead_one.exists()
    for kept in (mine, live_one, other_target, *odd):
        assert kept.exists(), kept.name
    assert (tmp_path / f".out.jsonl.{dead}.0123abce.part").is_dir()


def test_a_locked_leftover_stays_whatever_its_pid(tmp_path: Path) -> None:
    # A live run on another machine sharing the directory: its pid means nothing here, its lock does.
    locked = _leftover(tmp_path, _dead_pid())
    holder = os.open(locked, os.O_RDONLY)
    try:
        fcntl.flock(holder, fcntl.LOCK_EX)
        assert remove_leftovers(tmp_path / "out.jsonl") == []
        assert locked.exists()
    finally:
        os.close(holder)
    assert remove_leftovers(tmp_path / "out.jsonl") == [locked.name]
    assert not locked.exists()


def test_a_live_named_part_is_locked_against_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(atomic_file, "O_TMPFILE", None)
    pending = AtomicFile.open(tmp_path / "out")
    (part,) = tmp_path.iterdir()
    probe = os.open(part, os.O_RDONLY)
    try:
        with pytest.raises(BlockingIOError):
            fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
    finally:
        os.close(probe)
        pending.discard()


def test_leftovers_that_cannot_be_opened_stay(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dangling = tmp_path / f".out.{_dead_pid()}.0123abcd.part"
    dangling.symlink_to(tmp_path / "nowhere")  # not a regular file: never touched
    assert remove_leftovers(tmp_path / "out") == []
    assert dangling.is_symlink()
    assert remove_leftovers(tmp_path / "missing" / "out") == []
    gone = _leftover(tmp_path, _dead_pid(), "out")
    monkeypatch.setattr(atomic_file, "_NOFOLLOW", os.O_NOFOLLOW | os.O_DIRECTORY)  # every open fails
    assert remove_leftovers(tmp_path / "out") == []
    assert gone.exists()


def test_a_long_target_name_is_shortened_in_temporary_names(tmp_path: Path, kind: str) -> None:
    target = tmp_path / ("長" * 80)  # 240 bytes: with a pid and a suffix it would pass NAME_MAX
    with AtomicFile.open(target) as out:
        out.write(b"x")
        if kind == "named":
            (part,) = (path for path in tmp_path.iterdir() if path != target)
            assert len(part.name.encode()) < 255
    assert target.read_bytes() == b"x"


def test_owner_pid() -> None:
    assert owner_pid.parse("123") == 123
    for text in ("", "12a", "１２", "-1", "12345678901"):
        assert owner_pid.parse(text) is None
    assert owner_pid.alive(os.getpid())
    assert not owner_pid.alive(_dead_pid())
    assert owner_pid.alive(9_999_999_999)  # not a pid this machine can have: unsure, so alive


def test_owner_pid_when_unsure(monkeypatch: pytest.MonkeyPatch) -> None:
    dead = _dead_pid()

    def denied(_pid: int, _signal: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(owner_pid.os, "kill", denied)
    assert owner_pid.alive(1)
    monkeypatch.undo()
    monkeypatch.setattr(owner_pid, "_KILL_ZERO_ASKS", False)
    assert owner_pid.alive(dead)
