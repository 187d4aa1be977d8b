"""The new container, built from the old one's full inspect.

Not from its image: every setting the user gave comes along as the engine
holds it. Anonymous volumes come along by name (DESIGN rule 1); a journal
left on the old container by an earlier change does not.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any

from volgui.engine.errors import InvalidInput, NotFound
from volgui.engine.model import Mount
from volgui.engine.recreate import journal
from volgui.engine.recreate.facts import bind_destination, clean
from volgui.engine.runspec import RunSpec
from volgui.engine.transport import Transport


def clone(old: Mapping[str, Any], image: str) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The create body of an identical container, and the extra networks it joins."""
    config = copy.deepcopy(dict(old.get("Config") or {}))
    host = copy.deepcopy(dict(old.get("HostConfig") or {}))
    short_id = old["Id"][:12]
    network_mode = host.get("NetworkMode") or ""
    config["Image"] = image
    if config.get("Labels"):
        config["Labels"] = journal.without_journal(config["Labels"])
    # Docker fills in the short id as hostname; only a hostname the user chose comes along.
    if config.get("Hostname") == short_id or network_mode.startswith("container:"):
        config.pop("Hostname", None)

    # Anonymous volumes come along by name, so their data does too (rule 1).
    actual = {clean(m.get("Destination", "")): m for m in old.get("Mounts") or []}
    binds = list(host.get("Binds") or [])
    mounts = list(host.get("Mounts") or [])
    for m in mounts:  # --mount type=volume without a source
        if m.get("Type") == "volume" and not m.get("Source"):
            found = actual.get(clean(m.get("Target", "")))
            if found and found.get("Name"):
                m["Source"] = found["Name"]
    taken = {bind_destination(b) for b in binds} | {clean(m.get("Target", "")) for m in mounts}
    declared = {clean(p) for p in config.get("Volumes") or {}}  # -v /path, image VOLUMEs
    for dest, m in actual.items():
        if m.get("Type") == "volume" and m.get("Name") and dest in declared and dest not in taken:
            binds.append(f"{m['Name']}:{m['Destination']}" + ("" if m.get("RW", True) else ":ro"))
    if binds:
        host["Binds"] = binds
    if host.get("Links"):  # inspect says /other:/me/alias, create wants other:alias
        host["Links"] = [_link(link) for link in host["Links"]]
    if host.get("Ulimits"):  # Podman's inspect says RLIMIT_NOFILE; its create wants nofile
        host["Ulimits"] = [_ulimit(u) for u in host["Ulimits"]]

    body: dict[str, Any] = {**config, "HostConfig": host}
    raw_networks = (old.get("NetworkSettings") or {}).get("Networks") or {}
    if network_mode in ("host", "none") or network_mode.startswith("container:"):
        return body, {}
    endpoints = {net: _endpoint(ep, short_id) for net, ep in raw_networks.items()}
    primary = _primary_network(network_mode, raw_networks)
    if primary is not None:
        body["NetworkingConfig"] = {"EndpointsConfig": {primary: endpoints.pop(primary)}}
    return body, endpoints


def drop_mounts(body: dict[str, Any], destinations: set[str]) -> None:
    """Take the mounts at ``destinations`` out of a create body, whichever way they were made."""
    host = body["HostConfig"]
    if host.get("Binds"):
        host["Binds"] = [b for b in host["Binds"] if bind_destination(b) not in destinations]
    if host.get("Mounts"):
        host["Mounts"] = [
            m for m in host["Mounts"] if clean(m.get("Target", "")) not in destinations
        ]
    if host.get("Tmpfs"):
        host["Tmpfs"] = {k: v for k, v in host["Tmpfs"].items() if clean(k) not in destinations}
    if body.get("Volumes"):
        body["Volumes"] = {k: v for k, v in body["Volumes"].items() if clean(k) not in destinations}


def add_mount(body: dict[str, Any], mount: Mount) -> None:
    """Add ``mount`` to a create body as ``-v`` (or ``--tmpfs``) would."""
    host = body["HostConfig"]
    dest = mount.destination
    if mount.type == "tmpfs":
        host["Tmpfs"] = {**(host.get("Tmpfs") or {}), dest: "ro" if mount.read_only else ""}
    else:
        suffix = ":ro" if mount.read_only else ""
        host["Binds"] = [*(host.get("Binds") or []), f"{mount.source}:{dest}{suffix}"]


def _primary_network(mode: str, networks: Mapping[str, Any]) -> str | None:
    if mode in networks:
        return mode
    if mode == "default" and "bridge" in networks:
        return "bridge"
    for net, ep in networks.items():
        if mode and (ep.get("NetworkID") or "").startswith(mode):
            return net
    return None


def _endpoint(ep: Mapping[str, Any], short_id: str) -> dict[str, Any]:
    """The settings of one network that the user gave: aliases, static addresses, links."""
    out: dict[str, Any] = {}
    # Docker adds the container's short id as an alias; the new container gets its own.
    aliases = [a for a in ep.get("Aliases") or [] if a != short_id]
    if aliases:
        out["Aliases"] = aliases
    ipam = {k: v for k, v in (ep.get("IPAMConfig") or {}).items() if v}
    if ipam:
        out["IPAMConfig"] = ipam
    if ep.get("Links"):
        out["Links"] = list(ep["Links"])
    if ep.get("DriverOpts"):
        out["DriverOpts"] = dict(ep["DriverOpts"])
    return out


def _ulimit(u: Mapping[str, Any]) -> dict[str, Any]:
    name = str(u.get("Name") or "")
    if name.upper().startswith("RLIMIT_"):
        name = name[len("RLIMIT_") :].lower()
    return {**u, "Name": name}


def _link(link: str) -> str:
    source, _, alias = link.partition(":")
    return f"{source.lstrip('/')}:{alias.rsplit('/', 1)[-1]}" if alias else source.lstrip("/")


def image(t: Transport, old: Mapping[str, Any], warnings: list[str]) -> tuple[str, Any]:
    """The image reference for the new container, and that image's inspect.

    The name the user gave is kept while it still names the same image; if the
    tag moved (or is gone), the new container uses the old image by id.
    """
    image_id = old["Image"]
    ref = (old.get("Config") or {}).get("Image") or image_id
    try:
        current = t.call(t.api.inspect_image, ref)
    except NotFound:
        current = None
    if current is not None and current.get("Id") == image_id:
        return ref, current
    state = "now names another image" if current is not None else "is gone"
    warnings.append(
        f"image {ref} {state}; the new container uses the old one "
        f"({image_id.removeprefix('sha256:')[:12]}) by id"
    )
    return image_id, t.call(t.api.inspect_image, image_id)


def as_inspect(
    old: Mapping[str, Any],
    removed: set[str],
    added: Sequence[Mount],
    body: Mapping[str, Any],
    networks: Mapping[str, Mapping[str, Any]],
) -> dict[str, Any]:
    """What ``docker inspect`` of the new container will roughly say (for the run line)."""
    config = {k: v for k, v in body.items() if k not in ("HostConfig", "NetworkingConfig")}
    new_networks = dict((body.get("NetworkingConfig") or {}).get("EndpointsConfig") or {})
    new_networks.update(networks)
    mounts = [m for m in old.get("Mounts") or [] if clean(m.get("Destination", "")) not in removed]
    for mount in added:
        if mount.type == "tmpfs":
            continue
        mounts.append(
            {
                "Type": mount.type,
                "Name": mount.source if mount.type == "volume" else None,
                "Source": mount.source if mount.type == "bind" else "",
                "Destination": mount.destination,
                "RW": not mount.read_only,
            }
        )
    result = copy.deepcopy(dict(old))
    result.update(
        Id="",
        Config=config,
        HostConfig=copy.deepcopy(dict(body["HostConfig"])),
        Mounts=mounts,
        NetworkSettings={**(old.get("NetworkSettings") or {}), "Networks": new_networks},
    )
    return result


def run_line(
    new_inspect: Mapping[str, Any], image_inspect: Mapping[str, Any]
) -> tuple[RunSpec | None, str]:
    """The new container as a RunSpec and its ``docker run`` line.

    The recreate itself works from the inspect and carries every setting; a
    RunSpec covers the usual flags only. When it cannot express this container,
    the line says so (as a shell comment) instead of showing a wrong command.
    """
    try:
        spec = RunSpec.from_container(new_inspect, image_inspect, reuse_anonymous=True)
    except InvalidInput as e:
        return None, f"# no docker run line for this one ({e}); the replacement keeps every setting"
    return spec, spec.to_command()
