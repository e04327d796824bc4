#!/usr/bin/env bash
# Build FerretDB (MongoDB-wire server, SQLite backend; pure Go, no cgo) into .cache/bin/ferretdb.
#
# The version is pinned in tools/ferretdb/go.mod (+ go.sum hashes). A plain
# `go install .../cmd/ferretdb@v1.24.2`, or `go build` of it as a dependency of our module,
# yields a binary that panics on start: build/version requires an embedded version.txt that is
# not in the module zip (upstream issue #2982), and -overlay cannot patch the module cache.
# So: download the pinned module through tools/ferretdb, copy its source to .cache/ferretdb-src,
# write build/version/version.txt, and build ./cmd/ferretdb there with upstream's own go.mod/go.sum.
#
# Idempotent: skips the build when the binary exists and `ferretdb --version` works.
# FORCE=1 rebuilds.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tool_dir="$repo_root/tools/ferretdb"
cache_dir="$repo_root/.cache"
src_dir="$cache_dir/ferretdb-src"
out="$cache_dir/bin/ferretdb"
mod=github.com/FerretDB/FerretDB

if [[ "${FORCE:-0}" != 1 && -x "$out" ]] && "$out" --version >/dev/null 2>&1; then
  echo "ferretdb: already built at .cache/bin/ferretdb"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "ferretdb: error: Go toolchain (1.24+) not found on PATH" >&2
  exit 1
fi

# -mod=mod lets go fetch what go.mod/go.sum pin on a fresh machine (versions are not upgraded;
# never run `go get -u` here: modernc.org/libc must stay at the version modernc.org/sqlite pins).
case " ${GOFLAGS:-} " in *" -mod="*) ;; *) export GOFLAGS="${GOFLAGS:+$GOFLAGS }-mod=mod" ;; esac
export CGO_ENABLED=0

mkdir -p "$cache_dir/bin"

start=$(date +%s)
cd "$tool_dir"
version="$(go list -m -f '{{.Version}}' "$mod")"
echo "ferretdb: downloading $mod@$version ..."
go mod download "$mod"
mod_dir="$(go list -m -f '{{.Dir}}' "$mod")"
[[ -n "$mod_dir" && -f "$mod_dir/go.mod" ]] || { echo "ferretdb: error: module source not found" >&2; exit 1; }

rm -rf "$src_dir"
cp -R "$mod_dir" "$src_dir"
chmod -R u+w "$src_dir"   # module cache files are read-only
echo "$version" > "$src_dir/build/version/version.txt"

echo "ferretdb: building $mod/cmd/ferretdb with $(go env GOVERSION) (first build takes ~1-2 min) ..."
cd "$src_dir"
go build -trimpath -buildvcs=false -o "$out.tmp" ./cmd/ferretdb
mv -f "$out.tmp" "$out"
cd "$repo_root" && rm -rf "$src_dir"
echo "ferretdb: built .cache/bin/ferretdb in $(( $(date +%s) - start ))s"
"$out" --version | sed -n '1,2s/^/ferretdb:   /p'
