"""A RunSpec as a compose service: the YAML reads back to what the line says."""

from __future__ import annotations

import yaml

from volgui.engine.compose import service_name, to_compose
from volgui.engine.runspec import parse_command


def test_a_line_with_every_kind_of_mount_becomes_one_compose_service() -> None:
    line = (
        "docker run -d --name Web.1 -h box -u nobody -w /srv --read-only -t -i "
        "--restart on-failure:3 -p 8080:80 --expose 9000 -e A=1 -e FROM_ENV "
        "-l team=web --network backend --network-alias web --ip 172.30.0.9 "
        "-v photos:/srv/photos:ro -v /host/logs:/logs --tmpfs /run:size=64m "
        "--mount type=volume,source=cache,target=/cache,volume-nocopy "
        "--mount type=bind,source=/etc/ssl,target=/ssl,readonly,bind-propagation=rslave "
        "--entrypoint /bin/sh nginx:1.25 -c 'echo hi'"
    )
    doc = yaml.safe_load(to_compose(parse_command(line)))
    assert list(doc["services"]) == ["web-1"]
    s = doc["services"]["web-1"]
    assert s["image"] == "nginx:1.25" and s["container_name"] == "Web.1"
    assert s["entrypoint"] == ["/bin/sh"] and s["command"] == ["-c", "echo hi"]
    assert (s["hostname"], s["user"], s["working_dir"]) == ("box", "nobody", "/srv")
    assert s["restart"] == "on-failure:3"
    assert s["environment"] == ["A=1", "FROM_ENV"]
    assert s["labels"] == {"team": "web"}
    assert s["ports"] == ["8080:80"] and s["expose"] == ["9000"]
    assert s["read_only"] and s["tty"] and s["stdin_open"]
    assert s["volumes"] == [
        "photos:/srv/photos:ro",
        "/host/logs:/logs",
        {"type": "volume", "source": "cache", "target": "/cache", "volume": {"nocopy": True}},
        {
            "type": "bind",
            "source": "/etc/ssl",
            "target": "/ssl",
            "read_only": True,
            "bind": {"propagation": "rslave"},
        },
    ]
    assert s["tmpfs"] == ["/run:size=64m"]
    assert s["networks"] == {"backend": {"aliases": ["web"], "ipv4_address": "172.30.0.9"}}
    # The very volumes and network `docker run` uses: no project prefix, nothing created.
    assert doc["volumes"] == {"photos": {"name": "photos"}, "cache": {"name": "cache"}}
    assert doc["networks"] == {"backend": {"name": "backend", "external": True}}
    assert "detach" not in s  # -d steers one run, not a service


def test_builtin_networks_are_a_network_mode_and_names_come_from_the_image() -> None:
    spec = parse_command("docker run --network host registry.example:5000/team/app:2 true")
    doc = yaml.safe_load(to_compose(spec))
    assert service_name(spec) == "app"
    assert doc["services"]["app"]["network_mode"] == "host"
    assert "networks" not in doc and "volumes" not in doc
