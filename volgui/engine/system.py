"""What an engine is and holds: ping, info, and the one-picture snapshot."""

from __future__ import annotations

from dataclasses import dataclass

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


def snapshot(t: Transport) -> Snapshot:
    """Volumes, containers and their mounts: two list requests, nothing per item."""
    raw_volumes = t.call(t.api.volumes).get("Volumes") or []
    raw_containers = t.call(t.api.containers, all=True)
    return Snapshot.from_api(raw_volumes, raw_containers)
