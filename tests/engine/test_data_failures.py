"""Refusals change nothing; cancel and a broken stream leave no helper and no half-made volume."""

from __future__ import annotations

import gzip
import threading
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.cli import volgui
from tests.engine.data_fixtures import fill, tree
from volgui.engine import Engine, InvalidInput, NotFound, VolumeExists
from volgui.engine.data.helper import HELPER_LABEL, helpers, remove_leftovers
from volgui.engine.data.sizes import sizes_from_df
from volgui.engine.errors import Cancelled, DataError


def _exists(docker: Any, name: str) -> bool:
    return name in docker("volume", "ls", "-q").split()


def test_import_refuses_a_volume_with_data(
    engine: Engine, docker: Any, image: str, unique: Any, tmp_path: Path
) -> None:
    src, dst = unique("src"), unique("dst")
    fill(docker, image, src)
    docker("run", "--rm", "-v", f"{dst}:/d", image, "sh", "-c", "echo mine > /d/own")
    archive = tmp_path / "a.tar.zst"
    engine.export_volume(src, str(archive))
    before = tree(engine, image, dst)
    with pytest.raises(InvalidInput, match="not empty; --replace"):
        engine.import_volume(dst, str(archive))
    assert tree(engine, image, dst) == before
    done = engine.import_volume(dst, str(archive), replace=True)
    assert done.replaced and tree(engine, image, dst) == tree(engine, image, src)


def test_import_of_a_file_that_is_no_tar_makes_no_volume(
    engine: Engine, docker: Any, unique: Any, tmp_path: Path, sandbox_address: str
) -> None:
    junk = tmp_path / "notes.tar"
    junk.write_text("these are not the files you are looking for\n" * 20)
    name = unique("vol")
    proc = volgui(sandbox_address, "import", name, str(junk))
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1
    assert "not a tar archive" in proc.stderr and "Traceback" not in proc.stderr
    assert not _exists(docker, name) and helpers(engine.transport) == []


def test_a_cut_short_archive_leaves_no_volume(
    engine: Engine, docker: Any, image: str, unique: Any, tmp_path: Path
) -> None:
    src, dst = unique("src"), unique("dst")
    fill(docker, image, src)
    whole = tmp_path / "whole.tar"
    engine.export_volume(src, str(whole))
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(gzip.compress(whole.read_bytes()[: whole.stat().st_size // 2]))
    with pytest.raises(DataError):
        engine.import_volume(dst, str(cut))
    assert not _exists(docker, dst) and helpers(engine.transport) == []


def test_refusals_name_the_problem_and_change_nothing(
    engine: Engine, docker: Any, image: str, unique: Any, tmp_path: Path, sandbox_address: str
) -> None:
    src, other = unique("src"), unique("other")
    fill(docker, image, src)
    docker("volume", "create", other)
    before = tree(engine, image, src)
    with pytest.raises(NotFound):
        engine.export_volume(unique("missing"), str(tmp_path / "x.tar"))
    with pytest.raises(InvalidInput, match="archive format"):
        engine.export_volume(src, str(tmp_path / "x.zip"))
    with pytest.raises(VolumeExists):
        engine.clone_volume(src, other)
    proc = volgui(sandbox_address, "empty", src)
    assert proc.returncode == 1 and "--yes" in proc.stderr
    assert list(tmp_path.iterdir()) == []
    assert tree(engine, image, src) == before and helpers(engine.transport) == []


def _cancel_midway() -> tuple[threading.Event, Any]:
    cancel = threading.Event()

    def progress(done: int) -> None:
        if done > 0:
            cancel.set()

    return cancel, progress


def test_cancel_leaves_no_file_no_volume_no_helper(
    engine: Engine, docker: Any, image: str, unique: Any, tmp_path: Path
) -> None:
    src = unique("src")
    fill(docker, image, src)
    whole = tmp_path / "whole.tar"
    engine.export_volume(src, str(whole))
    cancel, progress = _cancel_midway()
    with pytest.raises(Cancelled):
        engine.export_volume(src, str(tmp_path / "out.tar.gz"), progress=progress, cancel=cancel)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["whole.tar"]
    cancel, progress = _cancel_midway()
    with pytest.raises(Cancelled):
        engine.import_volume(unique("new"), str(whole), progress=progress, cancel=cancel)
    cancel, progress = _cancel_midway()
    dst = unique("clone")
    with pytest.raises(Cancelled):
        engine.clone_volume(src, dst, progress=progress, cancel=cancel)
    assert not _exists(docker, dst)
    assert [v for v in docker("volume", "ls", "-q").split() if v.startswith("new-")] == []
    assert helpers(engine.transport) == []


def test_a_connection_dropped_mid_stream_is_one_line_and_leaves_nothing(
    engine: Engine, docker: Any, image: str, unique: Any
) -> None:
    src, dst = unique("src"), unique("dst")
    fill(docker, image, src)

    def drop(done: int) -> None:
        raise requests.ConnectionError("connection reset by peer")

    with pytest.raises(DataError, match="broke mid-stream"):
        engine.clone_volume(src, dst, progress=drop)
    assert not _exists(docker, dst) and helpers(engine.transport) == []


def test_empty_works_while_the_volume_is_in_use(
    engine: Engine, docker: Any, image: str, unique: Any
) -> None:
    vol, user = unique("vol"), unique("user")
    fill(docker, image, vol)
    docker("run", "-d", "--name", user, "-v", f"{vol}:/data", image, "sleep", "600")
    engine.empty_volume(vol)
    assert list(tree(engine, image, vol)) == ["."]
    assert tree(engine, image, vol)["."][1] == 0o700  # the root keeps its mode
    assert docker("inspect", "-f", "{{.State.Running}}", user) == "true"


def test_leftover_helpers_of_a_dead_process_are_removed(
    engine: Engine, docker: Any, image: str, unique: Any
) -> None:
    import socket

    vol = unique("vol")
    docker("volume", "create", vol)
    dead = docker(
        "create",
        "--label",
        f"{HELPER_LABEL}={socket.gethostname()}:999999",
        "-v",
        f"{vol}:/volume",
        image,
        "true",
    )
    assert dead in remove_leftovers(engine.transport)
    assert docker("ps", "-aq", "--no-trunc", "--filter", f"id={dead}") == ""


def test_sizes_read_both_df_shapes() -> None:
    old = {"Volumes": [{"Name": "a", "UsageData": {"Size": 5, "RefCount": 1}}]}
    new = {"VolumeUsage": {"Items": [{"Name": "b", "UsageData": {"Size": 7}}]}}
    assert sizes_from_df(old) == {"a": 5}
    assert sizes_from_df(new) == {"b": 7}
    assert sizes_from_df({"Volumes": None}) == {}


def test_copy_to_an_engine_that_dies_midway_says_what_is_left(
    engine: Engine, docker: Any, image: str, unique: Any, tmp_path: Path
) -> None:
    import os
    import signal

    from volgui.engine import VolguiError
    from volgui.engine.sandbox import Sandbox

    src = unique("src")
    docker(
        "run",
        "--rm",
        "-v",
        f"{src}:/d",
        image,
        "sh",
        "-c",
        "head -c 67108864 /dev/urandom > /d/big",
    )
    box = Sandbox(tmp_path / "second")
    other = box.start()
    pid = box.pid()
    assert pid is not None
    killed: list[int] = []

    def kill(done: int) -> None:
        if done > 4 * 1024 * 1024 and not killed:
            os.killpg(pid, signal.SIGKILL)  # dockerd and its containerd, mid-stream
            killed.append(done)

    try:
        with pytest.raises(VolguiError) as failure:
            engine.copy_volume(src, other, as_name="moved", progress=kill)
        text = str(failure.value)
        assert killed and "\n" not in text
        assert "moved" in text and "half-made" in text
        assert helpers(engine.transport) == []
    finally:
        other.close()
        box.stop()
        _unmount_under(tmp_path / "second")  # what the killed engine had mounted


def _unmount_under(path: Path) -> None:
    import subprocess

    with open("/proc/mounts") as f:
        points = [line.split()[1] for line in f if line.split()[1].startswith(str(path))]
    for point in sorted(points, key=len, reverse=True):
        subprocess.run(["umount", "-l", point], check=False)
