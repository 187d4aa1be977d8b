"""MountSpec: one mount as ``-v``, ``--mount`` or ``--tmpfs`` wrote it, and what the engine is sent.

``-v`` goes to ``HostConfig.Binds`` (or ``Config.Volumes`` when anonymous),
``--mount`` to ``HostConfig.Mounts``, ``--tmpfs`` to ``HostConfig.Tmpfs``:
the engine stores them apart, and a recreated container must say them the
same way. ``--mount``'s CSV is read in ``mount_flag.py``.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Any, Literal

from volgui.engine.errors import InvalidInput
from volgui.engine.runspec.values import Pairs, csv_field, ram_in_bytes
from volgui.engine.validate import check_destination, check_name

MountFlag = Literal["volume", "mount", "tmpfs"]  # which flag wrote it: -v, --mount, --tmpfs
Kind = Literal["volume", "bind", "tmpfs", "image"]

# -v mode words the engine accepts on Linux (besides ro/rw).
VOLUME_MODES = frozenset(
    "rw z Z nocopy shared rshared slave rslave private rprivate consistent cached delegated".split()
)
PROPAGATIONS = frozenset("shared rshared slave rslave private rprivate".split())
RECURSIVE = ("enabled", "disabled", "writable", "readonly")
# bind-nonrecursive=false: no setting, but the CLI still sends an empty BindOptions.
NONRECURSIVE_FALSE = "nonrecursive=false"
_SIZE_PATTERN = re.compile(r"^[0-9]+(?:\.[0-9]+)?\s*([kmgtp]i?b?|b)?$", re.IGNORECASE)


@dataclass(frozen=True)
class MountSpec:
    """One mount as a docker-run flag wrote it.

    ``options`` holds the words after the destination of ``-v`` (``rw``,
    ``z``, ``nocopy``, a propagation) or of ``--tmpfs`` (``size=64m``), ``ro``
    excepted: that is ``read_only``. The other fields are ``--mount`` keys;
    ``nocopy`` None means the key was not given (False: ``volume-nocopy=false``,
    which still makes the CLI send an empty ``VolumeOptions``).
    """

    type: Kind
    destination: str
    source: str | None = None  # volume name, host path or image; None: anonymous volume or tmpfs
    read_only: bool = False
    flag: MountFlag = "volume"
    options: tuple[str, ...] = ()
    propagation: str | None = None
    nocopy: bool | None = None
    volume_driver: str | None = None
    volume_labels: Pairs = ()
    volume_options: Pairs = ()
    subpath: str | None = None  # volume-subpath (API 1.45) or image-subpath (API 1.48)
    recursive: str | None = None  # bind-recursive: enabled, disabled, writable, readonly
    consistency: str | None = None
    tmpfs_size: str | None = None
    tmpfs_mode: str | None = None

    @property
    def anonymous(self) -> bool:
        return self.type == "volume" and not self.source

    @property
    def volume_keys(self) -> bool:
        """Whether any volume-* key was given (the CLI then sends VolumeOptions)."""
        return (
            self.nocopy is not None
            or self.volume_driver is not None
            or bool(self.volume_labels or self.volume_options)
            or (self.type == "volume" and self.subpath is not None)
        )

    # -- -v and --tmpfs --------------------------------------------------

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
        kind: Kind = "bind" if source and source[0] in "./~" else "volume"
        words = mode.split(",") if mode else []
        spec = cls(
            kind, destination, source, "ro" in words, "volume", tuple(w for w in words if w != "ro")
        )
        spec.check(what)
        return spec

    @classmethod
    def from_tmpfs_flag(cls, value: str) -> MountSpec:
        """``--tmpfs DESTINATION[:OPTIONS]`` (options as for mount -t tmpfs)."""
        destination, _, opts = value.partition(":")
        words = [w for w in opts.split(",") if w] if opts else []
        ro = "ro" in words
        spec = cls("tmpfs", destination, None, ro, "tmpfs", tuple(w for w in words if w != "ro"))
        spec.check(f"--tmpfs {value!r}")
        return spec

    # -- checking --------------------------------------------------------

    def check(self, what: str) -> None:
        """Refuse what the engine or the CLI would refuse, with words that name ``what``."""

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
        elif self.type == "image":
            if not self.source:
                raise bad("an image mount needs source=IMAGE")
        elif self.source:
            try:
                check_name(self.source, "volume")
            except InvalidInput as e:
                hint = "start it with / or ." if self.flag == "volume" else "use type=bind"
                raise bad(f"{e}; for a host path, {hint}") from None
        if self.flag == "volume":
            self._check_volume_words(bad)
        elif self.flag == "tmpfs":
            for word in self.options:
                if not word or word != word.strip() or ":" in word:
                    raise bad(f"bad option {word!r}")
        if self.flag == "mount":
            self._check_mount_keys(bad)
        elif self._mount_only():
            raise bad("volume-*, bind-* and tmpfs-* settings need --mount")

    def _mount_only(self) -> bool:
        return bool(
            self.propagation
            or self.volume_keys
            or self.subpath is not None
            or self.recursive is not None
            or self.consistency is not None
            or self.tmpfs_size is not None
            or self.tmpfs_mode is not None
        )

    def _check_volume_words(self, bad: Any) -> None:
        if not self.source and (self.read_only or self.options):
            raise bad("an anonymous volume takes no options (use --mount for that)")
        seen: set[str] = set()
        for word in self.options:
            if word not in VOLUME_MODES:
                raise bad(f"unknown option {word!r} (use ro, rw, z, Z, nocopy or a propagation)")
            if word in seen:
                raise bad(f"option {word!r} given twice")
            seen.add(word)
        if self.read_only and "rw" in seen:
            raise bad("both ro and rw")
        if self.type == "volume" and seen & PROPAGATIONS:
            raise bad("propagation applies to bind mounts only")

    def _check_mount_keys(self, bad: Any) -> None:
        if self.propagation is not None and self.propagation not in PROPAGATIONS:
            raise bad(
                f"bind-propagation {self.propagation!r} is not one of "
                + ", ".join(sorted(PROPAGATIONS))
            )
        if self.recursive not in (None, NONRECURSIVE_FALSE, *RECURSIVE):
            raise bad(
                f'invalid value for bind-recursive: {self.recursive} (must be "enabled", '
                '"disabled", "writable", or "readonly")'
            )
        if self.recursive in ("writable", "readonly") and not self.read_only:
            raise bad(
                f"option 'bind-recursive={self.recursive}' requires 'readonly' "
                "to be specified in conjunction"
            )
        if self.recursive == "readonly" and self.propagation != "rprivate":
            raise bad(
                "option 'bind-recursive=readonly' requires 'bind-propagation=rprivate' "
                "to be specified in conjunction"
            )
        if self.tmpfs_size is not None and not _SIZE_PATTERN.match(self.tmpfs_size):
            raise bad(f"invalid value for tmpfs-size: {self.tmpfs_size}")
        mode = self.tmpfs_mode
        if mode is not None and not (re.fullmatch(r"[0-7]{1,11}", mode) and int(mode, 8) < 2**32):
            raise bad(f"invalid value for tmpfs-mode: {mode}")
        for k, _ in self.volume_labels + self.volume_options:
            if not k:
                raise bad("a volume-label or volume-opt needs a key")
        texts = [self.source, self.destination, self.volume_driver, self.subpath]
        texts += [t for pair in self.volume_labels + self.volume_options for t in pair]
        for text in texts:
            if text and ("\n" in text or "\r" in text):
                raise bad("line breaks are not allowed")

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
        return ["--mount", ",".join(csv_field(f) for f in self._fields())]

    def _fields(self) -> list[str]:
        fields = [f"type={self.type}"]
        if self.source:
            fields.append(f"source={self.source}")
        fields.append(f"target={self.destination}")
        if self.read_only:
            fields.append("readonly")
        if self.consistency is not None:
            fields.append(f"consistency={self.consistency}")
        if self.propagation:
            fields.append(f"bind-propagation={self.propagation}")
        if self.recursive == NONRECURSIVE_FALSE:
            fields.append("bind-nonrecursive=false")
        elif self.recursive is not None:
            fields.append(f"bind-recursive={self.recursive}")
        if self.nocopy is not None:
            fields.append("volume-nocopy" if self.nocopy else "volume-nocopy=false")
        if self.subpath is not None:
            fields.append(f"{self.type}-subpath={self.subpath}")
        if self.volume_driver is not None:
            fields.append(f"volume-driver={self.volume_driver}")
        fields += [f"volume-label={k}={v}" for k, v in self.volume_labels]
        fields += [f"volume-opt={k}={v}" for k, v in self.volume_options]
        if self.tmpfs_size is not None:
            fields.append(f"tmpfs-size={self.tmpfs_size}")
        if self.tmpfs_mode is not None:
            fields.append(f"tmpfs-mode={self.tmpfs_mode}")
        return fields

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
            if self.type == "bind" and source.startswith("."):
                source = posixpath.normpath(posixpath.join(cwd, source))
            m["Source"] = source
        m["Target"] = self.destination
        if self.read_only:
            m["ReadOnly"] = True
        if self.consistency:
            m["Consistency"] = self.consistency
        bind: dict[str, Any] = {}
        if self.propagation:
            bind["Propagation"] = self.propagation
        if self.recursive == "disabled":
            bind["NonRecursive"] = True
        elif self.recursive == "writable":
            bind["ReadOnlyNonRecursive"] = True
        elif self.recursive == "readonly":
            bind["ReadOnlyForceRecursive"] = True
        if bind or self.recursive == NONRECURSIVE_FALSE:
            m["BindOptions"] = bind
        if self.volume_keys:
            vo: dict[str, Any] = {}
            if self.nocopy:
                vo["NoCopy"] = True
            if self.volume_labels:
                vo["Labels"] = dict(self.volume_labels)
            if self.subpath:
                vo["Subpath"] = self.subpath
            # The CLI always sends a DriverConfig, empty unless a driver or options are set.
            dc: dict[str, Any] = {}
            if self.volume_driver:
                dc["Name"] = self.volume_driver
            if self.volume_options:
                dc["Options"] = dict(self.volume_options)
            vo["DriverConfig"] = dc
            m["VolumeOptions"] = vo
        if self.type == "image" and self.subpath is not None:
            m["ImageOptions"] = {"Subpath": self.subpath} if self.subpath else {}
        if self.tmpfs_size is not None or self.tmpfs_mode is not None:
            to: dict[str, Any] = {}
            if self.tmpfs_size is not None:
                to["SizeBytes"] = ram_in_bytes(self.tmpfs_size)
            if self.tmpfs_mode is not None:
                to["Mode"] = int(self.tmpfs_mode, 8)
            m["TmpfsOptions"] = to
        return m
