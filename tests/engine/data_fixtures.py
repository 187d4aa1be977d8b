"""A volume holding every case a copy must keep, and a way to read it back.

The reading side uses the raw API of a plain busybox container (never
started), so it checks volgui's data code rather than trusting it.
"""

from __future__ import annotations

import hashlib
import io
import tarfile
from typing import Any

from volgui.engine import Engine

BIG = 3 * 1024 * 1024 + 17  # one larger file, not a multiple of any block size

FILL = (
    "set -e; cd /d; mkdir -p a/b empty '.hidden dir' 'ünï 안녕'; echo hi > a/b/f; "
    "echo secret > .hidden; echo 한글 > 'ünï 안녕/파일.txt'; ln -s nowhere dangling; "
    "ln -s a/b/f good-link; chmod 700 .; chmod 640 a/b/f; chmod 1777 empty; "
    "chown 5:6 a; chown 1000:1000 a/b/f; head -c {big} /dev/urandom > big; ln a/b/f hard"
)

Tree = dict[str, tuple[Any, ...]]


def fill(docker: Any, image: str, volume: str) -> None:
    docker("run", "--rm", "-v", f"{volume}:/d", image, "sh", "-c", FILL.format(big=BIG))


def tree(engine: Engine, image: str, volume: str) -> Tree:
    """name -> (type, mode, uid, gid, sha256 or link target) for everything in ``volume``."""
    api = engine.api
    cid = api.create_container(
        image, ["true"], host_config=api.create_host_config(binds=[f"{volume}:/d:ro"])
    )["Id"]
    try:
        stream, _ = api.get_archive(cid, "/d/.")
        out: Tree = {}
        with tarfile.open(fileobj=io.BytesIO(b"".join(stream))) as tar:
            for m in tar:
                name = m.name.removeprefix("./") or "."
                body: Any = m.linkname.removeprefix("./") if m.issym() or m.islnk() else ""
                if m.isreg():
                    f = tar.extractfile(m)
                    body = hashlib.sha256(f.read() if f else b"").hexdigest()
                out[name] = (m.type, m.mode & 0o7777, m.uid, m.gid, body)
        return out
    finally:
        api.remove_container(cid, force=True)
