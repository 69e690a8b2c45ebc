#!/usr/bin/env bash
# Creates (first time, several minutes) or reuses a cached install of the n8n used by the
# end-to-end tests and `npm run dev`. The install lives outside the package's own dependencies:
#
#   ${N8N_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-kie/n8n-<version>}/
#     package.json                 {"dependencies": {"n8n": <version>}, "overrides": {...}}
#     node_modules/.bin/n8n
#     install.log                  npm's output of the last install
#     .n8n-e2e-installed           written only after an install was verified
#
# Prints progress on stderr and the cache folder (nothing else) on stdout, so callers can do
#   N8N_HOME="$(scripts/ensure-n8n.sh)" && "$N8N_HOME/node_modules/.bin/n8n" --version
#
# Overrides: xlsx's CDN tarball is unreachable from many networks, and isolated-vm 6 needs Node 22.
set -euo pipefail

N8N_VERSION="${N8N_E2E_VERSION:-1.123.81}"
CACHE_DIR="${N8N_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-kie/n8n-${N8N_VERSION}}"
MARKER="$CACHE_DIR/.n8n-e2e-installed"
LOG="$CACHE_DIR/install.log"

log() { printf '[ensure-n8n] %s\n' "$*" >&2; }
fail() {
	printf '[ensure-n8n] ERROR: %s\n' "$*" >&2
	exit 1
}

command -v node >/dev/null || fail "node is not on PATH (Node 20 is required)"
command -v npm >/dev/null || fail "npm is not on PATH"
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
NODE_ABI="$(node -p 'process.versions.modules')"
[ "$NODE_MAJOR" = "20" ] ||
	fail "Node 20 is required (n8n ${N8N_VERSION} with isolated-vm 5 builds for Node 20); found $(node -v)"
EXPECTED_MARKER="n8n=${N8N_VERSION} node-abi=${NODE_ABI}"

# Is the folder a complete, working install for this Node ABI? (binary answers with the version,
# the native sqlite3 binding loads)
install_works() {
	[ -x "$CACHE_DIR/node_modules/.bin/n8n" ] || return 1
	local version
	version="$(cd "$CACHE_DIR" && N8N_USER_FOLDER="$CACHE_DIR/.probe" node_modules/.bin/n8n --version 2>/dev/null | tail -n 1)" ||
		return 1
	rm -rf "$CACHE_DIR/.probe"
	[ "$version" = "$N8N_VERSION" ] || return 1
	(cd "$CACHE_DIR" && node -e 'require("sqlite3")' >/dev/null 2>&1) || return 1
}

mkdir -p "$CACHE_DIR"
# One installer at a time per cache folder; a second caller waits, then reuses.
exec 9>"$CACHE_DIR.lock"
if ! flock -n 9; then
	log "another process is installing into $CACHE_DIR; waiting for it"
	flock 9
fi

if [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$EXPECTED_MARKER" ] && [ -x "$CACHE_DIR/node_modules/.bin/n8n" ]; then
	log "reusing n8n ${N8N_VERSION} in $CACHE_DIR"
	echo "$CACHE_DIR"
	exit 0
fi

# A folder installed before markers existed (or by hand with the same package.json): adopt it
# only if it really works.
if [ ! -f "$MARKER" ] && install_works; then
	echo "$EXPECTED_MARKER" >"$MARKER"
	log "adopted existing working n8n ${N8N_VERSION} install in $CACHE_DIR"
	echo "$CACHE_DIR"
	exit 0
fi

rm -f "$MARKER"
if [ -d "$CACHE_DIR/node_modules" ]; then
	log "removing an incomplete or outdated install in $CACHE_DIR"
	rm -rf "$CACHE_DIR/node_modules" "$CACHE_DIR/package-lock.json"
fi

cat >"$CACHE_DIR/package.json" <<EOF
{
  "name": "n8n-runtime-cache",
  "private": true,
  "dependencies": { "n8n": "${N8N_VERSION}" },
  "overrides": { "xlsx": "0.18.5", "isolated-vm": "5.0.4" }
}
EOF

log "installing n8n ${N8N_VERSION} into $CACHE_DIR (native builds: expect ~7 minutes; log: $LOG)"
started=$(date +%s)
# `npm run` exports the project's npm config (this repo's .npmrc sets ignore-scripts=true) to child
# processes; n8n's native modules (sqlite3, isolated-vm) must be built, so scripts are forced on.
unset npm_config_ignore_scripts NPM_CONFIG_IGNORE_SCRIPTS
(
	cd "$CACHE_DIR"
	npm install --ignore-scripts=false --no-audit --no-fund --loglevel=warn >"$LOG" 2>&1
) &
npm_pid=$!
trap 'kill "$npm_pid" 2>/dev/null || true' EXIT INT TERM
while kill -0 "$npm_pid" 2>/dev/null; do
	sleep 15
	kill -0 "$npm_pid" 2>/dev/null && log "still installing… $(($(date +%s) - started)) s"
done
status=0
wait "$npm_pid" || status=$?
trap - EXIT INT TERM
if [ "$status" -ne 0 ]; then
	tail -n 40 "$LOG" >&2 || true
	fail "npm install of n8n ${N8N_VERSION} failed (exit $status); full log: $LOG"
fi

install_works || {
	tail -n 40 "$LOG" >&2 || true
	fail "n8n ${N8N_VERSION} installed but does not run (n8n --version or the sqlite3 binding failed); log: $LOG"
}
echo "$EXPECTED_MARKER" >"$MARKER"
log "installed n8n ${N8N_VERSION} in $(($(date +%s) - started)) s"
echo "$CACHE_DIR"
