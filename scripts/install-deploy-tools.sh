#!/usr/bin/env bash
# Installs what the deployment tests render and validate Kubernetes manifests with, offline:
# kustomize (built from its Go module pinned in tools/kustomize into .cache/bin) and PyPI's
# kubernetes-validate (the Kubernetes OpenAPI schemas ship inside it) in a venv under .cache.
# Idempotent: skips what is already there. FORCE=1 reinstalls.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$repo_root/.cache/bin"
venv="$repo_root/.cache/kubernetes-validate"
mkdir -p "$bin"

if [[ "${FORCE:-0}" != 1 && -x "$bin/kustomize" ]] && "$bin/kustomize" version >/dev/null 2>&1; then
  echo "kustomize: already built at .cache/bin/kustomize ($("$bin/kustomize" version))"
else
  case " ${GOFLAGS:-} " in *" -mod="*) ;; *) export GOFLAGS="${GOFLAGS:+$GOFLAGS }-mod=mod" ;; esac
  start=$(date +%s)
  (cd "$repo_root/tools/kustomize" && CGO_ENABLED=0 go build -trimpath -buildvcs=false -o "$bin/kustomize.tmp" sigs.k8s.io/kustomize/kustomize/v5)
  mv -f "$bin/kustomize.tmp" "$bin/kustomize"
  echo "kustomize: built .cache/bin/kustomize in $(( $(date +%s) - start ))s ($("$bin/kustomize" version))"
fi

validate_version=1.37.0
if [[ "${FORCE:-0}" != 1 && -x "$venv/bin/kubernetes-validate" ]] &&
  [[ "$("$venv/bin/kubernetes-validate" --version 2>/dev/null)" == "$validate_version" ]]; then
  echo "kubernetes-validate: already installed ($validate_version)"
else
  if ! python3 -m venv "$venv" 2>/dev/null; then
    # Debian's python3 leaves venv out; its package brings it.
    apt-get install -y -qq python3-venv >/dev/null
    python3 -m venv "$venv"
  fi
  "$venv/bin/pip" install --quiet --disable-pip-version-check "kubernetes-validate==$validate_version"
  echo "kubernetes-validate: installed $validate_version in .cache/kubernetes-validate"
fi
