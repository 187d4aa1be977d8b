"""What an engine is and holds: ping, info, and the one-picture snapshot."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from volgui.engine.model import Snapshot
from volgui.engine.transport import Transport

# The sandbox engine announces itself with this daemon label (see sandbox/).
SANDBOX_LABEL = "volgui.sandbox=1"


@dataclass(frozen=True)
class EngineInfo:
    """What the status bar shows about an engine."""

    address: str
    version: str
    api_version: str
    os: str
    name: str
    sandbox: bool


def ping(t: Transport) -> None:
    t.call(t.api.ping)


def info(t: Transport) -> EngineInfo:
    raw = t.call(t.api.info)
    labels = raw.get("Labels") or []
    return EngineInfo(
        address=t.address,
        version=raw.get("ServerVersion", "?"),
        api_version=t.api.api_version,
        os=raw.get("OperatingSystem", ""),
        name=raw.get("Name", ""),
        sandbox=SANDBOX_LABEL in labels,
    )


def volumes_raw(t: Transport) -> list[dict[str, Any]]:
    """Every volume as the list endpoint gives it (one request)."""
    return t.call(t.api.volumes).get("Volumes") or []


def snapshot(t: Transport) -> Snapshot:
    """Volumes, containers and their mounts: two list requests, nothing per item.

    The two requests are in flight together (the engine answers one while we
    decode the other), so the picture costs about the slower of the two, not
    their sum, plus building the dataclasses.
    """
    api = t.api  # connect (or fail) here, before a second thread is involved
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="volgui-snapshot") as pool:
        containers = pool.submit(t.call, api.containers, all=True)
        try:
            raw_volumes = volumes_raw(t)
        finally:
            raw_containers = containers.result()
    return Snapshot.from_api(raw_volumes, raw_containers)
