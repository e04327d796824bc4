#!/usr/bin/env bash
# Install nats-server (Debian package) if it is not already on PATH. Idempotent.
set -euo pipefail

# The Debian package puts the binary in /usr/sbin, which a non-root PATH may lack.
find_nats() { command -v nats-server 2>/dev/null || { [[ -x /usr/sbin/nats-server ]] && echo /usr/sbin/nats-server; }; }

if bin="$(find_nats)"; then
  echo "nats: already installed: $bin ($("$bin" --version 2>&1 | head -n1))"
  exit 0
fi

if [[ "$(id -u)" -eq 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "nats: error: not root and sudo not available; install the nats-server package manually" >&2
  exit 1
fi

echo "nats: installing Debian package nats-server ..."
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends nats-server >/dev/null
bin="$(find_nats)" || { echo "nats: error: nats-server not found after install" >&2; exit 1; }
echo "nats: installed $bin ($("$bin" --version 2>&1 | head -n1))"
