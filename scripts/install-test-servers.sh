#!/usr/bin/env bash
# Installs what the tests run on: nats-server and docker-compose (Debian packages) and FerretDB (built from its
# Go module into .cache/bin). Idempotent and quick once done.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$here/install-debian-tools.sh"
bash "$here/install-ferretdb.sh"
