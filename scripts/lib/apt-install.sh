# Sourced by the install scripts: apt_install LABEL PACKAGE... installs Debian packages as root,
# through sudo when not root, and fails with the list of packages when neither is possible.
apt_install() {
  local label="$1"
  shift
  local sudo=()
  if [[ "$(id -u)" -ne 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "$label: error: not root and sudo not available; install these packages: $*" >&2
      return 1
    fi
    sudo=(sudo)
  fi
  echo "$label: installing $* ..."
  # Through env: sudo's env_reset would drop a variable set before it.
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
