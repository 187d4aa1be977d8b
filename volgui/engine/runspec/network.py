"""``--network``: a name, or the CLI's long syntax ``name=NET,alias=A,ip=...,driver-opt=k=v``.

Read as opts/network.go of docker CLI 28 reads it (keys and values lower-cased
and trimmed); the per-network settings join those of ``--network-alias``,
``--ip``, ``--ip6`` and ``--link-local-ip``, which may not say the same twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from volgui.engine.errors import InvalidInput
from volgui.engine.runspec.values import csv_fields, kv

_LONG = re.compile(r"\w+=\w+(,\w+=\w+)*")
BUILTIN = frozenset(("default", "bridge", "host", "none"))


@dataclass
class Attachment:
    """One ``--network`` value, read."""

    target: str
    aliases: list[str] = field(default_factory=list)
    ip: str = ""
    ip6: str = ""
    mac: str = ""
    link_local: list[str] = field(default_factory=list)
    driver_opts: dict[str, str] = field(default_factory=dict)
    gw_priority: int = 0

    @property
    def user_defined(self) -> bool:
        return self.target not in BUILTIN and not self.target.startswith("container:")


def read_network(value: str) -> Attachment:
    """``--network VALUE`` (the CLI's NetworkOpt.Set)."""
    if not _LONG.search(value):
        return Attachment(value)
    a = Attachment("")
    for f in csv_fields(value, f"--network {value!r}"):
        key, ok, val = f.lower().partition("=")
        key, val = key.strip(), val.strip()
        if not ok or not key:
            raise InvalidInput(f"invalid --network {value!r}: invalid field {f}")
        if key == "name":
            a.target = val
        elif key == "alias":
            a.aliases.append(val)
        elif key == "ip":
            a.ip = val
        elif key == "ip6":
            a.ip6 = val
        elif key == "mac-address":
            a.mac = val
        elif key == "link-local-ip":
            a.link_local.append(val)
        elif key == "driver-opt":
            k, v = kv(val)
            a.driver_opts[k] = v
        elif key == "gw-priority":
            if not re.fullmatch(r"-?[0-9]+", val):
                raise InvalidInput(f"invalid gw-priority ({val}): invalid syntax")
            a.gw_priority = int(val)
        else:
            raise InvalidInput(f"invalid --network {value!r}: invalid field key {key}")
    if not a.target:
        raise InvalidInput(f"invalid --network {value!r}: network name/id is not specified")
    return a


def long_form(a: Attachment) -> str:
    """An attachment with per-network settings back as the long syntax (name first)."""
    fields = [f"name={a.target}"]
    fields += [f"alias={x}" for x in a.aliases]
    fields += [f"ip={a.ip}"] if a.ip else []
    fields += [f"ip6={a.ip6}"] if a.ip6 else []
    fields += [f"driver-opt={k}={v}" for k, v in a.driver_opts.items()]
    return ",".join(fields)
