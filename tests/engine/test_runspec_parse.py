"""RunSpec parsing and rendering, without an engine: pflag's rules, errors, round trip."""

from __future__ import annotations

import posixpath
import shlex

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from volgui.engine import InvalidInput
from volgui.engine.runspec import MountSpec, RunSpec, parse_command, port_bindings


@pytest.fixture(autouse=True)
def _clean() -> None:
    """Pure parsing: no engine to clean up (overrides the engine suite's fixture)."""


def test_whole_line_with_continuations_quotes_and_prompt() -> None:
    spec = parse_command(
        "$ docker run -d \\\n"
        "  --name some-postgres \\\n"
        "  -e POSTGRES_PASSWORD='my $ecret \"pw\"' \\\r\n"
        '  -e "GREETING=안녕 세계" \\\n'
        "  -v pgdata:/var/lib/postgresql/data:ro \\\n"
        "  postgres:16 postgres -c 'shared_buffers=256MB'\n"
    )
    assert spec.detach and spec.name == "some-postgres"
    assert spec.env == ('POSTGRES_PASSWORD=my $ecret "pw"', "GREETING=안녕 세계")
    assert spec.mounts == (
        MountSpec("volume", "/var/lib/postgresql/data", "pgdata", read_only=True),
    )
    assert spec.image == "postgres:16"
    assert spec.command == ("postgres", "-c", "shared_buffers=256MB")


def test_pflag_forms_combined_shorts_and_equals() -> None:
    a = RunSpec.from_args(["-dit", "--rm", "--name=web", "-eA=1", "-e=B=2", "-p8080:80", "nginx"])
    assert (a.detach, a.interactive, a.tty, a.auto_remove) == (True, True, True, True)
    assert a.name == "web" and a.env == ("A=1", "B=2") and a.ports == ("8080:80",)
    b = RunSpec.from_args(["-it", "--detach=true", "--tty=false", "-dp", "80:80", "nginx", "-g"])
    assert (b.detach, b.interactive, b.tty) == (True, True, False)
    assert b.ports == ("80:80",) and b.command == ("-g",)
    c = RunSpec.from_args(["--net", "appnet", "--net-alias", "db", "-w/srv", "-u", "1000", "x1"])
    assert c.network == "appnet" and c.network_aliases == ("db",) and c.workdir == "/srv"
    assert c.user == "1000" and c.image == "x1"
    # Options end at the image: what follows is the command, flags included.
    d = RunSpec.from_args(["busybox", "ls", "-l", "--name", "x"])
    assert d.name is None and d.command == ("ls", "-l", "--name", "x")
    assert RunSpec.from_args(["--", "busybox"]).image == "busybox"


def test_volume_mount_and_tmpfs_flags() -> None:
    spec = RunSpec.from_args(
        [
            "-v", "/cache",
            "-v", "./conf:/etc/app:ro,z",
            "-v", "data:/data:rw,nocopy",
            "--mount", 'type=bind,src=/srv,dst=/srv,ro=true,bind-propagation=rslave',
            "--mount", 'type=volume,source=db,target=/db,volume-driver=local,'
                       '"volume-opt=o=size=1g,uid=1000",volume-label=app=shop,volume-nocopy',
            "--mount", "type=tmpfs,dst=/scratch,tmpfs-size=64m,tmpfs-mode=1770",
            "--tmpfs", "/run:rw,noexec,size=1m",
            "busybox",
        ]
    )  # fmt: skip
    anon, conf, data, srv, db, scratch, run = spec.mounts
    assert anon == MountSpec("volume", "/cache") and anon.anonymous
    assert conf == MountSpec("bind", "/etc/app", "./conf", read_only=True, options=("z",))
    assert data == MountSpec("volume", "/data", "data", options=("rw", "nocopy"))
    assert srv.flag == "mount" and srv.type == "bind" and srv.read_only
    assert srv.propagation == "rslave"
    assert db.volume_driver == "local" and db.nocopy
    assert db.volume_options == (("o", "size=1g,uid=1000"),)
    assert db.volume_labels == (("app", "shop"),)
    assert scratch.type == "tmpfs" and scratch.tmpfs_size == "64m" and scratch.tmpfs_mode == "1770"
    assert run == MountSpec("tmpfs", "/run", flag="tmpfs", options=("rw", "noexec", "size=1m"))
    assert db.api_mount("/") == {
        "Type": "volume",
        "Source": "db",
        "Target": "/db",
        "VolumeOptions": {
            "NoCopy": True,
            "Labels": {"app": "shop"},
            "DriverConfig": {"Name": "local", "Options": {"o": "size=1g,uid=1000"}},
        },
    }
    assert scratch.api_mount("/")["TmpfsOptions"] == {"SizeBytes": 64 << 20, "Mode": 0o1770}
    assert conf.bind_entry("/home/me") == "/home/me/conf:/etc/app:ro,z"


def test_ports_expand_like_the_cli() -> None:
    assert port_bindings("8080:80") == [("80/tcp", "", "8080")]
    assert port_bindings("127.0.0.1:53:53/udp") == [("53/udp", "127.0.0.1", "53")]
    assert port_bindings("[::1]::80") == [("80/tcp", "::1", "")]
    assert port_bindings("9000-9001:8000-8001") == [
        ("8000/tcp", "", "9000"),
        ("8001/tcp", "", "9001"),
    ]
    assert port_bindings("9000-9009:80") == [("80/tcp", "", "9000-9009")]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("docker run --privileged=maybe busybox", "'maybe' is not true or false"),
        ("docker run -dX busybox", "unknown flag: 'X' in -dX"),
        ("docker run --colour busybox", "unknown flag: --colour"),
        ("docker run --ulimit nofile=2048:1024 busybox", "soft limit must be less than"),
        ("docker run --gpus count=x busybox", 'invalid count (x): value must be either "all"'),
        ("docker run --device /dev/sda:/dev/xvda:rwx busybox", "bad mode specified: rwx"),
        ("docker run -m lots busybox", 'invalid argument "lots" for "--memory" flag'),
        ("docker run --cpus x busybox", 'invalid argument "x" for "--cpus" flag'),
        ("docker run --health-interval 5 busybox", 'time: invalid duration "5"'),
        ("docker run --add-host db busybox", 'invalid argument "db" for "--add-host" flag'),
        ("docker run --dns 1.2.3 busybox", "1.2.3 is not an ip address"),
        ("docker run --no-healthcheck --health-cmd x busybox", "conflicts with --health-*"),
        ("docker run --sysctl a=b busybox", "sysctl 'a=b' is not allowed"),
        ("docker run --mount type=bind,src=/x,dst=/y,bind-create-src busybox", "key=value pair"),
        ("docker run --mount ' type = volume, dst=/x' busybox", "unexpected key ' type '"),
        ("docker run --mount type=volume,dst=/x,volume-nocopy=yes busybox", "volume-nocopy: yes"),
        ("docker run --env-file /no/such.env busybox", "/no/such.env"),
        ("docker run --cpu-count 2 busybox", "only supported on a Docker daemon running on"),
        ("docker run --io-maxiops 5 busybox", "only supported on a Docker daemon running on"),
        ("docker run --use-api-socket busybox", "--use-api-socket is not handled by volgui"),
        ("docker run --network name=n1,alias=a --network-alias b busybox", "cannot specify both"),
        ("docker run --network alias=a busybox", "network name/id is not specified"),
        ("docker run --network name=n1,colour=red busybox", "invalid field key colour"),
        ("docker run -v a:b:c:d busybox", "invalid -v 'a:b:c:d': too many ':'"),
        ("docker run -v data:rel busybox", "'rel' is not an absolute path"),
        ("docker run -v d1:/d -v /x:/d/ busybox", "duplicate mount destination /d"),
        ("docker run -v d1:/d --tmpfs /d busybox", "duplicate mount destination /d"),
        ("docker run --name 'b@d' busybox", "invalid container name 'b@d'"),
        ("docker run -v x:/data busybox", "invalid volume name 'x'"),
        ("docker run -v data:/d:ro,rw busybox", "both ro and rw"),
        ("docker run -v data:/d:bogus busybox", "unknown option 'bogus'"),
        ("docker run -v data:/d:rshared busybox", "propagation applies to bind mounts"),
        ("docker run -v ~/x:/d busybox", "did not expand '~/x'"),
        ("docker run --mount src=data busybox", "target is required"),
        ("docker run --mount type=nfs,dst=/x busybox", "type must be volume, bind, tmpfs or image"),
        ("docker run --mount type=bind,dst=/x busybox", "needs a source path"),
        ("docker run --mount type=tmpfs,dst=/x,volume-nocopy busybox", "cannot mix 'volume-*'"),
        ("docker run --mount type=volume,dst=/x,color=red busybox", "unexpected key 'color'"),
        ("docker run --mount type=volume,dst=/x,junk busybox", "must be a key=value pair"),
        ("docker run --tmpfs tmp busybox", "'tmp' is not an absolute path"),
        ("docker run --mount type=tmpfs,dst=/t,tmpfs-mode=0999 busybox", "value for tmpfs-mode"),
        ("docker run --mount type=tmpfs,dst=/t,tmpfs-size=lots busybox", "value for tmpfs-size"),
        ("docker run -e =x busybox", "invalid -e '=x'"),
        ("docker run -w rel busybox", "invalid -w 'rel'"),
        ("docker run --restart sometimes busybox", "invalid --restart 'sometimes'"),
        ("docker run --restart always:3 busybox", "only on-failure takes a retry count"),
        ("docker run --rm --restart always busybox", "cannot specify both --restart and --rm"),
        ("docker run -p 70000:80 busybox", "is not a port"),
        ("docker run -p 80/icmp busybox", "protocol must be tcp, udp or sctp"),
        ("docker run --network-alias db busybox", "--network-alias needs --network"),
        ("docker run --network host --ip 10.0.0.2 busybox", "--ip needs --network"),
        ("docker run --network n1 --ip 10.0.0.300 busybox", "not an IPv4 address"),
        ("docker run --network n1 --ip6 10.0.0.3 busybox", "invalid --ip6 '10.0.0.3'"),
        ("docker run --network a --network b busybox", "--network given twice"),
        ("docker run --volumes-from web:rx busybox", "invalid --volumes-from 'web:rx'"),
        ("docker run --rm=maybe busybox", "'maybe' is not true or false"),
        ("docker run -d", "no image given"),
        ("docker run -e", "flag -e needs a value"),
        ("docker run Busybox", "invalid image reference 'Busybox'"),
        ("docker ps -a", "got `docker ps`"),
        ("podman run busybox", "expected a `docker run"),
        ("docker run -e 'unterminated busybox", "cannot read the command line"),
    ],
)
def test_bad_lines_name_the_argument_and_why(line: str, message: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parse_command(line)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


# -- the round trip: parse_command(spec.to_command()) == spec --------------

_no_nul = st.characters(blacklist_categories=("Cs",), blacklist_characters="\0")
_text = st.text(_no_nul, max_size=12)
_word = st.text(_no_nul, min_size=1, max_size=10)
_name = st.from_regex(r"[a-zA-Z0-9][a-zA-Z0-9_.-]{1,12}", fullmatch=True)
_segment = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters=":/"),
    min_size=1,
    max_size=8,
)
_path = st.lists(_segment, min_size=1, max_size=3).map(lambda parts: "/" + "/".join(parts))
_label_key = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp"), blacklist_characters="="),
    min_size=1,
    max_size=8,
).filter(lambda k: not any(c.isspace() for c in k))
_env_key = st.text(_no_nul.filter(lambda c: c != "="), min_size=1, max_size=8)


@st.composite
def _volume_flag(draw: st.DrawFn, dest: str) -> MountSpec:
    kind = draw(st.sampled_from(["anonymous", "volume", "bind"]))
    if kind == "anonymous":
        return MountSpec("volume", dest)
    if kind == "volume":
        source = draw(_name)
        modes = ["rw", "z", "Z", "nocopy"]
    else:
        source = draw(st.sampled_from(["/", "./", "../"])) + draw(_segment)
        modes = ["rw", "z", "Z", "rshared", "rprivate", "slave"]
    options = tuple(draw(st.lists(st.sampled_from(modes), unique=True, max_size=3)))
    read_only = draw(st.booleans()) and "rw" not in options
    return MountSpec(kind, dest, source, read_only, "volume", options)  # type: ignore[arg-type]


@st.composite
def _mount_flag(draw: st.DrawFn, dest: str) -> MountSpec:
    kind = draw(st.sampled_from(["volume", "bind", "tmpfs"]))
    no_newline = st.text(_no_nul.filter(lambda c: c not in "\r\n"), max_size=8)
    if kind == "tmpfs":
        return MountSpec(
            "tmpfs",
            dest,
            flag="mount",
            read_only=draw(st.booleans()),
            tmpfs_size=draw(st.sampled_from([None, "64m", "1g", "1048576"])),
            tmpfs_mode=draw(st.sampled_from([None, "1777", "700"])),
        )
    if kind == "bind":
        return MountSpec(
            "bind",
            dest,
            "/" + draw(no_newline),
            draw(st.booleans()),
            "mount",
            propagation=draw(st.sampled_from([None, "rprivate", "shared"])),
        )
    pairs = st.lists(
        st.tuples(no_newline.filter(lambda k: k != "" and "=" not in k), no_newline),
        max_size=2,
        unique_by=lambda kv: kv[0],
    ).map(tuple)
    return MountSpec(
        "volume",
        dest,
        draw(st.one_of(st.none(), _name)),
        draw(st.booleans()),
        "mount",
        nocopy=draw(st.booleans()),
        volume_driver=draw(st.sampled_from([None, "local"])),
        volume_labels=draw(pairs),
        volume_options=draw(pairs),
    )


@st.composite
def _tmpfs_flag(draw: st.DrawFn, dest: str) -> MountSpec:
    options = draw(
        st.lists(
            st.sampled_from(["size=64m", "mode=1777", "noexec", "nosuid"]), unique=True, max_size=2
        )
    )
    return MountSpec("tmpfs", dest, None, draw(st.booleans()), "tmpfs", tuple(options))


@st.composite
def run_specs(draw: st.DrawFn) -> RunSpec:
    dests = draw(st.lists(_path, max_size=4, unique_by=lambda p: posixpath.normpath(p)))
    mounts = []
    for dest in dests:
        maker = draw(st.sampled_from([_volume_flag, _mount_flag, _tmpfs_flag]))
        mounts.append(draw(maker(dest)))
    network = draw(st.sampled_from([None, "host", "none", "appnet", "container:db"]))
    aliases = tuple(draw(st.lists(_name, max_size=2))) if network == "appnet" else ()
    ip = draw(st.sampled_from([None, "10.1.2.3"])) if network == "appnet" else None
    ip6 = draw(st.sampled_from([None, "fd00::7"])) if network == "appnet" else None
    auto_remove = draw(st.booleans())
    restart = (
        None
        if auto_remove
        else draw(
            st.sampled_from([None, "no", "always", "unless-stopped", "on-failure", "on-failure:5"])
        )
    )
    env = draw(
        st.lists(
            st.one_of(_env_key, st.builds(lambda k, v: f"{k}={v}", _env_key, _text)), max_size=3
        )
    )
    labels = draw(st.lists(st.tuples(_label_key, _text), max_size=3, unique_by=lambda kv: kv[0]))
    return RunSpec(
        image=draw(
            st.sampled_from(
                ["busybox", "postgres:16", "ghcr.io/org/app:1.2", "localhost:5000/x_y/z-1"]
            )
        ),
        command=tuple(draw(st.lists(_text, max_size=3))),
        name=draw(st.one_of(st.none(), _name)),
        entrypoint=draw(st.one_of(st.none(), _text)),
        env=tuple(env),
        labels=tuple(labels),
        workdir=draw(st.one_of(st.none(), _path)),
        user=draw(st.sampled_from([None, "postgres", "1000:1000"])),
        hostname=draw(st.one_of(st.none(), _name)),
        mounts=tuple(mounts),
        restart=restart,
        ports=tuple(
            draw(
                st.lists(
                    st.sampled_from(
                        [
                            "80",
                            "8080:80",
                            "127.0.0.1:5432:5432",
                            "53:53/udp",
                            "[::1]:9000-9001:9000-9001",
                        ]
                    ),
                    max_size=2,
                    unique=True,
                )
            )
        ),
        expose=tuple(draw(st.lists(st.sampled_from(["80", "9000-9002/udp"]), max_size=1))),
        network=network,
        network_aliases=aliases,
        ip=ip,
        ip6=ip6,
        read_only=draw(st.booleans()),
        auto_remove=auto_remove,
        detach=draw(st.booleans()),
        interactive=draw(st.booleans()),
        tty=draw(st.booleans()),
        volumes_from=tuple(
            draw(
                st.lists(
                    st.builds(lambda n, m: n + m, _name, st.sampled_from(["", ":ro", ":rw"])),
                    max_size=2,
                )
            )
        ),
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(run_specs())
def test_render_then_parse_gives_the_same_spec(spec: RunSpec) -> None:
    spec.validate()
    line = spec.to_command()
    assert "\n" not in line or "'" in line  # any line break sits inside quotes
    assert parse_command(line) == spec
    assert RunSpec.from_args(shlex.split(line)[2:]) == spec


def test_rendering_is_canonical_and_readable() -> None:
    spec = parse_command(
        "docker run -v data:/data --name web -it --rm -p 80:80 -e 'MSG=hello world' nginx"
    )
    assert spec.to_command() == (
        "docker run --rm -it --name web -p 80:80 -e 'MSG=hello world' -v data:/data nginx"
    )
