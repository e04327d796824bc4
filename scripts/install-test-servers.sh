#!/usr/bin/env bash
# Installs what the tests run on: nats-server (Debian package) and FerretDB (built from its
# Go module into .cache/bin). Idempotent and quick once done.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$here/install-nats.sh"
bash "$here/install-ferretdb.sh"
