#!/usr/bin/env bash
# Builds the static page's WebAssembly into web/pkg/ (a build output, git-ignored); then
# serve web/ with any static server, e.g. `python3 -m http.server -d web 8000`.
#
# Installs what it needs first, idempotently: Debian's Rust for the browser (rustc-web,
# cargo-web, rust-web-src: this machine's rustup has no wasm32 standard library, so std is
# built from source with -Z build-std), lld-22 (the linker matching its LLVM), and
# wasm-bindgen-cli at the version of the wasm-bindgen crate in Cargo.lock. With
# ../shared/tools/wasm-toolchain beside the project, that tool does the same.
#
# Usage: scripts/web.sh [--no-install]
set -euo pipefail
cd "$(dirname "$0")/.."

bindgen_version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
bindgen_home=${WASM_CARGO_HOME:-$HOME/.cache/minutes-wasm/cargo}

install() {
  if [ -x ../shared/tools/wasm-toolchain ]; then
    WASM_CARGO_HOME=$bindgen_home ../shared/tools/wasm-toolchain "$bindgen_version" >/dev/null
    return
  fi
  local pkgs="rustc-web cargo-web rust-web-src lld-22" missing="" p
  for p in $pkgs; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
  if [ -n "$missing" ]; then
    echo "installing:$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >&2
  fi
  local have
  have=$("$bindgen_home/bin/wasm-bindgen" --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "$bindgen_version" ]; then
    echo "building wasm-bindgen-cli $bindgen_version (about 4.5 minutes on 2 cores)" >&2
    # Not --locked: the registry index lacks one of its locked dependency versions.
    CARGO_HOME=$bindgen_home /usr/bin/cargo install wasm-bindgen-cli \
      --version "$bindgen_version" --root "$bindgen_home" -j2 >&2
  fi
}

[ "${1:-}" = "--no-install" ] || install

# Debian's toolchain, not rustup's: only it can build std for wasm32 here.
export CARGO=/usr/bin/cargo RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-22
export RUSTC_BOOTSTRAP=1
# std built for size: a panic aborts at once, without formatting its message and location
# (the page reports errors as Results; a panic is a bug either way), and std's smaller
# algorithms. Together 117 kB less wasm (41 kB less gzipped).
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
"$CARGO" build --locked -q -p minutes-web --profile web \
  --target wasm32-unknown-unknown -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size
wasm=${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/web/minutes_web.wasm

rm -rf web/pkg
"$bindgen_home/bin/wasm-bindgen" --target web --no-typescript --remove-name-section --remove-producers-section \
  --out-dir web/pkg "$wasm"
out=web/pkg/minutes_web_bg.wasm
# No wasm-opt: Debian's binaryen (108) -Oz shrinks the module from 1.42 to 1.26 MB but its
# gzip grows by 2.5% (547 to 561 kB), and gzip is what a visitor downloads.
printf 'web/pkg: %s bytes of wasm, %s gzipped\n' "$(stat -c %s "$out")" "$(gzip -9 -c "$out" | wc -c)"
