"""``--mount``: the CLI's CSV reading (opts/mount.go), and back from the engine's Mounts.

``mount_from_arg`` reads ``volgui mount``'s ``VOLUME:DEST[:ro]`` with the one ``-v`` parser.

The installed docker CLI (28.2) is the letter followed: keys are
case-insensitive but not trimmed, booleans read as Go's ParseBool, a
``volume-opt``/``volume-label`` value keeps every ``=`` after the first.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from volgui.engine.errors import InvalidInput
from volgui.engine.model import Mount
from volgui.engine.runspec.mounts import NONRECURSIVE_FALSE, MountSpec
from volgui.engine.runspec.values import csv_fields, kv, pairs, parse_bool

_FLAG_KEYS = {"readonly", "ro", "volume-nocopy", "bind-nonrecursive"}


def parse_mount(value: str) -> MountSpec:
    """``--mount type=...,source=...,target=...`` (CSV, fields may be quoted)."""
    what = f"--mount {value!r}"
    fields = csv_fields(value, what)
    kind = "volume"
    v: dict[str, Any] = {}
    labels: list[tuple[str, str]] = []
    vopts: list[tuple[str, str]] = []
    families: set[str] = set()

    for f in fields:
        key, has_value, val = f.partition("=")
        key = key.lower()
        if not has_value:
            if key not in _FLAG_KEYS:
                raise InvalidInput(f"invalid {what}: invalid field '{f}' must be a key=value pair")
            val = "true"
        if key != "type" and "-" in key:
            families.add(key.split("-", 1)[0])
        if key == "type":
            kind = val.lower()
        else:
            _read_field(what, f, key, val, v, labels, vopts)
    if kind not in ("volume", "bind", "tmpfs", "image"):
        raise InvalidInput(
            f"invalid {what}: type must be volume, bind, tmpfs or image, not {kind!r}"
        )
    if not v.get("destination"):
        raise InvalidInput(f"invalid {what}: target is required")
    for family in sorted(families):
        if family != kind:
            raise InvalidInput(
                f"invalid {what}: cannot mix '{family}-*' options with mount type '{kind}'"
            )
    spec = MountSpec(
        type=kind,  # type: ignore[arg-type]
        flag="mount",
        volume_labels=pairs(labels),
        volume_options=pairs(vopts),
        **v,
    )
    spec.check(what)
    return spec


def _read_field(
    what: str,
    field: str,
    key: str,
    val: str,
    v: dict[str, Any],
    labels: list[tuple[str, str]],
    vopts: list[tuple[str, str]],
) -> None:
    """One ``key=value`` of a --mount into the MountSpec's keyword arguments."""

    def boolean(text: str) -> bool:
        try:
            return parse_bool(text, key)
        except InvalidInput:
            raise InvalidInput(f"invalid {what}: invalid value for {key}: {text}") from None

    if key in ("source", "src"):
        v["source"] = val
    elif key in ("target", "dst", "destination"):
        v["destination"] = val
    elif key in ("readonly", "ro"):
        v["read_only"] = boolean(val)
    elif key == "consistency":
        v["consistency"] = val.lower()
    elif key == "bind-propagation":
        v["propagation"] = val.lower()
    elif key == "bind-nonrecursive":
        v["recursive"] = "disabled" if boolean(val) else NONRECURSIVE_FALSE
    elif key == "bind-recursive":
        v["recursive"] = val
    elif key in ("volume-subpath", "image-subpath"):
        v["subpath"] = val
    elif key == "volume-nocopy":
        v["nocopy"] = boolean(val)
    elif key in ("volume-label", "volume-opt"):
        if kv(val)[0]:
            (labels if key == "volume-label" else vopts).append(kv(val))
    elif key == "volume-driver":
        v["volume_driver"] = val
    elif key in ("tmpfs-size", "tmpfs-mode"):
        v[key.replace("-", "_")] = val
    else:
        raise InvalidInput(f"invalid {what}: unexpected key '{key}' in '{field}'")


def mount_from_api(
    raw: Mapping[str, Any], resolved: Mapping[str, Any], reuse_anonymous: bool
) -> MountSpec:
    """One ``HostConfig.Mounts`` entry back as the ``--mount`` that makes it."""
    kind: Any = raw.get("Type") or "volume"
    if kind not in ("volume", "bind", "tmpfs", "image"):
        raise InvalidInput(f"a --mount of type {kind} cannot be carried over")
    target = raw.get("Target") or ""
    source = raw.get("Source") or None
    if kind == "volume" and not source and reuse_anonymous:
        source = (resolved.get(target) or {}).get("Name") or None
    vo: Any = raw.get("VolumeOptions")
    dc = (vo or {}).get("DriverConfig") or {}
    to = raw.get("TmpfsOptions") or {}
    bo = raw.get("BindOptions") or {}
    recursive = None
    if bo.get("NonRecursive"):
        recursive = "disabled"
    elif bo.get("ReadOnlyNonRecursive"):
        recursive = "writable"
    elif bo.get("ReadOnlyForceRecursive"):
        recursive = "readonly"
    elif raw.get("BindOptions") is not None and not bo.get("Propagation"):
        recursive = NONRECURSIVE_FALSE  # an empty BindOptions, kept as it was sent
    mode = to.get("Mode")
    subpath = (vo or {}).get("Subpath") or (raw.get("ImageOptions") or {}).get("Subpath")
    has_keys = vo is not None and kind == "volume"
    plain = has_keys and not (dc.get("Name") or dc.get("Options") or vo.get("Labels") or subpath)
    return MountSpec(
        type=kind,
        destination=target,
        source=source,
        read_only=bool(raw.get("ReadOnly")),
        flag="mount",
        propagation=bo.get("Propagation") or None,
        nocopy=True if (vo or {}).get("NoCopy") else (False if plain else None),
        volume_driver=dc.get("Name") or None,
        volume_labels=tuple(((vo or {}).get("Labels") or {}).items()),
        volume_options=tuple((dc.get("Options") or {}).items()),
        subpath=subpath or None,
        recursive=recursive,
        consistency=(raw.get("Consistency") or None)
        if raw.get("Consistency") != "default"
        else None,
        tmpfs_size=str(to["SizeBytes"]) if to.get("SizeBytes") else None,
        tmpfs_mode=f"{mode:o}" if mode else None,
    )


def mount_from_arg(text: str) -> Mount:
    """``VOLUME:DEST[:ro]`` (``volgui mount``'s argument) read by the one ``-v`` parser."""
    spec = MountSpec.from_volume_flag(text)
    if spec.type != "volume" or not spec.source or set(spec.options) - {"rw"}:
        raise InvalidInput(f"expected VOLUME:DEST or VOLUME:DEST:ro, got {text!r}")
    return Mount(
        container="",
        type="volume",
        source=spec.source,
        destination=spec.destination,
        read_only=spec.read_only,
    )
