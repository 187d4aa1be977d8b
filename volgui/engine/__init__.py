"""Everything that talks to Docker. Never imports Qt (a test enforces it)."""

from volgui.engine.client import Engine, connect
from volgui.engine.connection import resolve
from volgui.engine.errors import (
    EngineError,
    EngineUnavailable,
    InvalidInput,
    NotFound,
    PlanOutdated,
    RecreateFailed,
    VolguiError,
    VolumeExists,
    VolumeInUse,
    WritableLayerChanged,
)
from volgui.engine.model import Container, Mount, Snapshot, Volume
from volgui.engine.recreate import Interrupted, Progress, RecreatePlan
from volgui.engine.system import EngineInfo

__all__ = [
    "Container",
    "Engine",
    "EngineError",
    "EngineInfo",
    "EngineUnavailable",
    "Interrupted",
    "InvalidInput",
    "Mount",
    "NotFound",
    "PlanOutdated",
    "Progress",
    "RecreateFailed",
    "RecreatePlan",
    "Snapshot",
    "VolguiError",
    "Volume",
    "VolumeExists",
    "VolumeInUse",
    "WritableLayerChanged",
    "connect",
    "resolve",
]
