#!/usr/bin/env bash
# Installs the Debian packages the tests use, each only if its command is missing:
#   nats-server     the NATS server the nodes talk through
#   docker-compose  only to validate docker-compose.yml (`docker-compose config`); no engine needed
#   chromium        the browser the dashboard test drives headless (through playwright-core)
# Idempotent; needs root or sudo the first time.
set -euo pipefail

# command:package pairs. The nats-server package installs to /usr/sbin, which a non-root PATH may lack.
tools=("nats-server:nats-server" "docker-compose:docker-compose" "chromium:chromium")

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

if [[ "$(id -u)" -eq 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "debian: error: not root and sudo not available; install these packages: ${missing[*]}" >&2
  exit 1
fi

echo "debian: installing ${missing[*]} ..."
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
for pair in "${tools[@]}"; do
  command="${pair%%:*}"
  find_tool "$command" >/dev/null || { echo "debian: error: $command not found after install" >&2; exit 1; }
done
echo "debian: installed ${missing[*]}"
