"""The Engine: the one object the app and the CLI hold per Docker engine.

A front door and nothing more: every method delegates to an operation module
(``system``, ``containers``, ``volumes``, ``runspec``, ``recreate``, ``events``),
each of which takes the :class:`~volgui.engine.transport.Transport` and
imports nothing above it. Nothing below imports this module.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from volgui.engine import containers as _containers
from volgui.engine import engines as _engines
from volgui.engine import events as _events
from volgui.engine import images as _images
from volgui.engine import recreate as _recreate
from volgui.engine import runspec as _runspec
from volgui.engine import system as _system
from volgui.engine import volumes as _volumes
from volgui.engine.connection import Endpoint, resolve
from volgui.engine.data import api as _data
from volgui.engine.errors import VolguiError
from volgui.engine.model import Container, Mount, Snapshot, Volume
from volgui.engine.system import EngineInfo
from volgui.engine.transport import CONNECT_TIMEOUT, APIClient, RequestHook, Transport


class Engine:
    """A Docker engine. Thread-safe for concurrent calls.

    ``Engine.open(endpoint)`` contacts the engine at once (the API version is
    negotiated) and raises :class:`EngineUnavailable` if it is down: what the
    command line wants. ``Engine.open(endpoint, lazy=True)`` contacts nothing;
    the transport connects on whatever thread first needs it and retries on
    each use: what a window opened while the engine is down wants.
    """

    def __init__(
        self, endpoint: Endpoint, timeout: int = 60, connect_timeout: float = CONNECT_TIMEOUT
    ) -> None:
        self.transport = Transport(endpoint, timeout, connect_timeout)

    @classmethod
    def open(
        cls,
        endpoint: Endpoint,
        timeout: int = 60,
        lazy: bool = False,
        connect_timeout: float = CONNECT_TIMEOUT,
    ) -> Engine:
        engine = cls(endpoint, timeout, connect_timeout)
        if not lazy:
            _ = engine.api  # connect now: a down engine raises EngineUnavailable here
        return engine

    # -- the transport's face ----------------------------------------------

    @property
    def endpoint(self) -> Endpoint:
        return self.transport.endpoint

    @property
    def address(self) -> str:
        return self.transport.address

    @property
    def api(self) -> APIClient:
        """The low-level client (tests and benchmarks compare against it)."""
        return self.transport.api

    @property
    def connected(self) -> bool:
        return self.transport.connected

    @property
    def request_hooks(self) -> list[RequestHook]:
        return self.transport.request_hooks

    def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return self.transport.call(fn, *args, **kwargs)

    def close(self) -> None:
        self.transport.close()

    # -- reading -------------------------------------------------------------

    def ping(self) -> None:
        _system.ping(self.transport)

    def info(self) -> EngineInfo:
        return _system.info(self.transport)

    def probe(self, count: bool = True) -> _engines.Probe:
        """Answering or down and why, Docker or Podman, versions, volume count
        (``count=False``: not listed, ``volumes`` None)."""
        return _engines.probe(self.transport, count)

    def snapshot(self) -> Snapshot:
        """Volumes, containers and their mounts: two list requests, nothing per item."""
        return _system.snapshot(self.transport)

    def inspect_volume(self, name: str) -> dict[str, Any]:
        return _volumes.inspect(self.transport, name)

    def inspect_container(self, key: str) -> dict[str, Any]:
        return _containers.inspect(self.transport, key)

    def volume_sizes(self, names: Iterable[str] | None = None) -> dict[str, int]:
        """Bytes used per volume, from ``/system/df`` (slow: walks every volume)."""
        return _data.volume_sizes(self.transport, names)

    # -- live updates --------------------------------------------------------

    def follow_events(
        self,
        on_notice: Callable[[_events.Notice], None],
        on_state: Callable[[bool, VolguiError | None], None] = lambda up, err: None,
    ) -> _events.Follower:
        """A (not yet started) follower of this engine's event stream."""
        return _events.Follower(self.transport, on_notice, on_state)

    def apply_notice(self, snap: Snapshot, notice: _events.Notice) -> Snapshot:
        """The snapshot after ``notice``: re-read only what it names."""
        return _events.apply(self.transport, snap, notice)

    # -- volume housekeeping -------------------------------------------------

    def create_volume(
        self,
        name: str,
        driver: str = "local",
        options: Mapping[str, str] | None = None,
        labels: Mapping[str, str] | None = None,
    ) -> Volume:
        return _volumes.create(self.transport, name, driver, options or {}, labels or {})

    def remove_volume(self, name: str) -> None:
        _volumes.remove(self.transport, name)

    def prune_preview(self, include_named: bool = False) -> list[Volume]:
        return _volumes.prune_preview(self.transport, include_named)

    def prune(self, names: Iterable[str]) -> _volumes.PruneResult:
        return _volumes.prune(self.transport, names)

    # -- containers from docker-run arguments --------------------------------

    def create_container(self, spec: _runspec.RunSpec, start: bool = False) -> str:
        """Create the container ``spec`` describes, as `docker create` would; return its id."""
        return _containers.create(self.transport, spec, start)

    def container_spec(self, key: str, reuse_anonymous: bool = False) -> _runspec.RunSpec:
        """The RunSpec that recreates container ``key`` (what `volgui runcmd` prints)."""
        return _containers.spec_of(self.transport, key, reuse_anonymous=reuse_anonymous)

    def list_images(self) -> list[str]:
        """The local images as ``repo:tag`` strings (the run dialog's image list)."""
        return _images.tags(self.transport)

    def start_container(self, key: str) -> None:
        _containers.start(self.transport, key)

    def stop_container(self, key: str) -> None:
        _containers.stop(self.transport, key)

    def restart_container(self, key: str) -> None:
        _containers.restart(self.transport, key)

    def remove_container(self, key: str) -> None:
        """Remove container ``key``; its volumes stay (DESIGN rule 1)."""
        _containers.remove(self.transport, key)

    # -- replacing a container (drag-to-mount) -------------------------------

    def plan_mount(self, container: str | Container, mount: Mount) -> _recreate.RecreatePlan:
        """Plan replacing ``container`` by the same container plus ``mount``; changes nothing."""
        return _recreate.plan_mount(self.transport, container, mount)

    def plan_unmount(self, container: str | Container, destination: str) -> _recreate.RecreatePlan:
        """Plan replacing ``container`` by the same container minus its mount at ``destination``."""
        return _recreate.plan_unmount(self.transport, container, destination)

    def plan_mounts(
        self, container: str | Container, mounts: Sequence[Mount]
    ) -> _recreate.RecreatePlan:
        """Plan replacing ``container`` by the same container with exactly ``mounts`` (the
        whole set: add, take away, toggle read-only in one recreate); changes nothing."""
        return _recreate.plan_mounts(self.transport, container, mounts)

    def apply(
        self,
        plan: _recreate.RecreatePlan,
        discard_changes: bool = False,
        progress: _recreate.ProgressCallback | None = None,
        stop_timeout: int | None = None,
    ) -> str:
        """Carry out a recreate plan, journalled and with rollback; return the new container's id.

        The old container stops with its own stop signal and timeout unless
        ``stop_timeout`` (seconds, 0 allowed) is given.
        """
        return _recreate.apply(
            self.transport,
            plan,
            discard_changes=discard_changes,
            progress=progress,
            stop_timeout=stop_timeout,
        )

    def interrupted(self) -> list[_recreate.Interrupted]:
        """The changes cut short (a kill, a crash) that :meth:`recover` can bring to one state."""
        return _recreate.interrupted(self.transport)

    def recover(
        self,
        item: _recreate.Interrupted | None = None,
        how: _recreate.RecoverHow = "auto",
        say: Callable[[str], None] | None = None,
    ) -> list[str]:
        """Finish or roll back ``item`` (default: every interrupted one); a line per container."""
        return _recreate.recover(self.transport, item, how, say)

    # -- volume data (issue 13; volgui/engine/data/) ---------------------------

    def export_volume(self, volume: str, path: str, **kw: Any) -> int:
        return _data.export_volume(self.transport, volume, path, **kw)

    def import_volume(self, volume: str, path: str, **kw: Any) -> _data.Imported:
        return _data.import_volume(self.transport, volume, path, **kw)

    def clone_volume(self, source: str, target: str, **kw: Any) -> int:
        return _data.clone_volume(self.transport, source, target, **kw)

    def copy_volume(self, volume: str, target: Engine, **kw: Any) -> int:
        return _data.copy_volume(self.transport, target.transport, volume, **kw)

    def empty_volume(self, volume: str) -> None:
        _data.empty_volume(self.transport, volume)

    def rename_volume(self, old: str, new: str, **kw: Any) -> _data.Renamed:
        return _data.rename_volume(self.transport, old, new, **kw)

    def list_dir(self, volume: str, path: str = "/", **kw: Any) -> list[_data.Entry]:
        return _data.list_dir(self.transport, volume, path, **kw)

    def preview_file(self, volume: str, path: str) -> bytes | None:
        return _data.preview(self.transport, volume, path)

    def download(self, volume: str, path: str, dest: str, **kw: Any) -> Path:
        return _data.download(self.transport, volume, path, dest, **kw)

    def upload(self, volume: str, folder: str, files: Sequence[str], **kw: Any) -> int:
        return _data.upload(self.transport, volume, folder, files, **kw)

    def delete_entry(self, volume: str, path: str) -> None:
        _data.delete_entry(self.transport, volume, path)

    def remove_helper_leftovers(self) -> list[str]:
        return _data.remove_leftovers(self.transport)


def connect(
    host: str | None = None, context: str | None = None, timeout: int = 60, lazy: bool = False
) -> Engine:
    """Open the engine the docker CLI would use; raise EngineUnavailable if it is down.

    With ``lazy=True`` nothing is contacted now (the window opens while the
    engine is down): the first use, on a worker thread, connects, and raises
    EngineUnavailable there until the engine answers.
    """
    return Engine.open(resolve(host, context), timeout=timeout, lazy=lazy)
