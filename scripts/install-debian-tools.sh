#!/usr/bin/env bash
# Installs the Debian packages the tests use, each only if its command is missing:
#   nats-server     the NATS server the nodes talk through
#   docker-compose  only to validate docker-compose.yml (`docker-compose config`); no engine needed
#   chromium        the browser the dashboard test drives headless (through playwright-core)
#   redis-server    the gateways' shared store of API keys and rate-limit counters (api-keys suite)
#   haproxy         the load balancer `npm run cluster -- --gateways N` puts in front of the gateways
# Idempotent; needs root or sudo the first time.
set -euo pipefail

# command:package pairs. The nats-server package installs to /usr/sbin, which a non-root PATH may lack.
tools=("nats-server:nats-server" "docker-compose:docker-compose" "chromium:chromium" "redis-server:redis-server" "haproxy:haproxy")

find_tool() { command -v "$1" 2>/dev/null || { [[ -x "/usr/sbin/$1" ]] && echo "/usr/sbin/$1"; }; }

missing=()
for pair in "${tools[@]}"; do
  command="${pair%%:*}"
  package="${pair##*:}"
  if path="$(find_tool "$command")"; then
    echo "debian: $command already installed ($path)"
  else
    missing+=("$package")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

source "$(dirname "${BASH_SOURCE[0]}")/lib/apt-install.sh"
apt_install debian "${missing[@]}"
for pair in "${tools[@]}"; do
  command="${pair%%:*}"
  find_tool "$command" >/dev/null || { echo "debian: error: $command not found after install" >&2; exit 1; }
done
echo "debian: installed ${missing[*]}"
