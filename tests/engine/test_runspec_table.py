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
from volgui.engine.errors import InvalidInput
from volgui.engine.runspec import RunSpec, split_command

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
    "mysql:8": [
        "VOLUME /var/lib/mysql",
        'ENTRYPOINT ["docker-entrypoint.sh"]',
        'CMD ["mysqld"]',
        "EXPOSE 3306 33060",
    ],
    "nextcloud:29": [
        "VOLUME /var/www/html",
        "WORKDIR /var/www/html",
        'CMD ["apache2-foreground"]',
        "EXPOSE 80",
    ],
    "grafana/grafana:11.1.0": [
        "USER 472",
        "WORKDIR /usr/share/grafana",
        "EXPOSE 3000",
        'ENTRYPOINT ["/run.sh"]',
    ],
    "lscr.io/linuxserver/jellyfin:latest": ["ENV PUID=911", "VOLUME /config", "EXPOSE 8096"],
    "pihole/pihole:latest": [
        "EXPOSE 53/tcp 53/udp 67/udp 80/tcp",
        "ENV TZ=UTC",
        "HEALTHCHECK CMD dig +short +norecurse +retry=0 @127.0.0.1 pi.hole",
    ],
    "minio/minio:latest": [
        "VOLUME /data",
        "EXPOSE 9000",
        'ENTRYPOINT ["/usr/bin/docker-entrypoint.sh"]',
        'CMD ["minio"]',
    ],
}

# Plain tags of the test busybox, for lines whose image defaults do not matter.
TAGS = [
    "gitlab/gitlab-ce:latest", "portainer/portainer-ce:latest", "traefik:v3.0",
    "ghcr.io/home-assistant/home-assistant:stable", "jenkins/jenkins:lts", "mongo:7",
    "mariadb:11", "rabbitmq:3-management", "lscr.io/linuxserver/plex:latest",
    "lscr.io/linuxserver/qbittorrent:latest", "nvidia/cuda:12.4.0-base-ubuntu22.04",
    "elasticsearch:8.14.1", "vaultwarden/server:latest", "containrrr/watchtower",
]  # fmt: skip

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
    # -- README lines of popular images (docker CLI 28 flags throughout) --
    "--name {p}some-mysql -e MYSQL_ROOT_PASSWORD=my-secret-pw -d mysql:8 "
    "--character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci",
    "-d --name {p}mysql2 --restart=always -e MYSQL_DATABASE=app --cap-add=sys_nice "
    "--ulimit nofile=1024:2048 -v {p}mysql:/var/lib/mysql mysql:8",
    "-d --name {p}nextcloud -p 8080:80 -v {p}nextcloud:/var/www/html --add-host "
    "host.docker.internal:host-gateway nextcloud:29",
    "-d --name {p}grafana -p 3000:3000 --user 472 -v {p}grafana-storage:/var/lib/grafana "
    "-e GF_INSTALL_PLUGINS=grafana-clock-panel grafana/grafana:11.1.0",
    "-d --name={p}jellyfin -e PUID=1000 -e PGID=1000 -e TZ=Etc/UTC -p 8096:8096 "
    "-p 8920:8920 -p 7359:7359/udp -p 1900:1900/udp -v {host}:/config -v {host}/한글:/data/tvshows "
    "--device /dev/null:/dev/dri/renderD128 --restart unless-stopped "
    "lscr.io/linuxserver/jellyfin:latest",
    "--name {p}pihole -p 53:53/tcp -p 53:53/udp -p 80:80/tcp -e TZ=Europe/London "
    "-e 'FTLCONF_webserver_api_password=correct horse battery staple' -v {host}:/etc/pihole "
    "--cap-add NET_ADMIN --restart unless-stopped --dns 127.0.0.1 --dns 1.1.1.1 "
    "--hostname pi.hole pihole/pihole:latest",
    "-p 9000:9000 -p 9001:9001 --name {p}minio -v {host}:/data -e MINIO_ROOT_USER=ROOTUSER "
    "-e MINIO_ROOT_PASSWORD=CHANGEME123 minio/minio:latest server /data --console-address ':9001'",
    "--detach --hostname gitlab.example.com "
    "--env GITLAB_OMNIBUS_CONFIG=\"external_url 'http://gitlab.example.com'\" "
    "--publish 443:443 --publish 80:80 --publish 2222:22 --name {p}gitlab --restart always "
    "--volume {p}gitlab-config:/etc/gitlab --volume {p}gitlab-logs:/var/log/gitlab "
    "--volume {p}gitlab-data:/var/opt/gitlab --shm-size 256m gitlab/gitlab-ce:latest",
    "-d -p 8000:8000 -p 9443:9443 --name {p}portainer --restart=always "
    "-v {host}:/var/run/docker.sock -v {p}portainer_data:/data portainer/portainer-ce:latest",
    "-d --name {p}homeassistant --privileged --restart=unless-stopped -e TZ=Europe/Amsterdam "
    "-v {host}:/config -v {host}:/run/dbus:ro --network=host "
    "ghcr.io/home-assistant/home-assistant:stable",
    "-d -p 8080:8080 -p 50000:50000 --restart=on-failure -v {p}jenkins_home:/var/jenkins_home "
    "jenkins/jenkins:lts",
    "-d --name {p}mongodb -e MONGO_INITDB_ROOT_USERNAME=mongoadmin "
    "-e MONGO_INITDB_ROOT_PASSWORD=secret "
    "--memory=1g --cpus=1.5 mongo:7 --wiredTigerCacheSizeGB 0.25",
    "--detach --name {p}some-mariadb --env MARIADB_USER=example-user --env MARIADB_PASSWORD=pw "
    "--env MARIADB_ROOT_PASSWORD=root --health-cmd='healthcheck.sh --connect --innodb_initialized' "
    "--health-interval=10s --health-timeout=5s --health-retries=3 --health-start-period=30s "
    "mariadb:11",
    "-d --hostname my-rabbit --name {p}some-rabbit -p 15672:15672 "
    "-e RABBITMQ_DEFAULT_USER=user -e RABBITMQ_DEFAULT_PASS=password rabbitmq:3-management",
    "-d --name={p}plex --net=host -e PUID=1000 -e PGID=1000 -e VERSION=docker "
    "-v {host}:/config --device=/dev/zero:/dev/dri:rw --restart unless-stopped "
    "lscr.io/linuxserver/plex:latest",
    "-d --name={p}qbittorrent -e WEBUI_PORT=8080 -e TORRENTING_PORT=6881 -p 8080:8080 "
    "-p 6881:6881 -p 6881:6881/udp -v {host}:/config --restart unless-stopped "
    "lscr.io/linuxserver/qbittorrent:latest",
    "--rm --gpus all nvidia/cuda:12.4.0-base-ubuntu22.04 nvidia-smi",
    "--device nvidia.com/gpu=all --device /dev/null nvidia/cuda:12.4.0-base-ubuntu22.04",
    "-it --rm --gpus '\"device=0,1\"' nvidia/cuda:12.4.0-base-ubuntu22.04 nvidia-smi",
    "--gpus 'count=2,\"capabilities=compute,utility\",driver=nvidia' "
    "nvidia/cuda:12.4.0-base-ubuntu22.04",
    "-d --name {p}es01 -p 9200:9200 -it -m 1GB -e discovery.type=single-node "
    "--ulimit memlock=-1:-1 --ulimit nofile=65535:65535 elasticsearch:8.14.1",
    "-d --name {p}vaultwarden -v {host}:/data/ --restart unless-stopped -p 80:80 "
    "--log-driver json-file --log-opt max-size=10m --log-opt max-file=3 vaultwarden/server:latest",
    "-d --name {p}watchtower -v {host}:/var/run/docker.sock containrrr/watchtower --interval 30",
    "-d -p 8080:8080 -p 80:80 -v {host}:/etc/traefik/traefik.yml --name {p}traefik "
    "-l traefik.enable=true --security-opt no-new-privileges traefik:v3.0",
    "-d --name {p}tini --init --stop-signal SIGINT --stop-timeout 30 redis:7",
    # -- every other flag at least once, and the tricky forms --
    "-dit --name={p}combo -p8081:80 -eA=1 -lx=y -w/srv busybox:1.36",
    "-p 127.0.0.1::8080 -p '[::1]:8443:443' -p 7000-7002:7000-7002 -p 6000-6001/udp "
    "-P --expose=9090 --expose 9100-9101/udp busybox:1.36",
    "--device /dev/null --device /dev/zero:/dev/myzero:r --device-cgroup-rule 'c 1:3 mr' "
    "--device-cgroup-rule='b 8:* rwm' busybox:1.36",
    "--health-cmd 'curl -f http://localhost/ || exit 1' --health-interval 1m30s "
    "--health-timeout 500ms --health-retries 5 busybox:1.36",
    "--no-healthcheck pihole/pihole:latest",
    "--log-driver local --log-opt max-size=10m --log-opt max-file=3 --log-opt compress=false "
    "busybox:1.36",
    "--log-driver none busybox:1.36",
    "--cap-add ALL --cap-drop MKNOD --cap-drop=cap_net_raw --security-opt seccomp=unconfined "
    "--security-opt label=disable busybox:1.36",
    "--security-opt systempaths=unconfined --privileged busybox:1.36",
    "-m 512m --memory-reservation 256m --memory-swap 1g --memory-swappiness 10 "
    "--oom-score-adj 500 --oom-kill-disable busybox:1.36",
    "--memory-swap=-1 -m 64m --pids-limit 100 --shm-size=1g busybox:1.36",
    "-c 512 --cpus 0.5 --cpuset-cpus 0 --cpuset-mems 0 busybox:1.36",
    "--cpu-period 100000 --cpu-quota 50000 --blkio-weight 300 busybox:1.36",
    "--ulimit nproc=512 --ulimit core=0:0 --ulimit nofile=1024:2048 busybox:1.36",
    "--sysctl net.core.somaxconn=1024 --sysctl net.ipv4.tcp_syncookies=0 "
    "--sysctl kernel.shmmax=1000000 busybox:1.36",
    "--ipc shareable --pid host --uts host --userns host --cgroupns private busybox:1.36",
    "--ipc private --cgroup-parent /volgui-test --runtime runc --isolation default busybox:1.36",
    "--dns 8.8.8.8 --dns 2001:4860:4860::8888 --dns-search example.com --dns-option ndots:2 "
    "--dns-opt timeout:3 busybox:1.36",
    "--add-host db:10.0.0.5 --add-host=cache=10.0.0.6 --add-host 'v6:[::1]' "
    "--add-host host.docker.internal:host-gateway busybox:1.36",
    "--network {net} --link-local-ip 169.254.10.10 --network-alias web --net-alias www "
    "--name {p}linklocal busybox:1.36",
    "--link {vf}:db busybox:1.36",
    "--network name={net},alias=api,alias=v2,ip={ip} --name {p}longnet busybox:1.36",
    "--network 'name={net},driver-opt=com.example.opt=On' --network-alias x busybox:1.36",
    "--network {net} --link {vf}:other busybox:1.36",
    "--domainname example.org -h web --group-add 100 --group-add audio busybox:1.36",
    "--env-file {host}/app.env --label-file {host}/labels.txt -e FROM_CLI=1 -l from=cli "
    "busybox:1.36",
    "--volume-driver local -v {p}driven:/driven --read-only busybox:1.36",
    "--mount type=volume,dst=/nocopy0,volume-nocopy=0 "
    "--mount type=volume,dst=/nocopy1,volume-nocopy=1 "
    "--mount 'type=volume,src={p}eq,dst=/eq,volume-opt=type=nfs,volume-opt=device=:/export,"
    '"volume-opt=o=addr=10.0.0.1,rw",volume-label=a=b=c\' '
    "busybox:1.36",
    "--mount type=bind,src={host},dst=/nr,bind-nonrecursive --mount "
    "type=bind,source={host},target=/rec,bind-recursive=disabled,readonly=true busybox:1.36",
    "--mount type=bind,src={host},dst=/w,readonly,bind-recursive=writable "
    "--mount type=bind,src={host},dst=/p,bind-propagation=rslave,ro=0 busybox:1.36",
    "--mount type=tmpfs,dst=/cache,tmpfs-size=1g,tmpfs-mode=0700 --mount "
    '\'"type=bind","src={host}","dst=/quoted",consistency=cached\' busybox:1.36',
    "--mount Type=Volume,Source={p}upper,Target=/upper,RO busybox:1.36",
    "--platform linux/amd64 --pull missing -q --disable-content-trust busybox:1.36",
    "--pull=never --cidfile {host}/{p}container.id busybox:1.36",
    "-a stdin -a STDOUT -i busybox:1.36",
    "-it --attach stderr busybox:1.36",
    "--health-cmd 'pg_isready -U \"$POSTGRES_USER\"' --health-start-period 1m postgres:16",
    "--rm=false --read-only=true --tty=false -i=true --privileged=false --init=true busybox:1.36",
    "--restart=on-failure:3 --stop-timeout=-1 --entrypoint=/bin/sh busybox:1.36 -c 'exit 0'",
    "--kernel-memory 64m busybox:1.36",
]


@pytest.fixture(scope="session")
def readme_images(docker: Any, image: str) -> list[str]:
    for ref, changes in IMAGES.items():
        base = docker("create", image)
        args = [a for change in changes for a in ("--change", change)]
        docker("commit", *args, base, ref)
        docker("rm", base)
    for ref in TAGS:
        docker("tag", image, ref)
    return [*IMAGES, *TAGS]


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
    # Read as the CLI reads them: comments, blank lines, a BOM-less UTF-8 file,
    # a name alone (taken from the environment), '=' inside values.
    (host_dir / "app.env").write_text(
        "# settings\n\nDB_HOST=db\n  INDENTED=yes\nURL=http://x/?a=b&c=d\nHOME\n"
        "NOT_SET_ANYWHERE_XYZ\nTRAILING=space \n"
    )
    (host_dir / "labels.txt").write_text("com.example.team=infra\n# no\nempty=\n")
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
    # The engine writes --link db:alias as /db:/<this container's name>/alias.
    hc["Links"] = [f"{x.split(':')[0]}:{x.rsplit('/', 1)[-1]}" for x in hc["Links"] or []]
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
    assert len(LINES) >= 80
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
    detached = any(a in ("-d", "--detach") or re.fullmatch(r"-[it]*d[it]*", a) for a in ref_args)

    # The reference: docker create has no -d; it only clears the attach flags.
    ref_cli_args = [a.replace("d", "") if re.fullmatch(r"-[dit]+", a) else a for a in ref_args]
    ref_cli_args = [a for a in ref_cli_args if a not in ("-", "--detach")]
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
    # Client-only flags are the client's business: runcmd leaves them out.
    if "--cidfile" in template:
        before["HostConfig"].pop("ContainerIDFile")
        again["HostConfig"].pop("ContainerIDFile")
    if re.search(r"(^| )(-a|--attach) ", template):
        before, again = _without_attach(before), _without_attach(again)
    assert again == before, (line, _diff(again, before))


# (line, volgui's message, whether the docker CLI refuses it too). Where the CLI
# accepts a line volgui refuses, the engine would drop the setting silently
# (API 1.41 predates it) or volgui's safety rule applies.
BAD_LINES: list[tuple[str, str, bool]] = [
    ("--privileged=maybe -v {p}vol:/data busybox:1.36", "'maybe' is not true or false", True),
    ("-v {p}vol:/data --gpus count=lots busybox:1.36", "invalid count (lots)", True),
    ("--mount type=volume,src={p}vol,dst=/x -v a:b:c:d busybox:1.36", "too many ':'", True),
    ("-v {p}vol:data busybox:1.36", "'data' is not an absolute path", True),
    ("-v {p}vol:/data --tmpfs /data busybox:1.36", "volgui refuses two mounts on one path", False),
    ("--name 'bad name' -v {p}vol:/data busybox:1.36", "invalid container name 'bad name'", True),
    ("--name {p}x -v {p}vol:/data no-such-image:1", "no such image: no-such-image:1", False),
    ("-v {p}vol:/data -p 80:80:80:80 busybox:1.36", "invalid -p", True),
    ("-v {p}vol:/data --ulimit nofile=2048:1024 busybox:1.36", "soft limit must be less", True),
    ("-v {p}vol:/data -m 12parsecs busybox:1.36", 'argument "12parsecs" for "--memory"', True),
    ("-v {p}vol:/data --device /dev/null:/x:rwq busybox:1.36", "bad mode specified: rwq", True),
    ("-v {p}vol:/data --health-interval 10 busybox:1.36", 'time: invalid duration "10"', True),
    ("-v {p}vol:/data --add-host nohost busybox:1.36", '"--add-host" flag', True),
    ("-v {p}vol:/data --sysctl vm.swappiness=1 busybox:1.36", "is not allowed", True),
    ("-v {p}vol:/data --memory-swappiness 101 busybox:1.36", "range is 0-100", True),
    ("-v {p}vol:/data --rm --restart always busybox:1.36", "both --restart and --rm", True),
    ("-v {p}vol:/data --mac-address 92:d0:c6:0a:29:33 busybox:1.36", "API 1.44", True),
    ("-v {p}vol:/data --health-cmd true --health-start-interval 1s busybox:1.36", "1.44", True),
    ("-v {p}vol:/data --annotation a=b busybox:1.36", "--annotation needs Engine API 1.43", True),
    (
        "--mount type=volume,src={p}vol,dst=/data,volume-subpath=sub busybox:1.36",
        "volume-subpath needs Engine API 1.45 or newer; this engine speaks 1.41",
        False,
    ),
    (
        "--mount type=image,src=busybox:1.36,dst=/img busybox:1.36",
        "type=image needs Engine API 1.48 or newer; this engine speaks 1.41",
        True,
    ),
    ("-v {p}vol:/data --use-api-socket busybox:1.36", "--use-api-socket is not handled", False),
    ("-v {p}vol:/data --network {p}a --network {p}b busybox:1.36", "--network given twice", True),
]


@pytest.mark.parametrize(("template", "message", "cli_refuses"), BAD_LINES)
def test_bad_lines_say_why_and_create_nothing(
    template: str,
    message: str,
    cli_refuses: bool,
    engine: Engine,
    docker: Any,
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
    if cli_refuses:  # the reference refuses it too, creating nothing
        assert docker("create", *args, check=False) == ""
        assert [c.id for c in engine.snapshot().containers] == [c.id for c in before.containers]


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


def test_runcmd_refuses_what_it_cannot_carry_over() -> None:
    """HostConfig.Cgroup has no docker-run flag: the line would make another container."""
    raw = {"Id": "c" * 64, "Name": "/odd", "Config": {"Image": "busybox"},
           "HostConfig": {"Cgroup": "container:other"}}  # fmt: skip
    with pytest.raises(InvalidInput, match="cannot carry over: HostConfig.Cgroup"):
        RunSpec.from_container(raw, {})


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
