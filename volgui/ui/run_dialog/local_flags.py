"""Flag-like rows for the RunSpec fields the common form does not show.

SEAM(flags): the flag table (issue 11, ``volgui.engine.runspec.flags.FLAGS``)
replaces this list; :mod:`flag_sections` reads either through the same
attributes (long, kind, field, group, label, help, min_api, values, with_values).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from volgui.engine.runspec import RunSpec


@dataclass(frozen=True)
class LocalFlag:
    long: str
    short: str | None
    kind: str  # "bool" | "value" | "repeat"
    field: str
    group: str
    label: str
    help: str
    min_api: str | None = None
    client_only: bool = False

    def values(self, spec: RunSpec) -> list[str]:
        value: Any = getattr(spec, self.field)
        if self.kind == "bool":
            return ["true"] if value else []
        if self.kind == "repeat":
            return list(value)
        return [] if value is None else [value]

    def with_values(self, spec: RunSpec, values: Sequence[str]) -> RunSpec:
        value: Any
        if self.kind == "bool":
            value = bool(values) and values[-1] != "false"
        elif self.kind == "repeat":
            value = tuple(values)
        else:
            value = values[-1] if values else None
        new = replace(spec, **{self.field: value})
        new.validate()  # the CLI-style message, naming the flag
        return new


LOCAL_FLAGS: tuple[LocalFlag, ...] = (
    LocalFlag(
        "--entrypoint",
        None,
        "value",
        "entrypoint",
        "Runtime",
        "Entrypoint",
        "Overwrite the default ENTRYPOINT of the image",
    ),
    LocalFlag(
        "--workdir",
        "-w",
        "value",
        "workdir",
        "Runtime",
        "Working directory",
        "Working directory inside the container",
    ),
    LocalFlag(
        "--rm",
        None,
        "bool",
        "auto_remove",
        "Runtime",
        "Remove when it exits",
        "Automatically remove the container when it exits",
    ),
    LocalFlag(
        "--detach",
        "-d",
        "bool",
        "detach",
        "Runtime",
        "Detach",
        "Run container in background and print container ID",
        client_only=True,
    ),
    LocalFlag(
        "--interactive",
        "-i",
        "bool",
        "interactive",
        "Runtime",
        "Keep STDIN open",
        "Keep STDIN open even if not attached",
    ),
    LocalFlag(
        "--tty", "-t", "bool", "tty", "Runtime", "Allocate a terminal", "Allocate a pseudo-TTY"
    ),
    LocalFlag(
        "--hostname", "-h", "value", "hostname", "Network", "Host name", "Container host name"
    ),
    LocalFlag(
        "--expose",
        None,
        "repeat",
        "expose",
        "Network",
        "Expose ports",
        "Expose a port or a range of ports",
    ),
    LocalFlag(
        "--network-alias",
        None,
        "repeat",
        "network_aliases",
        "Network",
        "Network aliases",
        "Add network-scoped alias for the container",
    ),
    LocalFlag(
        "--ip",
        None,
        "value",
        "ip",
        "Network",
        "IPv4 address",
        "IPv4 address (e.g., 172.30.100.104)",
    ),
    LocalFlag(
        "--ip6",
        None,
        "value",
        "ip6",
        "Network",
        "IPv6 address",
        "IPv6 address (e.g., 2001:db8::33)",
    ),
    LocalFlag(
        "--user",
        "-u",
        "value",
        "user",
        "Security",
        "User",
        "Username or UID (format: <name|uid>[:<group|gid>])",
    ),
    LocalFlag(
        "--read-only",
        None,
        "bool",
        "read_only",
        "Security",
        "Read-only root filesystem",
        "Mount the container's root filesystem as read only",
    ),
    LocalFlag(
        "--volumes-from",
        None,
        "repeat",
        "volumes_from",
        "Mounts",
        "Volumes from containers",
        "Mount volumes from the specified container(s)",
    ),
)
