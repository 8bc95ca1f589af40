#!/usr/bin/env bash
# The browser test of the static page: installs what it needs (the wasm toolchain through
# scripts/web.sh, Debian's Chromium, playwright-core from npm), builds the page and the
# `minutes` command, then drives the page in headless Chromium (web/test/page.test.mjs).
# Downloads, screenshots and the timing go to target/web-test/. The last lines are node's
# test runner summary (`ℹ pass N`, `ℹ fail 0`); the exit status is non-zero on a failure.
set -euo pipefail
cd "$(dirname "$0")/.."

# Node.js 20 and npm are the machine's; Chromium is Debian's.
command -v node >/dev/null && command -v npm >/dev/null || {
  echo "error: the browser test needs Node.js (20 or newer) and npm" >&2
  exit 1
}
if ! dpkg -s chromium >/dev/null 2>&1; then
  echo "installing: chromium" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends chromium >&2
fi

scripts/web.sh
cargo build --release -q -p minutes-cli
(cd web/test && npm ci --no-audit --no-fund --loglevel=error)

target=${CARGO_TARGET_DIR:-target}
export MINUTES_BIN=$target/release/minutes WEB_TEST_OUT=$target/web-test
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
node --test --test-reporter=spec --test-concurrency=1 web/test/page.test.mjs
