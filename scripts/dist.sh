#!/usr/bin/env bash
# Builds the `minutes` binary as it is shipped and prints its path.
#
# On Linux with glibc the C library is linked in statically (a static PIE, so address
# randomisation stays): a one-off `minutes convert` then starts without the dynamic loader
# mapping and relocating libc, libm and libgcc_s, which is about 0.3 ms of the 2.5-3.5 ms
# that converting one draft takes (docs/performance.md). Elsewhere this is a plain
# `cargo build --release`.
#
# The flag goes through `--target` on purpose: without it, cargo would also pass it to the
# proc-macro crates (clap and serde derive), which cannot be built as static executables.
# So the binary is target/<host>/release/minutes, not target/release/minutes.
#
# Usage: scripts/dist.sh [extra cargo build arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

host=$(rustc -vV | sed -n 's/^host: //p')
case "$host" in
    *-linux-gnu)
        cargo build --release -p minutes-cli --target "$host" \
            --config "target.$host.rustflags = ['-C', 'target-feature=+crt-static']" "$@" >&2
        echo "$PWD/target/$host/release/minutes"
        ;;
    *)
        cargo build --release -p minutes-cli "$@" >&2
        echo "$PWD/target/release/minutes"
        ;;
esac
