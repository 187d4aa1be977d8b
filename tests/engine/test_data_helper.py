"""The registry-free helper image reads volume data without ever starting a container."""

from __future__ import annotations

import io
import tarfile
from typing import Any

from volgui.engine import Engine
from volgui.engine.data.helper import HELPER_IMAGE, helper_container


def test_helper_container_reads_a_volume_without_starting(
    engine: Engine, docker: Any, image: str, unique: Any
) -> None:
    name = unique("vol")
    docker("run", "--rm", "-v", f"{name}:/d", image, "sh", "-c", "echo 안녕 > /d/hello.txt")
    with helper_container(engine.transport, name) as cid:
        assert engine.api.inspect_container(cid)["State"]["Status"] == "created"
        stream, _ = engine.api.get_archive(cid, "/volume/hello.txt")
        with tarfile.open(fileobj=io.BytesIO(b"".join(stream))) as tar:
            member = tar.extractfile("hello.txt")
            assert member is not None and member.read().decode() == "안녕\n"
    assert docker("ps", "-aq", "--filter", f"id={cid}") == ""  # the helper is gone
    assert name in docker("volume", "ls", "-q").split()  # the volume is not
    assert docker("image", "inspect", "--format", "{{.Size}}", HELPER_IMAGE) == "0"
