#!/usr/bin/env bash
# Installs what the tests run on: docker-compose and chromium (Debian packages; nats-server too, as a fallback),
# FerretDB and the current nats-server (each built from its Go module into .cache/bin), and the
# deployment tests' kustomize and kubernetes-validate, and Jaeger for the tracing suite. Idempotent
# and quick once done.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$here/install-debian-tools.sh"
bash "$here/install-ferretdb.sh"
bash "$here/install-nats.sh"
bash "$here/install-deploy-tools.sh"
bash "$here/install-jaeger.sh"
