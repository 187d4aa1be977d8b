# ruff: noqa: E501
"""A row of THE flag table (``flags.py``): one ``docker run`` flag of docker CLI 28.

The parser (``parser.py``), the renderer (``render.py``), the create request
(``request.py``), ``runcmd`` (``from_container.py``) and the run dialog's form
all read this table; nothing else lists flags. A row says the flag's names,
its kind, the RunSpec field it fills, how one value is checked (``convert``,
which also gives what the engine is sent), where a plain flag lands in the
create request (``api``) and how the engine's value reads back (``show``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from volgui.engine.errors import InvalidInput
from volgui.engine.runspec import values as v
from volgui.engine.runspec.fields import SpecFields
from volgui.engine.runspec.mount_flag import parse_mount
from volgui.engine.runspec.mounts import MountSpec

S = TypeVar("S", bound=SpecFields)

GROUPS = (
    "Mounts",
    "Environment",
    "Network",
    "Resources",
    "Security",
    "Health",
    "Logging",
    "Runtime",
)
_MOUNT_FLAGS = {"--volume": "volume", "--mount": "mount", "--tmpfs": "tmpfs"}


@dataclass(frozen=True)
class Flag:
    """One docker-run flag. ``kind``: bool, value, repeat (a list) or keyvalue (a map)."""

    long: str
    short: str | None
    kind: str
    field: str
    group: str
    label: str
    help: str
    min_api: str | None = None
    client_only: bool = False
    convert: Callable[[str], Any] | None = None  # one value -> what the engine is sent
    api: str | None = None  # "HostConfig.CapAdd": where a plain flag lands
    show: Callable[[Any], str] | None = None  # the engine's value -> the flag's text
    aliases: tuple[str, ...] = ()  # hidden names (--net, --net-alias, --dns-opt)

    def values(self, spec: SpecFields) -> list[str]:
        """The argument strings as on the command line ([] when unset; ["true"] for a set bool)."""
        got = getattr(spec, self.field)
        if self.long in _MOUNT_FLAGS:
            return [m.to_args()[1] for m in got if m.flag == _MOUNT_FLAGS[self.long]]
        if self.kind == "bool":
            return ["true"] if got else []
        if self.kind == "value":
            return [] if got is None else [got]
        if self.kind == "keyvalue":
            return [f"{k}={x}" for k, x in got]
        return list(got)

    def read(self, value: str) -> Any:
        """One value checked as the CLI checks it; what the RunSpec field holds for it."""
        if self.long in _MOUNT_FLAGS:
            return _MOUNT_READERS[self.long](value)
        if self.convert is not None:
            try:
                self.convert(value)
            except InvalidInput as e:
                text = str(e)
                if self.long not in text:
                    text = f'invalid argument "{value}" for "{self.long}" flag: {text}'
                raise InvalidInput(text) from None
        if self.kind == "keyvalue":
            return v.kv(value)
        return value

    def with_values(self, spec: S, values: list[str]) -> S:
        """``spec`` with this flag's values replaced (InvalidInput in the CLI's words)."""
        if self.kind == "bool":
            on = bool(values) and v.parse_bool(values[-1], self.long)
            return _replace(spec, self.field, on)
        items = [self.read(x) for x in values]
        if self.long in _MOUNT_FLAGS:
            mine = _MOUNT_FLAGS[self.long]
            places = [i for i, m in enumerate(spec.mounts) if m.flag == mine]
            if len(places) == len(items):  # the same mounts edited: each keeps its place
                mounts = list(spec.mounts)
                for i, item in zip(places, items, strict=True):
                    mounts[i] = item
                return dataclasses.replace(spec, mounts=tuple(mounts))
            kept = [m for m in spec.mounts if m.flag != mine]
            return dataclasses.replace(spec, mounts=(*kept, *items))
        if self.kind == "value":
            return _replace(spec, self.field, items[-1] if items else None)
        if self.kind == "keyvalue":
            return _replace(spec, self.field, v.pairs(items))
        return _replace(spec, self.field, tuple(items))


def _replace(spec: S, field: str, value: Any) -> S:
    changes: dict[str, Any] = {field: value}
    return dataclasses.replace(spec, **changes)


_MOUNT_READERS: dict[str, Callable[[str], MountSpec]] = {
    "--volume": MountSpec.from_volume_flag,
    "--mount": parse_mount,
    "--tmpfs": MountSpec.from_tmpfs_flag,
}


def _f(
    long: str,
    short: str | None,
    kind: str,
    field: str,
    group: str,
    label: str,
    help: str,
    **kw: Any,
) -> Flag:
    return Flag(long, short, kind, field, group, label, help, **kw)


_int = v.integer
_sz = v.size
HC = "HostConfig."
