"""Back from an inspected container's HostConfig (and the Config keys flags own) to flag values.

Plain flags are read back through their table row (``api`` and ``show``);
the others are spelled here. Values the engine or the CLI puts there when
nobody asked (a 64 MiB /dev/shm, ``private`` IPC, runc) stay out of the line.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from volgui.engine.runspec import values as v
from volgui.engine.runspec.flags import FLAGS

# Values that mean "nobody set this flag" (the engine's defaults included).
_UNSET: dict[str, tuple[Any, ...]] = {
    "ShmSize": (67108864,),
    "IpcMode": ("private",),  # the daemon's default-ipc-mode
    "Runtime": ("runc",),
    "MemorySwappiness": (-1,),
    "PidsLimit": (-1,),
    # The daemon's default-cgroupns-mode: host on a cgroup v1 host like the test
    # engine's (a cgroup v2 engine says private, and the line says so too).
    "CgroupnsMode": ("host",),
}
_DICT_ROWS = {
    "BlkioWeightDevice": lambda d: f"{d['Path']}:{d['Weight']}",
    "BlkioDeviceReadBps": lambda d: f"{d['Path']}:{d['Rate']}",
    "BlkioDeviceWriteBps": lambda d: f"{d['Path']}:{d['Rate']}",
    "BlkioDeviceReadIOps": lambda d: f"{d['Path']}:{d['Rate']}",
    "BlkioDeviceWriteIOps": lambda d: f"{d['Path']}:{d['Rate']}",
}


def _unset(key: str, value: Any) -> bool:
    return value in (None, "", 0, False, [], {}) or value in _UNSET.get(key, ())


def _gpu_text(r: Mapping[str, Any]) -> str:
    ids = r.get("DeviceIDs")
    caps = [c for c in ((r.get("Capabilities") or [[]])[0]) if c != "gpu"]
    fields: list[str] = []
    if r.get("Driver"):
        fields.append(f"driver={r['Driver']}")
    count = r.get("Count") or 0
    if ids:
        fields.append("device=" + ",".join(ids))
        if count:
            fields.append("count=" + ("all" if count == -1 else str(count)))
    else:
        fields.append("all" if count == -1 else str(count))
    if caps:
        fields.append("capabilities=" + ",".join(caps))
    options = r.get("Options") or {}
    if options:
        fields.append("options=" + ",".join(f"{k}={x}" for k, x in options.items()))
    return ",".join(v.csv_field(f) for f in fields)


def _link(text: str) -> str:
    """The engine stores ``--link db:alias`` as ``/db:/name/alias``."""
    source, _, target = text.partition(":")
    return f"{source.lstrip('/')}:{target.rsplit('/', 1)[-1]}"


def host_values(
    hc: Mapping[str, Any], cfg: Mapping[str, Any], img: Mapping[str, Any]
) -> dict[str, Any]:
    """RunSpec fields (other than the Config ones) for an inspected container."""
    out: dict[str, Any] = {}
    for f in FLAGS:
        if not f.api or f.client_only:  # the client's business (--cidfile), not the container's
            continue
        where, _, key = f.api.rpartition(".")
        value: Any = (hc if where == "HostConfig" else cfg).get(key)
        if _unset(key, value):
            continue
        if key == "StopSignal" and value == img.get("StopSignal"):
            continue
        if f.kind == "bool":
            out[f.field] = True
        elif f.kind == "keyvalue":
            out[f.field] = tuple(value.items())
        elif f.kind == "repeat":
            row = _DICT_ROWS.get(key)
            out[f.field] = tuple(row(x) if row else str(x) for x in value)
        else:
            out[f.field] = f.show(value) if f.show else str(value)
    if "links" in out:
        out["links"] = tuple(_link(x) for x in out["links"])
    if hc.get("CapAdd"):
        out["cap_add"] = tuple(hc["CapAdd"])
    if hc.get("CapDrop"):
        out["cap_drop"] = tuple(hc["CapDrop"])
    ulimits = hc.get("Ulimits") or []
    out["ulimits"] = tuple(
        f"{u['Name']}={u['Soft']}" + (f":{u['Hard']}" if u["Hard"] != u["Soft"] else "")
        for u in ulimits
    )
    devices = hc.get("Devices") or []
    requests = hc.get("DeviceRequests") or []
    cdi = [i for q in requests if q.get("Driver") == "cdi" for i in q.get("DeviceIDs") or []]
    out["devices"] = tuple(
        f"{d['PathOnHost']}:{d['PathInContainer']}:{d['CgroupPermissions']}" for d in devices
    ) + tuple(cdi)
    out["gpus"] = tuple(_gpu_text(q) for q in requests if q.get("Driver") != "cdi")
    security = [s for s in hc.get("SecurityOpt") or []]
    if hc.get("Privileged") and "label=disable" in security:
        security.remove("label=disable")  # the engine's own doing for --privileged
    if hc.get("MaskedPaths") == [] and hc.get("ReadonlyPaths") == []:
        security.append("systempaths=unconfined")
    out["security_opt"] = tuple(security)
    out["storage_opt"] = tuple(f"{k}={x}" for k, x in (hc.get("StorageOpt") or {}).items())
    log = hc.get("LogConfig") or {}
    if log.get("Type") not in (None, "", "json-file"):
        out["log_driver"] = log["Type"]
    out["log_opts"] = tuple(f"{k}={x}" for k, x in (log.get("Config") or {}).items())
    if hc.get("Init"):
        out["init"] = True
    out.update(_health(cfg.get("Healthcheck"), img.get("Healthcheck")))
    return out


def _health(h: Mapping[str, Any] | None, image: Mapping[str, Any] | None) -> dict[str, Any]:
    if not h or h == image:
        return {}
    test = list(h.get("Test") or [])
    if test == ["NONE"]:
        return {"no_healthcheck": True}
    out: dict[str, Any] = {}
    if test[:1] == ["CMD-SHELL"] and len(test) == 2:
        out["health_cmd"] = test[1]
    keys = (
        ("Interval", "health_interval"), ("Timeout", "health_timeout"),
        ("StartPeriod", "health_start_period"), ("StartInterval", "health_start_interval"),
    )  # fmt: skip
    for key, field in keys:
        if h.get(key):
            out[field] = v.show_duration(int(h[key]))
    if h.get("Retries"):
        out["health_retries"] = str(h["Retries"])
    return out
