#!/usr/bin/env bash
# Installs what the end-to-end tests need: Debian chromium, ripgrep, the native build deps of
# code-server, code-server 4.100.3 (VS Code 1.100.3, the newest that runs on node 20) in a cache
# dir outside the repo, and playwright-core from the repo's devDependencies.
# Idempotent: when everything is present it only checks and prints (about a second).
# Works as root on a fresh Debian 12 with only the npm registry and Debian apt reachable; the
# three install pitfalls it works around are in ../shared/reference/offline-toolchain.md §1.
set -euo pipefail
cd "$(dirname "$0")/../.."

CS_VERSION=4.100.3
RG_PKG_VERSION=1.15.11   # @vscode/ripgrep version code-server 4.100.3's VS Code depends on
E2E_HOME="${TOLLGATE_E2E_HOME:-$HOME/.cache/tollgate-e2e}"
CS_DIR="$E2E_HOME/code-server"
START=$(date +%s.%N)
did=()

elapsed() { awk -v s="$START" -v e="$(date +%s.%N)" 'BEGIN{printf "%.1f", e-s}'; }
say() { echo "[e2e-setup $(elapsed)s] $*"; }

# 1. Debian packages, only the missing ones (apt-get is slow even when nothing is to do).
# Fonts: chromium without its recommends has none, and screenshots would show boxes.
pkgs=(chromium fonts-dejavu-core fonts-liberation ripgrep libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  say "apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
  $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  did+=("apt: ${missing[*]}")
else
  say "debian packages present: ${pkgs[*]}"
fi

# 2. code-server. Its postinstall builds native modules (kerberos needs libkrb5-dev; node-pty runs
# `npx node-gyp`, refused under the user npmrc's yes=false) and @vscode/ripgrep downloads rg from
# api.github.com unless the tarball is already in its cache dir, so the cache is seeded with Debian's rg.
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
if [ -x "$CS_BIN" ] && [ "$(node -p "require('$CS_DIR/node_modules/code-server/package.json').version" 2>/dev/null)" = "$CS_VERSION" ] \
   && [ -f "$CS_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ]; then
  say "code-server $CS_VERSION present in $CS_DIR"
else
  RGC="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-$RG_PKG_VERSION"
  mkdir -p "$RGC"
  for asset in ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz ripgrep-v13.0.0-4-x86_64-unknown-linux-musl.tar.gz; do
    [ -f "$RGC/$asset" ] || tar czf "$RGC/$asset" -C /usr/bin rg
  done
  say "installing code-server@$CS_VERSION into $CS_DIR (about a minute)"
  mkdir -p "$CS_DIR"
  [ -f "$CS_DIR/package.json" ] || echo '{"name":"tollgate-e2e-code-server","private":true}' > "$CS_DIR/package.json"
  (cd "$CS_DIR" && npm_config_yes=true npm install --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION" --unsafe-perm)
  "$CS_BIN" --version >/dev/null
  did+=("code-server $CS_VERSION")
fi

# 3. playwright-core drives the system chromium; it is a devDependency so `npm ci` brings it.
if [ -f node_modules/playwright-core/package.json ]; then
  say "playwright-core $(node -p "require('./node_modules/playwright-core/package.json').version") present"
else
  say "npm install (playwright-core missing from node_modules)"
  npm_config_yes=true npm install --no-audit --no-fund --loglevel=error
  did+=("npm install")
fi

CHROMIUM="$(command -v chromium || true)"
[ -n "$CHROMIUM" ] || { echo "chromium not found after install" >&2; exit 1; }
say "ready: code-server $("$CS_BIN" --version 2>/dev/null | head -1), $("$CHROMIUM" --version 2>/dev/null | tail -1)"
say "done in $(elapsed)s; installed: ${did[*]:-nothing}"
