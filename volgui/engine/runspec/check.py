"""Checks before anything is sent: values the CLI or engine would refuse, the engine's API version,
and a word for each client-only flag (volgui never drops a flag silently).
"""

from __future__ import annotations

import ipaddress
import posixpath
import re

from volgui.engine.errors import InvalidInput
from volgui.engine.runspec.fields import SpecFields
from volgui.engine.runspec.flags import FLAGS
from volgui.engine.runspec.mounts import MountSpec
from volgui.engine.runspec.network import read_network
from volgui.engine.runspec.ports import check_restart, exposed_ports, port_bindings
from volgui.engine.runspec.values import read_kv_file
from volgui.engine.validate import check_name

_IMAGE_PATTERN = re.compile(
    r"^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?/)?"  # registry host
    r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"  # first path component
    r"(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"  # further components
    r"(?::[\w][\w.-]{0,127})?"  # tag
    r"(?:@sha256:[0-9a-f]{64})?$"  # digest
)
_HOSTNAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,252}$")
_MAC = re.compile(r"^[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5}$")

# What volgui does instead of what the docker CLI does, for each client-only flag.
CLIENT_NOTES = {
    "--pull": "volgui does not pull: the image must be on the engine already",
    "--quiet": "volgui does not pull, so there is no pull output to quiet",
    "--disable-content-trust": "volgui does not pull, so there is nothing to verify",
    "--attach": (
        "volgui does not attach to the container; the streams are recorded as the CLI records them"
    ),
    "--sig-proxy": "volgui does not attach, so it proxies no signals",
    "--detach-keys": "volgui does not attach, so there is nothing to detach from",
    "--cidfile": "volgui writes the container ID to that file, as the CLI does",
}


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"[0-9]+", text)[:2])


def check_api(spec: SpecFields, api_version: str) -> None:
    """Refuse a flag (or a --mount key) the engine's API version is too old for."""
    have = _version(api_version)
    for f in FLAGS:
        if f.min_api and f.values(spec) and have < _version(f.min_api):
            raise InvalidInput(
                f"{f.long} needs Engine API {f.min_api} or newer; this engine speaks {api_version}"
            )
    for m in spec.mounts:
        need = None
        if m.type == "volume" and m.subpath is not None:
            need, what = "1.45", "--mount volume-subpath"
        elif m.type == "image":
            need, what = "1.48", "--mount type=image"
        elif m.recursive == "readonly":
            need, what = "1.44", "--mount bind-recursive=readonly"
        if need and have < _version(need):
            raise InvalidInput(
                f"{what} needs Engine API {need} or newer; this engine speaks {api_version} "
                "(it would drop the setting silently)"
            )


def client_notes(spec: SpecFields) -> list[str]:
    """One line for each client-only flag given."""
    return [
        f"{f.long}: {CLIENT_NOTES[f.long]}"
        for f in FLAGS
        if f.client_only and f.values(spec) and f.long in CLIENT_NOTES
    ]


def validate(spec: SpecFields) -> None:
    """Refuse, before anything is sent, what the engine or the CLI would refuse."""
    _check_basics(spec)
    _check_network(spec)
    _check_health_and_more(spec)
    _check_mounts(spec.mounts)


_WINDOWS_ONLY = ("cpu_count", "cpu_percent", "io_maxbandwidth", "io_maxiops")


def _check_basics(spec: SpecFields) -> None:
    for f in FLAGS:
        if f.field in _WINDOWS_ONLY and f.values(spec):
            raise InvalidInput(
                f'"{f.long}" is only supported on a Docker daemon running on windows '
                "(volgui manages Linux engines)"
            )
    if spec.use_api_socket:
        raise InvalidInput(
            "--use-api-socket is not handled by volgui: it would hand the engine's socket "
            "and your registry credentials to the container (bind-mount the socket with -v "
            "if that is what you mean)"
        )
    if not spec.image:
        raise InvalidInput("no image given (docker run [OPTIONS] IMAGE [COMMAND])")
    if not _IMAGE_PATTERN.match(spec.image):
        raise InvalidInput(
            f"invalid image reference {spec.image!r}: use lowercase NAME[:TAG], e.g. postgres:16"
        )
    if spec.name is not None:
        check_name(spec.name, "container")
    for e in spec.env:
        if e.startswith("=") or not e or "\0" in e:
            raise InvalidInput(f"invalid -e {e!r}: the variable needs a name (KEY=VALUE)")
    for k, v in spec.labels:
        if not k or any(c.isspace() for c in k) or "\0" in k + v:
            raise InvalidInput(f"invalid -l {k}={v!r}: the label needs a name without spaces")
    if spec.workdir is not None and not posixpath.isabs(spec.workdir):
        raise InvalidInput(
            f"invalid -w {spec.workdir!r}: the working directory must be an absolute path"
        )
    if spec.user is not None and (not spec.user or any(c.isspace() for c in spec.user)):
        raise InvalidInput(f"invalid -u {spec.user!r}: a user name or uid[:gid], no spaces")
    if spec.hostname is not None and not _HOSTNAME_PATTERN.match(spec.hostname):
        raise InvalidInput(f"invalid -h {spec.hostname!r}: letters, digits, '.', '-', '_'")
    if spec.restart is not None:
        check_restart(spec.restart)
        if spec.auto_remove and spec.restart != "no":
            raise InvalidInput("conflicting options: cannot specify both --restart and --rm")
    for p in spec.ports:
        port_bindings(p)
    for p in spec.expose:
        if ":" in p:
            raise InvalidInput(f"invalid port format for --expose: {p}")
        exposed_ports(p)
    for v in spec.volumes_from:
        ref, _, mode = v.partition(":")
        if not ref or mode not in ("", "ro", "rw"):
            raise InvalidInput(f"invalid --volumes-from {v!r}: use CONTAINER[:ro|rw]")
    if spec.entrypoint is not None and "\0" in spec.entrypoint:
        raise InvalidInput("invalid --entrypoint: NUL character")
    _check_files_and_options(spec)


def _check_files_and_options(spec: SpecFields) -> None:
    for path in spec.env_file:
        read_kv_file(path, {})
    for path in spec.label_file:
        read_kv_file(path, None)
    for text in spec.storage_opt:
        if "=" not in text:
            raise InvalidInput(f"invalid storage option {text!r}: use KEY=VALUE")
    for link in spec.links:
        name = link.split(":")[0]
        if not name or link.count(":") > 1:
            raise InvalidInput(f"invalid --link {link!r}: use NAME[:ALIAS]")


def _check_network(spec: SpecFields) -> None:
    a = read_network(spec.network or "default")
    if spec.network is not None and (not a.target.strip() or any(c.isspace() for c in a.target)):
        raise InvalidInput(f"invalid --network {spec.network!r}: no name set for network")
    for what, mine, per_network in (
        ("--network-alias", spec.network_aliases, a.aliases),
        ("--ip", spec.ip, a.ip),
        ("--ip6", spec.ip6, a.ip6),
        ("--link-local-ip", spec.link_local_ips, a.link_local),
    ):
        if mine and per_network:
            raise InvalidInput(f"conflicting options: cannot specify both {what} and per-network")
    if a.mac:
        raise InvalidInput("--network mac-address= needs Engine API 1.44 (per-network MAC)")
    if a.gw_priority:
        raise InvalidInput("--network gw-priority= needs Engine API 1.48 or newer")
    net = a.target
    user_defined = a.user_defined
    if (a.aliases or a.ip or a.ip6) and not user_defined:
        raise InvalidInput("network-scoped aliases are only supported for user-defined networks")
    for flag, given in (
        ("--network-alias", spec.network_aliases),
        ("--ip", spec.ip),
        ("--ip6", spec.ip6),
    ):
        if given and not user_defined:
            raise InvalidInput(f"{flag} needs --network with a user-defined network (not {net})")
    for flag, address, version in (("--ip", spec.ip, 4), ("--ip6", spec.ip6, 6)):
        if address is None:
            continue
        try:
            ok = ipaddress.ip_address(address).version == version
        except ValueError:
            ok = False
        if not ok:
            raise InvalidInput(f"invalid {flag} {address!r}: not an IPv{version} address")
    for alias in spec.network_aliases:
        if not alias or any(c.isspace() for c in alias):
            raise InvalidInput(f"invalid --network-alias {alias!r}")
    if spec.mac_address is not None and not _MAC.match(spec.mac_address):
        raise InvalidInput(f"{spec.mac_address} is not a valid mac address")


def _check_health_and_more(spec: SpecFields) -> None:
    health = (
        spec.health_cmd, spec.health_interval, spec.health_timeout, spec.health_retries,
        spec.health_start_period, spec.health_start_interval,
    )  # fmt: skip
    if spec.no_healthcheck and any(h is not None for h in health):
        raise InvalidInput("--no-healthcheck conflicts with --health-* options")
    if spec.log_driver == "none" and spec.log_opts:
        raise InvalidInput("invalid logging opts for driver none")


def _check_mounts(mounts: tuple[MountSpec, ...]) -> None:
    # Stricter than the CLI on purpose (DESIGN's safety rule): two mounts on one
    # destination hide one of them, and the engine's answer to that varies.
    seen: dict[str, MountSpec] = {}
    for m in mounts:
        m.check(" ".join(m.to_args()))
        key = posixpath.normpath(m.destination)
        if key in seen:
            first = " ".join(seen[key].to_args())
            raise InvalidInput(
                f"duplicate mount destination {key}: {first} and {' '.join(m.to_args())} "
                "(volgui refuses two mounts on one path: one would hide the other's data)"
            )
        seen[key] = m
