"""Back from a container: the shortest spec whose ``docker run`` line recreates it.

What the image already says (its Env, Labels, Cmd, Entrypoint, WorkingDir,
User, VOLUMEs, EXPOSEd ports) and what the engine sets by itself stay out.
"""

from __future__ import annotations

import posixpath
import shlex
from collections.abc import Mapping
from typing import Any, TypeVar

from volgui.engine.errors import InvalidInput
from volgui.engine.runspec.fields import SpecFields
from volgui.engine.runspec.host_back import host_values
from volgui.engine.runspec.mount_flag import mount_from_api
from volgui.engine.runspec.mounts import MountSpec
from volgui.engine.runspec.network import Attachment, long_form

S = TypeVar("S", bound=SpecFields)


def spec_from_container(
    cls: type[S],
    inspect: Mapping[str, Any],
    image_inspect: Mapping[str, Any],
    reuse_anonymous: bool,
) -> S:
    """The spec that recreates ``inspect`` (see RunSpec.from_container)."""
    cid: str = inspect.get("Id", "")
    display = (inspect.get("Name") or "").lstrip("/") or cid[:12]
    cfg: Mapping[str, Any] = inspect.get("Config") or {}
    hc: Mapping[str, Any] = inspect.get("HostConfig") or {}
    img: Mapping[str, Any] = image_inspect.get("Config") or {}
    if hc.get("Cgroup"):
        raise InvalidInput(
            f"container {display} uses settings volgui cannot carry over: HostConfig.Cgroup"
        )
    image_env = set(img.get("Env") or [])
    env = tuple(e for e in cfg.get("Env") or [] if e not in image_env)
    image_labels: Mapping[str, str] = img.get("Labels") or {}
    labels = tuple((k, v) for k, v in (cfg.get("Labels") or {}).items() if image_labels.get(k) != v)
    entrypoint, command = _entry_and_command(cfg, img)
    workdir = cfg.get("WorkingDir") or None
    if workdir == (img.get("WorkingDir") or None):
        workdir = None
    user = cfg.get("User") or None
    if user == (img.get("User") or None):
        user = None
    network_mode = hc.get("NetworkMode") or "default"
    hostname = cfg.get("Hostname") or None
    if hostname == cid[:12] or network_mode == "host" or network_mode.startswith("container:"):
        hostname = None
    restart = hc.get("RestartPolicy") or {}
    restart_name = restart.get("Name") or "no"
    restart_text: str | None = None
    if restart_name != "no":
        count = restart.get("MaximumRetryCount") or 0
        restart_text = f"{restart_name}:{count}" if count else restart_name
    ports, expose = _ports(cfg, hc, img)
    attached = cfg.get("AttachStdout") or cfg.get("AttachStderr") or cfg.get("AttachStdin")
    return cls(
        image=cfg.get("Image") or inspect.get("Image", ""),
        command=command,
        name=display if inspect.get("Name") else None,
        entrypoint=entrypoint,
        env=env,
        labels=labels,
        workdir=workdir,
        user=user,
        hostname=hostname,
        mounts=_mounts(inspect, cfg, hc, img, reuse_anonymous),
        restart=restart_text,
        ports=ports,
        expose=expose,
        read_only=bool(hc.get("ReadonlyRootfs")),
        auto_remove=bool(hc.get("AutoRemove")),
        detach=not attached,
        interactive=bool(cfg.get("OpenStdin")),
        tty=bool(cfg.get("Tty")),
        volumes_from=tuple(hc.get("VolumesFrom") or ()),
        **_links(_network(inspect, network_mode, cid), host_values(hc, cfg, img)),
    )


def _links(network: dict[str, Any], host: dict[str, Any]) -> dict[str, Any]:
    """--link: an endpoint setting on a user-defined network, a HostConfig one on the bridge."""
    links = network.pop("endpoint_links", ())
    if links and not host.get("links"):
        host["links"] = links
    return {**network, **host}


def _entry_and_command(
    cfg: Mapping[str, Any], img: Mapping[str, Any]
) -> tuple[str | None, tuple[str, ...]]:
    # The engine gives a container the image's Cmd only when neither an
    # entrypoint nor a command was given: keep both or neither to rebuild it.
    cmd = list(cfg.get("Cmd") or [])
    entry = cfg.get("Entrypoint")
    image_cmd = list(img.get("Cmd") or [])
    image_entry = img.get("Entrypoint")
    if (entry or None) == (image_entry or None) and cmd == image_cmd:
        return None, ()
    if entry == [""] or (not entry and image_entry):
        return "", tuple(cmd)
    if entry and (entry != image_entry or (not cmd and image_cmd)):
        return entry[0], (*entry[1:], *cmd)
    return None, tuple(cmd)


def _mounts(
    inspect: Mapping[str, Any],
    cfg: Mapping[str, Any],
    hc: Mapping[str, Any],
    img: Mapping[str, Any],
    reuse_anonymous: bool,
) -> tuple[MountSpec, ...]:
    # -v entries from Binds, --mount from Mounts, --tmpfs from Tmpfs,
    # anonymous -v from Config.Volumes less the image's own VOLUMEs.
    resolved = {m.get("Destination"): m for m in inspect.get("Mounts") or []}
    mounts: list[MountSpec] = []
    for b in hc.get("Binds") or []:
        mounts.append(MountSpec.from_volume_flag(b))
    for raw in hc.get("Mounts") or []:
        mounts.append(mount_from_api(raw, resolved, reuse_anonymous))
    for dest, opts in (hc.get("Tmpfs") or {}).items():
        mounts.append(MountSpec.from_tmpfs_flag(f"{dest}:{opts}" if opts else dest))
    image_volumes = set(img.get("Volumes") or {})
    taken = {posixpath.normpath(m.destination) for m in mounts}
    for dest in cfg.get("Volumes") or {}:
        if posixpath.normpath(dest) in taken:
            continue
        name = (resolved.get(posixpath.normpath(dest)) or {}).get("Name")
        if reuse_anonymous and name:
            mounts.append(MountSpec("volume", dest, name))
        elif dest not in image_volumes:
            mounts.append(MountSpec("volume", dest))
    return tuple(mounts)


def _ports(
    cfg: Mapping[str, Any], hc: Mapping[str, Any], img: Mapping[str, Any]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    ports: list[str] = []
    bound: set[str] = set()
    for port, rows in (hc.get("PortBindings") or {}).items():
        number, _, proto = port.partition("/")
        suffix = "" if proto in ("", "tcp") else f"/{proto}"
        for row in rows or [{}]:
            host_ip = row.get("HostIp") or ""
            host = row.get("HostPort") or ""
            if ":" in host_ip:
                host_ip = f"[{host_ip}]"
            if host_ip:
                text = f"{host_ip}:{host}:{number}"
            else:
                text = f"{host}:{number}" if host else number
            ports.append(text + suffix)
        bound.add(port)
    image_ports = set(img.get("ExposedPorts") or {})
    expose = tuple(
        p.removesuffix("/tcp")
        for p in cfg.get("ExposedPorts") or {}
        if p not in bound and p not in image_ports
    )
    return tuple(ports), expose


def _aliases(endpoint: Mapping[str, Any], cid: str) -> tuple[str, ...]:
    # The engine adds the short id as an alias once the container has run.
    return tuple(a for a in endpoint.get("Aliases") or [] if a != cid[:12])


def _network(inspect: Mapping[str, Any], network_mode: str, cid: str) -> dict[str, Any]:
    network = None if network_mode == "default" else network_mode
    out: dict[str, Any] = {"network": network}
    networks = (inspect.get("NetworkSettings") or {}).get("Networks") or {}
    if network and network in networks:
        endpoint = networks[network] or {}
        ipam = endpoint.get("IPAMConfig") or {}
        if endpoint.get("DriverOpts"):  # only the long syntax says these
            out["network"] = long_form(Attachment(network, driver_opts=endpoint["DriverOpts"]))
        out.update(
            network_aliases=_aliases(endpoint, cid),
            ip=ipam.get("IPv4Address") or None,
            ip6=ipam.get("IPv6Address") or None,
            link_local_ips=tuple(ipam.get("LinkLocalIPs") or ()),
            endpoint_links=tuple(endpoint.get("Links") or ()),
        )
    return out


def connect_commands(inspect: Mapping[str, Any]) -> list[str]:
    """``docker network connect`` lines for the networks beyond the first.

    A ``docker run`` line (API 1.41) joins one network; a container joined to
    more got them from ``docker network connect``, and needs the same again.
    """
    cid: str = inspect.get("Id", "")
    name = (inspect.get("Name") or "").lstrip("/") or cid[:12]
    mode = (inspect.get("HostConfig") or {}).get("NetworkMode") or "default"
    primary = "bridge" if mode == "default" else mode
    networks = (inspect.get("NetworkSettings") or {}).get("Networks") or {}
    lines = []
    for net, endpoint in networks.items():
        if net == primary:
            continue
        endpoint = endpoint or {}
        args = ["docker", "network", "connect"]
        for alias in _aliases(endpoint, cid):
            args += ["--alias", alias]
        ipam = endpoint.get("IPAMConfig") or {}
        if ipam.get("IPv4Address"):
            args += ["--ip", ipam["IPv4Address"]]
        if ipam.get("IPv6Address"):
            args += ["--ip6", ipam["IPv6Address"]]
        lines.append(" ".join(shlex.quote(a) for a in [*args, net, name]))
    return lines
