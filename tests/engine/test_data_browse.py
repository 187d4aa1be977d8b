"""Browsing a volume: list, preview, download, upload, delete; and the CLI's pipes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.cli import volgui
from tests.engine.data_fixtures import fill, tree
from volgui.engine import Engine, InvalidInput, NotFound
from volgui.engine.data.helper import helpers


def test_list_dir_gives_direct_entries_with_folder_totals(
    engine: Engine, docker: Any, image: str, unique: Any
) -> None:
    vol = unique("vol")
    fill(docker, image, vol)
    root = {e.name: e for e in engine.list_dir(vol, "/")}
    assert (
        root["a"].kind == "dir" and root["a"].size == 3 and (root["a"].uid, root["a"].gid) == (5, 6)
    )
    assert root["dangling"].kind == "symlink" and root["dangling"].target == "nowhere"
    assert root["hard"].kind == "hardlink" and root["hard"].target == "/a/b/f"
    assert root["empty"].mode == 0o1777
    inner = engine.list_dir(vol, "/ünï 안녕")
    assert [e.path for e in inner] == ["/ünï 안녕/파일.txt"]
    assert engine.preview_file(vol, "/ünï 안녕/파일.txt") == "한글\n".encode()
    with pytest.raises(NotFound):
        engine.list_dir(vol, "/no-such")
    assert helpers(engine.transport) == []


def test_download_and_upload_round_trip(
    engine: Engine, docker: Any, image: str, unique: Any, tmp_path: Path
) -> None:
    vol, dst = unique("vol"), unique("dst")
    fill(docker, image, vol)
    engine.download(vol, "/a", str(tmp_path / "a"))
    assert (tmp_path / "a" / "b" / "f").read_text() == "hi\n"
    engine.download(vol, "/.hidden", str(tmp_path / "h.txt"))
    assert (tmp_path / "h.txt").read_text() == "secret\n"
    with pytest.raises(InvalidInput, match="exists already"):
        engine.download(vol, "/.hidden", str(tmp_path / "h.txt"))
    docker("volume", "create", dst)
    engine.upload(dst, "/", [str(tmp_path / "a"), str(tmp_path / "h.txt")])
    got = tree(engine, image, dst)
    assert got["a/b/f"][2:4] == (0, 0)  # owned by root, as docker cp makes them
    assert got["h.txt"][4] == tree(engine, image, vol)[".hidden"][4]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".volgui-download-")]


def test_delete_entry_removes_exactly_that(
    engine: Engine, docker: Any, image: str, unique: Any
) -> None:
    vol = unique("vol")
    fill(docker, image, vol)
    before = tree(engine, image, vol)
    engine.delete_entry(vol, "/a")
    engine.delete_entry(vol, "/dangling")
    after = tree(engine, image, vol)
    gone = {n for n in before if n == "a" or n.startswith("a/") or n == "dangling"}
    assert set(after) == set(before) - gone
    with pytest.raises(InvalidInput):
        engine.delete_entry(vol, "/")
    with pytest.raises(NotFound):
        engine.delete_entry(vol, "/a")


def test_cli_export_to_stdout_import_from_stdin(
    engine: Engine, docker: Any, image: str, unique: Any, sandbox_address: str
) -> None:
    src, dst = unique("src"), unique("dst")
    fill(docker, image, src)
    base = [sys.executable, "-m", "volgui", "--host", sandbox_address]
    with subprocess.Popen([*base, "export", src, "-"], stdout=subprocess.PIPE) as out:
        into = subprocess.run(
            [*base, "import", dst, "-"],
            stdin=out.stdout,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert out.returncode == 0 and into.returncode == 0, into.stderr
    assert tree(engine, image, dst) == tree(engine, image, src)
    size = volgui(sandbox_address, "size", dst)
    assert size.returncode == 0 and size.stdout.startswith(f"{dst}\t")
    renamed = volgui(sandbox_address, "rename", dst, dst + "-b")
    assert renamed.returncode == 0, renamed.stderr
    assert os.linesep not in renamed.stdout.strip()
