"""The sample image: the host's static busybox as a tiny local image (no registry)."""

from __future__ import annotations

import io
import os
import shutil
import tarfile
from pathlib import Path

import docker.errors

from volgui.engine.client import Engine
from volgui.engine.sandbox.daemon import SandboxError

SAMPLE_IMAGE = "volgui-sample/busybox:latest"
_APPLETS = (
    "sh ash cat cp date du echo env false find grep head hostname id ln ls mkdir mv ps "
    "rm sed sleep stat tail tar touch true wc chmod chown"
).split()


def _busybox_binary() -> Path:
    for candidate in (shutil.which("busybox"), "/bin/busybox", "/usr/bin/busybox"):
        if candidate and os.path.exists(candidate):
            path = Path(candidate)
            if b"ld-linux" in path.read_bytes()[:65536]:
                raise SandboxError(f"{path} is dynamically linked; install Debian's busybox-static")
            return path
    raise SandboxError("busybox is not installed (Debian: apt-get install busybox-static)")


def busybox_rootfs() -> bytes:
    """A tiny root filesystem: static busybox, its applets, /etc/passwd, /tmp."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:

        def add_dir(name: str, mode: int = 0o755) -> None:
            info = tarfile.TarInfo(name)
            info.type, info.mode = tarfile.DIRTYPE, mode
            tar.addfile(info)

        def add_file(name: str, data: bytes, mode: int = 0o644) -> None:
            info = tarfile.TarInfo(name)
            info.size, info.mode = len(data), mode
            tar.addfile(info, io.BytesIO(data))

        for d in ("bin", "etc", "root", "home"):
            add_dir(d)
        add_dir("tmp", 0o1777)
        add_file("bin/busybox", _busybox_binary().read_bytes(), 0o755)
        for applet in _APPLETS:
            link = tarfile.TarInfo(f"bin/{applet}")
            link.type, link.linkname = tarfile.SYMTYPE, "busybox"
            tar.addfile(link)
        add_file(
            "etc/passwd",
            b"root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/sh\n",
        )
        add_file("etc/group", b"root:x:0:\nnogroup:x:65534:\n")
    return buf.getvalue()


def import_busybox(engine: Engine, reference: str = SAMPLE_IMAGE) -> str:
    """Import the busybox image into ``engine`` once; return its reference."""
    try:
        engine.api.inspect_image(reference)
        return reference
    except docker.errors.ImageNotFound:
        pass
    repo, _, tag = reference.rpartition(":")
    engine.call(
        engine.api.import_image_from_data,
        busybox_rootfs(),
        repository=repo,
        tag=tag,
        changes=['CMD ["sh"]', "ENV PATH=/bin"],
    )
    return reference
