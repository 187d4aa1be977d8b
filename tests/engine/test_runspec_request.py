# ruff: noqa: E501  (the sample table reads best one flag per entry)
"""The create request itself, byte for byte the docker CLI's, and the whole table's round trip.

A tiny HTTP server on a unix socket plays an API 1.41 engine and records the
body of ``POST /containers/create``; the docker CLI is pointed at it, so what
the CLI sends is compared with ``RunSpec.create_request()`` directly, for
every table line and for the flags the test engine would ignore or refuse
(real-time CPU, Windows-only limits, block IO devices, storage options,
volume-subpath, image mounts, ...). No engine is involved.
"""

from __future__ import annotations

import dataclasses
import http.server
import json
import os
import shlex
import socketserver
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.engine.test_runspec_table import LINES, _diff
from volgui.engine.runspec import RunSpec
from volgui.engine.runspec.flags import FLAGS, GROUPS, flag_named

# Lines the test engine cannot take (the CLI sends them all the same).
RECORDER_LINES = [
    "--cpu-rt-period 1000000 --cpu-rt-runtime 950000 busybox:1.36",
    "--blkio-weight-device /dev/sda:200 --device-read-bps /dev/sda:1mb "
    "--device-write-bps /dev/sda:10mb --device-read-iops /dev/sda:1000 "
    "--device-write-iops /dev/sda:500 busybox:1.36",
    "--storage-opt size=10G busybox:1.36",
    "--device nvidia.com/gpu=all --device /dev/null --device vendor.com/class=a busybox:1.36",
    "--mount type=volume,src=vol,dst=/data,volume-subpath=sub/dir busybox:1.36",
    "--mount type=image,src=busybox:1.36,dst=/img,image-subpath=bin busybox:1.36",
    '--gpus \'driver=nvidia,"device=0,1","options=a=b,c=d"\' busybox:1.36',
    "--kernel-memory 50m --runtime nvidia --isolation hyperv busybox:1.36",
    "--sig-proxy=false --detach-keys ctrl-x busybox:1.36",
    "--volume-driver convoy -v data:/data busybox:1.36",
]
_FILL = {"p": "p-", "net": "appnet", "ip": "10.9.77.10", "vf": "volsrc"}


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    bodies: list[tuple[str, Any]] = []

    def log_message(self, *args: Any) -> None:  # quiet
        pass

    def _send(self, code: int, obj: Any) -> None:
        data = json.dumps(obj).encode()
        self.send_response(code)
        for k, v in (("Content-Type", "application/json"), ("Api-Version", "1.41"),
                     ("Ostype", "linux"), ("Content-Length", str(len(data)))):  # fmt: skip
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_HEAD(self) -> None:  # noqa: N802 (http.server's name)
        self.send_response(200)
        self.send_header("Api-Version", "1.41")
        self.send_header("Ostype", "linux")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802
        path = self.path.split("?")[0]
        if path.endswith("/_ping"):
            self._send(200, "OK")
        elif path.endswith("/version"):
            self._send(200, {"ApiVersion": "1.41", "MinAPIVersion": "1.12", "Os": "linux"})
        else:
            self._send(404, {"message": "not here"})

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if "/containers/create" in self.path:
            self.bodies.append((self.path, json.loads(body or b"null")))
            self._send(201, {"Id": "f" * 64, "Warnings": []})
        else:
            self._send(404, {"message": "not here"})


class _Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True


@pytest.fixture(scope="module")
def recorder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    sock = str(tmp_path_factory.mktemp("rec") / "engine.sock")
    server = _Server(sock, _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield sock
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "한글").mkdir()
    (tmp_path / "hello.txt").write_text("hi\n")
    (tmp_path / "app.env").write_text("# c\nA=1\n  B=two words\nHOME\nNOPE_UNSET_XYZ\n")
    (tmp_path / "labels.txt").write_text("team=infra\nempty=\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _no_nulls(x: Any) -> Any:
    # null and an absent key decode alike in Go (omitempty leaves them out)
    if isinstance(x, dict):
        return {k: _no_nulls(v) for k, v in x.items() if v is not None}
    return [_no_nulls(v) for v in x] if isinstance(x, list) else x


def _normal(body: dict[str, Any]) -> dict[str, Any]:
    """What may differ in form only: map order, nulls, Go's zero-valued endpoint fields."""
    body = _no_nulls(json.loads(json.dumps(body)))
    body["Env"] = sorted(body.get("Env") or [])
    body["HostConfig"]["Binds"] = sorted(body["HostConfig"].get("Binds") or [])
    endpoints = body["NetworkingConfig"]["EndpointsConfig"]
    for name, ep in endpoints.items():
        endpoints[name] = {k: v for k, v in (ep or {}).items() if v not in (None, "", 0, [], {})}
    return body


def _cli_body(sock: str, args: list[str], tmp: Path) -> tuple[str, Any] | str:
    _Handler.bodies.clear()
    env = {**os.environ, "DOCKER_CONFIG": str(tmp), "DOCKER_HOST": f"unix://{sock}"}
    proc = subprocess.run(["docker", "create", *args], capture_output=True, text=True,
                          env=env, timeout=60)  # fmt: skip
    if proc.returncode != 0 or not _Handler.bodies:
        return proc.stderr.strip()
    return _Handler.bodies[-1]


def _cli_args(template: str) -> list[str]:
    args = shlex.split(template.format(host=os.getcwd(), **_FILL))
    args = [a.replace("d", "") if a.startswith("-") and set(a[1:]) <= set("dit") else a
            for a in args]  # fmt: skip
    return [a for a in args if a not in ("-", "--detach")]


@pytest.mark.parametrize(
    "template",
    LINES + RECORDER_LINES,
    ids=[f"r{i:02d}" for i in range(len(LINES + RECORDER_LINES))],
)
def test_the_request_is_the_clis(template: str, recorder: str, files: Path) -> None:
    args = _cli_args(template)
    if "--sig-proxy" in template or "--detach-keys" in template:
        ours = RunSpec.from_args(args)  # docker run's own: create lacks them
        assert (
            ours.client_notes()
            and ours.create_request() == RunSpec("busybox:1.36").create_request()
        )
        return
    got = _cli_body(recorder, args, files)
    assert not isinstance(got, str), got
    path, body = got
    spec = RunSpec.from_args(args)
    ours = spec.create_request(cwd=str(files))
    assert _normal(ours) == _normal(body), _diff(_normal(ours), _normal(body))
    if spec.platform:
        assert f"platform={spec.platform.replace('/', '%2F')}" in path


# -- the whole table: spec -> args -> spec --------------------------------

DATA = Path(__file__).parent / "data"
# Valid values for every flag (a few each), so every row is drawn.
SAMPLES: dict[str, list[str]] = {
    "--volume": ["data:/data", "/cache", "./conf:/etc/app:ro,z"],
    "--mount": ["type=volume,dst=/m,volume-nocopy=false", "type=bind,src=/x,dst=/b,bind-recursive=disabled",
                "type=tmpfs,dst=/t,tmpfs-size=1m", "'type=volume,src=vv,dst=/v,\"volume-opt=o=a,b\"'"],
    "--tmpfs": ["/run:size=1m", "/tmp"],
    "--volumes-from": ["web:ro"], "--volume-driver": ["local"], "--read-only": ["true"],
    "--storage-opt": ["size=1G"], "--env": ["A=1", "HOME", "E="], "--env-file": [str(DATA / "app.env")],
    "--label": ["a=b", "c="], "--label-file": [str(DATA / "labels.txt")], "--workdir": ["/srv"],
    "--user": ["1000:1000"], "--entrypoint": ["", "/bin/sh"], "--hostname": ["web"],
    "--domainname": ["example.org"], "--annotation": ["a=b"], "--network": ["appnet", "name=appnet,driver-opt=a=b"],
    "--network-alias": ["db"], "--publish": ["8080:80", "[::1]:53:53/udp", "127.0.0.1::80"],
    "--publish-all": ["true"], "--expose": ["90-91/udp"], "--ip": ["10.1.2.3"],
    "--ip6": ["2001:db8::33"], "--mac-address": ["92:d0:c6:0a:29:33"], "--link": ["db:alias"],
    "--link-local-ip": ["169.254.1.1"], "--add-host": ["h:1.2.3.4", "host.docker.internal:host-gateway"],
    "--dns": ["1.1.1.1"], "--dns-option": ["ndots:2"], "--dns-search": ["example.com"],
    "--memory": ["512m"], "--memory-reservation": ["1g"], "--memory-swap": ["-1"],
    "--memory-swappiness": ["10"], "--kernel-memory": ["10m"], "--oom-kill-disable": ["true"],
    "--oom-score-adj": ["-500"], "--cpus": ["1.5"], "--cpu-shares": ["512"],
    "--cpu-period": ["100000"], "--cpu-quota": ["50000"], "--cpu-rt-period": ["1000"],
    "--cpu-rt-runtime": ["950"], "--cpuset-cpus": ["0-3"], "--cpuset-mems": ["0"],
    "--cpu-count": ["2"], "--cpu-percent": ["50"], "--pids-limit": ["100"], "--shm-size": ["1g"],
    "--ulimit": ["nofile=1024:2048", "nproc=10"], "--blkio-weight": ["300"],
    "--blkio-weight-device": ["/dev/sda:200"], "--device-read-bps": ["/dev/sda:1mb"],
    "--device-write-bps": ["/dev/sda:1mb"], "--device-read-iops": ["/dev/sda:100"],
    "--device-write-iops": ["/dev/sda:100"], "--io-maxbandwidth": ["10m"], "--io-maxiops": ["5"],
    "--device": ["/dev/fuse", "/dev/sda:/dev/xvda:r", "nvidia.com/gpu=all"], "--device-cgroup-rule": ["c 1:3 mr"],
    "--gpus": ["all", '"device=0,1"'], "--cap-add": ["NET_ADMIN"], "--cap-drop": ["ALL"],
    "--privileged": ["true"], "--security-opt": ["no-new-privileges", "seccomp=unconfined"],
    "--group-add": ["audio"], "--userns": ["host"], "--cgroupns": ["private"], "--pid": ["host"],
    "--ipc": ["shareable"], "--uts": ["host"], "--health-cmd": ["curl -f x || exit 1"],
    "--health-interval": ["1m30s"], "--health-timeout": ["500ms"], "--health-retries": ["3"],
    "--health-start-period": ["5s"], "--health-start-interval": ["1s"],
    "--no-healthcheck": ["true"], "--log-driver": ["local"], "--log-opt": ["max-size=10m"],
    "--name": ["web"], "--detach": ["true"], "--interactive": ["true"], "--tty": ["true"],
    "--attach": ["stdin"], "--rm": ["true"], "--restart": ["on-failure:3"],
    "--stop-signal": ["SIGINT"], "--stop-timeout": ["30"], "--init": ["true"],
    "--sysctl": ["net.core.somaxconn=1024"], "--runtime": ["runc"], "--isolation": ["default"],
    "--cgroup-parent": ["/x"], "--platform": ["linux/amd64"], "--cidfile": ["/tmp/c.id"],
    "--pull": ["never"], "--quiet": ["true"], "--disable-content-trust": ["true"],
    "--sig-proxy": ["true"], "--detach-keys": ["ctrl-x"], "--use-api-socket": ["true"],
}  # fmt: skip
# Rows that cannot stand together in one valid line, and rows that need --network.
_CONFLICTS = {"--no-healthcheck": "--health-", "--rm": "--restart", "--use-api-socket": "",
              "--cpu-count": "", "--cpu-percent": "", "--io-maxbandwidth": "", "--io-maxiops": ""}  # fmt: skip
_NEED_NETWORK = {"--ip", "--ip6", "--network-alias"}


def test_every_flag_has_samples_and_a_group() -> None:
    assert sorted(SAMPLES) == sorted(f.long for f in FLAGS)
    assert all(f.group in GROUPS and f.label and f.help for f in FLAGS)
    assert flag_named("--net") is flag_named("--network") and flag_named("-e") is flag_named("env")


@st.composite
def table_specs(draw: st.DrawFn) -> RunSpec:
    spec = RunSpec("busybox:1.36", command=tuple(draw(st.lists(st.sampled_from(["sh", "-c", "x y"]),
                                                               max_size=3))))  # fmt: skip
    rows = draw(st.lists(st.sampled_from(FLAGS), unique=True, max_size=25))
    longs = {f.long for f in rows}
    for f in rows:
        clash = _CONFLICTS.get(f.long)
        if clash is not None and (
            clash == "" or any(x.startswith(clash) for x in longs - {f.long})
        ):
            continue
        samples = [shlex.split(s)[0] if s.startswith("'") else s for s in SAMPLES[f.long]]
        if f.kind in ("bool", "value"):
            values = [draw(st.sampled_from(samples))]
        else:
            values = draw(st.lists(st.sampled_from(samples), min_size=1, max_size=3, unique=True))
        spec = f.with_values(spec, values)
        if f.long in _NEED_NETWORK:
            spec = dataclasses.replace(spec, network="appnet")
    return spec


@settings(max_examples=300, deadline=None)
@given(table_specs())
def test_the_whole_table_round_trips(spec: RunSpec) -> None:
    """spec -> args -> spec, and the form's view (Flag.values) of it too."""
    spec.validate()
    again = RunSpec.from_args(spec.to_args())
    assert again == spec
    assert RunSpec.parse_command(spec.to_command()) == spec
    for f in FLAGS:
        assert f.with_values(spec, f.values(spec)) == spec
