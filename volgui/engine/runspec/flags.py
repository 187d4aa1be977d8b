# ruff: noqa: E501
"""THE flag table: one row per ``docker run`` flag of docker CLI 28.

The parser (``parser.py``), the renderer (``render.py``), the create request
(``request.py``), ``runcmd`` (``from_container.py``) and the run dialog's form
all read this table; nothing else lists flags. A row says the flag's names,
its kind, the RunSpec field it fills, how one value is checked (``convert``,
which also gives what the engine is sent), where a plain flag lands in the
create request (``api``) and how the engine's value reads back (``show``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from volgui.engine.errors import InvalidInput
from volgui.engine.runspec import resources as r
from volgui.engine.runspec import values as v
from volgui.engine.runspec.fields import SpecFields
from volgui.engine.runspec.mount_flag import parse_mount
from volgui.engine.runspec.mounts import MountSpec

S = TypeVar("S", bound=SpecFields)

GROUPS = (
    "Mounts",
    "Environment",
    "Network",
    "Resources",
    "Security",
    "Health",
    "Logging",
    "Runtime",
)
_MOUNT_FLAGS = {"--volume": "volume", "--mount": "mount", "--tmpfs": "tmpfs"}


@dataclass(frozen=True)
class Flag:
    """One docker-run flag. ``kind``: bool, value, repeat (a list) or keyvalue (a map)."""

    long: str
    short: str | None
    kind: str
    field: str
    group: str
    label: str
    help: str
    min_api: str | None = None
    client_only: bool = False
    convert: Callable[[str], Any] | None = None  # one value -> what the engine is sent
    api: str | None = None  # "HostConfig.CapAdd": where a plain flag lands
    show: Callable[[Any], str] | None = None  # the engine's value -> the flag's text
    aliases: tuple[str, ...] = ()  # hidden names (--net, --net-alias, --dns-opt)

    def values(self, spec: SpecFields) -> list[str]:
        """The argument strings as on the command line ([] when unset; ["true"] for a set bool)."""
        got = getattr(spec, self.field)
        if self.long in _MOUNT_FLAGS:
            return [m.to_args()[1] for m in got if m.flag == _MOUNT_FLAGS[self.long]]
        if self.kind == "bool":
            return ["true"] if got else []
        if self.kind == "value":
            return [] if got is None else [got]
        if self.kind == "keyvalue":
            return [f"{k}={x}" for k, x in got]
        return list(got)

    def read(self, value: str) -> Any:
        """One value checked as the CLI checks it; what the RunSpec field holds for it."""
        if self.long in _MOUNT_FLAGS:
            return _MOUNT_READERS[self.long](value)
        if self.convert is not None:
            try:
                self.convert(value)
            except InvalidInput as e:
                text = str(e)
                if self.long not in text:
                    text = f'invalid argument "{value}" for "{self.long}" flag: {text}'
                raise InvalidInput(text) from None
        if self.kind == "keyvalue":
            return v.kv(value)
        return value

    def with_values(self, spec: S, values: list[str]) -> S:
        """``spec`` with this flag's values replaced (InvalidInput in the CLI's words)."""
        if self.kind == "bool":
            on = bool(values) and v.parse_bool(values[-1], self.long)
            return _replace(spec, self.field, on)
        items = [self.read(x) for x in values]
        if self.long in _MOUNT_FLAGS:
            mine = _MOUNT_FLAGS[self.long]
            places = [i for i, m in enumerate(spec.mounts) if m.flag == mine]
            if len(places) == len(items):  # the same mounts edited: each keeps its place
                mounts = list(spec.mounts)
                for i, item in zip(places, items, strict=True):
                    mounts[i] = item
                return dataclasses.replace(spec, mounts=tuple(mounts))
            kept = [m for m in spec.mounts if m.flag != mine]
            return dataclasses.replace(spec, mounts=(*kept, *items))
        if self.kind == "value":
            return _replace(spec, self.field, items[-1] if items else None)
        if self.kind == "keyvalue":
            return _replace(spec, self.field, v.pairs(items))
        return _replace(spec, self.field, tuple(items))


def _replace(spec: S, field: str, value: Any) -> S:
    changes: dict[str, Any] = {field: value}
    return dataclasses.replace(spec, **changes)


_MOUNT_READERS: dict[str, Callable[[str], MountSpec]] = {
    "--volume": MountSpec.from_volume_flag,
    "--mount": parse_mount,
    "--tmpfs": MountSpec.from_tmpfs_flag,
}


def _f(
    long: str,
    short: str | None,
    kind: str,
    field: str,
    group: str,
    label: str,
    help: str,
    **kw: Any,
) -> Flag:
    return Flag(long, short, kind, field, group, label, help, **kw)


_int = v.integer
_sz = v.size
HC = "HostConfig."

FLAGS: tuple[Flag, ...] = (
    # fmt: off
    # -- Mounts
    _f(
        "--volume",
        "-v",
        "repeat",
        "mounts",
        "Mounts",
        "Volumes and bind mounts (-v)",
        "Bind mount a volume",
    ),
    _f(
        "--mount",
        None,
        "repeat",
        "mounts",
        "Mounts",
        "Mounts (--mount)",
        "Attach a filesystem mount to the container",
    ),
    _f("--tmpfs", None, "repeat", "mounts", "Mounts", "Tmpfs mounts", "Mount a tmpfs directory"),
    _f(
        "--volumes-from",
        None,
        "repeat",
        "volumes_from",
        "Mounts",
        "Volumes from containers",
        "Mount volumes from the specified container(s)",
    ),
    _f(
        "--volume-driver",
        None,
        "value",
        "volume_driver",
        "Mounts",
        "Volume driver",
        "Optional volume driver for the container",
        api=HC + "VolumeDriver",
    ),
    _f(
        "--read-only",
        None,
        "bool",
        "read_only",
        "Mounts",
        "Read-only root filesystem",
        "Mount the container's root filesystem as read only",
    ),
    _f(
        "--storage-opt",
        None,
        "repeat",
        "storage_opt",
        "Mounts",
        "Storage driver options",
        "Storage driver options for the container",
    ),
    # -- Environment
    _f(
        "--env",
        "-e",
        "repeat",
        "env",
        "Environment",
        "Environment variables",
        "Set environment variables",
    ),
    _f(
        "--env-file",
        None,
        "repeat",
        "env_file",
        "Environment",
        "Environment files",
        "Read in a file of environment variables",
    ),
    _f(
        "--label",
        "-l",
        "keyvalue",
        "labels",
        "Environment",
        "Labels",
        "Set meta data on a container",
    ),
    _f(
        "--label-file",
        None,
        "repeat",
        "label_file",
        "Environment",
        "Label files",
        "Read in a line delimited file of labels",
    ),
    _f(
        "--workdir",
        "-w",
        "value",
        "workdir",
        "Environment",
        "Working directory",
        "Working directory inside the container",
    ),
    _f(
        "--user",
        "-u",
        "value",
        "user",
        "Environment",
        "User",
        "Username or UID (format: <name|uid>[:<group|gid>])",
    ),
    _f(
        "--entrypoint",
        None,
        "value",
        "entrypoint",
        "Environment",
        "Entrypoint",
        "Overwrite the default ENTRYPOINT of the image",
    ),
    _f("--hostname", "-h", "value", "hostname", "Environment", "Host name", "Container host name"),
    _f(
        "--domainname",
        None,
        "value",
        "domainname",
        "Environment",
        "Domain name",
        "Container NIS domain name",
        api="Domainname",
    ),
    _f(
        "--annotation",
        None,
        "keyvalue",
        "annotations",
        "Environment",
        "Annotations",
        "Add an annotation to the container (passed through to the OCI runtime)",
        min_api="1.43",
        api=HC + "Annotations",
    ),
    # -- Network
    _f(
        "--network",
        None,
        "value",
        "network",
        "Network",
        "Network",
        "Connect a container to a network",
        aliases=("--net",),
    ),
    _f(
        "--network-alias",
        None,
        "repeat",
        "network_aliases",
        "Network",
        "Network aliases",
        "Add network-scoped alias for the container",
        aliases=("--net-alias",),
    ),
    _f(
        "--publish",
        "-p",
        "repeat",
        "ports",
        "Network",
        "Published ports",
        "Publish a container's port(s) to the host",
    ),
    _f(
        "--publish-all",
        "-P",
        "bool",
        "publish_all",
        "Network",
        "Publish all exposed ports",
        "Publish all exposed ports to random ports",
        api=HC + "PublishAllPorts",
    ),
    _f(
        "--expose",
        None,
        "repeat",
        "expose",
        "Network",
        "Exposed ports",
        "Expose a port or a range of ports",
    ),
    _f(
        "--ip",
        None,
        "value",
        "ip",
        "Network",
        "IPv4 address",
        "IPv4 address (e.g., 172.30.100.104)",
    ),
    _f(
        "--ip6",
        None,
        "value",
        "ip6",
        "Network",
        "IPv6 address",
        "IPv6 address (e.g., 2001:db8::33)",
    ),
    _f(
        "--mac-address",
        None,
        "value",
        "mac_address",
        "Network",
        "MAC address",
        "Container MAC address (e.g., 92:d0:c6:0a:29:33)",
        min_api="1.44",
    ),
    _f(
        "--link",
        None,
        "repeat",
        "links",
        "Network",
        "Links",
        "Add link to another container",
        api=HC + "Links",
    ),
    _f(
        "--link-local-ip",
        None,
        "repeat",
        "link_local_ips",
        "Network",
        "Link-local addresses",
        "Container IPv4/IPv6 link-local addresses",
    ),
    _f(
        "--add-host",
        None,
        "repeat",
        "add_hosts",
        "Network",
        "Extra hosts",
        "Add a custom host-to-IP mapping (host:ip)",
        convert=v.extra_host,
        api=HC + "ExtraHosts",
    ),
    _f(
        "--dns",
        None,
        "repeat",
        "dns",
        "Network",
        "DNS servers",
        "Set custom DNS servers",
        convert=v.ip_address,
        api=HC + "Dns",
    ),
    _f(
        "--dns-option",
        None,
        "repeat",
        "dns_options",
        "Network",
        "DNS options",
        "Set DNS options",
        api=HC + "DnsOptions",
        aliases=("--dns-opt",),
    ),
    _f(
        "--dns-search",
        None,
        "repeat",
        "dns_search",
        "Network",
        "DNS search domains",
        "Set custom DNS search domains",
        api=HC + "DnsSearch",
    ),
    # -- Resources
    _f(
        "--memory",
        "-m",
        "value",
        "memory",
        "Resources",
        "Memory limit",
        "Memory limit",
        convert=_sz("--memory"),
        api=HC + "Memory",
        show=v.show_size,
    ),
    _f(
        "--memory-reservation",
        None,
        "value",
        "memory_reservation",
        "Resources",
        "Memory soft limit",
        "Memory soft limit",
        convert=_sz("--memory-reservation"),
        api=HC + "MemoryReservation",
        show=v.show_size,
    ),
    _f(
        "--memory-swap",
        None,
        "value",
        "memory_swap",
        "Resources",
        "Memory plus swap",
        "Swap limit equal to memory plus swap: '-1' to enable unlimited swap",
        convert=v.swap_size,
        api=HC + "MemorySwap",
        show=v.show_size,
    ),
    _f(
        "--memory-swappiness",
        None,
        "value",
        "memory_swappiness",
        "Resources",
        "Memory swappiness",
        "Tune container memory swappiness (0 to 100)",
        convert=v.swappiness,
        api=HC + "MemorySwappiness",
    ),
    _f(
        "--kernel-memory",
        None,
        "value",
        "kernel_memory",
        "Resources",
        "Kernel memory limit",
        "Kernel memory limit",
        convert=_sz("--kernel-memory"),
        api=HC + "KernelMemory",
        show=v.show_size,
    ),
    _f(
        "--oom-kill-disable",
        None,
        "bool",
        "oom_kill_disable",
        "Resources",
        "Disable the OOM killer",
        "Disable OOM Killer",
        api=HC + "OomKillDisable",
    ),
    _f(
        "--oom-score-adj",
        None,
        "value",
        "oom_score_adj",
        "Resources",
        "OOM score adjustment",
        "Tune host's OOM preferences (-1000 to 1000)",
        convert=_int("--oom-score-adj", -1000, 1000),
        api=HC + "OomScoreAdj",
    ),
    _f(
        "--cpus",
        None,
        "value",
        "cpus",
        "Resources",
        "CPUs",
        "Number of CPUs",
        convert=v.nano_cpus,
        api=HC + "NanoCpus",
        show=v.show_cpus,
    ),
    _f(
        "--cpu-shares",
        "-c",
        "value",
        "cpu_shares",
        "Resources",
        "CPU shares",
        "CPU shares (relative weight)",
        convert=_int("--cpu-shares"),
        api=HC + "CpuShares",
    ),
    _f(
        "--cpu-period",
        None,
        "value",
        "cpu_period",
        "Resources",
        "CPU CFS period",
        "Limit CPU CFS (Completely Fair Scheduler) period",
        convert=_int("--cpu-period"),
        api=HC + "CpuPeriod",
    ),
    _f(
        "--cpu-quota",
        None,
        "value",
        "cpu_quota",
        "Resources",
        "CPU CFS quota",
        "Limit CPU CFS (Completely Fair Scheduler) quota",
        convert=_int("--cpu-quota"),
        api=HC + "CpuQuota",
    ),
    _f(
        "--cpu-rt-period",
        None,
        "value",
        "cpu_rt_period",
        "Resources",
        "CPU real-time period",
        "Limit CPU real-time period in microseconds",
        convert=_int("--cpu-rt-period"),
        api=HC + "CpuRealtimePeriod",
    ),
    _f(
        "--cpu-rt-runtime",
        None,
        "value",
        "cpu_rt_runtime",
        "Resources",
        "CPU real-time runtime",
        "Limit CPU real-time runtime in microseconds",
        convert=_int("--cpu-rt-runtime"),
        api=HC + "CpuRealtimeRuntime",
    ),
    _f(
        "--cpuset-cpus",
        None,
        "value",
        "cpuset_cpus",
        "Resources",
        "CPUs allowed",
        "CPUs in which to allow execution (0-3, 0,1)",
        api=HC + "CpusetCpus",
    ),
    _f(
        "--cpuset-mems",
        None,
        "value",
        "cpuset_mems",
        "Resources",
        "Memory nodes allowed",
        "MEMs in which to allow execution (0-3, 0,1)",
        api=HC + "CpusetMems",
    ),
    _f(
        "--cpu-count",
        None,
        "value",
        "cpu_count",
        "Resources",
        "CPU count (Windows)",
        "CPU count (Windows only)",
        convert=_int("--cpu-count"),
        api=HC + "CpuCount",
    ),
    _f(
        "--cpu-percent",
        None,
        "value",
        "cpu_percent",
        "Resources",
        "CPU percent (Windows)",
        "CPU percent (Windows only)",
        convert=_int("--cpu-percent"),
        api=HC + "CpuPercent",
    ),
    _f(
        "--pids-limit",
        None,
        "value",
        "pids_limit",
        "Resources",
        "PIDs limit",
        "Tune container pids limit (set -1 for unlimited)",
        convert=_int("--pids-limit"),
        api=HC + "PidsLimit",
    ),
    _f(
        "--shm-size",
        None,
        "value",
        "shm_size",
        "Resources",
        "Size of /dev/shm",
        "Size of /dev/shm",
        convert=_sz("--shm-size"),
        api=HC + "ShmSize",
        show=v.show_size,
    ),
    _f(
        "--ulimit",
        None,
        "repeat",
        "ulimits",
        "Resources",
        "Ulimits",
        "Ulimit options",
        convert=r.ulimit,
    ),
    _f(
        "--blkio-weight",
        None,
        "value",
        "blkio_weight",
        "Resources",
        "Block IO weight",
        "Block IO (relative weight), between 10 and 1000, or 0 to disable",
        convert=r.blkio_weight,
        api=HC + "BlkioWeight",
    ),
    _f(
        "--blkio-weight-device",
        None,
        "repeat",
        "blkio_weight_device",
        "Resources",
        "Block IO weight per device",
        "Block IO weight (relative device weight)",
        convert=r.weight_device,
        api=HC + "BlkioWeightDevice",
    ),
    _f(
        "--device-read-bps",
        None,
        "repeat",
        "device_read_bps",
        "Resources",
        "Device read rate (bytes/s)",
        "Limit read rate (bytes per second) from a device",
        convert=r.throttle("--device-read-bps", True),
        api=HC + "BlkioDeviceReadBps",
    ),
    _f(
        "--device-write-bps",
        None,
        "repeat",
        "device_write_bps",
        "Resources",
        "Device write rate (bytes/s)",
        "Limit write rate (bytes per second) to a device",
        convert=r.throttle("--device-write-bps", True),
        api=HC + "BlkioDeviceWriteBps",
    ),
    _f(
        "--device-read-iops",
        None,
        "repeat",
        "device_read_iops",
        "Resources",
        "Device read rate (IO/s)",
        "Limit read rate (IO per second) from a device",
        convert=r.throttle("--device-read-iops", False),
        api=HC + "BlkioDeviceReadIOps",
    ),
    _f(
        "--device-write-iops",
        None,
        "repeat",
        "device_write_iops",
        "Resources",
        "Device write rate (IO/s)",
        "Limit write rate (IO per second) to a device",
        convert=r.throttle("--device-write-iops", False),
        api=HC + "BlkioDeviceWriteIOps",
    ),
    _f(
        "--io-maxbandwidth",
        None,
        "value",
        "io_maxbandwidth",
        "Resources",
        "IO bandwidth (Windows)",
        "Maximum IO bandwidth limit for the system drive (Windows only)",
        convert=_sz("--io-maxbandwidth"),
        api=HC + "IOMaximumBandwidth",
    ),
    _f(
        "--io-maxiops",
        None,
        "value",
        "io_maxiops",
        "Resources",
        "IOps (Windows)",
        "Maximum IOps limit for the system drive (Windows only)",
        convert=_int("--io-maxiops", 0),
        api=HC + "IOMaximumIOps",
    ),
    _f(
        "--device",
        None,
        "repeat",
        "devices",
        "Resources",
        "Devices",
        "Add a host device to the container",
        convert=r.device,
    ),
    _f(
        "--device-cgroup-rule",
        None,
        "repeat",
        "device_cgroup_rules",
        "Resources",
        "Device cgroup rules",
        "Add a rule to the cgroup allowed devices list",
        convert=r.cgroup_rule,
        api=HC + "DeviceCgroupRules",
    ),
    _f(
        "--gpus",
        None,
        "repeat",
        "gpus",
        "Resources",
        "GPUs",
        "GPU devices to add to the container ('all' to pass all GPUs)",
        min_api="1.40",
        convert=r.gpu_request,
    ),
    # -- Security
    _f(
        "--cap-add",
        None,
        "repeat",
        "cap_add",
        "Security",
        "Add Linux capabilities",
        "Add Linux capabilities",
    ),
    _f(
        "--cap-drop",
        None,
        "repeat",
        "cap_drop",
        "Security",
        "Drop Linux capabilities",
        "Drop Linux capabilities",
    ),
    _f(
        "--privileged",
        None,
        "bool",
        "privileged",
        "Security",
        "Privileged",
        "Give extended privileges to this container",
        api=HC + "Privileged",
    ),
    _f(
        "--security-opt",
        None,
        "repeat",
        "security_opt",
        "Security",
        "Security options",
        "Security Options",
        convert=v.security_opt,
    ),
    _f(
        "--group-add",
        None,
        "repeat",
        "group_add",
        "Security",
        "Additional groups",
        "Add additional groups to join",
        api=HC + "GroupAdd",
    ),
    _f(
        "--userns",
        None,
        "value",
        "userns",
        "Security",
        "User namespace",
        "User namespace to use",
        api=HC + "UsernsMode",
    ),
    _f(
        "--cgroupns",
        None,
        "value",
        "cgroupns",
        "Security",
        "Cgroup namespace",
        "Cgroup namespace to use (host|private)",
        min_api="1.41",
        convert=v.choice("--cgroupns", "", "host", "private"),
        api=HC + "CgroupnsMode",
    ),
    _f(
        "--pid",
        None,
        "value",
        "pid",
        "Security",
        "PID namespace",
        "PID namespace to use",
        convert=v.namespace("--pid"),
        api=HC + "PidMode",
    ),
    _f(
        "--ipc", None, "value", "ipc", "Security", "IPC mode", "IPC mode to use", api=HC + "IpcMode"
    ),
    _f(
        "--uts",
        None,
        "value",
        "uts",
        "Security",
        "UTS namespace",
        "UTS namespace to use",
        convert=v.choice("--uts", "", "host"),
        api=HC + "UTSMode",
    ),
    # -- Health
    _f(
        "--health-cmd",
        None,
        "value",
        "health_cmd",
        "Health",
        "Health check command",
        "Command to run to check health",
    ),
    _f(
        "--health-interval",
        None,
        "value",
        "health_interval",
        "Health",
        "Check interval",
        "Time between running the check (ms|s|m|h) (default 0s)",
        convert=v.duration("--health-interval"),
        show=v.show_duration,
    ),
    _f(
        "--health-timeout",
        None,
        "value",
        "health_timeout",
        "Health",
        "Check timeout",
        "Maximum time to allow one check to run (ms|s|m|h) (default 0s)",
        convert=v.duration("--health-timeout"),
        show=v.show_duration,
    ),
    _f(
        "--health-retries",
        None,
        "value",
        "health_retries",
        "Health",
        "Retries",
        "Consecutive failures needed to report unhealthy",
        convert=_int("--health-retries", 0),
    ),
    _f(
        "--health-start-period",
        None,
        "value",
        "health_start_period",
        "Health",
        "Start period",
        "Start period for the container to initialize before starting health-retries countdown (ms|s|m|h) (default 0s)",
        min_api="1.29",
        convert=v.duration("--health-start-period"),
        show=v.show_duration,
    ),
    _f(
        "--health-start-interval",
        None,
        "value",
        "health_start_interval",
        "Health",
        "Start interval",
        "Time between running the check during the start period (ms|s|m|h) (default 0s)",
        min_api="1.44",
        convert=v.duration("--health-start-interval"),
        show=v.show_duration,
    ),
    _f(
        "--no-healthcheck",
        None,
        "bool",
        "no_healthcheck",
        "Health",
        "Disable the image's health check",
        "Disable any container-specified HEALTHCHECK",
    ),
    # -- Logging
    _f(
        "--log-driver",
        None,
        "value",
        "log_driver",
        "Logging",
        "Logging driver",
        "Logging driver for the container",
    ),
    _f(
        "--log-opt",
        None,
        "repeat",
        "log_opts",
        "Logging",
        "Log driver options",
        "Log driver options",
    ),
    # -- Runtime
    _f("--name", None, "value", "name", "Runtime", "Name", "Assign a name to the container"),
    _f(
        "--detach",
        "-d",
        "bool",
        "detach",
        "Runtime",
        "Run in the background",
        "Run container in background and print container ID",
    ),
    _f(
        "--interactive",
        "-i",
        "bool",
        "interactive",
        "Runtime",
        "Keep STDIN open",
        "Keep STDIN open even if not attached",
    ),
    _f("--tty", "-t", "bool", "tty", "Runtime", "Allocate a TTY", "Allocate a pseudo-TTY"),
    _f(
        "--attach",
        "-a",
        "repeat",
        "attach",
        "Runtime",
        "Attach to streams",
        "Attach to STDIN, STDOUT or STDERR",
        client_only=True,
        convert=v.choice("--attach", "stdin", "stdout", "stderr", fold=True),
    ),
    _f(
        "--rm",
        None,
        "bool",
        "auto_remove",
        "Runtime",
        "Remove when it exits",
        "Automatically remove the container and its associated anonymous volumes when it exits",
    ),
    _f(
        "--restart",
        None,
        "value",
        "restart",
        "Runtime",
        "Restart policy",
        "Restart policy to apply when a container exits",
    ),
    _f(
        "--stop-signal",
        None,
        "value",
        "stop_signal",
        "Runtime",
        "Stop signal",
        "Signal to stop the container",
        api="StopSignal",
    ),
    _f(
        "--stop-timeout",
        None,
        "value",
        "stop_timeout",
        "Runtime",
        "Stop timeout (s)",
        "Timeout (in seconds) to stop a container",
        min_api="1.25",
        convert=_int("--stop-timeout", -(2**31), 2**31 - 1),
        api="StopTimeout",
    ),
    _f(
        "--init",
        None,
        "bool",
        "init",
        "Runtime",
        "Run an init",
        "Run an init inside the container that forwards signals and reaps processes",
        min_api="1.25",
    ),
    _f(
        "--sysctl",
        None,
        "keyvalue",
        "sysctls",
        "Runtime",
        "Sysctls",
        "Sysctl options",
        convert=v.sysctl,
        api=HC + "Sysctls",
    ),
    _f(
        "--runtime",
        None,
        "value",
        "runtime",
        "Runtime",
        "OCI runtime",
        "Runtime to use for this container",
        api=HC + "Runtime",
    ),
    _f(
        "--isolation",
        None,
        "value",
        "isolation",
        "Runtime",
        "Isolation",
        "Container isolation technology",
        api=HC + "Isolation",
    ),
    _f(
        "--cgroup-parent",
        None,
        "value",
        "cgroup_parent",
        "Runtime",
        "Parent cgroup",
        "Optional parent cgroup for the container",
        api=HC + "CgroupParent",
    ),
    _f(
        "--platform",
        None,
        "value",
        "platform",
        "Runtime",
        "Platform",
        "Set platform if server is multi-platform capable",
        min_api="1.41",
        convert=v.platform,
    ),
    _f(
        "--cidfile",
        None,
        "value",
        "cidfile",
        "Runtime",
        "Container ID file",
        "Write the container ID to the file",
        client_only=True,
        api=HC + "ContainerIDFile",
    ),
    _f(
        "--pull",
        None,
        "value",
        "pull",
        "Runtime",
        "Pull policy",
        'Pull image before running ("always", "missing", "never")',
        client_only=True,
        convert=v.choice("--pull", "always", "missing", "never"),
    ),
    _f(
        "--quiet",
        "-q",
        "bool",
        "quiet",
        "Runtime",
        "Quiet pull",
        "Suppress the pull output",
        client_only=True,
    ),
    _f(
        "--disable-content-trust",
        None,
        "bool",
        "disable_content_trust",
        "Runtime",
        "Skip image verification",
        "Skip image verification (default true)",
        client_only=True,
    ),
    _f(
        "--sig-proxy",
        None,
        "bool",
        "sig_proxy",
        "Runtime",
        "Proxy signals",
        "Proxy received signals to the process (default true)",
        client_only=True,
    ),
    _f(
        "--detach-keys",
        None,
        "value",
        "detach_keys",
        "Runtime",
        "Detach keys",
        "Override the key sequence for detaching a container",
        client_only=True,
    ),
    _f(
        "--use-api-socket",
        None,
        "bool",
        "use_api_socket",
        "Runtime",
        "Bind mount the API socket",
        "Bind mount Docker API socket and required auth",
    ),
)
# fmt: on

_BY_NAME: dict[str, Flag] = {}
for _flag in FLAGS:
    for _name in (_flag.long, _flag.short, *_flag.aliases):
        if _name:
            _BY_NAME[_name] = _flag


def flag_named(name: str) -> Flag | None:
    """The row for ``--cap-add``, ``cap-add``, ``-e`` or a hidden alias (``--net``); None if unknown."""
    if not name.startswith("-"):
        name = ("-" if len(name) == 1 else "--") + name
    return _BY_NAME.get(name)


__all__ = ["FLAGS", "GROUPS", "Flag", "flag_named"]
