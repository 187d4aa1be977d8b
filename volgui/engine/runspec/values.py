"""Value readers shared by the flags: the docker CLI's own rules for each kind of value.

Each reader takes the text of one flag value and returns what the engine is
sent, or raises InvalidInput with a message in the CLI's words (``invalid
argument "x" for "--flag" flag: ...``).
"""

from __future__ import annotations

import csv
import io
import ipaddress
import re
from collections.abc import Callable, Iterable

from volgui.engine.errors import InvalidInput

Pairs = tuple[tuple[str, str], ...]


def bad(flag: str, value: str, why: str) -> InvalidInput:
    """The docker CLI's way of refusing a flag value."""
    return InvalidInput(f'invalid argument "{value}" for "{flag}" flag: {why}')


def pairs(items: Iterable[tuple[str, str]]) -> Pairs:
    """Key/value pairs in first-seen order, the last value winning (map semantics)."""
    d: dict[str, str] = {}
    for k, v in items:
        d[k] = v
    return tuple(d.items())


def kv(text: str) -> tuple[str, str]:
    key, _, value = text.partition("=")
    return key, value


def parse_bool(text: str, what: str) -> bool:
    """Go's strconv.ParseBool, which pflag and the CLI's --mount use."""
    if text in ("1", "t", "T", "TRUE", "true", "True"):
        return True
    if text in ("0", "f", "F", "FALSE", "false", "False"):
        return False
    raise InvalidInput(f"invalid {what}: {text!r} is not true or false")


def ram_in_bytes(text: str) -> int:
    """Docker's RAMInBytes: 64m, 1.5g, 512k, 1024 (binary units, suffix case-insensitive)."""
    m = re.fullmatch(r"([0-9]+(?:\.[0-9]+)?)\s*([kmgtp]?)i?b?", text.strip(), re.IGNORECASE)
    if not m:
        raise InvalidInput(f"{text!r} is not a size (e.g. 64m)")
    power = "bkmgtp".index((m.group(2) or "b").lower())
    return int(float(m.group(1)) * 1024**power)


def size(flag: str) -> Callable[[str], int]:
    def read(text: str) -> int:
        try:
            return ram_in_bytes(text)
        except InvalidInput:
            raise bad(flag, text, "invalid size: a number with an optional unit (64m)") from None

    return read


def swap_size(text: str) -> int:
    """--memory-swap: a size, or -1 for unlimited."""
    if text == "-1":
        return -1
    try:
        return ram_in_bytes(text)
    except InvalidInput:
        raise bad("--memory-swap", text, "invalid size: a size or -1") from None


def integer(flag: str, low: int = -(2**63), high: int = 2**63 - 1) -> Callable[[str], int]:
    def read(text: str) -> int:
        try:
            n = int(text, 0) if text.lower().startswith(("0x", "0o", "0b")) else int(text)
        except ValueError:
            raise bad(flag, text, "strconv.ParseInt: parsing: invalid syntax") from None
        if not low <= n <= high:
            raise bad(flag, text, f"value out of range ({low} to {high})")
        return n

    return read


def nano_cpus(text: str) -> int:
    """--cpus 1.5 -> 1500000000 (the CLI's NanoCPUs)."""
    try:
        value = float(text)
    except ValueError:
        raise bad("--cpus", text, "failed to parse as a decimal number") from None
    nano = round(value * 1e9)
    if nano < 0 or not re.fullmatch(r"[0-9]*\.?[0-9]*", text):
        raise bad("--cpus", text, "value must be a positive decimal number")
    return nano


_UNITS = {
    "ns": 1,
    "us": 1000,
    "µs": 1000,
    "ms": 10**6,
    "s": 10**9,
    "m": 60 * 10**9,
    "h": 3600 * 10**9,
}


def duration(flag: str) -> Callable[[str], int]:
    """Go's time.ParseDuration (1m30s, 500ms, 2h) -> nanoseconds."""

    def read(text: str) -> int:
        if text == "0":
            return 0
        parts = re.findall(r"([0-9]*\.?[0-9]+)(ns|us|µs|ms|s|m|h)", text)
        if not parts or "".join(n + u for n, u in parts) != text.lstrip("+"):
            raise bad(flag, text, f'time: invalid duration "{text}"')
        return round(sum(float(n) * _UNITS[u] for n, u in parts))

    return read


def show_duration(ns: int) -> str:
    """Nanoseconds as the shortest Go duration text that reads back the same."""
    if ns == 0:
        return "0s"
    out = []
    for unit in ("h", "m", "s", "ms", "us", "ns"):
        step = _UNITS[unit]
        if ns >= step:
            out.append(f"{ns // step}{unit}")
            ns %= step
    return "".join(out)


def show_size(n: int) -> str:
    """Bytes in the largest binary unit that divides them (512m, 1g, 1000)."""
    for suffix, power in (("g", 3), ("m", 2), ("k", 1)):
        if n and n % 1024**power == 0:
            return f"{n // 1024**power}{suffix}"
    return str(n)


def capability(text: str) -> str:
    """The client's normalization: upper case, CAP_ prefix (ALL and RESET kept)."""
    cap = text.strip().upper()
    return cap if cap in ("ALL", "RESET") or cap.startswith("CAP_") else "CAP_" + cap


def extra_host(text: str) -> str:
    """--add-host host:ip or host=ip (ValidateExtraHost); sent as host:ip."""
    name, sep, ip = text.partition("=")
    if not sep:
        name, sep, ip = text.partition(":")
    if not sep or not name:
        raise bad("--add-host", text, f"bad format for add-host: {text!r}")
    if ip != "host-gateway":
        address = ip[1:-1] if ip.startswith("[") and ip.endswith("]") else ip
        try:
            ipaddress.ip_address(address)
        except ValueError:
            raise bad("--add-host", text, f"invalid IP address in add-host: {ip!r}") from None
        ip = address
    return f"{name}:{ip}"


def csv_fields(text: str, what: str) -> list[str]:
    """One line of Go's encoding/csv (fields may be quoted)."""
    if "\n" in text or "\r" in text:
        raise InvalidInput(f"invalid {what}: line breaks are not allowed")
    try:
        return next(csv.reader(io.StringIO(text), strict=True), [])
    except csv.Error as e:
        raise InvalidInput(f"invalid {what}: {e}") from None


def csv_field(text: str) -> str:
    """Quote one CSV field the way Go's encoding/csv reads it back."""
    if any(c in text for c in ',"') or text[:1].isspace():
        return '"' + text.replace('"', '""') + '"'
    return text


def read_kv_file(path: str, lookup: dict[str, str] | None) -> list[str]:
    """--env-file / --label-file, read as the CLI's kvfile.Parse reads them."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise InvalidInput(f"open {path}: {e.strerror.lower() if e.strerror else e}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput(f"invalid env file ({path}): invalid utf8 bytes") from None
    lines: list[str] = []
    for raw in text.removeprefix("\ufeff").splitlines():
        line = raw.lstrip()
        if not line or line.startswith("#"):
            continue
        key, has_value, _ = line.partition("=")
        if not key:
            raise InvalidInput(f"invalid env file ({path}): no variable name on line '{line}'")
        if " " in key or "\t" in key:
            raise InvalidInput(f"invalid env file ({path}): variable '{key}' contains whitespaces")
        if has_value:
            lines.append(line)
        elif lookup is not None and line in lookup:
            lines.append(f"{key}={lookup[line]}")
    return lines


def ip_address(text: str) -> str:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        raise InvalidInput(f"{text} is not an ip address") from None
    return text


def swappiness(text: str) -> int:
    n = integer("--memory-swappiness")(text)
    if n != -1 and not 0 <= n <= 100:
        raise InvalidInput(f"invalid value: {n}. Valid memory swappiness range is 0-100")
    return n


def security_opt(text: str) -> str:
    """--security-opt KEY=VALUE or KEY:VALUE; no-new-privileges alone."""
    key, sep, value = text.partition("=")
    if not sep and key != "no-new-privileges":
        key, sep, value = text.partition(":")
    if (not sep or not value) and key != "no-new-privileges":
        raise InvalidInput(f"Invalid --security-opt: {text!r}")
    if key == "seccomp" and value not in ("builtin", "unconfined"):
        raise InvalidInput(
            "--security-opt seccomp=FILE: volgui does not read seccomp profiles; "
            "use builtin or unconfined"
        )
    return text


def choice(flag: str, *allowed: str, fold: bool = False) -> Callable[[str], str]:
    def read(text: str) -> str:
        got = text.lower() if fold else text
        if got not in allowed:
            shown = ", ".join(repr(a) for a in allowed if a)
            raise InvalidInput(f'invalid argument "{text}" for "{flag}" flag: use one of {shown}')
        return got

    return read


def namespace(flag: str) -> Callable[[str], str]:
    """--pid: "", host, or container:NAME (PidMode.Valid)."""

    def read(text: str) -> str:
        kind, sep, other = text.partition(":")
        if text and text != "host" and not (kind == "container" and sep and other):
            raise InvalidInput(f"{flag}: invalid PID mode")
        return text

    return read


def platform(text: str) -> str:
    """--platform os[/arch[/variant]], lower case (containerd's platforms.Parse)."""
    parts = text.lower().split("/")
    if not text or len(parts) > 3 or not all(re.fullmatch(r"[a-z0-9_.-]+", p) for p in parts):
        raise InvalidInput(
            f'error parsing specified platform: "{text}": unknown operating system or architecture'
        )
    return "/".join(parts)


def show_cpus(nano: int) -> str:
    text = f"{nano / 1e9:.9f}".rstrip("0").rstrip(".")
    return text


_SYSCTLS = frozenset(
    "kernel.msgmax kernel.msgmnb kernel.msgmni kernel.sem kernel.shmall kernel.shmmax "
    "kernel.shmmni kernel.shm_rmid_forced".split()
)


def sysctl(text: str) -> str:
    """--sysctl KEY=VALUE for the namespaced sysctls the CLI allows (ValidateSysctl)."""
    key, sep, _ = text.partition("=")
    if not sep or not (key in _SYSCTLS or key.startswith(("fs.mqueue.", "net."))):
        raise InvalidInput(f"sysctl '{text}' is not allowed")
    return text
