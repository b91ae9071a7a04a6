"""Reads a merged compose file (`compose config`) and writes it without published ports.

test-container.sh runs every service on the host's network (these machines have no bridge);
docker-compose 1.29 refuses `ports` there ("host" network_mode is incompatible with
port_bindings), and an override file cannot remove a key, so the merged file drops them.
"""

import sys

import yaml

config = yaml.safe_load(sys.stdin)
for service in config.get("services", {}).values():
    if service.get("network_mode") == "host":
        service.pop("ports", None)
yaml.safe_dump(config, sys.stdout, sort_keys=False)
