#!/usr/bin/env bash
# Build Jaeger (the Jaeger 2 binary, pinned in tools/jaeger) into .cache/bin/jaeger, for the
# tracing suite. Idempotent: skips the build when the binary exists and answers --help.
# FORCE=1 rebuilds.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$repo_root/.cache/bin/jaeger"
mod=github.com/jaegertracing/jaeger/cmd/jaeger

if [[ "${FORCE:-0}" != 1 && -x "$out" ]] && "$out" --help >/dev/null 2>&1; then
  echo "jaeger: already built at .cache/bin/jaeger"
  exit 0
fi
case " ${GOFLAGS:-} " in *" -mod="*) ;; *) export GOFLAGS="${GOFLAGS:+$GOFLAGS }-mod=mod" ;; esac
export CGO_ENABLED=0
mkdir -p "$repo_root/.cache/bin"
start=$(date +%s)
cd "$repo_root/tools/jaeger"
echo "jaeger: building $mod@$(go list -m -f '{{.Version}}' github.com/jaegertracing/jaeger) with $(go env GOVERSION) (a few minutes) ..."
go build -trimpath -buildvcs=false -o "$out.tmp" "$mod"
mv -f "$out.tmp" "$out"
echo "jaeger: built .cache/bin/jaeger in $(( $(date +%s) - start ))s"
