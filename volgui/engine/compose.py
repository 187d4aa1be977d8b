"""A RunSpec as a compose service: the same container in `compose.yaml` words.

Pure: it reads a spec and returns text (PyYAML renders it; nothing here writes
YAML by hand). Named volumes are declared at the top level with ``name:`` so
compose uses the very volume `docker run` would (no project prefix); a
user-defined network is declared ``external``, as `docker run` never creates one.
Settings compose has no key for (``--rm``, ``-d``) are left out: they steer a
single run, not the service.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any

import yaml

from volgui.engine.runspec import MountSpec, RunSpec

_BUILTIN_NETWORKS = frozenset(("default", "bridge", "host", "none"))
_SERVICE_CHARS = re.compile(r"[^a-z0-9_-]+")


def service_name(spec: RunSpec) -> str:
    """The service's key: the container's name, else the image's last path part."""
    if spec.name:
        base = spec.name
    else:
        base = posixpath.basename(spec.image.split("@")[0]).split(":")[0] or "app"
    return _SERVICE_CHARS.sub("-", base.lower()).strip("-") or "app"


def _long_mount(m: MountSpec) -> dict[str, Any]:
    entry: dict[str, Any] = {"type": m.type}
    if m.source:
        entry["source"] = m.source
    entry["target"] = m.destination
    if m.read_only:
        entry["read_only"] = True
    if m.propagation:
        entry["bind"] = {"propagation": m.propagation}
    if m.nocopy:
        entry["volume"] = {"nocopy": True}
    if m.tmpfs_size is not None or m.tmpfs_mode is not None:
        tmpfs: dict[str, Any] = {}
        if m.tmpfs_size is not None:
            tmpfs["size"] = m.tmpfs_size
        if m.tmpfs_mode is not None:
            tmpfs["mode"] = int(m.tmpfs_mode, 8)
        entry["tmpfs"] = tmpfs
    return entry


def _short_mount(m: MountSpec) -> str:
    # `-v` words map one to one onto compose's short syntax.
    return m.to_args()[1]


def _mounts(spec: RunSpec, service: dict[str, Any], volumes: dict[str, Any]) -> None:
    entries: list[Any] = []
    tmpfs: list[str] = []
    for m in spec.mounts:
        if m.flag == "tmpfs":
            tmpfs.append(m.to_args()[1])
            continue
        entries.append(_short_mount(m) if m.flag == "volume" else _long_mount(m))
        if m.type == "volume" and m.source:
            declared: dict[str, Any] = {"name": m.source}
            if m.volume_driver:
                declared["driver"] = m.volume_driver
            if m.volume_options:
                declared["driver_opts"] = dict(m.volume_options)
            if m.volume_labels:
                declared["labels"] = dict(m.volume_labels)
            volumes.setdefault(m.source, declared)
    if entries:
        service["volumes"] = entries
    if tmpfs:
        service["tmpfs"] = tmpfs


def _network(spec: RunSpec, service: dict[str, Any], networks: dict[str, Any]) -> None:
    net = spec.network
    if net is None or net == "default":
        return
    if net in _BUILTIN_NETWORKS or net.startswith("container:"):
        service["network_mode"] = net
        return
    settings: dict[str, Any] = {}
    if spec.network_aliases:
        settings["aliases"] = list(spec.network_aliases)
    if spec.ip:
        settings["ipv4_address"] = spec.ip
    if spec.ip6:
        settings["ipv6_address"] = spec.ip6
    service["networks"] = {net: settings or None}
    networks[net] = {"name": net, "external": True}


def service(spec: RunSpec) -> dict[str, Any]:
    """The compose service mapping (top-level volumes and networks not included)."""
    return to_compose_dict(spec)["services"][service_name(spec)]


def to_compose_dict(spec: RunSpec) -> dict[str, Any]:
    """The whole compose document as plain data, in the order compose files read."""
    s: dict[str, Any] = {"image": spec.image}
    if spec.name:
        s["container_name"] = spec.name
    if spec.entrypoint is not None:
        s["entrypoint"] = [spec.entrypoint] if spec.entrypoint else []
    if spec.command:
        s["command"] = list(spec.command)
    for key, value in (
        ("hostname", spec.hostname),
        ("user", spec.user),
        ("working_dir", spec.workdir),
        ("restart", spec.restart),
    ):
        if value is not None:
            s[key] = value
    if spec.env:
        s["environment"] = list(spec.env)
    if spec.labels:
        s["labels"] = dict(spec.labels)
    if spec.ports:
        s["ports"] = list(spec.ports)
    if spec.expose:
        s["expose"] = list(spec.expose)
    volumes: dict[str, Any] = {}
    networks: dict[str, Any] = {}
    _mounts(spec, s, volumes)
    if spec.volumes_from:
        s["volumes_from"] = [f"container:{v}" for v in spec.volumes_from]
    _network(spec, s, networks)
    for key, on in (("read_only", spec.read_only), ("stdin_open", spec.interactive)):
        if on:
            s[key] = True
    if spec.tty:
        s["tty"] = True
    doc: dict[str, Any] = {"services": {service_name(spec): s}}
    if volumes:
        doc["volumes"] = volumes
    if networks:
        doc["networks"] = networks
    return doc


def to_compose(spec: RunSpec) -> str:
    """The spec as a `compose.yaml` document (YAML text)."""
    return yaml.safe_dump(
        to_compose_dict(spec), sort_keys=False, default_flow_style=False, allow_unicode=True
    )
