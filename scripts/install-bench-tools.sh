#!/usr/bin/env bash
# Installs what `npm run bench` needs beyond the test servers: Debian's PostgreSQL server,
# FerretDB's second backend (the benchmark starts its own throwaway cluster; the package's
# default cluster is not used). Idempotent; needs root or sudo the first time.
set -euo pipefail

if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  echo "bench: PostgreSQL already installed"
  exit 0
fi
source "$(dirname "${BASH_SOURCE[0]}")/lib/apt-install.sh"
apt_install bench postgresql
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || { echo "bench: error: initdb not found after install" >&2; exit 1; }
echo "bench: installed postgresql"
