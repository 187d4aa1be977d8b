"""engines.py: the engines a user has, and what each one says about itself."""

from __future__ import annotations

import hashlib
import json
import queue
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.contexts import write_context
from tests.services import PodmanService, SSHServer
from volgui.engine import Engine, InvalidInput
from volgui.engine.connection import Endpoint, contexts
from volgui.engine.engines import AddedEngine, discover, kind_of, podman_sockets
from volgui.engine.events import Follower, Notice, notice_of
from volgui.engine.sandbox import Sandbox
from volgui.engine.sshconn import SSHTarget


def test_contexts_are_read_as_the_cli_reads_them(tmp_path: Path) -> None:
    cfg = tmp_path / "cfg"
    write_context(cfg, "zeta", "ssh://build@ci", description="build server")
    write_context(cfg, "alpha", "tcp://10.0.0.9:2376")
    broken = cfg / "contexts" / "meta" / hashlib.sha256(b"broken").hexdigest()
    broken.mkdir(parents=True)
    (broken / "meta.json").write_text(json.dumps({"Name": "broken", "Endpoints": {}}))
    (cfg / "config.json").write_text(json.dumps({"currentContext": "zeta"}))
    found = contexts({"DOCKER_CONFIG": str(cfg)})
    assert [c.name for c in found] == ["default", "alpha", "broken", "zeta"]
    assert [c.name for c in found if c.current] == ["zeta"]
    assert found[3].endpoint.host == "ssh://build@ci" and found[3].description == "build server"
    assert "no docker endpoint" in found[2].error
    # DOCKER_HOST is the default context, and makes it the current one.
    with_host = contexts({"DOCKER_CONFIG": str(cfg), "DOCKER_HOST": "unix:///x.sock"})
    assert with_host[0].endpoint.host == "unix:///x.sock" and with_host[0].current
    assert contexts({"DOCKER_CONFIG": str(cfg), "DOCKER_CONTEXT": "alpha"})[1].current


def test_discover_lists_contexts_then_added_then_podman_once(tmp_path: Path) -> None:
    cfg = tmp_path / "cfg"
    write_context(cfg, "pod", "unix:///run/podman/podman.sock")
    added = [AddedEngine("staging", "tcp://staging:2376"), AddedEngine("lab", "ssh://me@lab")]
    podman = ["/run/podman/podman.sock", "/run/user/1000/podman/podman.sock"]
    env = {"DOCKER_CONFIG": str(cfg), "XDG_RUNTIME_DIR": "/run/user/1000"}
    entries = discover(added, env=env, podman=podman)
    assert [(e.key, e.origin) for e in entries] == [
        ("context:default", "context"),
        ("context:pod", "context"),
        ("added:staging", "added"),
        ("added:lab", "added"),
        ("podman:/run/user/1000/podman/podman.sock", "podman"),  # the rootful one is a context
    ]
    assert entries[2].endpoint.host == "tcp://staging:2376"
    assert entries[4].name == "podman (rootless)"


def test_podman_sockets_rootful_and_rootless() -> None:
    present = {"/run/podman/podman.sock", "/tmp/xdg/podman/podman.sock"}
    found = podman_sockets({"XDG_RUNTIME_DIR": "/tmp/xdg"}, exists=present.__contains__)
    assert found == ["/run/podman/podman.sock", "/tmp/xdg/podman/podman.sock"]
    assert podman_sockets({"XDG_RUNTIME_DIR": "/tmp/xdg"}, exists=lambda p: False) == []


@pytest.mark.parametrize(
    ("added", "words"),
    [
        (AddedEngine("", "unix:///x.sock"), "needs a name"),
        (AddedEngine("x", "docker.example:2375"), "must start with"),
        (AddedEngine("x", "unix://relative.sock"), "absolute socket path"),
        (AddedEngine("x", "tcp://"), "names no host"),
        (AddedEngine("x", "tcp://h:2376", tls_dir="/nonexistent/tls"), "does not exist"),
    ],
)
def test_an_added_engine_is_checked_in_one_line(added: AddedEngine, words: str) -> None:
    with pytest.raises(InvalidInput, match=words):
        added.check()
    assert AddedEngine.from_dict(added.to_dict()) == added


def test_kind_comes_from_version_components() -> None:
    podman = {"Components": [{"Name": "Podman Engine", "Version": "4.3.1"}]}
    docker = {"Platform": {"Name": ""}, "Components": [{"Name": "Engine", "Version": "20.10"}]}
    assert (kind_of(podman), kind_of(docker)) == ("podman", "docker")


def test_probe_docker(engine: Engine) -> None:
    p = engine.probe()
    assert p.up and p.kind == "docker" and p.api_version == "1.41"
    assert p.engine_version.startswith("20.10")
    assert p.volumes == len(engine.api.volumes().get("Volumes") or [])


def test_a_probe_without_the_count_does_not_list_the_volumes(engine: Engine) -> None:
    """For an engine whose snapshot is held anyway: one request, not the whole list."""
    paths: list[str] = []
    hook = lambda _m, url: paths.append(url.split("?")[0])  # noqa: E731
    engine.request_hooks.append(hook)
    try:
        p = engine.probe(count=False)
    finally:
        engine.request_hooks.remove(hook)
    assert p.up and p.kind == "docker" and p.volumes is None
    assert [path.rsplit("/", 1)[-1] for path in paths] == ["version"]


def test_probe_podman(podman_service: PodmanService) -> None:
    e = Engine.open(Endpoint(podman_service.address, "test"), lazy=True)
    try:
        p = e.probe()
    finally:
        e.close()
    assert (p.up, p.kind, p.api_version) == (True, "podman", "1.41")
    assert p.engine_version.startswith("4.")


def test_probe_ssh_uses_the_alias_port_and_key(ssh_server: SSHServer) -> None:
    """The alias's Port (not 22) comes from the ssh config: no -p is passed."""
    e = Engine.open(Endpoint(f"ssh://{ssh_server.ALIAS}", "test"), lazy=True)
    try:
        p = e.probe()
    finally:
        e.close()
    assert p.up, p.reason
    assert p.kind == "docker" and p.engine_version.startswith("20.10")


def test_probe_a_stopped_engine(tmp_path: Path) -> None:
    box = Sandbox(tmp_path / "never-started")
    p = Engine.open(Endpoint(box.address, "test"), lazy=True).probe()
    assert (p.up, p.state, p.reason, p.kind, p.volumes) == (
        False,
        "down",
        "no socket there",
        "",
        None,
    )


@pytest.mark.parametrize(
    ("suffix", "words"),
    [
        ("-unknown-key", "host key of volgui-test-ssh-unknown-key is not known"),
        ("-wrong-key", "ssh refused the login"),
        ("-no-docker", "no docker command on volgui-test-ssh-no-docker"),
        ("-hang", "no answer over ssh within 1 s"),
    ],
)
def test_ssh_failures_are_one_clear_line(ssh_server: SSHServer, suffix: str, words: str) -> None:
    e = Engine.open(
        Endpoint(f"ssh://{ssh_server.ALIAS}{suffix}", "test"), lazy=True, connect_timeout=0.5
    )
    p = e.probe()
    assert not p.up and words in p.reason and "\n" not in p.reason


def test_podman_events_name_volumes_in_attributes() -> None:
    """Podman leaves Actor.ID empty and says "remove" where Docker says "destroy"."""
    events = [
        {"Type": "volume", "Action": "remove", "Actor": {"ID": "", "Attributes": {"name": "v"}}},
        {"Type": "container", "Action": "remove", "Actor": {"ID": "c"}},
    ]
    assert notice_of(events) == Notice(volumes=frozenset({"v"}), containers=True)


def _follow_until_volume(engine: Engine, make: Callable[[str], None], name: str) -> None:
    notices: queue.Queue[Notice] = queue.Queue()
    follower = Follower(engine.transport, notices.put)
    follower.start()
    try:
        snap = engine.snapshot()
        assert notices.get(timeout=20).resync
        make(name)
        while name not in {v.name for v in snap.volumes}:
            snap = engine.apply_notice(snap, notices.get(timeout=20))
    finally:
        follower.stop()


def test_a_volume_made_by_podman_appears_through_events(
    podman_service: PodmanService, unique: Callable[[str], str]
) -> None:
    engine = Engine.open(Endpoint(podman_service.address, "test"))
    name = unique("pm")

    def make(n: str) -> None:
        subprocess.run(
            podman_service.podman("volume", "create", n),
            env=podman_service.env(),
            check=True,
            capture_output=True,
            timeout=60,
        )

    try:
        _follow_until_volume(engine, make, name)
        engine.remove_volume(name)
        assert name not in {v.name for v in engine.snapshot().volumes}
    finally:
        engine.close()


def test_a_volume_made_on_the_far_side_appears_over_ssh(
    ssh_server: SSHServer, other_sandbox: Sandbox, unique: Callable[[str], str]
) -> None:
    engine = Engine.open(Endpoint(f"ssh://{ssh_server.ALIAS}", "test"))
    name = unique("far")

    def make(n: str) -> None:
        subprocess.run(
            ["docker", "-H", other_sandbox.address, "volume", "create", n],
            check=True,
            capture_output=True,
            timeout=60,
        )

    try:
        _follow_until_volume(engine, make, name)
        engine.remove_volume(name)
        out = subprocess.run(
            ["docker", "-H", other_sandbox.address, "volume", "ls", "-q"],
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout
        assert name not in out.split()
    finally:
        engine.close()


def test_ssh_command_passes_a_port_only_when_the_url_has_one() -> None:
    """As the docker CLI does: an alias's Port in ~/.ssh/config is not overridden."""
    alias = SSHTarget.from_url("ssh://build-box").command(5)
    assert "-p" not in alias and "-l" not in alias
    assert alias[-5:] == ["--", "build-box", "docker", "system", "dial-stdio"]
    full = SSHTarget.from_url("ssh://me@build-box:2222").command(5)
    assert full[full.index("-p") + 1] == "2222" and full[full.index("-l") + 1] == "me"
    assert "BatchMode=yes" in full and "ConnectTimeout=5" in full
    with pytest.raises(InvalidInput):
        SSHTarget.from_url("ssh://")


def test_volgui_graph_over_ssh_through_an_alias(
    ssh_server: SSHServer, other_sandbox: Sandbox, unique: Callable[[str], str]
) -> None:
    """`volgui --host ssh://alias graph` with the alias's own port, no paramiko."""
    name = unique("ssh-graph")
    subprocess.run(
        ["docker", "-H", other_sandbox.address, "volume", "create", name],
        check=True,
        capture_output=True,
        timeout=60,
    )
    try:
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "volgui",
                "--host",
                f"ssh://{ssh_server.ALIAS}",
                "graph",
                "--format",
                "json",
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode == 0, proc.stderr
        assert name in {v["name"] for v in json.loads(proc.stdout)["volumes"]}
    finally:
        subprocess.run(
            ["docker", "-H", other_sandbox.address, "volume", "rm", name],
            capture_output=True,
            timeout=60,
        )
