"""Round trips keep every file as it was: export -> import in each format, clone, copy."""

from __future__ import annotations

import tarfile
from pathlib import Path
from typing import Any

import pytest

from tests.engine.data_fixtures import fill, tree
from volgui.engine import Engine
from volgui.engine.data.helper import helpers
from volgui.engine.sandbox import Sandbox, import_busybox


@pytest.mark.parametrize("suffix", [".tar", ".tar.gz", ".tgz", ".tar.zst"])
def test_export_then_import_keeps_every_file(
    engine: Engine, docker: Any, image: str, unique: Any, tmp_path: Path, suffix: str
) -> None:
    src, dst = unique("src"), unique("dst")
    fill(docker, image, src)
    archive = tmp_path / f"backup{suffix}"
    engine.export_volume(src, str(archive))
    done = engine.import_volume(dst, str(archive))
    assert done.created and not done.replaced
    before = tree(engine, image, src)
    assert tree(engine, image, dst) == before
    assert before["dangling"][4] == "nowhere" and before["."][1] == 0o700  # the cases are there
    assert helpers(engine.transport) == []


def test_exported_entries_are_relative_to_the_volume_root(
    engine: Engine, docker: Any, image: str, unique: Any, tmp_path: Path
) -> None:
    src = unique("src")
    fill(docker, image, src)
    archive = tmp_path / "x.tar"
    engine.export_volume(src, str(archive))
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert names[0] in (".", "./")
    assert "a/b/f" in names and "ünï 안녕/파일.txt" in names
    assert not any(n.startswith(("/", "volume", "./")) for n in names[1:])


def test_clone_keeps_files_settings_and_running_users(
    engine: Engine, docker: Any, image: str, unique: Any
) -> None:
    src, dst, user = unique("src"), unique("dst"), unique("user")
    docker(
        "volume",
        "create",
        "--label",
        "team=db",
        "--opt",
        "type=tmpfs",
        "--opt",
        "device=tmpfs",
        src,
    )
    fill(docker, image, src)
    docker("run", "-d", "--name", user, "-v", f"{src}:/data", image, "sleep", "600")
    before_id = docker("inspect", "-f", "{{.Id}}", user)
    engine.clone_volume(src, dst)
    assert tree(engine, image, dst) == tree(engine, image, src)
    got = engine.inspect_volume(dst)
    assert got["Labels"] == {"team": "db"}
    assert got["Options"] == {"type": "tmpfs", "device": "tmpfs"}
    assert docker("inspect", "-f", "{{.Id}} {{.State.Running}}", user) == f"{before_id} true"


def test_copy_to_a_second_engine(
    engine: Engine, docker: Any, image: str, unique: Any, tmp_path: Path
) -> None:
    src = unique("src")
    fill(docker, image, src)
    docker("volume", "create", "--label", "x=1", unique("unrelated"))
    box = Sandbox(tmp_path / "second")
    other = box.start()
    try:
        engine.copy_volume(src, other, as_name="moved")
        other_image = import_busybox(other)
        assert tree(other, other_image, "moved") == tree(engine, image, src)
        assert helpers(other.transport) == [] and helpers(engine.transport) == []
    finally:
        other.close()
        box.stop()
