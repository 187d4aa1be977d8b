"""Local images, as the run dialog's image list wants them."""

from __future__ import annotations

from volgui.engine.transport import Transport


def tags(t: Transport) -> list[str]:
    """Every ``repo:tag`` the engine holds, sorted; untagged images left out."""
    found: set[str] = set()
    for image in t.call(t.api.images) or []:
        for tag in image.get("RepoTags") or []:
            if tag and tag != "<none>:<none>":
                found.add(tag)
    return sorted(found)
