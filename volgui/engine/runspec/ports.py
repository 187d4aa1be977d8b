"""Ports (``-p``, ``--expose``) as go-connections' ParsePortSpec reads them; restart policies."""

from __future__ import annotations

import ipaddress

from volgui.engine.errors import InvalidInput

_RESTART_NAMES = ("no", "always", "unless-stopped", "on-failure")


def _port_range(text: str, what: str) -> tuple[int, int]:
    lo, dash, hi = text.partition("-")
    try:
        start = int(lo)
        end = int(hi) if dash else start
    except ValueError:
        raise InvalidInput(f"invalid {what}: {text!r} is not a port or port range") from None
    if not (0 < start <= end <= 65535) or (lo != str(start)) or (dash and hi != str(end)):
        raise InvalidInput(f"invalid {what}: {text!r} is not a port or port range (1-65535)")
    return start, end


def port_bindings(value: str) -> list[tuple[str, str, str]]:
    """``-p [IP:][HOST:]CONTAINER[/PROTO]`` -> (container "80/tcp", host ip, host port) rows.

    Ranges expand as the CLI expands them (go-connections' ParsePortSpec).
    """
    what = f"-p {value!r}"
    if "=" in value:
        raise InvalidInput(f"invalid {what}: the key=value form of --publish is not supported")
    spec, _, proto = value.partition("/")
    proto = proto.lower() if proto else "tcp"
    if proto not in ("tcp", "udp", "sctp"):
        raise InvalidInput(f"invalid {what}: protocol must be tcp, udp or sctp")
    parts = spec.split(":")
    container = parts[-1]
    host_port = parts[-2] if len(parts) >= 2 else ""
    ip = ":".join(parts[:-2]) if len(parts) >= 3 else ""
    if not container:
        raise InvalidInput(f"invalid {what}: no container port")
    if ip.startswith("[") and ip.endswith("]"):
        ip = ip[1:-1]
    if ip:
        try:
            ipaddress.ip_address(ip)
        except ValueError:
            raise InvalidInput(f"invalid {what}: {ip!r} is not an IP address") from None
    c_start, c_end = _port_range(container, what)
    if host_port:
        h_start, h_end = _port_range(host_port, what)
        if (h_end - h_start) != (c_end - c_start) and c_end != c_start:
            raise InvalidInput(f"invalid {what}: host and container port ranges differ in size")
    rows = []
    for i in range(c_end - c_start + 1):
        if not host_port:
            hp = ""
        elif c_end == c_start:
            hp = host_port
        else:
            hp = str(h_start + i)
        rows.append((f"{c_start + i}/{proto}", ip, hp))
    return rows


def exposed_ports(value: str) -> list[str]:
    """``--expose PORT[-PORT][/PROTO]`` -> ["80/tcp", ...]."""
    what = f"--expose {value!r}"
    spec, _, proto = value.partition("/")
    proto = proto.lower() if proto else "tcp"
    if proto not in ("tcp", "udp", "sctp"):
        raise InvalidInput(f"invalid {what}: protocol must be tcp, udp or sctp")
    start, end = _port_range(spec, what)
    return [f"{p}/{proto}" for p in range(start, end + 1)]


def split_restart(policy: str) -> tuple[str, int]:
    name, _, count = policy.partition(":")
    return name, int(count) if count else 0


def check_restart(policy: str) -> None:
    name, colon, count = policy.partition(":")
    if name not in _RESTART_NAMES:
        raise InvalidInput(
            f"invalid --restart {policy!r}: use no, always, unless-stopped or on-failure[:N]"
        )
    if colon and (name != "on-failure" or not count.isdigit() or count != str(int(count))):
        raise InvalidInput(
            f"invalid --restart {policy!r}: only on-failure takes a retry count (on-failure:3)"
        )
