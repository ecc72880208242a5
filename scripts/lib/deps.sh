# Installs what the full test suite needs when it is missing. Sourced by scripts/test.sh.
# Debian packages: chromium (E2E browser), postgresql (the scale-out store's test server) and fonts-open-sans (the
# font the phone rendering check measures with).
# npm packages: tests/MentorBot.E2E (Agents Playground, ajv), from its lock file.

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "error: '$*' needs root. Run as root or install sudo." >&2; return 1; fi
}

ensure_debian_packages() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "==> Installing Debian packages: ${missing[*]} (one time)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_npm_packages() {
  local dir=$1
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "==> Installing npm packages in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
