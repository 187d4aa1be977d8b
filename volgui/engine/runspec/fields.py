"""The fields of a RunSpec: one per flag of the table, each holding what the flag said.

Values are kept as the flag's text (a size stays ``512m``), so a spec renders
back to the line it was read from; ``flags.py`` says which flag fills which.
"""

from __future__ import annotations

from dataclasses import dataclass

from volgui.engine.runspec.mounts import MountSpec
from volgui.engine.runspec.values import Pairs


@dataclass(frozen=True)
class SpecFields:
    """One container as docker-run arguments (RunSpec adds the methods).

    ``env`` keeps ``-e`` entries verbatim and in order (``KEY=VALUE``, or
    ``KEY`` to take the value from the environment at create time, as the CLI
    does). ``labels`` are pairs in order. ``command`` empty means the image's.
    ``entrypoint`` None means the image's, ``""`` clears it. ``mounts`` holds
    ``-v``, ``--mount`` and ``--tmpfs`` in order.
    """

    image: str
    command: tuple[str, ...] = ()
    name: str | None = None
    entrypoint: str | None = None
    env: tuple[str, ...] = ()
    labels: Pairs = ()
    workdir: str | None = None
    user: str | None = None
    hostname: str | None = None
    mounts: tuple[MountSpec, ...] = ()
    restart: str | None = None
    ports: tuple[str, ...] = ()
    expose: tuple[str, ...] = ()
    network: str | None = None
    network_aliases: tuple[str, ...] = ()
    ip: str | None = None
    ip6: str | None = None
    read_only: bool = False
    auto_remove: bool = False
    detach: bool = False
    interactive: bool = False
    tty: bool = False
    volumes_from: tuple[str, ...] = ()
    volume_driver: str | None = None
    storage_opt: tuple[str, ...] = ()
    env_file: tuple[str, ...] = ()
    label_file: tuple[str, ...] = ()
    domainname: str | None = None
    annotations: Pairs = ()
    publish_all: bool = False
    mac_address: str | None = None
    links: tuple[str, ...] = ()
    link_local_ips: tuple[str, ...] = ()
    add_hosts: tuple[str, ...] = ()
    dns: tuple[str, ...] = ()
    dns_options: tuple[str, ...] = ()
    dns_search: tuple[str, ...] = ()
    memory: str | None = None
    memory_reservation: str | None = None
    memory_swap: str | None = None
    memory_swappiness: str | None = None
    kernel_memory: str | None = None
    oom_kill_disable: bool = False
    oom_score_adj: str | None = None
    cpus: str | None = None
    cpu_shares: str | None = None
    cpu_period: str | None = None
    cpu_quota: str | None = None
    cpu_rt_period: str | None = None
    cpu_rt_runtime: str | None = None
    cpuset_cpus: str | None = None
    cpuset_mems: str | None = None
    cpu_count: str | None = None
    cpu_percent: str | None = None
    pids_limit: str | None = None
    shm_size: str | None = None
    ulimits: tuple[str, ...] = ()
    blkio_weight: str | None = None
    blkio_weight_device: tuple[str, ...] = ()
    device_read_bps: tuple[str, ...] = ()
    device_write_bps: tuple[str, ...] = ()
    device_read_iops: tuple[str, ...] = ()
    device_write_iops: tuple[str, ...] = ()
    io_maxbandwidth: str | None = None
    io_maxiops: str | None = None
    devices: tuple[str, ...] = ()
    device_cgroup_rules: tuple[str, ...] = ()
    gpus: tuple[str, ...] = ()
    cap_add: tuple[str, ...] = ()
    cap_drop: tuple[str, ...] = ()
    privileged: bool = False
    security_opt: tuple[str, ...] = ()
    group_add: tuple[str, ...] = ()
    userns: str | None = None
    cgroupns: str | None = None
    pid: str | None = None
    ipc: str | None = None
    uts: str | None = None
    health_cmd: str | None = None
    health_interval: str | None = None
    health_timeout: str | None = None
    health_retries: str | None = None
    health_start_period: str | None = None
    health_start_interval: str | None = None
    no_healthcheck: bool = False
    log_driver: str | None = None
    log_opts: tuple[str, ...] = ()
    attach: tuple[str, ...] = ()
    stop_signal: str | None = None
    stop_timeout: str | None = None
    init: bool = False
    sysctls: Pairs = ()
    runtime: str | None = None
    isolation: str | None = None
    cgroup_parent: str | None = None
    platform: str | None = None
    cidfile: str | None = None
    pull: str | None = None
    quiet: bool = False
    disable_content_trust: bool = False
    sig_proxy: bool = False
    detach_keys: str | None = None
    use_api_socket: bool = False
