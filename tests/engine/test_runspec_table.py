"""The docker CLI is the reference: realistic `docker run` lines, created both ways.

For each line, `docker create ARGS` (without -d, which docker create lacks) and
`volgui create -- ARGS` must give containers whose inspected Config,
HostConfig, resolved Mounts and networks are equal, and whose named volumes
were created alike. Then `volgui runcmd` of the reference, run through the
docker CLI after removing the reference, must rebuild an equal container.
Containers are created, never started: starting adds nothing here.
"""

from __future__ import annotations

import json
import random
import re
import shlex
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from volgui import cli
from volgui.engine import Engine
from volgui.engine.runspec import split_command

# Images as their READMEs' lines expect them: the local busybox, committed
# with the ENV/ENTRYPOINT/CMD/VOLUME/EXPOSE/WORKDIR/LABEL of the real ones.
IMAGES: dict[str, list[str]] = {
    "postgres:16": [
        "ENV PGDATA=/var/lib/postgresql/data",
        "ENV LANG=en_US.utf8",
        "VOLUME /var/lib/postgresql/data",
        'ENTRYPOINT ["docker-entrypoint.sh"]',
        'CMD ["postgres"]',
        "EXPOSE 5432",
    ],
    "nginx:1.27": [
        "ENV NGINX_VERSION=1.27.0",
        'ENTRYPOINT ["/docker-entrypoint.sh"]',
        'CMD ["nginx", "-g", "daemon off;"]',
        "EXPOSE 80",
        "LABEL maintainer=NGINX-Docker-Maintainers",
    ],
    "redis:7": [
        "VOLUME /data",
        "WORKDIR /data",
        'ENTRYPOINT ["docker-entrypoint.sh"]',
        'CMD ["redis-server"]',
        "EXPOSE 6379",
    ],
    "mcr.microsoft.com/devcontainers/python:3.12": [
        "ENV PYTHON_VERSION=3.12.4",
        "USER vscode",
        'CMD ["python3"]',
        "LABEL dev.containers.features=common",
    ],
    "busybox:1.36": ['CMD ["sh"]'],
}

# {p}: a prefix for container and volume names (differs per side, compared as equal),
# {host}: a host directory, {net}: a user-defined network, {vf}: a container with volumes.
LINES: list[str] = [
    # postgres
    "--name {p}some-postgres -e POSTGRES_PASSWORD=mysecretpassword -d postgres:16",
    "-d --name {p}pg -e POSTGRES_PASSWORD='my $ecret \"pw\"' "
    "-e PGDATA=/var/lib/postgresql/data/pgdata -v {p}pgdata:/var/lib/postgresql/data postgres:16",
    "--name {p}pg2 -e POSTGRES_USER=app -p 5432:5432 "
    "-v {host}/hello.txt:/docker-entrypoint-initdb.d/init.sql:ro postgres:16",
    "-d --restart unless-stopped --name {p}pg3 "
    "--mount type=volume,source={p}pgdata3,target=/var/lib/postgresql/data "
    "--tmpfs /run/postgresql postgres:16 postgres -c shared_buffers=256MB -c max_connections=200",
    "-it --rm postgres:16 psql -h some-postgres -U postgres",
    "-v {p}pgdata:/var/lib/postgresql/data -v {p}pgdata:/backup:ro "
    "--entrypoint docker-entrypoint.sh postgres:16",
    # nginx
    "--name {p}some-nginx -v {host}:/usr/share/nginx/html:ro -d nginx:1.27",
    "-d -p 8080:80 -p 127.0.0.1:8443:443 --name {p}web nginx:1.27",
    "--name {p}web2 -v {host}/hello.txt:/etc/nginx/nginx.conf:ro -d nginx:1.27",
    "-d --name {p}web3 --read-only --tmpfs /var/cache/nginx:rw,size=64m --tmpfs /var/run "
    "-v {p}logs:/var/log/nginx nginx:1.27",
    "--mount type=bind,source={host},target=/usr/share/nginx/html,readonly "
    "--mount type=tmpfs,destination=/var/cache/nginx,tmpfs-size=64m,tmpfs-mode=1770 "
    "-p 80 nginx:1.27",
    "--name {p}web4 -p 80:80 nginx:1.27 nginx-debug -g 'daemon off;'",
    # redis
    "--name {p}some-redis -d redis:7",
    "--name {p}redis2 -d redis:7 redis-server --save 60 1 --loglevel warning",
    "-v {p}redisdata:/data -d --restart always redis:7 redis-server --appendonly yes",
    "-v {host}:/usr/local/etc/redis --name {p}myredis redis:7 "
    "redis-server /usr/local/etc/redis/redis.conf",
    "-d --network {net} --network-alias cache --network-alias redis --name {p}redis3 redis:7",
    "--network {net} --ip {ip} --network-alias db --name {p}pg-static postgres:16",
    "--net={net} -h cache.internal --name={p}redis4 --label=version=7 "
    "--mount type=bind,src=.,dst=/work redis:7",
    # a dev container
    "-it --rm -v .:/workspaces/project -w /workspaces/project -u 1000:1000 "
    "mcr.microsoft.com/devcontainers/python:3.12 bash",
    "-dit --name {p}dev -h devbox -e LANG=C.UTF-8 -e 'PS1=\\u@\\h \\w$ ' "
    "-v {p}vscode-ext:/root/.vscode-server/extensions -v /root/.cache "
    "mcr.microsoft.com/devcontainers/python:3.12",
    "--name {p}dev2 --entrypoint /bin/sh mcr.microsoft.com/devcontainers/python:3.12 "
    "-c 'echo \"héllo wörld\" && sleep infinity'",
    # mounts, labels, env, ports, networks
    "--name {p}kor -e 'GREETING=안녕하세요 세계' -l 'description=웹 서버' "
    "-l com.example.owner=team-α -v {host}/한글:/data busybox:1.36",
    "--mount 'type=volume,src={p}shared,dst=/shared,volume-label=app=shop,"
    '"volume-label=desc=a,b",volume-driver=local\' busybox:1.36 sleep 60',
    "--mount 'type=volume,src={p}sized,dst=/sized,volume-opt=type=tmpfs,volume-opt=device=tmpfs,"
    '"volume-opt=o=size=100m,uid=1000"\' busybox:1.36',
    "--mount type=volume,dst=/anon,volume-nocopy -v /cache --tmpfs /tmp:ro busybox:1.36",
    "-v {p}ro-data:/srv/data:ro,nocopy -v {host}:/srv/conf:ro,Z --volumes-from {vf}:ro "
    "busybox:1.36",
    "--rm -e FOO_SURELY_UNSET -e HOME -e 'EMPTY=' busybox:1.36 env",
    "-p 9000-9002:9000-9002/udp -p '[::1]:5353:53/udp' --expose 7000 -l traefik.enable=true "
    "-l 'traefik.http.routers.app.rule=Host(`app.example.com`)' busybox:1.36",
    "--restart on-failure:5 --name {p}worker -w /app -u nobody -e 'JSON={{\"k\": [1, 2]}}' "
    "busybox:1.36 sh -c 'while :; do sleep 1; done'",
    "--network host --name {p}hostnet busybox:1.36",
    "--network none --read-only --entrypoint '' busybox:1.36 ls -la /",
    "--entrypoint '' redis:7 cat /etc/os-release",
    "--rm -d -it --name {p}scratch -u vscode mcr.microsoft.com/devcontainers/python:3.12 sh",
    "-v {p}redisdata:/data -w /data redis:7 redis-server",
]


@pytest.fixture(scope="session")
def readme_images(docker: Any, image: str) -> list[str]:
    for ref, changes in IMAGES.items():
        base = docker("create", image)
        args = [a for change in changes for a in ("--change", change)]
        docker("commit", *args, base, ref)
        docker("rm", base)
    return list(IMAGES)


@pytest.fixture(scope="session")
def network(docker: Any) -> Iterator[str]:
    """A user-defined network with a subnet of its own, for aliases and --ip."""
    name = f"appnet-{uuid.uuid4().hex[:8]}"
    docker("network", "create", "--subnet", f"10.{random.randint(1, 254)}.77.0/24", name)
    yield name
    docker("network", "rm", name, check=False)


@pytest.fixture(scope="session")
def network_ip(docker: Any, network: str) -> str:
    subnet = json.loads(docker("network", "inspect", network))[0]["IPAM"]["Config"][0]["Subnet"]
    return subnet.rsplit(".", 1)[0] + ".10"


@pytest.fixture
def workdir(host_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Relative host paths resolve against the same directory for both sides."""
    (host_dir / "한글").mkdir()
    monkeypatch.chdir(host_dir)
    return host_dir


def _volgui(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out.strip(), err.strip()


def _comparable(engine: Engine, docker: Any, cid: str, prefix: str) -> dict[str, Any]:
    """What must be equal: Config, HostConfig, resolved Mounts, networks, named volumes."""
    ins = engine.inspect_container(cid)
    cfg = dict(ins["Config"])
    hc = dict(ins["HostConfig"])
    if cfg["Hostname"] == ins["Id"][:12]:
        cfg["Hostname"] = "<short id>"
    hc["Binds"] = sorted(hc["Binds"] or [])  # the CLI sends them in Go map order
    # docker CLI 28 sends -e entries in Go map order (seen in its requests): compare as sets.
    cfg["Env"] = sorted(cfg["Env"] or [])
    named = sorted({m["Name"] for m in ins["Mounts"] if m["Type"] == "volume"})
    volumes = json.loads(docker("volume", "inspect", *named)) if named else []
    out = {
        "Name": ins["Name"] if prefix in ins["Name"] else "<generated>",
        "Config": cfg,
        "HostConfig": hc,
        "Mounts": sorted(ins["Mounts"], key=lambda m: m["Destination"]),
        "Networks": ins["NetworkSettings"]["Networks"],
        "Volumes": [
            {k: v.get(k) for k in ("Name", "Driver", "Labels", "Options", "Scope")} for v in volumes
        ],
    }
    text = json.dumps(out, sort_keys=True, ensure_ascii=False).replace(prefix, "P-")
    text = re.sub(r"\b[0-9a-f]{64}\b", "<anonymous>", text)
    result: dict[str, Any] = json.loads(text)
    result["Volumes"].sort(key=lambda v: v["Name"])
    return result


def _diff(got: Any, want: Any, path: str = "") -> list[str]:
    """Where two inspected containers differ, leaf by leaf (readable failures)."""
    if isinstance(got, dict) and isinstance(want, dict):
        return [
            d
            for k in sorted(set(got) | set(want))
            for d in _diff(got.get(k), want.get(k), f"{path}.{k}")
        ]
    return [] if got == want else [f"{path}: {got!r} != {want!r}"]


def _without_attach(c: dict[str, Any]) -> dict[str, Any]:
    c = json.loads(json.dumps(c))
    for key in ("AttachStdin", "AttachStdout", "AttachStderr", "StdinOnce"):
        c["Config"].pop(key)
    return c


def test_the_table_is_big_enough() -> None:
    assert len(LINES) >= 25
    assert len(set(LINES)) == len(LINES)


@pytest.mark.parametrize("template", LINES, ids=[f"line{i:02d}" for i in range(len(LINES))])
def test_volgui_create_equals_docker_create(
    template: str,
    engine: Engine,
    docker: Any,
    readme_images: list[str],
    network: str,
    network_ip: str,
    workdir: Path,
    unique: Callable[[str], str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    run = unique("r")
    ref_p, our_p = f"ref{run}-", f"our{run}-"
    vf = ""
    if "{vf}" in template:
        vf = docker("create", "--name", unique("volsrc"), "-v", "/shared-data", "busybox:1.36")
    fill = {"host": str(workdir), "net": network, "ip": network_ip, "vf": vf}
    ref_args = shlex.split(template.format(p=ref_p, **fill))
    our_args = shlex.split(template.format(p=our_p, **fill))
    detached = "-d" in ref_args or any(re.fullmatch(r"-[it]*d[it]*", a) for a in ref_args)

    # The reference: docker create has no -d; it only clears the attach flags.
    ref_cli_args = [a.replace("d", "") if re.fullmatch(r"-[dit]+", a) else a for a in ref_args]
    ref_cli_args = [a for a in ref_cli_args if a != "-"]
    ref = docker("create", *ref_cli_args)
    code, ours, err = _volgui(capsys, "create", "--", *our_args)
    assert code == 0, err
    assert re.fullmatch(r"[0-9a-f]{64}", ours)

    want = _comparable(engine, docker, ref, ref_p)
    got = _comparable(engine, docker, ours, our_p)
    if detached:
        # What docker run -d sends: attach nothing.
        assert not any(got["Config"][k] for k in ("AttachStdin", "AttachStdout", "StdinOnce"))
        want, got = _without_attach(want), _without_attach(got)
    assert got == want, _diff(got, want)
    assert engine.inspect_container(ours)["State"]["Status"] == "created"

    # runcmd of the reference, run through the docker CLI, rebuilds it.
    code, line, err = _volgui(capsys, "runcmd", ref)
    assert code == 0, err
    assert "PATH=/bin" not in line and 'docker-entrypoint.sh"' not in line
    before = _comparable(engine, docker, ref, ref_p)
    docker("rm", ref)  # keeps its volumes, as a recreate does
    rebuilt = docker("create", *split_command(line))
    again = _comparable(engine, docker, rebuilt, ref_p)
    assert again == before, (line, _diff(again, before))


BAD_LINES: list[tuple[str, str]] = [
    ("--privileged -v {p}vol:/data busybox:1.36", "flag --privileged is not handled by volgui"),
    ("-v {p}vol:/data --gpus all busybox:1.36", "flag --gpus is not handled by volgui"),
    ("--mount type=volume,src={p}vol,dst=/x -v a:b:c:d busybox:1.36", "too many ':'"),
    ("-v {p}vol:data busybox:1.36", "'data' is not an absolute path"),
    ("-v {p}vol:/data --tmpfs /data busybox:1.36", "duplicate mount destination /data"),
    ("--name 'bad name' -v {p}vol:/data busybox:1.36", "invalid container name 'bad name'"),
    ("--name {p}x -v {p}vol:/data no-such-image:1", "no such image: no-such-image:1"),
    ("-v {p}vol:/data -p 80:80:80:80 busybox:1.36", "invalid -p"),
]


@pytest.mark.parametrize(("template", "message"), BAD_LINES)
def test_bad_lines_say_why_and_create_nothing(
    template: str,
    message: str,
    engine: Engine,
    readme_images: list[str],
    unique: Callable[[str], str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = shlex.split(template.format(p=unique("bad") + "-"))
    before = engine.snapshot()
    code, out, err = _volgui(capsys, "create", "--", *args)
    assert code == 1 and out == ""
    assert err.startswith("volgui: ") and message in err
    assert len(err.splitlines()) == 1
    after = engine.snapshot()
    assert [c.id for c in after.containers] == [c.id for c in before.containers]
    assert [v.name for v in after.volumes] == [v.name for v in before.volumes]


def test_name_in_use_is_refused_without_a_second_container(
    engine: Engine, docker: Any, image: str, unique: Callable[[str], str], capsys: Any
) -> None:
    name = unique("taken")
    docker("create", "--name", name, image)
    before = engine.snapshot()
    code, _, err = _volgui(capsys, "create", "--", "--name", name, image)
    assert code == 1
    assert err == f"volgui: container name {name} is already in use; " + (
        "choose another --name or remove that container first"
    )
    assert len(engine.snapshot().containers) == len(before.containers)


def test_create_start_and_a_pasted_line(
    engine: Engine, image: str, unique: Callable[[str], str], capsys: Any
) -> None:
    name = unique("started")
    line = f"docker run -d --name {name} -v {name}-data:/data {image} sleep 600"
    code, cid, err = _volgui(capsys, "create", "--start", "--", *shlex.split(line))
    assert code == 0, err
    state = engine.inspect_container(cid)["State"]
    assert state["Running"] is True
    code, text, err = _volgui(capsys, "runcmd", name)
    assert code == 0, err
    assert text == f"docker run -d --name {name} -v {name}-data:/data {image} sleep 600"


@pytest.mark.parametrize("prefix", ["docker run ", "$ docker create ", ""])
def test_a_line_pasted_as_one_argument(
    engine: Engine, image: str, unique: Callable[[str], str], capsys: Any, prefix: str
) -> None:
    """A multi-line README snippet, pasted between quotes: continuations and all."""
    name = unique("pasted")
    text = f"{prefix}--name {name} \\\n  -e 'MSG=hello wörld' \\\n  -v {name}-data:/data {image} sh"
    code, cid, err = _volgui(capsys, "create", "--", text)
    assert code == 0, err
    ins = engine.inspect_container(cid)
    assert ins["Name"] == f"/{name}" and "MSG=hello wörld" in ins["Config"]["Env"]
    assert ins["HostConfig"]["Binds"] == [f"{name}-data:/data"]
    assert ins["Config"]["Cmd"] == ["sh"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("docker ps -a", "expected `docker run` or `docker create`, got `docker ps`"),
        ("docker run busybox:1.36 sh -c 'echo \"unterminated", "cannot read the command line"),
        ("  ", "no image given"),
    ],
)
def test_a_bad_pasted_line_is_one_line_and_creates_nothing(
    engine: Engine, capsys: Any, text: str, message: str
) -> None:
    before = engine.snapshot()
    code, out, err = _volgui(capsys, "create", "--", text)
    assert code == 1 and out == ""
    assert err.startswith("volgui: ") and message in err and len(err.splitlines()) == 1
    assert [c.id for c in engine.snapshot().containers] == [c.id for c in before.containers]


def test_runcmd_refuses_what_it_cannot_carry_over(
    docker: Any, image: str, unique: Callable[[str], str], capsys: Any
) -> None:
    name = unique("priv")
    docker("create", "--name", name, "--privileged", "--cap-add", "NET_ADMIN", image)
    code, out, err = _volgui(capsys, "runcmd", name)
    assert code == 1 and out == ""
    assert err == (
        f"volgui: container {name} uses settings volgui cannot carry over: --cap-add, --privileged"
    )


def test_runcmd_unknown_container(capsys: Any) -> None:
    code, _, err = _volgui(capsys, "runcmd", "no-such-container-xyz")
    assert code == 1 and err == "volgui: no such container: no-such-container-xyz"


def test_runcmd_leaves_out_what_the_image_provides(
    engine: Engine, docker: Any, readme_images: list[str], unique: Callable[[str], str]
) -> None:
    name = unique("pg")
    # Everything the image already says, said again: none of it belongs in the line.
    docker(
        "create", "--name", name, "-e", "PGDATA=/var/lib/postgresql/data", "-e", "X=1",
        "--entrypoint", "docker-entrypoint.sh", "postgres:16", "postgres",
    )  # fmt: skip
    assert (
        engine.container_spec(name).to_command() == f"docker run --name {name} -e X=1 postgres:16"
    )
    dev = unique("dev")
    docker("create", "--name", dev, "-u", "vscode", "-l", "dev.containers.features=common",
           "mcr.microsoft.com/devcontainers/python:3.12")  # fmt: skip
    line = engine.container_spec(dev).to_command()
    assert line == f"docker run --name {dev} mcr.microsoft.com/devcontainers/python:3.12"
    # An entrypoint given without a command drops the image's command: keep it explicit.
    bare = unique("bare")
    docker("create", "--name", bare, "--entrypoint", "docker-entrypoint.sh", "postgres:16")
    line = engine.container_spec(bare).to_command()
    assert line == f"docker run --name {bare} --entrypoint docker-entrypoint.sh postgres:16"


def test_reuse_anonymous_names_the_volumes_a_recreate_must_keep(
    engine: Engine, docker: Any, readme_images: list[str], unique: Callable[[str], str]
) -> None:
    name = unique("pg")
    docker("create", "--name", name, "-v", "/cache", "--mount", "type=volume,dst=/m", "postgres:16")
    mounts = {m["Destination"]: m["Name"] for m in engine.inspect_container(name)["Mounts"]}
    assert set(mounts) == {"/cache", "/m", "/var/lib/postgresql/data"}
    plain = engine.container_spec(name)
    assert [(m.destination, m.source) for m in plain.mounts] == [("/m", None), ("/cache", None)]
    kept = engine.container_spec(name, reuse_anonymous=True)
    assert sorted((m.destination, m.source) for m in kept.mounts) == sorted(mounts.items())
    # Rebuilt from that line, the new container mounts the very same volumes.
    docker("rm", name)
    again = docker("create", *split_command(kept.to_command()))
    got = {m["Destination"]: m["Name"] for m in engine.inspect_container(again)["Mounts"]}
    assert got == mounts


def test_a_start_failure_says_the_container_was_created(
    engine: Engine, readme_images: list[str], unique: Callable[[str], str], capsys: Any
) -> None:
    name = unique("nostart")
    # busybox under the postgres name has no docker-entrypoint.sh: the start fails.
    code, out, err = _volgui(capsys, "create", "--start", "--", "--name", name, "postgres:16")
    assert code == 1 and out == ""
    assert err.startswith(f"volgui: container {name} was created but did not start: ")
    assert len(err.splitlines()) == 1
    assert engine.inspect_container(name)["State"]["Status"] in ("created", "exited")


def test_runcmd_joins_further_networks_with_network_connect(
    engine: Engine,
    docker: Any,
    image: str,
    network: str,
    network_ip: str,
    unique: Callable[[str], str],
    capsys: Any,
) -> None:
    name, other = unique("two-nets"), unique("othernet")
    docker("network", "create", other)
    try:
        docker("create", "--name", name, "--network", network, "--ip", network_ip, image)
        docker("network", "connect", "--alias", "side", other, name)
        code, out, err = _volgui(capsys, "runcmd", name)
        assert code == 0, err
        assert out.splitlines() == [
            f"docker run --name {name} --network {network} --ip {network_ip} {image}",
            f"docker network connect --alias side {other} {name}",
        ]

        def networks() -> dict[str, Any]:
            ins = engine.inspect_container(name)
            nets = ins["NetworkSettings"]["Networks"]
            for ep in nets.values():  # docker network connect adds the short id as an alias
                ep["Aliases"] = [a for a in ep["Aliases"] or [] if a != ins["Id"][:12]]
            return nets

        before = networks()
        docker("rm", name)
        for line in out.splitlines():  # run the way a shell would, create for run
            words = shlex.split(line)[1:]
            docker(*(["create", *words[1:]] if words[0] == "run" else words))
        assert networks() == before
    finally:
        docker("rm", "-f", name, check=False)
        docker("network", "rm", other, check=False)
