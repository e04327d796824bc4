#!/usr/bin/env bash
# Build the NATS server pinned in tools/nats (go.mod + go.sum) into .cache/bin/nats-server.
# The current 2.x server, the one production (compose's nats:2) runs; Debian's 2.9.10 is the
# fallback when no Go toolchain is found (tools/servers/nats.ts looks for both).
# Idempotent: skips the build when the binary exists and answers --version. FORCE=1 rebuilds.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$repo_root/.cache/bin/nats-server"
mod=github.com/nats-io/nats-server/v2

if [[ "${FORCE:-0}" != 1 && -x "$out" ]] && "$out" --version >/dev/null 2>&1; then
  echo "nats-server: already built at .cache/bin/nats-server ($("$out" --version))"
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "nats-server: no Go toolchain on PATH; the tests will use Debian's nats-server" >&2
  exit 0
fi

case " ${GOFLAGS:-} " in *" -mod="*) ;; *) export GOFLAGS="${GOFLAGS:+$GOFLAGS }-mod=mod" ;; esac
export CGO_ENABLED=0
mkdir -p "$repo_root/.cache/bin"
start=$(date +%s)
cd "$repo_root/tools/nats"
echo "nats-server: building $mod@$(go list -m -f '{{.Version}}' "$mod") with $(go env GOVERSION) ..."
go build -trimpath -buildvcs=false -o "$out.tmp" "$mod"
mv -f "$out.tmp" "$out"
echo "nats-server: built .cache/bin/nats-server in $(( $(date +%s) - start ))s ($("$out" --version))"
