"""Reading and writing volume data without a shell image or a registry.

The helper image is an imported empty tarball: a container created from it
(with any command) is never started, yet ``GET/PUT /containers/{id}/archive``
read and write the volumes mounted into it (DESIGN, engine facts).
"""

from __future__ import annotations

import io
import tarfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from volgui.engine.errors import NotFound
from volgui.engine.transport import Transport

HELPER_IMAGE = "volgui-helper:empty"
HELPER_LABEL = "volgui.helper"


def _empty_tar() -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w"):
        pass
    return buf.getvalue()


def local_image_id(engine: Transport, reference: str) -> str | None:
    """The id of an image imported as ``reference``, or None.

    Podman stores an imported ``name:tag`` as ``localhost/name:tag``, while
    its compatible API resolves a short name to ``docker.io/library/...``:
    so look under both, and hand the engine the id, never the short name.
    """
    for ref in (reference, f"localhost/{reference}"):
        try:
            return str(engine.call(engine.api.inspect_image, ref)["Id"])
        except NotFound:
            continue
    return None


def helper_image(engine: Transport) -> str:
    """The helper image's id, imported on first need."""
    found = local_image_id(engine, HELPER_IMAGE)
    if found is not None:
        return found
    # The tag goes with the name: Podman 4.3's import ignores a separate tag
    # (it names the image :latest); Docker reads either spelling.
    engine.call(
        engine.api.import_image_from_data,
        _empty_tar(),
        repository=HELPER_IMAGE,
        changes=[f"LABEL {HELPER_LABEL}=1"],
    )
    found = local_image_id(engine, HELPER_IMAGE)
    if found is None:
        raise NotFound("image", HELPER_IMAGE)
    return found


@contextmanager
def helper_container(engine: Transport, volume: str, read_only: bool = True) -> Iterator[str]:
    """A never-started container with ``volume`` at /volume; removed afterwards."""
    image = helper_image(engine)
    mode = "ro" if read_only else "rw"
    created = engine.call(
        engine.api.create_container,
        image,
        ["/volgui-helper"],
        name=f"volgui-helper-{uuid.uuid4().hex[:12]}",
        labels={HELPER_LABEL: "1"},
        host_config=engine.api.create_host_config(binds=[f"{volume}:/volume:{mode}"]),
        network_disabled=True,
    )
    try:
        yield created["Id"]
    finally:
        engine.call(engine.api.remove_container, created["Id"], v=False, force=True)
