"""Resource values: ulimits, devices, block IO throttles and weights, GPU requests."""

from __future__ import annotations

import re
from collections.abc import Callable

from volgui.engine.errors import InvalidInput
from volgui.engine.runspec.values import bad, csv_fields, integer, kv, ram_in_bytes


def ulimit(text: str) -> dict[str, object]:
    """--ulimit name=soft[:hard] (go-units ParseUlimit)."""
    name, sep, limits = text.partition("=")
    if not sep or not name:
        raise bad("--ulimit", text, f"invalid ulimit argument: {text}")
    soft_text, colon, hard_text = limits.partition(":")
    try:
        soft = int(soft_text)
        hard = int(hard_text) if colon else soft
    except ValueError:
        raise bad("--ulimit", text, f"invalid ulimit argument: {text}") from None
    if soft > hard:
        raise bad(
            "--ulimit",
            text,
            f"ulimit soft limit must be less than or equal to hard limit: {soft} > {hard}",
        )
    return {"Name": name, "Hard": hard, "Soft": soft}


def _device_mode(mode: str) -> bool:
    return bool(mode) and len(set(mode)) == len(mode) and set(mode) <= set("rwm")


_CDI_NAME = re.compile(r"^[a-zA-Z0-9][a-zA-Z0-9.-]*/[a-zA-Z0-9][a-zA-Z0-9_.-]*=[a-zA-Z0-9_.:-]+$")


def is_cdi(text: str) -> bool:
    """A CDI device name (vendor.com/class=name), which the CLI sends as a DeviceRequest."""
    return bool(_CDI_NAME.match(text))


def device(text: str) -> dict[str, str]:
    """--device HOST[:CONTAINER][:PERMISSIONS] (the CLI's parseLinuxDevice)."""
    if is_cdi(text):
        return {"CDI": text}
    parts = text.split(":")
    if len(parts) > 3 or not parts[0]:
        raise InvalidInput(f"bad format for path: {text}")
    src, dst, perms = parts[0], "", "rwm"
    if len(parts) == 3:
        dst, perms = parts[1], parts[2]
        if not _device_mode(perms):
            raise InvalidInput(f"bad mode specified: {perms}")
    elif len(parts) == 2:
        if _device_mode(parts[1]):
            perms = parts[1]
        else:
            dst = parts[1]
    if not (dst or src).startswith("/"):
        raise InvalidInput(f"{dst or src} is not an absolute path")
    return {"PathOnHost": src, "PathInContainer": dst or src, "CgroupPermissions": perms}


def throttle(flag: str, rate_is_size: bool) -> Callable[[str], dict[str, object]]:
    """--device-read-bps /dev/sda:1mb, --device-read-iops /dev/sda:100."""

    def read(text: str) -> dict[str, object]:
        path, sep, rate = text.rpartition(":")
        if not sep or not path.startswith("/dev/"):
            raise bad(flag, text, f"bad format: {text}")
        try:
            n = ram_in_bytes(rate) if rate_is_size else int(rate)
        except (InvalidInput, ValueError):
            kind = "a size" if rate_is_size else "a number"
            raise bad(
                flag,
                text,
                f"invalid rate for device: {rate}. The correct format is "
                f"<device-path>:<number>[<unit>], the rate must be {kind}",
            ) from None
        return {"Path": path, "Rate": n}

    return read


def weight_device(text: str) -> dict[str, object]:
    path, sep, weight = text.rpartition(":")
    if (
        not sep
        or not path.startswith("/dev/")
        or not weight.isdigit()
        or not (10 <= int(weight) <= 1000)
    ):
        raise bad(
            "--blkio-weight-device",
            text,
            f"bad format: {text} (a device path and a weight 10 to 1000)",
        )
    return {"Path": path, "Weight": int(weight)}


def gpu_request(text: str) -> dict[str, object]:
    """--gpus all | N | device=0,1 | driver=..,count=..,capabilities=..,options=.. (GpuOpts)."""
    req: dict[str, object] = {"Driver": "", "Count": 0, "DeviceIDs": None}
    seen: set[str] = set()
    caps: list[list[str]] | None = None
    options: dict[str, str] = {}

    def count(v: str) -> int:
        if v == "all":
            return -1
        if not re.fullmatch(r"-?[0-9]+", v):
            raise bad(
                "--gpus", text, f'invalid count ({v}): value must be either "all" or an integer'
            )
        return int(v)

    for field in csv_fields(text, "--gpus"):
        key, has, val = field.partition("=")
        if key in seen:
            raise bad("--gpus", text, f"gpu request key '{key}' can be specified only once")
        seen.add(key)
        if not has:
            seen.add("count")
            req["Count"] = count(key)
        elif key == "driver":
            req["Driver"] = val
        elif key == "count":
            req["Count"] = count(val)
        elif key == "device":
            req["DeviceIDs"] = val.split(",")
        elif key == "capabilities":
            caps = [[*val.split(","), "gpu"]]
        elif key == "options":
            options = dict(kv(o) for o in csv_fields(val, "--gpus options"))
        else:
            raise bad("--gpus", text, f"unexpected key '{key}' in '{field}'")
    if "count" not in seen and req["DeviceIDs"] is None:
        req["Count"] = 1
    req["Capabilities"] = caps or [["gpu"]]
    req["Options"] = options
    return req


def blkio_weight(text: str) -> int:
    return integer("--blkio-weight", 0, 65535)(text)


def cgroup_rule(text: str) -> str:
    if not re.fullmatch(r"[acb] ([0-9]+|\*):([0-9]+|\*) [rwm]{1,3}", text):
        raise InvalidInput(f"invalid device cgroup format '{text}'")
    return text
