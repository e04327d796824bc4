#!/usr/bin/env bash
# Installs what `npm run bench` needs beyond the test servers: Debian's PostgreSQL server,
# FerretDB's second backend (the benchmark starts its own throwaway cluster; the package's
# default cluster is not used). Idempotent; needs root or sudo the first time.
set -euo pipefail

if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  echo "bench: PostgreSQL already installed"
  exit 0
fi
if [[ "$(id -u)" -eq 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "bench: error: not root and sudo not available; install the postgresql package" >&2
  exit 1
fi
echo "bench: installing postgresql ..."
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends postgresql >/dev/null
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || { echo "bench: error: initdb not found after install" >&2; exit 1; }
echo "bench: installed postgresql"
