"""The flag table's words in the window: its group names and flag labels, marked for lupdate.

The flag table (``volgui.engine.runspec``) is Qt-free and English, as the
command line is; the run dialog's sections show its groups and labels through
:func:`words`. A flag's name (``--memory``) and its help (the docker CLI's own
words, in the tooltip) stay as they are. ``tests/ui/test_run_dialog_parts.py``
checks that every group and label of the table is listed here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "FlagWords"

GROUPS = (
    QT_TRANSLATE_NOOP("FlagWords", "Mounts"),
    QT_TRANSLATE_NOOP("FlagWords", "Environment"),
    QT_TRANSLATE_NOOP("FlagWords", "Network"),
    QT_TRANSLATE_NOOP("FlagWords", "Resources"),
    QT_TRANSLATE_NOOP("FlagWords", "Security"),
    QT_TRANSLATE_NOOP("FlagWords", "Health"),
    QT_TRANSLATE_NOOP("FlagWords", "Logging"),
    QT_TRANSLATE_NOOP("FlagWords", "Runtime"),
)

LABELS = (
    QT_TRANSLATE_NOOP("FlagWords", "Volumes from containers"),  # --volumes-from
    QT_TRANSLATE_NOOP("FlagWords", "Volume driver"),  # --volume-driver
    QT_TRANSLATE_NOOP("FlagWords", "Read-only root filesystem"),  # --read-only
    QT_TRANSLATE_NOOP("FlagWords", "Storage driver options"),  # --storage-opt
    QT_TRANSLATE_NOOP("FlagWords", "Environment files"),  # --env-file
    QT_TRANSLATE_NOOP("FlagWords", "Label files"),  # --label-file
    QT_TRANSLATE_NOOP("FlagWords", "Working directory"),  # --workdir
    QT_TRANSLATE_NOOP("FlagWords", "User"),  # --user
    QT_TRANSLATE_NOOP("FlagWords", "Entrypoint"),  # --entrypoint
    QT_TRANSLATE_NOOP("FlagWords", "Host name"),  # --hostname
    QT_TRANSLATE_NOOP("FlagWords", "Domain name"),  # --domainname
    QT_TRANSLATE_NOOP("FlagWords", "Annotations"),  # --annotation
    QT_TRANSLATE_NOOP("FlagWords", "Network aliases"),  # --network-alias
    QT_TRANSLATE_NOOP("FlagWords", "Publish all exposed ports"),  # --publish-all
    QT_TRANSLATE_NOOP("FlagWords", "Exposed ports"),  # --expose
    QT_TRANSLATE_NOOP("FlagWords", "IPv4 address"),  # --ip
    QT_TRANSLATE_NOOP("FlagWords", "IPv6 address"),  # --ip6
    QT_TRANSLATE_NOOP("FlagWords", "MAC address"),  # --mac-address
    QT_TRANSLATE_NOOP("FlagWords", "Links"),  # --link
    QT_TRANSLATE_NOOP("FlagWords", "Link-local addresses"),  # --link-local-ip
    QT_TRANSLATE_NOOP("FlagWords", "Extra hosts"),  # --add-host
    QT_TRANSLATE_NOOP("FlagWords", "DNS servers"),  # --dns
    QT_TRANSLATE_NOOP("FlagWords", "DNS options"),  # --dns-option
    QT_TRANSLATE_NOOP("FlagWords", "DNS search domains"),  # --dns-search
    QT_TRANSLATE_NOOP("FlagWords", "Memory limit"),  # --memory
    QT_TRANSLATE_NOOP("FlagWords", "Memory soft limit"),  # --memory-reservation
    QT_TRANSLATE_NOOP("FlagWords", "Memory plus swap"),  # --memory-swap
    QT_TRANSLATE_NOOP("FlagWords", "Memory swappiness"),  # --memory-swappiness
    QT_TRANSLATE_NOOP("FlagWords", "Kernel memory limit"),  # --kernel-memory
    QT_TRANSLATE_NOOP("FlagWords", "Disable the OOM killer"),  # --oom-kill-disable
    QT_TRANSLATE_NOOP("FlagWords", "OOM score adjustment"),  # --oom-score-adj
    QT_TRANSLATE_NOOP("FlagWords", "CPUs"),  # --cpus
    QT_TRANSLATE_NOOP("FlagWords", "CPU shares"),  # --cpu-shares
    QT_TRANSLATE_NOOP("FlagWords", "CPU CFS period"),  # --cpu-period
    QT_TRANSLATE_NOOP("FlagWords", "CPU CFS quota"),  # --cpu-quota
    QT_TRANSLATE_NOOP("FlagWords", "CPU real-time period"),  # --cpu-rt-period
    QT_TRANSLATE_NOOP("FlagWords", "CPU real-time runtime"),  # --cpu-rt-runtime
    QT_TRANSLATE_NOOP("FlagWords", "CPUs allowed"),  # --cpuset-cpus
    QT_TRANSLATE_NOOP("FlagWords", "Memory nodes allowed"),  # --cpuset-mems
    QT_TRANSLATE_NOOP("FlagWords", "CPU count (Windows)"),  # --cpu-count
    QT_TRANSLATE_NOOP("FlagWords", "CPU percent (Windows)"),  # --cpu-percent
    QT_TRANSLATE_NOOP("FlagWords", "PIDs limit"),  # --pids-limit
    QT_TRANSLATE_NOOP("FlagWords", "Size of /dev/shm"),  # --shm-size
    QT_TRANSLATE_NOOP("FlagWords", "Ulimits"),  # --ulimit
    QT_TRANSLATE_NOOP("FlagWords", "Block IO weight"),  # --blkio-weight
    QT_TRANSLATE_NOOP("FlagWords", "Block IO weight per device"),  # --blkio-weight-device
    QT_TRANSLATE_NOOP("FlagWords", "Device read rate (bytes/s)"),  # --device-read-bps
    QT_TRANSLATE_NOOP("FlagWords", "Device write rate (bytes/s)"),  # --device-write-bps
    QT_TRANSLATE_NOOP("FlagWords", "Device read rate (IO/s)"),  # --device-read-iops
    QT_TRANSLATE_NOOP("FlagWords", "Device write rate (IO/s)"),  # --device-write-iops
    QT_TRANSLATE_NOOP("FlagWords", "IO bandwidth (Windows)"),  # --io-maxbandwidth
    QT_TRANSLATE_NOOP("FlagWords", "IOps (Windows)"),  # --io-maxiops
    QT_TRANSLATE_NOOP("FlagWords", "Devices"),  # --device
    QT_TRANSLATE_NOOP("FlagWords", "Device cgroup rules"),  # --device-cgroup-rule
    QT_TRANSLATE_NOOP("FlagWords", "GPUs"),  # --gpus
    QT_TRANSLATE_NOOP("FlagWords", "Add Linux capabilities"),  # --cap-add
    QT_TRANSLATE_NOOP("FlagWords", "Drop Linux capabilities"),  # --cap-drop
    QT_TRANSLATE_NOOP("FlagWords", "Privileged"),  # --privileged
    QT_TRANSLATE_NOOP("FlagWords", "Security options"),  # --security-opt
    QT_TRANSLATE_NOOP("FlagWords", "Additional groups"),  # --group-add
    QT_TRANSLATE_NOOP("FlagWords", "User namespace"),  # --userns
    QT_TRANSLATE_NOOP("FlagWords", "Cgroup namespace"),  # --cgroupns
    QT_TRANSLATE_NOOP("FlagWords", "PID namespace"),  # --pid
    QT_TRANSLATE_NOOP("FlagWords", "IPC mode"),  # --ipc
    QT_TRANSLATE_NOOP("FlagWords", "UTS namespace"),  # --uts
    QT_TRANSLATE_NOOP("FlagWords", "Health check command"),  # --health-cmd
    QT_TRANSLATE_NOOP("FlagWords", "Check interval"),  # --health-interval
    QT_TRANSLATE_NOOP("FlagWords", "Check timeout"),  # --health-timeout
    QT_TRANSLATE_NOOP("FlagWords", "Retries"),  # --health-retries
    QT_TRANSLATE_NOOP("FlagWords", "Start period"),  # --health-start-period
    QT_TRANSLATE_NOOP("FlagWords", "Start interval"),  # --health-start-interval
    QT_TRANSLATE_NOOP("FlagWords", "Disable the image's health check"),  # --no-healthcheck
    QT_TRANSLATE_NOOP("FlagWords", "Logging driver"),  # --log-driver
    QT_TRANSLATE_NOOP("FlagWords", "Log driver options"),  # --log-opt
    QT_TRANSLATE_NOOP("FlagWords", "Run in the background"),  # --detach
    QT_TRANSLATE_NOOP("FlagWords", "Keep STDIN open"),  # --interactive
    QT_TRANSLATE_NOOP("FlagWords", "Allocate a TTY"),  # --tty
    QT_TRANSLATE_NOOP("FlagWords", "Attach to streams"),  # --attach
    QT_TRANSLATE_NOOP("FlagWords", "Remove when it exits"),  # --rm
    QT_TRANSLATE_NOOP("FlagWords", "Stop signal"),  # --stop-signal
    QT_TRANSLATE_NOOP("FlagWords", "Stop timeout (s)"),  # --stop-timeout
    QT_TRANSLATE_NOOP("FlagWords", "Run an init"),  # --init
    QT_TRANSLATE_NOOP("FlagWords", "Sysctls"),  # --sysctl
    QT_TRANSLATE_NOOP("FlagWords", "OCI runtime"),  # --runtime
    QT_TRANSLATE_NOOP("FlagWords", "Isolation"),  # --isolation
    QT_TRANSLATE_NOOP("FlagWords", "Parent cgroup"),  # --cgroup-parent
    QT_TRANSLATE_NOOP("FlagWords", "Platform"),  # --platform
    QT_TRANSLATE_NOOP("FlagWords", "Container ID file"),  # --cidfile
    QT_TRANSLATE_NOOP("FlagWords", "Pull policy"),  # --pull
    QT_TRANSLATE_NOOP("FlagWords", "Quiet pull"),  # --quiet
    QT_TRANSLATE_NOOP("FlagWords", "Skip image verification"),  # --disable-content-trust
    QT_TRANSLATE_NOOP("FlagWords", "Proxy signals"),  # --sig-proxy
    QT_TRANSLATE_NOOP("FlagWords", "Detach keys"),  # --detach-keys
    QT_TRANSLATE_NOOP("FlagWords", "Bind mount the API socket"),  # --use-api-socket
)


def words(text: str) -> str:
    """A group name or flag label of the table in the window's language."""
    return QCoreApplication.translate(CONTEXT, text)
