"""Replace a container by the same one plus (or minus) a mount, with rollback.

Docker cannot add a mount to a container that exists (moby/moby#31452). The
cattle answer: create an identical container with the mount changed, swap it
in under the same name, remove the old one; the data lives in volumes and
comes along. Safety rules (DESIGN): the old container stays until the new one
runs and every failure rolls back to it (rule 2); no volume is ever removed
and anonymous volumes are re-attached by name (rule 1); files written into
the container's own layer are not thrown away unless the user agrees (rule 3).

The new container is built from the old one's full inspect, not from its
image, so every setting the user gave comes along as the engine holds it.
"""

from __future__ import annotations

import copy
import posixpath
import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from volgui.engine import containers as containers_ops
from volgui.engine import volumes as _volumes
from volgui.engine.errors import (
    EngineError,
    InvalidInput,
    NotFound,
    PlanOutdated,
    RecreateFailed,
    VolguiError,
    WritableLayerChanged,
)
from volgui.engine.model import Container, Mount, is_anonymous_name
from volgui.engine.runspec import RunSpec
from volgui.engine.transport import Transport
from volgui.engine.validate import check_destination, check_name

Action = Literal["mount", "unmount"]


@dataclass(frozen=True)
class Progress:
    """One step of :func:`apply`, reported just before the step runs."""

    step: int  # 1-based
    total: int
    message: str
    rolling_back: bool = False


ProgressCallback = Callable[[Progress], None]


@dataclass(frozen=True)
class RecreatePlan:
    """What a mount or unmount will do to a container, computed before anything changes.

    ``create_body`` is the ``POST /containers/create`` body of the new container
    (Config, HostConfig and the first network); ``networks`` are the further
    networks it joins before it starts. ``command`` is the same container as a
    ``docker run`` line, for people to read and copy.
    """

    action: Action
    container: Container  # the old container, as it was when planned
    mount: Mount  # the mount added (mount) or taken away (unmount)
    command: str
    warnings: tuple[str, ...] = ()
    changes: tuple[str, ...] = ()  # the container's own-layer changes when planned
    creates_volume: str | None = None
    spec: RunSpec | None = None  # the new container as a RunSpec, if one can express it
    create_body: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)
    networks: Mapping[str, Mapping[str, Any]] = field(
        default_factory=dict, hash=False, compare=False
    )


# -- planning ----------------------------------------------------------------


def mount_from_arg(text: str) -> Mount:
    """``VOLUME:DEST[:ro]`` (the CLI's argument, as in ``docker run -v``) -> a volume Mount."""
    parts = text.split(":")
    read_only = False
    if len(parts) == 3 and parts[2] in ("ro", "rw"):
        read_only = parts.pop() == "ro"
    if len(parts) != 2 or not parts[0] or not parts[1]:
        raise InvalidInput(f"expected VOLUME:DEST or VOLUME:DEST:ro, got {text!r}")
    return Mount(
        container="", type="volume", source=parts[0], destination=parts[1], read_only=read_only
    )


def plan_mount(engine: Transport, container: str | Container, mount: Mount) -> RecreatePlan:
    """Plan replacing ``container`` by the same container plus ``mount``."""
    mount = _checked_mount(mount)
    old = _inspect(engine, container)
    return _plan_mount(engine, old, mount)


def plan_unmount(engine: Transport, container: str | Container, destination: str) -> RecreatePlan:
    """Plan replacing ``container`` by the same container without its mount at ``destination``."""
    destination = _clean(check_destination(destination))
    old = _inspect(engine, container)
    return _plan_unmount(engine, old, destination)


def _checked_mount(mount: Mount) -> Mount:
    destination = _clean(check_destination(mount.destination))
    if mount.type == "volume":
        check_name(mount.source or "", "volume")
    elif mount.type == "bind":
        if not mount.source or not mount.source.startswith("/"):
            raise InvalidInput(f"bind source {mount.source!r} is not an absolute host path")
        if ":" in mount.source:
            raise InvalidInput(f"bind source {mount.source!r} contains ':'")
    elif mount.source:
        raise InvalidInput("a tmpfs mount has no source")
    return replace(mount, destination=destination)


def _plan_mount(engine: Transport, old: Mapping[str, Any], mount: Mount) -> RecreatePlan:
    name = _name(old)
    dest = mount.destination
    points = _mount_points(old)
    if dest in points:
        raise InvalidInput(
            f"{dest} is already a mount point of container {name} "
            f"({_describe(points[dest])}); unmount it first"
        )
    _refuse_autoremove(old)
    warnings: list[str] = []
    image, image_inspect = _image(engine, old, warnings)
    body, networks = _clone(old, image)
    host = body["HostConfig"]
    if mount.type == "tmpfs":
        host["Tmpfs"] = {**(host.get("Tmpfs") or {}), dest: "ro" if mount.read_only else ""}
    else:
        suffix = ":ro" if mount.read_only else ""
        host["Binds"] = [*(host.get("Binds") or []), f"{mount.source}:{dest}{suffix}"]
    creates = None
    if mount.type == "volume" and mount.source and not _volumes.exists(engine, mount.source):
        creates = mount.source
        warnings.append(f"volume {mount.source} does not exist yet and will be created")
    mount = replace(mount, container=old["Id"])
    return _finish(engine, old, "mount", mount, body, networks, image_inspect, warnings, creates)


def _plan_unmount(engine: Transport, old: Mapping[str, Any], dest: str) -> RecreatePlan:
    name = _name(old)
    points = _mount_points(old)
    if dest not in points:
        listed = ", ".join(sorted(points)) or "none"
        raise InvalidInput(
            f"{dest} is not a mount point of container {name} (its mounts: {listed})"
        )
    _refuse_autoremove(old)
    warnings: list[str] = []
    image, image_inspect = _image(engine, old, warnings)
    declared = {_clean(p) for p in (image_inspect.get("Config") or {}).get("Volumes") or {}}
    if dest in declared:
        raise InvalidInput(
            f"cannot unmount {dest} from {name}: its image declares {dest} a VOLUME, so Docker "
            "would mount a new anonymous volume there"
        )
    body, networks = _clone(old, image)
    host = body["HostConfig"]
    if host.get("Binds"):
        host["Binds"] = [b for b in host["Binds"] if _bind_destination(b) != dest]
    if host.get("Mounts"):
        host["Mounts"] = [m for m in host["Mounts"] if _clean(m.get("Target", "")) != dest]
    if host.get("Tmpfs"):
        host["Tmpfs"] = {k: v for k, v in host["Tmpfs"].items() if _clean(k) != dest}
    if body.get("Volumes"):
        body["Volumes"] = {k: v for k, v in body["Volumes"].items() if _clean(k) != dest}
    removed = points[dest]
    if removed.type == "volume" and removed.source:
        which = "anonymous volume" if is_anonymous_name(removed.source) else "volume"
        warnings.append(
            f"{which} {removed.source} stays on the engine with its data "
            "(volgui never removes a volume)"
        )
    return _finish(engine, old, "unmount", removed, body, networks, image_inspect, warnings, None)


def _finish(
    engine: Transport,
    old: Mapping[str, Any],
    action: Action,
    mount: Mount,
    body: dict[str, Any],
    networks: dict[str, dict[str, Any]],
    image_inspect: Mapping[str, Any],
    warnings: list[str],
    creates: str | None,
) -> RecreatePlan:
    changes = layer_changes(engine, old)
    if changes:
        warnings.append(
            f"{len(changes)} changed path(s) in the container's own layer would be lost "
            "(move them into a volume, or discard them)"
        )
    host = old.get("HostConfig") or {}
    random_ports = sorted(
        port
        for port, bindings in (host.get("PortBindings") or {}).items()
        if any(not (b or {}).get("HostPort") for b in bindings or [])
    )
    if random_ports or host.get("PublishAllPorts"):
        shown = ", ".join(random_ports) or "its exposed ports"
        warnings.append(f"{shown} published on random host ports will get new host ports")
    sharing = _namespace_users(engine, old)
    if sharing:
        warnings.append(
            f"{', '.join(sharing)} share(s) this container's network (--network container:...) "
            "and will lose it; recreate them afterwards"
        )
    if old["State"].get("Paused"):
        warnings.append("the container is paused; the new one will be running, not paused")
    new_inspect = _as_inspect(old, action, mount, body, networks)
    spec, command = _run_line(new_inspect, image_inspect)
    if spec is not None and networks:
        warnings.append(
            f"the docker run line shows one network; the new container also joins "
            f"{', '.join(sorted(networks))}, as the old one did"
        )
    return RecreatePlan(
        action=action,
        container=_container(old),
        mount=mount,
        command=command,
        warnings=tuple(warnings),
        changes=changes,
        creates_volume=creates,
        spec=spec,
        create_body=body,
        networks=networks,
    )


def _namespace_users(engine: Transport, old: Mapping[str, Any]) -> list[str]:
    """Containers that joined this one's network namespace: they are tied to its id."""
    ours = {f"container:{old['Id']}", f"container:{_name(old)}"}
    listed = engine.call(engine.api.containers, all=True)
    return sorted(
        (c.get("Names") or ["/" + c["Id"][:12]])[0].lstrip("/")
        for c in listed
        if (c.get("HostConfig") or {}).get("NetworkMode") in ours
    )


def _refuse_autoremove(old: Mapping[str, Any]) -> None:
    if (old.get("HostConfig") or {}).get("AutoRemove") and old["State"].get("Running"):
        raise InvalidInput(
            f"container {_name(old)} runs with --rm: stopping it would delete it, so it cannot "
            "be replaced safely"
        )


# -- the new container, from the old one's inspect ----------------------------


def _ulimit(u: Mapping[str, Any]) -> dict[str, Any]:
    name = str(u.get("Name") or "")
    if name.upper().startswith("RLIMIT_"):
        name = name[len("RLIMIT_") :].lower()
    return {**u, "Name": name}


def _clone(old: Mapping[str, Any], image: str) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The create body of an identical container, and the extra networks it joins."""
    config = copy.deepcopy(dict(old.get("Config") or {}))
    host = copy.deepcopy(dict(old.get("HostConfig") or {}))
    short_id = old["Id"][:12]
    network_mode = host.get("NetworkMode") or ""
    config["Image"] = image
    # Docker fills in the short id as hostname; only a hostname the user chose comes along.
    if config.get("Hostname") == short_id or network_mode.startswith("container:"):
        config.pop("Hostname", None)

    # Anonymous volumes come along by name, so their data does too (rule 1).
    actual = {_clean(m.get("Destination", "")): m for m in old.get("Mounts") or []}
    binds = list(host.get("Binds") or [])
    mounts = list(host.get("Mounts") or [])
    for m in mounts:  # --mount type=volume without a source
        if m.get("Type") == "volume" and not m.get("Source"):
            found = actual.get(_clean(m.get("Target", "")))
            if found and found.get("Name"):
                m["Source"] = found["Name"]
    taken = {_bind_destination(b) for b in binds} | {_clean(m.get("Target", "")) for m in mounts}
    declared = {_clean(p) for p in config.get("Volumes") or {}}  # -v /path, image VOLUMEs
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


def _link(link: str) -> str:
    source, _, alias = link.partition(":")
    return f"{source.lstrip('/')}:{alias.rsplit('/', 1)[-1]}" if alias else source.lstrip("/")


def _image(engine: Transport, old: Mapping[str, Any], warnings: list[str]) -> tuple[str, Any]:
    """The image reference for the new container, and that image's inspect.

    The name the user gave is kept while it still names the same image; if the
    tag moved (or is gone), the new container uses the old image by id.
    """
    image_id = old["Image"]
    ref = (old.get("Config") or {}).get("Image") or image_id
    try:
        current = engine.call(engine.api.inspect_image, ref)
    except NotFound:
        current = None
    if current is not None and current.get("Id") == image_id:
        return ref, current
    state = "now names another image" if current is not None else "is gone"
    warnings.append(
        f"image {ref} {state}; the new container uses the old one "
        f"({image_id.removeprefix('sha256:')[:12]}) by id"
    )
    return image_id, engine.call(engine.api.inspect_image, image_id)


def _as_inspect(
    old: Mapping[str, Any],
    action: Action,
    mount: Mount,
    body: Mapping[str, Any],
    networks: Mapping[str, Mapping[str, Any]],
) -> dict[str, Any]:
    """What ``docker inspect`` of the new container will roughly say (for the run line)."""
    config = {k: v for k, v in body.items() if k not in ("HostConfig", "NetworkingConfig")}
    new_networks = dict((body.get("NetworkingConfig") or {}).get("EndpointsConfig") or {})
    new_networks.update(networks)
    mounts = [
        m for m in old.get("Mounts") or [] if _clean(m.get("Destination", "")) != mount.destination
    ]
    if action == "mount" and mount.type != "tmpfs":
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


def _run_line(
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


# -- what the engine holds ---------------------------------------------------


def _inspect(engine: Transport, container: str | Container) -> dict[str, Any]:
    key = container.id if isinstance(container, Container) else container
    if not key:
        raise InvalidInput("container name is empty")
    return containers_ops.inspect(engine, key)


def _name(inspect: Mapping[str, Any]) -> str:
    return str(inspect.get("Name") or "").lstrip("/") or str(inspect.get("Id", ""))[:12]


def _clean(path: str) -> str:
    return posixpath.normpath(path) if path else path


def _bind_destination(bind: str) -> str:
    parts = bind.split(":")
    return _clean(parts[1]) if len(parts) > 1 else _clean(parts[0])


def _describe(m: Mount) -> str:
    if m.type == "tmpfs":
        return "a tmpfs"
    if m.type == "bind":
        return f"bind mount of {m.source}"
    return f"volume {m.source}"


def _mount_points(old: Mapping[str, Any]) -> dict[str, Mount]:
    """Every destination mounted in the container: volumes, binds, both kinds of tmpfs."""
    cid = old["Id"]
    points: dict[str, Mount] = {}
    for raw in old.get("Mounts") or []:
        m = Mount.from_api(cid, raw)
        if m is not None:
            points[_clean(m.destination)] = m
    for dest, options in ((old.get("HostConfig") or {}).get("Tmpfs") or {}).items():
        read_only = "ro" in (options or "").split(",")
        points[_clean(dest)] = Mount(cid, "tmpfs", None, _clean(dest), read_only)
    return points


def _container(old: Mapping[str, Any]) -> Container:
    cid = old["Id"]
    return Container(
        id=cid,
        name=_name(old),
        image=(old.get("Config") or {}).get("Image") or "",
        state=(old.get("State") or {}).get("Status") or "",
        labels=dict((old.get("Config") or {}).get("Labels") or {}),
        mounts=tuple(_mount_points(old).values()),
    )


_KINDS = {0: "C", 1: "A", 2: "D"}
# Files the engine writes into every container (Podman: into its layer, where
# `podman diff` shows them; Docker bind-mounts them). A recreate makes them anew.
ENGINE_FILES = ("/etc/hosts", "/etc/hostname", "/etc/resolv.conf", "/run/.containerenv")


def layer_changes(engine: Transport, inspect: Mapping[str, Any]) -> tuple[str, ...]:
    """Paths changed in the container's own layer, as ``docker diff`` prints them.

    Docker itself adds the mount points and the working directory (and their
    parents) to that layer; Podman also writes the files it makes for every
    container there (ENGINE_FILES); those hold no data and are left out.
    """
    raw = engine.call(engine.api.diff, inspect["Id"]) or []
    made_by_docker: set[str] = set()
    working_dir = (inspect.get("Config") or {}).get("WorkingDir") or ""
    made = [*_mount_points(inspect), *([working_dir] if working_dir else []), *ENGINE_FILES]
    for path in made:
        made_by_docker.update(_with_parents(_clean(path)))
    return tuple(
        f"{_KINDS.get(c.get('Kind', -1), '?')} {c.get('Path')}"
        for c in raw
        if not (c.get("Kind") in (0, 1) and _clean(c.get("Path", "")) in made_by_docker)
    )


def _with_parents(path: str) -> Iterable[str]:
    while path not in ("/", ""):
        yield path
        path = posixpath.dirname(path)


# -- carrying it out -----------------------------------------------------------


def apply(
    engine: Transport,
    plan: RecreatePlan,
    discard_changes: bool = False,
    progress: ProgressCallback | None = None,
) -> str:
    """Carry out ``plan``; return the new container's id.

    Validation first: the plan is made again from what the engine holds now and
    must come out the same. Then the writable-layer check, then the swap. A
    ``progress`` callback that raises cancels the swap, which then rolls back.
    """
    try:
        old = _inspect(engine, plan.container.id)
    except NotFound:  # replaced or removed since: the plan is about a container that is gone
        raise PlanOutdated(plan.container.name) from None
    if plan.action == "mount":
        again = _plan_mount(engine, old, _checked_mount(plan.mount))
    else:
        again = _plan_unmount(engine, old, plan.mount.destination)
    if again.create_body != plan.create_body or again.networks != plan.networks:
        raise PlanOutdated(_name(old))
    changes = layer_changes(engine, old)
    if changes and not discard_changes:
        raise WritableLayerChanged(_name(old), changes)
    return _Swap(engine, again, old, progress, discard_changes).run()


class _Swap:
    """Create new → stop old → rename old → rename new → start new → remove old.

    Each flag records what has been done, so a rollback undoes exactly that.
    """

    def __init__(
        self,
        engine: Transport,
        plan: RecreatePlan,
        old: Mapping[str, Any],
        progress: ProgressCallback | None,
        discard_changes: bool,
    ) -> None:
        self.engine = engine
        self.old = old
        self.discard_changes = discard_changes
        self.api = engine.api
        self.plan = plan
        self.progress = progress
        self.old_id: str = old["Id"]
        self.name = _name(old)
        state = old.get("State") or {}
        self.was_running = bool(state.get("Running") or state.get("Restarting"))
        self.stop_timeout = int((old.get("Config") or {}).get("StopTimeout") or 10)
        token = secrets.token_hex(3)
        self.temp_name = f"{self.name}-volgui-new-{token}"
        self.backup_name = f"{self.name}-volgui-old-{token}"
        self.new_id: str | None = None
        self.stopped_old = False
        self.renamed_old = False
        self.removed_old = False

    def run(self) -> str:
        steps: list[tuple[str, Callable[[], None]]] = [
            (f"creating the new container as {self.temp_name}", self._create_new),
            (f"stopping {self.name}", self._stop_old),
            (f"renaming the old container to {self.backup_name}", self._rename_old),
            (f"renaming the new container to {self.name}", self._rename_new),
        ]
        if self.was_running:
            steps.append((f"starting the new {self.name}", self._start_new))
        steps.append((f"removing the old container ({self.old_id[:12]})", self._remove_old))
        for number, (text, step) in enumerate(steps, 1):
            try:
                if self.progress is not None:
                    self.progress(Progress(number, len(steps), text))
                step()
            except BaseException as e:
                failure = self._rollback(text, e)
                if isinstance(e, Exception):
                    raise failure from e
                raise  # KeyboardInterrupt and friends: rolled back, now let them through
        assert self.new_id is not None
        return self.new_id

    # the steps

    def _create_new(self) -> None:
        body = copy.deepcopy(dict(self.plan.create_body))
        created = self.engine.call(self.api.create_container_from_config, body, name=self.temp_name)
        self.new_id = created["Id"]
        for network, endpoint in self.plan.networks.items():
            self._connect(network, endpoint)

    def _connect(self, network: str, endpoint: Mapping[str, Any]) -> None:
        # The SDK's connect_container_to_network reshapes links; send the endpoint as is.
        api = self.api
        url = api._url("/networks/{0}/connect", network)
        data = {"Container": self.new_id, "EndpointConfig": dict(endpoint)}
        self.engine.call(lambda: api._raise_for_status(api._post_json(url, data=data)))

    def _stop_old(self) -> None:
        self.stopped_old = True  # set first: a stop that times out may still have stopped it
        if (self.old.get("State") or {}).get("Paused"):
            # Podman refuses to stop a paused container (Docker stops it as it is).
            self.engine.call(self.api.unpause, self.old_id)
        self.engine.call(self.api.stop, self.old_id, timeout=self.stop_timeout)
        if not self.discard_changes:
            # Whatever it wrote while running on, or while shutting down, counts too.
            changes = layer_changes(self.engine, self.old)
            if changes:
                raise WritableLayerChanged(self.name, changes)

    def _rename_old(self) -> None:
        self.engine.call(self.api.rename, self.old_id, self.backup_name)
        self.renamed_old = True

    def _rename_new(self) -> None:
        self.engine.call(self.api.rename, self.new_id, self.name)

    def _start_new(self) -> None:
        self.engine.call(self.api.start, self.new_id)
        state = self.engine.call(self.api.inspect_container, self.new_id).get("State") or {}
        if state.get("Status") in ("exited", "dead") and (
            state.get("ExitCode") or state.get("Error")
        ):
            why = f"exit code {state.get('ExitCode')}"
            if state.get("Error"):
                why += f": {state['Error']}"
            raise EngineError(f"the new container stopped at once ({why})")

    def _remove_old(self) -> None:
        self.engine.call(self.api.remove_container, self.old_id, v=False)  # never volumes
        self.removed_old = True

    # the way back

    def _say(self, text: str) -> None:
        if self.progress is None:
            return
        try:
            self.progress(Progress(0, 0, text, rolling_back=True))
        except Exception:  # noqa: BLE001 - a broken callback must not stop a rollback
            pass

    def _rollback(self, step: str, error: BaseException) -> RecreateFailed:
        reason = (
            str(error) if isinstance(error, VolguiError) else f"{type(error).__name__}: {error}"
        )
        if isinstance(error, KeyboardInterrupt):
            reason = "interrupted"
        problems: list[str] = []
        old_exists = not self.removed_old
        if old_exists:
            try:
                self.engine.call(self.api.inspect_container, self.old_id)
            except NotFound:
                old_exists = False
            except VolguiError as e:
                problems.append(f"cannot inspect the old container: {e}")
        if not old_exists:
            # Never leave no container at all: the new one stays.
            outcome = (
                f"the old container is gone, so the new one ({(self.new_id or '')[:12]}) is kept; "
                "no volume was removed"
            )
            return RecreateFailed(self.name, step, reason, outcome, rolled_back=False)

        def undo(text: str, fn: Callable[[], Any]) -> bool:
            self._say(text)
            try:
                fn()
            except Exception as e:  # noqa: BLE001 - carry on undoing, report them all
                problems.append(f"{text}: {e}")
                return False
            return True

        new_left = False
        if self.new_id is not None:
            new_id = self.new_id
            new_left = not undo(
                "removing the new container",
                lambda: self.engine.call(self.api.remove_container, new_id, force=True, v=False),
            )
        if self.renamed_old:
            self.renamed_old = not undo(
                f"renaming the old container back to {self.name}",
                lambda: self.engine.call(self.api.rename, self.old_id, self.name),
            )
        if self.stopped_old and self.was_running:
            undo(
                f"starting the old {self.name} again",
                lambda: self.engine.call(self.api.start, self.old_id),
            )
        if not problems:
            again = ", running" if self.was_running else ""
            outcome = f"rolled back: {self.name} is back as it was{again}"
            return RecreateFailed(self.name, step, reason, outcome, rolled_back=True)
        where = self.backup_name if self.renamed_old else self.name
        outcome = (
            f"rollback incomplete ({'; '.join(problems)}): the old container is "
            f"{self.old_id[:12]} named {where}"
        )
        if new_left:
            outcome += f", the new one is {(self.new_id or '')[:12]}"
        outcome += "; no volume was removed"
        return RecreateFailed(self.name, step, reason, outcome, rolled_back=False)
