"""The create request: the body of ``POST /containers/create`` as docker CLI 28 sends it.

Plain flags land where their table row's ``api`` says; the rest (env and
label files, mounts, ports, networks, health check, logging, devices, GPUs,
capabilities, security options) are put together here the way the CLI's
``parse()`` puts them. Client-side steps happen here too: ``-e KEY`` takes
its value from ``environ``, relative host paths become absolute against
``cwd``, ``--env-file``/``--label-file`` are read.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from volgui.engine.runspec import resources as r
from volgui.engine.runspec import values as v
from volgui.engine.runspec.fields import SpecFields
from volgui.engine.runspec.flags import FLAGS, Flag
from volgui.engine.runspec.network import read_network
from volgui.engine.runspec.ports import exposed_ports, port_bindings, split_restart

# What docker CLI 28 sends in HostConfig for a plain `docker create IMAGE`
# (recorded from its request). Sending the same keeps the engine's defaults
# identical to a container the CLI made.
_CLI_HOST_CONFIG: dict[str, Any] = {
    "ContainerIDFile": "", "LogConfig": {"Type": "", "Config": {}}, "VolumeDriver": "",
    "ConsoleSize": [0, 0], "CapAdd": None, "CapDrop": None, "CgroupnsMode": "", "Dns": [],
    "DnsOptions": [], "DnsSearch": [], "ExtraHosts": None, "GroupAdd": None, "IpcMode": "",
    "Cgroup": "", "Links": None, "OomScoreAdj": 0, "PidMode": "", "Privileged": False,
    "PublishAllPorts": False, "SecurityOpt": None, "UTSMode": "", "UsernsMode": "",
    "ShmSize": 0, "Isolation": "", "CpuShares": 0, "Memory": 0, "NanoCpus": 0,
    "CgroupParent": "", "BlkioWeight": 0, "BlkioWeightDevice": [], "BlkioDeviceReadBps": [],
    "BlkioDeviceWriteBps": [], "BlkioDeviceReadIOps": [], "BlkioDeviceWriteIOps": [],
    "CpuPeriod": 0, "CpuQuota": 0, "CpuRealtimePeriod": 0, "CpuRealtimeRuntime": 0,
    "CpusetCpus": "", "CpusetMems": "", "Devices": [], "DeviceCgroupRules": None,
    "DeviceRequests": None, "MemoryReservation": 0, "MemorySwap": 0, "MemorySwappiness": -1,
    "OomKillDisable": False, "PidsLimit": 0, "Ulimits": [], "CpuCount": 0, "CpuPercent": 0,
    "IOMaximumIOps": 0, "IOMaximumBandwidth": 0, "MaskedPaths": None, "ReadonlyPaths": None,
}  # fmt: skip


def _plain(f: Flag, given: list[str]) -> Any:
    """A plain flag's value as the engine is sent it."""
    convert = f.convert or (lambda x: x)
    if f.kind == "bool":
        return True
    if f.kind == "value":
        return convert(given[-1])
    if f.kind == "keyvalue":
        return dict(v.kv(x) for x in given)
    return [convert(x) for x in given]


def _env(spec: SpecFields, environ: Mapping[str, str], cwd: str) -> list[str]:
    files = [os.path.join(cwd, path) for path in spec.env_file]
    env = [e for path in files for e in v.read_kv_file(path, dict(environ))]
    for e in spec.env:
        if "=" not in e and e in environ:
            e = f"{e}={environ[e]}"
        env.append(e)
    return env


def _labels(spec: SpecFields, cwd: str) -> dict[str, str]:
    files = [os.path.join(cwd, path) for path in spec.label_file]
    lines = [x for path in files for x in v.read_kv_file(path, None)]
    labels = dict(v.kv(x) for x in lines)
    labels.update(spec.labels)
    return labels


def _health(spec: SpecFields) -> dict[str, Any] | None:
    if spec.no_healthcheck:
        return {"Test": ["NONE"]}
    times = {
        "Interval": spec.health_interval, "Timeout": spec.health_timeout,
        "StartPeriod": spec.health_start_period, "StartInterval": spec.health_start_interval,
    }  # fmt: skip
    if (
        spec.health_cmd is None
        and spec.health_retries is None
        and all(t is None for t in times.values())
    ):
        return None
    h: dict[str, Any] = {}
    if spec.health_cmd:
        h["Test"] = ["CMD-SHELL", spec.health_cmd]
    for key, text in times.items():
        n = v.duration(key)(text) if text is not None else 0
        if n:
            h[key] = n
    if spec.health_retries is not None and int(spec.health_retries):
        h["Retries"] = int(spec.health_retries)
    return h


def _network(spec: SpecFields) -> tuple[str, dict[str, Any]]:
    a = read_network(spec.network or "default")
    network = a.target
    endpoint: dict[str, Any] = {}
    addresses = {"IPv4Address": spec.ip or a.ip, "IPv6Address": spec.ip6 or a.ip6}
    ipam: dict[str, Any] = {k: x for k, x in addresses.items() if x}
    if spec.link_local_ips or a.link_local:
        ipam["LinkLocalIPs"] = list(spec.link_local_ips) or a.link_local
    if ipam:
        endpoint["IPAMConfig"] = ipam
    if a.user_defined and spec.links:
        endpoint["Links"] = list(spec.links)
    if spec.network_aliases or a.aliases:
        endpoint["Aliases"] = list(spec.network_aliases) or a.aliases
    if a.driver_opts:
        endpoint["DriverOpts"] = a.driver_opts
    if spec.mac_address:
        endpoint["MacAddress"] = spec.mac_address
    # One network without settings: the CLI leaves the endpoint out ("default" aside).
    endpoints = {network: endpoint} if endpoint or network == "default" else {}
    return network, endpoints


def _mounts(
    spec: SpecFields, cwd: str
) -> tuple[list[str], dict[str, Any], list[Any], dict[str, str]]:
    binds: list[str] = []
    volumes: dict[str, dict[str, Any]] = {}
    mounts: list[dict[str, Any]] = []
    tmpfs: dict[str, str] = {}
    for m in spec.mounts:
        if m.flag == "volume":
            if m.source:
                binds.append(m.bind_entry(cwd))
            else:
                volumes[m.bind_entry(cwd)] = {}
        elif m.flag == "mount":
            mounts.append(m.api_mount(cwd))
        else:
            tmpfs[m.destination] = ",".join((["ro"] if m.read_only else []) + list(m.options))
    return binds, volumes, mounts, tmpfs


def _host_specials(spec: SpecFields, hc: dict[str, Any]) -> None:
    if spec.cap_add:
        hc["CapAdd"] = sorted({v.capability(c) for c in spec.cap_add})
    if spec.cap_drop:
        hc["CapDrop"] = sorted({v.capability(c) for c in spec.cap_drop})
    ulimits: dict[str, dict[str, object]] = {}
    for text in spec.ulimits:
        u = r.ulimit(text)
        ulimits[str(u["Name"])] = u
    hc["Ulimits"] = [ulimits[k] for k in sorted(ulimits)]  # the CLI sends them by name
    hc["Devices"] = [r.device(d) for d in spec.devices if not r.is_cdi(d)]
    requests = [r.gpu_request(g) for g in spec.gpus]
    cdi = [d for d in spec.devices if r.is_cdi(d)]
    if cdi:
        requests.append(
            {"Driver": "cdi", "Count": 0, "DeviceIDs": cdi, "Capabilities": None, "Options": None}
        )
    hc["DeviceRequests"] = requests or None
    if spec.security_opt:
        opts = [v.security_opt(s) for s in spec.security_opt]
        if "systempaths=unconfined" in opts:
            hc["MaskedPaths"], hc["ReadonlyPaths"] = [], []
        hc["SecurityOpt"] = [s for s in opts if s != "systempaths=unconfined"]
    if spec.storage_opt:
        hc["StorageOpt"] = dict(v.kv(s) for s in spec.storage_opt)
    if spec.log_driver is not None or spec.log_opts:
        hc["LogConfig"] = {
            "Type": spec.log_driver or "",
            "Config": dict(v.kv(o) for o in spec.log_opts),
        }
    if spec.init:
        hc["Init"] = True


def create_request(
    spec: SpecFields, cwd: str | None = None, environ: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The body of ``POST /containers/create`` for ``spec`` (the platform goes in the query)."""
    cwd = os.getcwd() if cwd is None else cwd
    environ = os.environ if environ is None else environ
    exposed: dict[str, dict[str, Any]] = {}
    bindings: dict[str, list[dict[str, str]]] = {}
    for p in spec.ports:
        for port, ip, host in port_bindings(p):
            exposed[port] = {}
            bindings.setdefault(port, []).append({"HostIp": ip, "HostPort": host})
    for p in spec.expose:
        for port in exposed_ports(p):
            exposed[port] = {}
    binds, volumes, mounts, tmpfs = _mounts(spec, cwd)
    restart_name, retries = split_restart(spec.restart or "no")
    network, endpoints = _network(spec)
    entrypoint = None if spec.entrypoint is None else [spec.entrypoint]
    # docker run -d attaches nothing; otherwise stdout and stderr (or the -a
    # streams), and stdin with -i.
    streams = {a.lower() for a in spec.attach} if spec.attach else {"stdout", "stderr"}
    if spec.detach:
        streams = set()
    stdin = "stdin" in streams or (spec.interactive and not spec.detach)
    hc: dict[str, Any] = dict(_CLI_HOST_CONFIG)
    hc.update(
        Binds=binds or None,
        NetworkMode=network,
        PortBindings=bindings,
        RestartPolicy={"Name": restart_name, "MaximumRetryCount": retries},
        AutoRemove=spec.auto_remove,
        VolumesFrom=list(spec.volumes_from) or None,
        ReadonlyRootfs=spec.read_only,
        Tmpfs=tmpfs or None,
        Mounts=mounts or None,
    )
    body: dict[str, Any] = {
        "Hostname": spec.hostname or "", "Domainname": "", "User": spec.user or "",
        "AttachStdin": stdin, "AttachStdout": "stdout" in streams,
        "AttachStderr": "stderr" in streams, "ExposedPorts": exposed or None, "Tty": spec.tty,
        "OpenStdin": spec.interactive, "StdinOnce": stdin and spec.interactive,
        "Env": _env(spec, environ, cwd), "Cmd": list(spec.command) or None, "Image": spec.image,
        "Volumes": volumes, "WorkingDir": spec.workdir or "", "Entrypoint": entrypoint,
        "OnBuild": None, "Labels": _labels(spec, cwd),
    }  # fmt: skip
    for f in FLAGS:
        given = f.values(spec)
        if f.api and given:
            where, _, key = f.api.rpartition(".")
            (hc if where == "HostConfig" else body)[key] = _plain(f, given)
    _host_specials(spec, hc)
    health = _health(spec)
    if health is not None:
        body["Healthcheck"] = health
    body["HostConfig"] = hc
    body["NetworkingConfig"] = {"EndpointsConfig": endpoints}
    return body
