"""Everything that talks to Docker. Never imports Qt (a test enforces it)."""

from volgui.engine.client import Engine, EngineInfo
from volgui.engine.connection import connect, resolve
from volgui.engine.errors import (
    EngineError,
    EngineUnavailable,
    InvalidInput,
    NotFound,
    VolguiError,
    VolumeExists,
    VolumeInUse,
)
from volgui.engine.model import Container, Mount, Snapshot, Volume

__all__ = [
    "Container",
    "Engine",
    "EngineError",
    "EngineInfo",
    "EngineUnavailable",
    "InvalidInput",
    "Mount",
    "NotFound",
    "Snapshot",
    "VolguiError",
    "Volume",
    "VolumeExists",
    "VolumeInUse",
    "connect",
    "resolve",
]
