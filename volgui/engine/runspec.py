"""RunSpec: one container as `docker run` arguments, parsed, rendered and created.

The docker CLI is the reference. ``RunSpec.from_args`` reads arguments the way
``docker run``/``docker create`` does (pflag rules: ``--flag=value`` and
``--flag value``, combined short flags, options end at the image),
``to_command`` renders one canonical shell-safe line that parses back to the
same spec, ``create`` sends the engine the request the CLI would send (``-v``
to ``HostConfig.Binds``, ``--mount`` to ``HostConfig.Mounts``, ``--tmpfs`` to
``HostConfig.Tmpfs``), and ``from_container`` goes back from an inspected
container to the shortest spec that recreates it.

A flag volgui does not know is an error that names it: dropping it silently
would create a different container than the line says.
"""

from __future__ import annotations

import csv
import io
import ipaddress
import os
import posixpath
import re
import shlex
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from volgui.engine.errors import InvalidInput
from volgui.engine.model import MountType
from volgui.engine.validate import check_destination, check_name

MountFlag = Literal["volume", "mount", "tmpfs"]  # which flag wrote it: -v, --mount, --tmpfs
Pairs = tuple[tuple[str, str], ...]

# -v mode words the engine accepts on Linux (besides ro/rw).
_VOLUME_MODES = frozenset(
    "rw z Z nocopy shared rshared slave rslave private rprivate consistent cached delegated".split()
)
_PROPAGATIONS = frozenset("shared rshared slave rslave private rprivate".split())
_RESTART_NAMES = ("no", "always", "unless-stopped", "on-failure")
_BUILTIN_NETWORKS = frozenset(("default", "bridge", "host", "none"))
_IMAGE_PATTERN = re.compile(
    r"^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?/)?"  # registry host
    r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"  # first path component
    r"(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"  # further components
    r"(?::[\w][\w.-]{0,127})?"  # tag
    r"(?:@sha256:[0-9a-f]{64})?$"  # digest
)
_HOSTNAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,252}$")
_SIZE_PATTERN = re.compile(r"^[0-9]+(?:\.[0-9]+)?\s*([kmgtp]i?b?|b)?$", re.IGNORECASE)


def _pairs(items: Iterable[tuple[str, str]]) -> Pairs:
    """Key/value pairs in first-seen order, the last value winning (map semantics)."""
    d: dict[str, str] = {}
    for k, v in items:
        d[k] = v
    return tuple(d.items())


def _kv(text: str) -> tuple[str, str]:
    key, _, value = text.partition("=")
    return key, value


@dataclass(frozen=True)
class MountSpec:
    """One mount as a docker-run flag wrote it.

    ``flag`` keeps which flag it came from, because the engine stores them in
    different places (``-v`` in Binds, ``--mount`` in Mounts, ``--tmpfs`` in
    Tmpfs) and the CLI's fidelity is the point. ``options`` holds the words
    after the destination of ``-v`` (``rw``, ``z``, ``nocopy``, a propagation)
    or of ``--tmpfs`` (``size=64m``, ``mode=1770``), ``ro`` excepted: that is
    ``read_only``. The ``volume_*``, ``tmpfs_*``, ``propagation`` and
    ``nocopy`` fields are ``--mount`` keys.
    """

    type: MountType
    destination: str
    source: str | None = None  # volume name or host path; None: anonymous volume or tmpfs
    read_only: bool = False
    flag: MountFlag = "volume"
    options: tuple[str, ...] = ()
    propagation: str | None = None
    nocopy: bool = False
    volume_driver: str | None = None
    volume_labels: Pairs = ()
    volume_options: Pairs = ()
    tmpfs_size: str | None = None
    tmpfs_mode: str | None = None

    @property
    def anonymous(self) -> bool:
        return self.type == "volume" and not self.source

    # -- parsing ---------------------------------------------------------

    @classmethod
    def from_volume_flag(cls, value: str) -> MountSpec:
        """``-v [SOURCE:]DESTINATION[:OPTIONS]`` as the docker CLI reads it on Linux."""
        what = f"-v {value!r}"
        if not value:
            raise InvalidInput("-v needs a value: [SOURCE:]DESTINATION[:OPTIONS]")
        parts = value.split(":")
        if len(parts) > 3:
            raise InvalidInput(
                f"invalid {what}: too many ':' (use SOURCE:DESTINATION[:OPTIONS]; "
                "a path with ':' needs --mount)"
            )
        if any(p == "" for p in parts):
            raise InvalidInput(f"invalid {what}: empty part between ':'")
        if len(parts) == 1:
            source, destination, mode = None, parts[0], ""
        else:
            source, destination = parts[0], parts[1]
            mode = parts[2] if len(parts) == 3 else ""
        kind: MountType = "bind" if source and source[0] in "./~" else "volume"
        words = mode.split(",") if mode else []
        read_only = "ro" in words
        options = tuple(w for w in words if w != "ro")
        spec = cls(kind, destination, source, read_only, "volume", options)
        spec._check(what)
        return spec

    @classmethod
    def from_tmpfs_flag(cls, value: str) -> MountSpec:
        """``--tmpfs DESTINATION[:OPTIONS]`` (options as for mount -t tmpfs)."""
        destination, _, opts = value.partition(":")
        words = [w for w in opts.split(",") if w] if opts else []
        spec = cls(
            "tmpfs",
            destination,
            None,
            "ro" in words,
            "tmpfs",
            tuple(w for w in words if w != "ro"),
        )
        spec._check(f"--tmpfs {value!r}")
        return spec

    @classmethod
    def from_mount_flag(cls, value: str) -> MountSpec:
        """``--mount type=...,source=...,target=...`` (CSV, fields may be quoted)."""
        what = f"--mount {value!r}"
        if "\n" in value or "\r" in value:
            raise InvalidInput(f"invalid {what}: line breaks are not allowed")
        try:
            fields = next(csv.reader(io.StringIO(value), strict=True), [])
        except csv.Error as e:
            raise InvalidInput(f"invalid {what}: {e}") from None
        kind = "volume"
        values: dict[str, Any] = {}
        labels: list[tuple[str, str]] = []
        vopts: list[tuple[str, str]] = []
        volume_keys: set[str] = set()
        for f in fields:
            key, has_value, val = f.partition("=")
            key = key.lower()
            if not has_value:
                if key in ("readonly", "ro"):
                    values["read_only"] = True
                elif key == "volume-nocopy":
                    values["nocopy"] = True
                    volume_keys.add(key)
                else:
                    raise InvalidInput(f"invalid {what}: field {f!r} must be a key=value pair")
                continue
            if key == "type":
                kind = val.lower()
            elif key in ("source", "src"):
                values["source"] = val
            elif key in ("target", "dst", "destination"):
                values["destination"] = val
            elif key in ("readonly", "ro"):
                values["read_only"] = _parse_bool(val, f"{what}: {key}")
            elif key == "bind-propagation":
                values["propagation"] = val.lower()
                volume_keys.add("bind")
            elif key == "volume-nocopy":
                values["nocopy"] = _parse_bool(val, f"{what}: volume-nocopy")
                volume_keys.add(key)
            elif key == "volume-label":
                labels.append(_kv(val))
                volume_keys.add(key)
            elif key == "volume-driver":
                values["volume_driver"] = val
                volume_keys.add(key)
            elif key == "volume-opt":
                vopts.append(_kv(val))
                volume_keys.add(key)
            elif key == "tmpfs-size":
                values["tmpfs_size"] = val
                volume_keys.add("tmpfs")
            elif key == "tmpfs-mode":
                values["tmpfs_mode"] = val
                volume_keys.add("tmpfs")
            else:
                raise InvalidInput(f"invalid {what}: unsupported key {key!r}")
        if kind not in ("volume", "bind", "tmpfs"):
            raise InvalidInput(f"invalid {what}: type must be volume, bind or tmpfs, not {kind!r}")
        if "destination" not in values:
            raise InvalidInput(f"invalid {what}: target is required")
        for marker, allowed in (("bind", "bind"), ("tmpfs", "tmpfs")):
            if marker in volume_keys and kind != allowed:
                raise InvalidInput(f"invalid {what}: {marker}-* options need type={allowed}")
        if volume_keys - {"bind", "tmpfs"} and kind != "volume":
            raise InvalidInput(f"invalid {what}: volume-* options need type=volume")
        spec = cls(
            type=kind,  # type: ignore[arg-type]
            flag="mount",
            volume_labels=_pairs(labels),
            volume_options=_pairs(vopts),
            **values,
        )
        spec._check(what)
        return spec

    def _check(self, what: str) -> None:
        """Refuse what the engine would refuse, with words that name ``what``."""

        def bad(why: str) -> InvalidInput:
            return InvalidInput(f"invalid {what}: {why}")

        try:
            check_destination(self.destination)
        except InvalidInput as e:
            raise bad(str(e)) from None
        if self.flag in ("volume", "tmpfs") and ":" in self.destination:
            raise bad("a destination with ':' needs --mount")
        if self.type == "tmpfs":
            if self.source:
                raise bad("a tmpfs mount has no source")
        elif self.type == "bind":
            if not self.source:
                raise bad("a bind mount needs a source path")
            if self.source.startswith("~"):
                raise bad(f"the shell did not expand {self.source!r}: write the full path")
            if self.flag == "volume" and ":" in self.source:
                raise bad("a source path with ':' needs --mount")
        elif self.source:
            try:
                check_name(self.source, "volume")
            except InvalidInput as e:
                hint = "start it with / or ." if self.flag == "volume" else "use type=bind"
                raise bad(f"{e}; for a host path, {hint}") from None
        if self.flag == "volume":
            if not self.source and (self.read_only or self.options):
                raise bad("an anonymous volume takes no options (use --mount for that)")
            seen: set[str] = set()
            for word in self.options:
                if word not in _VOLUME_MODES:
                    raise bad(
                        f"unknown option {word!r} (use ro, rw, z, Z, nocopy or a propagation)"
                    )
                if word in seen:
                    raise bad(f"option {word!r} given twice")
                seen.add(word)
            if self.read_only and "rw" in seen:
                raise bad("both ro and rw")
            if self.type == "volume" and seen & _PROPAGATIONS:
                raise bad("propagation applies to bind mounts only")
        if self.flag == "tmpfs":
            for word in self.options:
                if not word or word != word.strip() or ":" in word:
                    raise bad(f"bad option {word!r}")
        if self.flag == "mount":
            if self.propagation is not None and self.propagation not in _PROPAGATIONS:
                raise bad(
                    f"bind-propagation {self.propagation!r} is not one of "
                    + ", ".join(sorted(_PROPAGATIONS))
                )
            if self.tmpfs_size is not None and not _SIZE_PATTERN.match(self.tmpfs_size):
                raise bad(f"tmpfs-size {self.tmpfs_size!r} is not a size (e.g. 64m)")
            mode = self.tmpfs_mode
            if mode is not None and not (
                re.fullmatch(r"[0-7]{1,11}", mode) and int(mode, 8) < 2**32
            ):
                raise bad(f"tmpfs-mode {self.tmpfs_mode!r} is not an octal mode (e.g. 1770)")
            for k, _ in self.volume_labels + self.volume_options:
                if not k:
                    raise bad("a volume-label or volume-opt needs a key")
            texts = [self.source, self.destination, self.volume_driver]
            texts += [t for kv in self.volume_labels + self.volume_options for t in kv]
            for text in texts:
                if text and ("\n" in text or "\r" in text):
                    raise bad("line breaks are not allowed")
        elif (
            self.propagation
            or self.nocopy
            or self.volume_driver is not None
            or self.volume_labels
            or self.volume_options
            or self.tmpfs_size is not None
            or self.tmpfs_mode is not None
        ):
            raise bad("volume-*, bind-* and tmpfs-* settings need --mount")

    # -- rendering -------------------------------------------------------

    def to_args(self) -> list[str]:
        if self.flag == "volume":
            words = (["ro"] if self.read_only else []) + list(self.options)
            parts = ([self.source] if self.source else []) + [self.destination]
            if words:
                parts.append(",".join(words))
            return ["-v", ":".join(parts)]
        if self.flag == "tmpfs":
            words = (["ro"] if self.read_only else []) + list(self.options)
            return ["--tmpfs", self.destination + (":" + ",".join(words) if words else "")]
        fields = [f"type={self.type}"]
        if self.source:
            fields.append(f"source={self.source}")
        fields.append(f"target={self.destination}")
        if self.read_only:
            fields.append("readonly")
        if self.propagation:
            fields.append(f"bind-propagation={self.propagation}")
        if self.nocopy:
            fields.append("volume-nocopy")
        if self.volume_driver is not None:
            fields.append(f"volume-driver={self.volume_driver}")
        fields += [f"volume-label={k}={v}" for k, v in self.volume_labels]
        fields += [f"volume-opt={k}={v}" for k, v in self.volume_options]
        if self.tmpfs_size is not None:
            fields.append(f"tmpfs-size={self.tmpfs_size}")
        if self.tmpfs_mode is not None:
            fields.append(f"tmpfs-mode={self.tmpfs_mode}")
        return ["--mount", ",".join(_csv_field(f) for f in fields)]

    # -- what the engine is sent ----------------------------------------

    def bind_entry(self, cwd: str) -> str:
        """The ``HostConfig.Binds`` entry (relative host paths made absolute, as the CLI does)."""
        source = self.source
        if source and source.startswith("."):
            source = posixpath.normpath(posixpath.join(cwd, source))
        words = (["ro"] if self.read_only else []) + list(self.options)
        parts = ([source] if source else []) + [self.destination]
        if words:
            parts.append(",".join(words))
        return ":".join(parts)

    def api_mount(self, cwd: str) -> dict[str, Any]:
        """The ``HostConfig.Mounts`` entry, shaped as the docker CLI sends it."""
        m: dict[str, Any] = {"Type": self.type}
        if self.source:
            source = self.source
            if source.startswith("."):
                source = posixpath.normpath(posixpath.join(cwd, source))
            m["Source"] = source
        m["Target"] = self.destination
        if self.read_only:
            m["ReadOnly"] = True
        if self.propagation:
            m["BindOptions"] = {"Propagation": self.propagation}
        has_volume_options = self.volume_driver is not None or self.volume_options
        if self.nocopy or self.volume_labels or has_volume_options:
            vo: dict[str, Any] = {}
            if self.nocopy:
                vo["NoCopy"] = True
            if self.volume_labels:
                vo["Labels"] = dict(self.volume_labels)
            # The CLI always sends a DriverConfig, empty unless a driver or options are set.
            dc: dict[str, Any] = {}
            if self.volume_driver:
                dc["Name"] = self.volume_driver
            if self.volume_options:
                dc["Options"] = dict(self.volume_options)
            vo["DriverConfig"] = dc
            m["VolumeOptions"] = vo
        if self.tmpfs_size is not None or self.tmpfs_mode is not None:
            to: dict[str, Any] = {}
            if self.tmpfs_size is not None:
                to["SizeBytes"] = ram_in_bytes(self.tmpfs_size)
            if self.tmpfs_mode is not None:
                to["Mode"] = int(self.tmpfs_mode, 8)
            m["TmpfsOptions"] = to
        return m


def ram_in_bytes(text: str) -> int:
    """Docker's RAMInBytes: 64m, 1.5g, 512k, 1024 (binary units, suffix case-insensitive)."""
    m = re.fullmatch(r"([0-9]+(?:\.[0-9]+)?)\s*([kmgtp]?)i?b?", text.strip(), re.IGNORECASE)
    if not m:
        raise InvalidInput(f"{text!r} is not a size (e.g. 64m)")
    power = "bkmgtp".index((m.group(2) or "b").lower())
    return int(float(m.group(1)) * 1024**power)


def _csv_field(text: str) -> str:
    """Quote one --mount field the way Go's encoding/csv reads it back."""
    if any(c in text for c in ',"') or text[:1].isspace():
        return '"' + text.replace('"', '""') + '"'
    return text


def _parse_bool(text: str, what: str) -> bool:
    # Go's strconv.ParseBool, which pflag and the CLI's --mount use.
    if text in ("1", "t", "T", "TRUE", "true", "True"):
        return True
    if text in ("0", "f", "F", "FALSE", "false", "False"):
        return False
    raise InvalidInput(f"invalid {what}: {text!r} is not true or false")


# -- ports ---------------------------------------------------------------


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


# -- the spec ------------------------------------------------------------


@dataclass(frozen=True)
class RunSpec:
    """One container as docker-run arguments. Every field is what the flag said.

    ``env`` keeps ``-e`` entries verbatim and in order (``KEY=VALUE``, or
    ``KEY`` to take the value from the environment at create time, as the CLI
    does). ``labels`` are pairs in order. ``command`` empty means the image's.
    ``entrypoint`` None means the image's, ``""`` clears it.
    """

    image: str
    command: tuple[str, ...] = ()
    name: str | None = None
    entrypoint: str | None = None
    env: tuple[str, ...] = ()
    labels: Pairs = ()
    workdir: str | None = None
    user: str | None = None
    hostname: str | None = None
    mounts: tuple[MountSpec, ...] = ()
    restart: str | None = None
    ports: tuple[str, ...] = ()
    expose: tuple[str, ...] = ()
    network: str | None = None
    network_aliases: tuple[str, ...] = ()
    ip: str | None = None
    ip6: str | None = None
    read_only: bool = False
    auto_remove: bool = False
    detach: bool = False
    interactive: bool = False
    tty: bool = False
    volumes_from: tuple[str, ...] = ()

    # -- parsing ---------------------------------------------------------

    @classmethod
    def from_args(cls, argv: Sequence[str]) -> RunSpec:
        """Parse ``docker run`` arguments (without ``docker run``) and validate them."""
        return _Parser(argv).parse()

    @classmethod
    def from_container(
        cls,
        inspect: Mapping[str, Any],
        image_inspect: Mapping[str, Any] | None,
        *,
        reuse_anonymous: bool = False,
    ) -> RunSpec:
        """The spec that recreates an inspected container, leaving out the image's defaults.

        With ``reuse_anonymous`` the container's anonymous volumes (its own and
        those the image declares) are named by their current names, so a
        recreated container keeps their data (DESIGN rule 1). Raises
        InvalidInput naming any setting a RunSpec cannot express.
        """
        return _from_container(cls, inspect, image_inspect or {}, reuse_anonymous)

    # -- rendering -------------------------------------------------------

    def to_args(self) -> list[str]:
        """Canonical argument list: stable order, short forms where they read better."""
        args: list[str] = []
        if self.auto_remove:
            args.append("--rm")
        letters = "".join(
            c for c, on in (("d", self.detach), ("i", self.interactive), ("t", self.tty)) if on
        )
        if letters:
            args.append("-" + letters)
        if self.name is not None:
            args += ["--name", self.name]
        if self.hostname is not None:
            args += ["-h", self.hostname]
        if self.user is not None:
            args += ["-u", self.user]
        if self.workdir is not None:
            args += ["-w", self.workdir]
        if self.read_only:
            args.append("--read-only")
        if self.restart is not None:
            args += ["--restart", self.restart]
        if self.network is not None:
            args += ["--network", self.network]
        for alias in self.network_aliases:
            args += ["--network-alias", alias]
        if self.ip is not None:
            args += ["--ip", self.ip]
        if self.ip6 is not None:
            args += ["--ip6", self.ip6]
        for p in self.ports:
            args += ["-p", p]
        for p in self.expose:
            args += ["--expose", p]
        for e in self.env:
            args += ["-e", e]
        for k, v in self.labels:
            args += ["-l", f"{k}={v}"]
        for v in self.volumes_from:
            args += ["--volumes-from", v]
        for m in self.mounts:
            args += m.to_args()
        if self.entrypoint is not None:
            args += ["--entrypoint", self.entrypoint]
        args.append(self.image)
        args += self.command
        return args

    def to_command(self, verb: str = "run") -> str:
        """One POSIX-shell-safe line: ``docker run ...``."""
        return " ".join(shlex.quote(a) for a in ["docker", verb, *self.to_args()])

    # -- checking --------------------------------------------------------

    def validate(self) -> RunSpec:
        """Refuse, before anything is sent, what the engine or the CLI would refuse."""
        if not self.image:
            raise InvalidInput("no image given (docker run [OPTIONS] IMAGE [COMMAND])")
        if not _IMAGE_PATTERN.match(self.image):
            raise InvalidInput(
                f"invalid image reference {self.image!r}: use lowercase NAME[:TAG], "
                "e.g. postgres:16"
            )
        if self.name is not None:
            check_name(self.name, "container")
        for e in self.env:
            if e.startswith("=") or not e or "\0" in e:
                raise InvalidInput(f"invalid -e {e!r}: the variable needs a name (KEY=VALUE)")
        for k, v in self.labels:
            if not k or any(c.isspace() for c in k) or "\0" in k + v:
                label = f"{k}={v}"
                raise InvalidInput(f"invalid -l {label!r}: the label needs a name without spaces")
        if self.workdir is not None and not posixpath.isabs(self.workdir):
            raise InvalidInput(
                f"invalid -w {self.workdir!r}: the working directory must be an absolute path"
            )
        if self.user is not None and (not self.user or any(c.isspace() for c in self.user)):
            raise InvalidInput(f"invalid -u {self.user!r}: a user name or uid[:gid], no spaces")
        if self.hostname is not None and not _HOSTNAME_PATTERN.match(self.hostname):
            raise InvalidInput(f"invalid -h {self.hostname!r}: letters, digits, '.', '-', '_'")
        if self.restart is not None:
            _check_restart(self.restart)
            if self.auto_remove and self.restart != "no":
                raise InvalidInput("--rm and --restart cannot be combined (choose one)")
        for p in self.ports:
            port_bindings(p)
        for p in self.expose:
            exposed_ports(p)
        if self.network is not None:
            if not self.network or any(c.isspace() for c in self.network):
                raise InvalidInput(f"invalid --network {self.network!r}")
        net = self.network or "default"
        for flag, given in (
            ("--network-alias", self.network_aliases),
            ("--ip", self.ip),
            ("--ip6", self.ip6),
        ):
            if given and (net in _BUILTIN_NETWORKS or net.startswith("container:")):
                raise InvalidInput(
                    f"{flag} needs --network with a user-defined network (not {net})"
                )
        for flag, address, version in (("--ip", self.ip, 4), ("--ip6", self.ip6, 6)):
            if address is None:
                continue
            try:
                ok = ipaddress.ip_address(address).version == version
            except ValueError:
                ok = False
            if not ok:
                raise InvalidInput(f"invalid {flag} {address!r}: not an IPv{version} address")
        if self.network_aliases:
            for a in self.network_aliases:
                if not a or any(c.isspace() for c in a):
                    raise InvalidInput(f"invalid --network-alias {a!r}")
        for v in self.volumes_from:
            ref, _, mode = v.partition(":")
            if not ref or mode not in ("", "ro", "rw"):
                raise InvalidInput(f"invalid --volumes-from {v!r}: use CONTAINER[:ro|rw]")
        if self.entrypoint is not None and "\0" in self.entrypoint:
            raise InvalidInput("invalid --entrypoint: NUL character")
        seen: dict[str, MountSpec] = {}
        for m in self.mounts:
            m._check(" ".join(m.to_args()))
            key = posixpath.normpath(m.destination)
            if key in seen:
                first = " ".join(seen[key].to_args())
                raise InvalidInput(
                    f"duplicate mount destination {key}: {first} and {' '.join(m.to_args())}"
                )
            seen[key] = m
        return self

    # -- what the engine is sent ----------------------------------------

    def create_request(
        self, cwd: str | None = None, environ: Mapping[str, str] | None = None
    ) -> dict[str, Any]:
        """The body of ``POST /containers/create``, as docker CLI 28 sends it for these args.

        Client-side steps of the CLI happen here too: ``-e KEY`` takes its value
        from ``environ``, relative host paths become absolute against ``cwd``.
        """
        cwd = os.getcwd() if cwd is None else cwd
        environ = os.environ if environ is None else environ
        env: list[str] = []
        for e in self.env:
            if "=" not in e and e in environ:
                e = f"{e}={environ[e]}"
            env.append(e)
        exposed: dict[str, dict[str, Any]] = {}
        bindings: dict[str, list[dict[str, str]]] = {}
        for p in self.ports:
            for port, ip, host in port_bindings(p):
                exposed[port] = {}
                bindings.setdefault(port, []).append({"HostIp": ip, "HostPort": host})
        for p in self.expose:
            for port in exposed_ports(p):
                exposed[port] = {}
        binds: list[str] = []
        volumes: dict[str, dict[str, Any]] = {}
        mounts: list[dict[str, Any]] = []
        tmpfs: dict[str, str] = {}
        for m in self.mounts:
            if m.flag == "volume":
                if m.source:
                    binds.append(m.bind_entry(cwd))
                else:
                    volumes[m.bind_entry(cwd)] = {}
            elif m.flag == "mount":
                mounts.append(m.api_mount(cwd))
            else:
                words = (["ro"] if m.read_only else []) + list(m.options)
                tmpfs[m.destination] = ",".join(words)
        restart_name, retries = _split_restart(self.restart or "no")
        network = self.network or "default"
        endpoint: dict[str, Any] = {}
        if self.ip or self.ip6:
            ipam = {"IPv4Address": self.ip, "IPv6Address": self.ip6}
            endpoint["IPAMConfig"] = {k: v for k, v in ipam.items() if v}
        if self.network_aliases:
            endpoint["Aliases"] = list(self.network_aliases)
        entrypoint: list[str] | None = None
        if self.entrypoint is not None:
            entrypoint = [self.entrypoint]
        # docker run -d attaches nothing; docker create / run without -d attach
        # stdout and stderr, and stdin with -i.
        attach = not self.detach
        host_config: dict[str, Any] = dict(_CLI_HOST_CONFIG)
        host_config.update(
            Binds=binds or None,
            NetworkMode=network,
            PortBindings=bindings,
            RestartPolicy={"Name": restart_name, "MaximumRetryCount": retries},
            AutoRemove=self.auto_remove,
            VolumesFrom=list(self.volumes_from) or None,
            ReadonlyRootfs=self.read_only,
            Tmpfs=tmpfs or None,
            Mounts=mounts or None,
        )
        return {
            "Hostname": self.hostname or "",
            "Domainname": "",
            "User": self.user or "",
            "AttachStdin": attach and self.interactive,
            "AttachStdout": attach,
            "AttachStderr": attach,
            "ExposedPorts": exposed or None,
            "Tty": self.tty,
            "OpenStdin": self.interactive,
            "StdinOnce": attach and self.interactive,
            "Env": env,
            "Cmd": list(self.command) or None,
            "Image": self.image,
            "Volumes": volumes,
            "WorkingDir": self.workdir or "",
            "Entrypoint": entrypoint,
            "OnBuild": None,
            "Labels": dict(self.labels),
            "HostConfig": host_config,
            "NetworkingConfig": {"EndpointsConfig": {network: endpoint}},
        }


# What docker CLI 28 sends in HostConfig for a plain `docker create IMAGE`
# (captured from its request). Sending the same keeps the engine's defaults
# identical to a container the CLI made.
_CLI_HOST_CONFIG: dict[str, Any] = {
    "ContainerIDFile": "",
    "LogConfig": {"Type": "", "Config": {}},
    "VolumeDriver": "",
    "ConsoleSize": [0, 0],
    "CapAdd": None,
    "CapDrop": None,
    "CgroupnsMode": "",
    "Dns": [],
    "DnsOptions": [],
    "DnsSearch": [],
    "ExtraHosts": None,
    "GroupAdd": None,
    "IpcMode": "",
    "Cgroup": "",
    "Links": None,
    "OomScoreAdj": 0,
    "PidMode": "",
    "Privileged": False,
    "PublishAllPorts": False,
    "SecurityOpt": None,
    "UTSMode": "",
    "UsernsMode": "",
    "ShmSize": 0,
    "Isolation": "",
    "CpuShares": 0,
    "Memory": 0,
    "NanoCpus": 0,
    "CgroupParent": "",
    "BlkioWeight": 0,
    "BlkioWeightDevice": [],
    "BlkioDeviceReadBps": [],
    "BlkioDeviceWriteBps": [],
    "BlkioDeviceReadIOps": [],
    "BlkioDeviceWriteIOps": [],
    "CpuPeriod": 0,
    "CpuQuota": 0,
    "CpuRealtimePeriod": 0,
    "CpuRealtimeRuntime": 0,
    "CpusetCpus": "",
    "CpusetMems": "",
    "Devices": [],
    "DeviceCgroupRules": None,
    "DeviceRequests": None,
    "MemoryReservation": 0,
    "MemorySwap": 0,
    "MemorySwappiness": -1,
    "OomKillDisable": False,
    "PidsLimit": 0,
    "Ulimits": [],
    "CpuCount": 0,
    "CpuPercent": 0,
    "IOMaximumIOps": 0,
    "IOMaximumBandwidth": 0,
    "MaskedPaths": None,
    "ReadonlyPaths": None,
}


def _split_restart(policy: str) -> tuple[str, int]:
    name, _, count = policy.partition(":")
    return name, int(count) if count else 0


def _check_restart(policy: str) -> None:
    name, colon, count = policy.partition(":")
    if name not in _RESTART_NAMES:
        raise InvalidInput(
            f"invalid --restart {policy!r}: use no, always, unless-stopped or on-failure[:N]"
        )
    if colon and (name != "on-failure" or not count.isdigit() or count != str(int(count))):
        raise InvalidInput(
            f"invalid --restart {policy!r}: only on-failure takes a retry count (on-failure:3)"
        )


# -- the argument parser (pflag's rules, for docker run's flags) ----------

_Setter = Callable[[dict[str, Any], str], None]


def _append(key: str, convert: Callable[[str], Any] = str) -> _Setter:
    def set_(acc: dict[str, Any], value: str) -> None:
        acc.setdefault(key, []).append(convert(value))

    return set_


def _assign(key: str) -> _Setter:
    def set_(acc: dict[str, Any], value: str) -> None:
        acc[key] = value

    return set_


def _assign_once(key: str, flag: str) -> _Setter:
    def set_(acc: dict[str, Any], value: str) -> None:
        if key in acc and acc[key] != value:
            raise InvalidInput(f"{flag} given twice; volgui handles one {flag.lstrip('-')}")
        acc[key] = value

    return set_


@dataclass(frozen=True)
class _Flag:
    long: str
    short: str | None
    setter: _Setter | None  # None: boolean flag stored under ``boolean``
    boolean: str = ""


_FLAGS: tuple[_Flag, ...] = (
    _Flag("volume", "v", _append("mounts", MountSpec.from_volume_flag)),
    _Flag("mount", None, _append("mounts", MountSpec.from_mount_flag)),
    _Flag("tmpfs", None, _append("mounts", MountSpec.from_tmpfs_flag)),
    _Flag("env", "e", _append("env")),
    _Flag("label", "l", _append("labels", _kv)),
    _Flag("name", None, _assign("name")),
    _Flag("workdir", "w", _assign("workdir")),
    _Flag("user", "u", _assign("user")),
    _Flag("hostname", "h", _assign("hostname")),
    _Flag("entrypoint", None, _assign("entrypoint")),
    _Flag("restart", None, _assign("restart")),
    _Flag("publish", "p", _append("ports")),
    _Flag("expose", None, _append("expose")),
    _Flag("network", None, _assign_once("network", "--network")),
    _Flag("net", None, _assign_once("network", "--network")),
    _Flag("network-alias", None, _append("network_aliases")),
    _Flag("net-alias", None, _append("network_aliases")),
    _Flag("ip", None, _assign("ip")),
    _Flag("ip6", None, _assign("ip6")),
    _Flag("volumes-from", None, _append("volumes_from")),
    _Flag("read-only", None, None, "read_only"),
    _Flag("rm", None, None, "auto_remove"),
    _Flag("detach", "d", None, "detach"),
    _Flag("interactive", "i", None, "interactive"),
    _Flag("tty", "t", None, "tty"),
)
_BY_LONG = {f.long: f for f in _FLAGS}
_BY_SHORT = {f.short: f for f in _FLAGS if f.short}


class _Parser:
    """pflag's reading of docker-run arguments, with SetInterspersed(false)."""

    def __init__(self, argv: Sequence[str]) -> None:
        self.argv = list(argv)
        self.pos = 0
        self.acc: dict[str, Any] = {}

    def _next_value(self, flag: str) -> str:
        if self.pos >= len(self.argv):
            raise InvalidInput(f"flag {flag} needs a value")
        value = self.argv[self.pos]
        self.pos += 1
        return value

    def _apply(self, f: _Flag, shown: str, value: str | None) -> None:
        if f.setter is None:
            self.acc[f.boolean] = True if value is None else _parse_bool(value, shown)
            return
        if value is None:
            value = self._next_value(shown)
        f.setter(self.acc, value)

    def parse(self) -> RunSpec:
        argv = self.argv
        while self.pos < len(argv):
            arg = argv[self.pos]
            if arg == "--":
                self.pos += 1
                break
            if not arg.startswith("-") or arg == "-":
                break
            self.pos += 1
            if arg.startswith("--"):
                name, eq, value = arg[2:].partition("=")
                f = _BY_LONG.get(name)
                if f is None:
                    raise InvalidInput(_unknown(f"--{name}"))
                self._apply(f, f"--{name}", value if eq else None)
                continue
            letters = arg[1:]
            i = 0
            while i < len(letters):
                c = letters[i]
                f = _BY_SHORT.get(c)
                if f is None:
                    raise InvalidInput(_unknown(f"-{c}"))
                rest = letters[i + 1 :]
                if f.setter is None:
                    if rest.startswith("="):
                        self._apply(f, f"-{c}", rest[1:])
                        break
                    self._apply(f, f"-{c}", None)
                    i += 1
                    continue
                if rest.startswith("="):
                    rest = rest[1:]
                self._apply(f, f"-{c}", rest if rest else None)
                break
        if self.pos >= len(argv):
            raise InvalidInput("no image given (docker run [OPTIONS] IMAGE [COMMAND])")
        acc = self.acc
        spec = RunSpec(
            image=argv[self.pos],
            command=tuple(argv[self.pos + 1 :]),
            name=acc.get("name") or None,
            entrypoint=acc.get("entrypoint"),
            env=tuple(acc.get("env", ())),
            labels=_pairs(acc.get("labels", ())),
            workdir=acc.get("workdir") or None,
            user=acc.get("user") or None,
            hostname=acc.get("hostname") or None,
            mounts=tuple(acc.get("mounts", ())),
            restart=acc.get("restart") or None,
            ports=tuple(acc.get("ports", ())),
            expose=tuple(acc.get("expose", ())),
            network=acc.get("network") or None,
            network_aliases=tuple(acc.get("network_aliases", ())),
            ip=acc.get("ip") or None,
            ip6=acc.get("ip6") or None,
            read_only=acc.get("read_only", False),
            auto_remove=acc.get("auto_remove", False),
            detach=acc.get("detach", False),
            interactive=acc.get("interactive", False),
            tty=acc.get("tty", False),
            volumes_from=tuple(acc.get("volumes_from", ())),
        )
        return spec.validate()


def _unknown(flag: str) -> str:
    return f"docker run flag {flag} is not handled by volgui (refused rather than dropped)"


# -- whole command lines ---------------------------------------------------


def _join_continuations(text: str) -> str:
    """Drop backslash-newline outside single quotes, as the shell does."""
    out: list[str] = []
    i, n = 0, len(text)
    quote = ""
    while i < n:
        c = text[i]
        if quote == "'":
            out.append(c)
            if c == "'":
                quote = ""
            i += 1
            continue
        if c == "\\" and i + 1 < n:
            nxt = text[i + 1]
            if nxt == "\n":
                i += 2
                continue
            if nxt == "\r" and text[i + 2 : i + 3] == "\n":
                i += 3
                continue
            out.append(c + nxt)
            i += 2
            continue
        if c == '"':
            quote = "" if quote == '"' else '"'
        elif c == "'" and not quote:
            quote = "'"
        out.append(c)
        i += 1
    return "".join(out)


def split_command(text: str) -> list[str]:
    """Shell words of a pasted ``docker run``/``docker create`` line, after the verb."""
    try:
        words = shlex.split(_join_continuations(text), comments=False, posix=True)
    except ValueError as e:
        raise InvalidInput(f"cannot read the command line: {e}") from None
    if words[:1] == ["$"]:
        words = words[1:]
    if words[:1] == ["sudo"]:
        words = words[1:]
    if words[:1] != ["docker"]:
        raise InvalidInput("expected a `docker run ...` or `docker create ...` line")
    words = words[1:]
    if words[:1] == ["container"]:
        words = words[1:]
    if words[:1] not in (["run"], ["create"]):
        got = words[0] if words else "nothing"
        raise InvalidInput(f"expected `docker run` or `docker create`, got `docker {got}`")
    return words[1:]


def parse_command(text: str) -> RunSpec:
    """A whole ``docker run ...`` line (shell-quoted, with continuations) as a RunSpec."""
    return RunSpec.from_args(split_command(text))


# -- back from a container ---------------------------------------------------

# HostConfig values a RunSpec never sets, with what they hold when nobody set them.
_PLAIN_HOST_CONFIG: dict[str, tuple[Any, ...]] = {
    "CapAdd": (None, []),
    "CapDrop": (None, []),
    "Devices": (None, []),
    "DeviceRequests": (None, []),
    "Dns": (None, []),
    "DnsOptions": (None, []),
    "DnsSearch": (None, []),
    "ExtraHosts": (None, []),
    "GroupAdd": (None, []),
    "Links": (None, []),
    "SecurityOpt": (None, []),
    "Ulimits": (None, []),
    "Sysctls": (None, {}),
    "Privileged": (False, None),
    "PublishAllPorts": (False, None),
    "PidMode": ("", None),
    "UTSMode": ("", None),
    "UsernsMode": ("", None),
    "Init": (None, False),
    "Memory": (0, None),
    "MemoryReservation": (0, None),
    "MemorySwap": (0, None),
    "NanoCpus": (0, None),
    "CpuShares": (0, None),
    "CpuQuota": (0, None),
    "CpuPeriod": (0, None),
    "CpusetCpus": ("", None),
    "OomKillDisable": (False, None),
    "OomScoreAdj": (0, None),
    "PidsLimit": (None, 0, -1),
    "CgroupParent": ("", None),
    "VolumeDriver": ("", None),
    "ShmSize": (67108864, 0, None),
    "IpcMode": ("private", "shareable", "", None),
    "Runtime": ("runc", "", None),
    "BlkioWeight": (0, None),
    "CpusetMems": ("", None),
    "CpuRealtimePeriod": (0, None),
    "CpuRealtimeRuntime": (0, None),
    "DeviceCgroupRules": (None, []),
    "StorageOpt": (None, {}),
    "Cgroup": ("", None),
}
_FLAG_OF = {
    "CapAdd": "--cap-add",
    "CapDrop": "--cap-drop",
    "Devices": "--device",
    "DeviceRequests": "--gpus",
    "Dns": "--dns",
    "DnsOptions": "--dns-option",
    "DnsSearch": "--dns-search",
    "ExtraHosts": "--add-host",
    "GroupAdd": "--group-add",
    "Links": "--link",
    "SecurityOpt": "--security-opt",
    "Ulimits": "--ulimit",
    "Sysctls": "--sysctl",
    "Privileged": "--privileged",
    "PublishAllPorts": "-P",
    "PidMode": "--pid",
    "UTSMode": "--uts",
    "UsernsMode": "--userns",
    "Init": "--init",
    "Memory": "--memory",
    "MemoryReservation": "--memory-reservation",
    "MemorySwap": "--memory-swap",
    "NanoCpus": "--cpus",
    "CpuShares": "--cpu-shares",
    "CpuQuota": "--cpu-quota",
    "CpuPeriod": "--cpu-period",
    "CpusetCpus": "--cpuset-cpus",
    "OomKillDisable": "--oom-kill-disable",
    "OomScoreAdj": "--oom-score-adj",
    "PidsLimit": "--pids-limit",
    "CgroupParent": "--cgroup-parent",
    "VolumeDriver": "--volume-driver",
    "ShmSize": "--shm-size",
    "IpcMode": "--ipc",
    "Runtime": "--runtime",
    "BlkioWeight": "--blkio-weight",
    "CpusetMems": "--cpuset-mems",
    "CpuRealtimePeriod": "--cpu-rt-period",
    "CpuRealtimeRuntime": "--cpu-rt-runtime",
    "DeviceCgroupRules": "--device-cgroup-rule",
    "StorageOpt": "--storage-opt",
    "Cgroup": "--cgroup",
}


def _lost_settings(inspect: Mapping[str, Any], image_config: Mapping[str, Any]) -> list[str]:
    """The docker-run flags behind settings a RunSpec cannot carry over."""
    hc = inspect.get("HostConfig") or {}
    cfg = inspect.get("Config") or {}
    lost = [
        _FLAG_OF[key]
        for key, plain in _PLAIN_HOST_CONFIG.items()
        if key in hc and hc[key] not in plain
    ]
    if hc.get("Privileged") and hc.get("SecurityOpt") == ["label=disable"]:
        lost.remove("--security-opt")  # the engine's own doing for --privileged
    log = hc.get("LogConfig") or {}
    if log.get("Config"):
        lost.append("--log-opt")
    if cfg.get("Domainname"):
        lost.append("--domainname")
    if cfg.get("StopSignal") and cfg.get("StopSignal") != image_config.get("StopSignal"):
        lost.append("--stop-signal")
    if cfg.get("Healthcheck") and cfg.get("Healthcheck") != image_config.get("Healthcheck"):
        lost.append("--health-cmd")
    if cfg.get("StopTimeout") is not None:
        lost.append("--stop-timeout")
    if cfg.get("MacAddress"):
        lost.append("--mac-address")
    networks = (inspect.get("NetworkSettings") or {}).get("Networks") or {}
    for ep in networks.values():
        ep = ep or {}
        if (ep.get("IPAMConfig") or {}).get("LinkLocalIPs"):
            lost.append("--link-local-ip")
        if ep.get("Links"):
            lost.append("--link")
    return lost


def _from_container(
    cls: type[RunSpec],
    inspect: Mapping[str, Any],
    image_inspect: Mapping[str, Any],
    reuse_anonymous: bool,
) -> RunSpec:
    cid: str = inspect.get("Id", "")
    display = (inspect.get("Name") or "").lstrip("/") or cid[:12]
    cfg: Mapping[str, Any] = inspect.get("Config") or {}
    hc: Mapping[str, Any] = inspect.get("HostConfig") or {}
    img: Mapping[str, Any] = image_inspect.get("Config") or {}
    lost = _lost_settings(inspect, img)
    if lost:
        raise InvalidInput(
            f"container {display} uses settings volgui cannot carry over: {', '.join(lost)}"
        )

    image_env = set(img.get("Env") or [])
    env = tuple(e for e in cfg.get("Env") or [] if e not in image_env)
    image_labels: Mapping[str, str] = img.get("Labels") or {}
    labels = tuple((k, v) for k, v in (cfg.get("Labels") or {}).items() if image_labels.get(k) != v)

    # The engine gives a container the image's Cmd only when neither an
    # entrypoint nor a command was given: keep both or neither to rebuild it.
    cmd = list(cfg.get("Cmd") or [])
    entry = cfg.get("Entrypoint")
    image_cmd = list(img.get("Cmd") or [])
    image_entry = img.get("Entrypoint")
    entrypoint: str | None = None
    command: tuple[str, ...] = tuple(cmd)
    if (entry or None) == (image_entry or None) and cmd == image_cmd:
        command = ()
    elif entry == [""] or (not entry and image_entry):
        entrypoint = ""
    elif entry and (entry != image_entry or (not cmd and image_cmd)):
        entrypoint = entry[0]
        command = (*entry[1:], *cmd)

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

    # Mounts: -v entries from Binds, --mount from Mounts, --tmpfs from Tmpfs,
    # anonymous -v from Config.Volumes less the image's own VOLUMEs.
    resolved = {m.get("Destination"): m for m in inspect.get("Mounts") or []}
    mounts: list[MountSpec] = []
    for b in hc.get("Binds") or []:
        mounts.append(MountSpec.from_volume_flag(b))
    for raw in hc.get("Mounts") or []:
        mounts.append(_mount_from_api(raw, resolved, reuse_anonymous))
    for dest, opts in (hc.get("Tmpfs") or {}).items():
        mounts.append(MountSpec.from_tmpfs_flag(f"{dest}:{opts}" if opts else dest))
    image_volumes = set(img.get("Volumes") or {})
    taken = {posixpath.normpath(m.destination) for m in mounts}
    for dest in cfg.get("Volumes") or {}:
        if posixpath.normpath(dest) in taken:
            continue
        from_image = dest in image_volumes
        name = (resolved.get(posixpath.normpath(dest)) or {}).get("Name")
        if reuse_anonymous and name:
            mounts.append(MountSpec("volume", dest, name))
        elif not from_image:
            mounts.append(MountSpec("volume", dest))

    restart = hc.get("RestartPolicy") or {}
    restart_name = restart.get("Name") or "no"
    restart_text: str | None = None
    if restart_name != "no":
        count = restart.get("MaximumRetryCount") or 0
        restart_text = f"{restart_name}:{count}" if count else restart_name

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
            text = (
                f"{host_ip}:{host}:{number}"
                if host_ip
                else (f"{host}:{number}" if host else number)
            )
            ports.append(text + suffix)
        bound.add(port)
    image_ports = set(img.get("ExposedPorts") or {})
    expose = tuple(
        p.removesuffix("/tcp")
        for p in cfg.get("ExposedPorts") or {}
        if p not in bound and p not in image_ports
    )

    network: str | None = None if network_mode == "default" else network_mode
    aliases: tuple[str, ...] = ()
    ip: str | None = None
    ip6: str | None = None
    networks = (inspect.get("NetworkSettings") or {}).get("Networks") or {}
    if network and network in networks:
        endpoint = networks[network] or {}
        aliases = _aliases(endpoint, cid)
        ipam = endpoint.get("IPAMConfig") or {}
        ip, ip6 = ipam.get("IPv4Address") or None, ipam.get("IPv6Address") or None

    attached = cfg.get("AttachStdout") or cfg.get("AttachStderr")
    spec = cls(
        image=cfg.get("Image") or inspect.get("Image", ""),
        command=command,
        name=display if inspect.get("Name") else None,
        entrypoint=entrypoint,
        env=env,
        labels=labels,
        workdir=workdir,
        user=user,
        hostname=hostname,
        mounts=tuple(mounts),
        restart=restart_text,
        ports=tuple(ports),
        expose=expose,
        network=network,
        network_aliases=aliases,
        ip=ip,
        ip6=ip6,
        read_only=bool(hc.get("ReadonlyRootfs")),
        auto_remove=bool(hc.get("AutoRemove")),
        detach=not attached,
        interactive=bool(cfg.get("OpenStdin")),
        tty=bool(cfg.get("Tty")),
        volumes_from=tuple(hc.get("VolumesFrom") or ()),
    )
    return spec


def _aliases(endpoint: Mapping[str, Any], cid: str) -> tuple[str, ...]:
    # The engine adds the short id as an alias once the container has run.
    return tuple(a for a in endpoint.get("Aliases") or [] if a != cid[:12])


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


def _mount_from_api(
    raw: Mapping[str, Any], resolved: Mapping[str, Any], reuse_anonymous: bool
) -> MountSpec:
    kind: MountType = raw.get("Type") or "volume"
    if kind not in ("volume", "bind", "tmpfs"):
        raise InvalidInput(f"a --mount of type {kind} cannot be carried over")
    target = raw.get("Target") or ""
    source = raw.get("Source") or None
    if kind == "volume" and not source and reuse_anonymous:
        source = (resolved.get(target) or {}).get("Name") or None
    vo = raw.get("VolumeOptions") or {}
    dc = vo.get("DriverConfig") or {}
    to = raw.get("TmpfsOptions") or {}
    bo = raw.get("BindOptions") or {}
    mode = to.get("Mode")
    return MountSpec(
        type=kind,
        destination=target,
        source=source,
        read_only=bool(raw.get("ReadOnly")),
        flag="mount",
        propagation=bo.get("Propagation") or None,
        nocopy=bool(vo.get("NoCopy")),
        volume_driver=dc.get("Name") if dc else None,
        volume_labels=tuple((vo.get("Labels") or {}).items()),
        volume_options=tuple((dc.get("Options") or {}).items()),
        tmpfs_size=str(to["SizeBytes"]) if to.get("SizeBytes") else None,
        tmpfs_mode=f"{mode:o}" if mode else None,
    )


__all__ = [
    "MountSpec",
    "RunSpec",
    "connect_commands",
    "exposed_ports",
    "parse_command",
    "port_bindings",
    "ram_in_bytes",
    "split_command",
]
